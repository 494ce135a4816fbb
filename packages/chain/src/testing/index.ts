export * as Fixture from './Fixture'
export { sample } from './sample'
export * as TestNode from './TestNode'
