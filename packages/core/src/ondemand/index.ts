export * as Market from './Market'
export * as Params from './Params'
export * as Simulate from './Simulate'
export * as Traffic from './Traffic'
