export * as Compare from './Compare'
export * as Rfc17Sim from './rfc17/index'
