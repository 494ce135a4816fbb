export * as CorePrice from './CorePrice'
