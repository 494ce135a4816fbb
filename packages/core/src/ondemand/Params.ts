import * as FixedU128 from '../fixed/FixedU128'
import * as Perbill from '../fixed/Perbill'
import * as Networks from '../networks/Networks'
import type { Network } from '../units/Token'

/**
 * Everything the on-demand market reads: the four relay `HostConfiguration.scheduler_params` values
 * (governance-set chain state, so always an input) and three runtime constants.
 */
export type Params = {
  /** `on_demand_base_fee`, planck */
  readonly baseFee: bigint
  /** `on_demand_fee_variability` */
  readonly feeVariability: Perbill.Perbill
  /** `on_demand_target_queue_utilization` */
  readonly targetQueueUtilization: Perbill.Perbill
  /** `on_demand_queue_max_size` */
  readonly queueMaxSize: number
  /** `TrafficDefaultValue` constant: the traffic floor */
  readonly trafficDefault: FixedU128.FixedU128
  /** `MaxHistoricalRevenue` constant: blocks of revenue kept for the broker to claim */
  readonly maxHistoricalRevenue: number
  /** relay `Balances.ExistentialDeposit`, planck (for keep-alive and reaping) */
  readonly existentialDeposit: bigint
}

/**
 * polkadot-sdk defaults, NOT live values: `SchedulerParams::default` (polkadot primitives) for the
 * four config values; the live ones are in `configuration.activeConfig` and were not found in any
 * public source. Constants and existential deposits are the live ones (metadata 2026).
 */
export const sdkDefaults = (network: Network): Params => ({
  baseFee: 10_000_000n, // SchedulerParams::default on_demand_base_fee
  feeVariability: Perbill.fromPercent(3n),
  targetQueueUtilization: Perbill.fromPercent(25n),
  queueMaxSize: 10_000, // ON_DEMAND_DEFAULT_QUEUE_MAX_SIZE
  trafficDefault: FixedU128.one, // fellows relay lib.rs TrafficDefaultValue = 1.0
  maxHistoricalRevenue: 160, // fellows relay lib.rs MaxHistoricalRevenue = 2 × TIMESLICE_PERIOD
  existentialDeposit: Networks.get(network).relay.existentialDeposit, // metadata 2026 Balances.ExistentialDeposit
})

/**
 * The hard cap a queue size can be configured to: `ON_DEMAND_MAX_QUEUE_MAX_SIZE` (polkadot
 * primitives v9/mod.rs: 10,000 since #10184, in stable2603; it was 1e9 before).
 */
export const MAX_QUEUE_MAX_SIZE = 10_000
