export * as Aggregate from './Aggregate'
export * as Defaults from './Defaults'
export * as MonteCarlo from './MonteCarlo'
export { monteCarlo } from './MonteCarlo'
export * from './market/index'
export * as Preset from './Preset'
export * as Profile from './Profile'
export * as Recorder from './Recorder'
export type { GroupTotals } from './Results'
export * as Rng from './Rng'
export * as Scenario from './Scenario'
export * as Shard from './Shard'
export type {
  AgentResult,
  Failure,
  FailureReason,
  GroupResult,
  PriceStats,
  SaleResult,
  SimOptions,
  SimResult,
} from './Simulate'
export { SimulationError, simulate } from './Simulate'
export * as Sweep from './Sweep'
export { sweep } from './Sweep'
