export * as Fixture from './Fixture'
export * as Shared from './Shared'
export { sample } from './sample'
export * as TestNode from './TestNode'
