import * as FixedU128 from '../fixed/FixedU128'
import type { Perbill } from '../fixed/Perbill'
import { U128_MAX } from '../fixed/rounding'

/** Inputs of one spot-traffic update. Queue sizes are u32 counts. */
export type TrafficInputs = {
  /** `on_demand_queue_max_size` */
  readonly queueCapacity: number
  /** orders in the queue now */
  readonly queueSize: number
  /** `on_demand_target_queue_utilization` */
  readonly targetQueueUtilization: Perbill
  /** `on_demand_fee_variability` */
  readonly feeVariability: Perbill
  /** `TrafficDefaultValue` runtime constant, the floor of the multiplier (1.0 on Polkadot and Kusama) */
  readonly trafficDefault?: FixedU128.FixedU128
}

export type TrafficError = { readonly code: 'QueueCapacityIsZero' | 'QueueSizeLargerThanCapacity' }
export type TrafficResult =
  | { readonly ok: true; readonly value: FixedU128.FixedU128 }
  | { readonly ok: false; readonly error: TrafficError }

/**
 * The new traffic multiplier after one update.
 * polkadot-sdk on_demand/mod.rs calculate_spot_traffic (identical in assigner_on_demand and on_demand v1/v2).
 * Below target the multiplier is `d − (v·d)²/2` with no `1 −` term, so it snaps back to the floor
 * within a block or two; above target it is `1 + d + (v·d)²/2` (the linear term is `d`, not `v·d`).
 */
export const next = (traffic: FixedU128.FixedU128, inputs: TrafficInputs): TrafficResult => {
  const { queueCapacity, queueSize } = inputs
  if (queueCapacity === 0) return { ok: false, error: { code: 'QueueCapacityIsZero' } }
  if (queueSize > queueCapacity) return { ok: false, error: { code: 'QueueSizeLargerThanCapacity' } }
  // from_rational: round to nearest, ties down
  const ratio = FixedU128.fromRational(BigInt(queueSize), BigInt(queueCapacity))
  const target = FixedU128.fromPerbill(inputs.targetQueueUtilization)
  const variability = FixedU128.fromPerbill(inputs.feeVariability)
  const positive = ratio >= target
  const diff = positive ? ratio - target : target - ratio
  const vd = FixedU128.mul(diff, variability) // floor
  const vd2 = FixedU128.mul(vd, vd) // floor
  const half = FixedU128.divIntRoundHalfDown(vd2, 2n) // const_checked_div(2): nearest, ties down
  const updated = positive
    ? FixedU128.mul(FixedU128.add(FixedU128.add(diff, half), FixedU128.one), traffic)
    : FixedU128.mul(FixedU128.sub(diff, half), traffic)
  const floor = inputs.trafficDefault ?? FixedU128.one
  // biome-ignore lint/complexity/useMathMinMax: bigint has no Math.max
  return { ok: true, value: updated > floor ? updated : floor }
}

/**
 * Spot price of one order: `traffic.saturating_mul_int(on_demand_base_fee)`, floor, saturating at u128.
 * polkadot-sdk on_demand/mod.rs do_place_order
 */
export const spotPrice = (traffic: FixedU128.FixedU128, baseFee: bigint): bigint =>
  FixedU128.mulInt(traffic, baseFee, U128_MAX)
