export * as Compare from './Compare'
