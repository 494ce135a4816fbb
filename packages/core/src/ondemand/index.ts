export * as Market from './Market'
export * as OnDemandParams from './Params'
export * as OnDemandSimulate from './Simulate'
export * as Traffic from './Traffic'
