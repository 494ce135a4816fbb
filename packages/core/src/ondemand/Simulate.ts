import type * as FixedU128 from '../fixed/FixedU128'
import * as Market from './Market'
import type { Params } from './Params'

export type RunOptions = {
  /** relay blocks to run */
  readonly blocks: number
  /** orders placed in every block (each after the previous, as separate extrinsics) */
  readonly ordersPerBlock: number
  /** pool cores the scheduler fills from the queue each block */
  readonly poolCores: number
  /** distinct paras the orders cycle through (default: one para per order in a block) */
  readonly paras?: number
  /** the most an order will pay; orders above it are rejected and counted */
  readonly maxAmount?: bigint
  /** starting traffic (default: the pallet default, clamped to 1.0 by the first update) */
  readonly traffic?: FixedU128.FixedU128
  /** orders already queued at the start (placed long ago, so ready) */
  readonly queued?: number
  readonly firstBlock?: number
}

export type BlockRecord = {
  readonly block: number
  /** spot price after `on_initialize`, before this block's orders */
  readonly spotPrice: bigint
  readonly placed: number
  readonly rejected: number
  readonly served: number
  readonly queueLength: number
}

export type RunResult = {
  readonly state: Market.State
  readonly blocks: readonly BlockRecord[]
  readonly placed: number
  readonly rejected: number
  readonly served: number
  /** planck paid for all placed orders */
  readonly paid: bigint
  readonly errors: Readonly<Record<string, number>>
}

const PAYER = 'simulated-orderer'

/**
 * A steady stream of orders through the exact pallet: each block runs `on_initialize`, then the orders
 * (each with its own traffic update), then the scheduler pulls `poolCores` ready orders. Pure.
 */
export const run = (params: Params, options: RunOptions): RunResult => {
  const first = options.firstBlock ?? 1
  const paras = Math.max(1, options.paras ?? options.ordersPerBlock)
  const maxAmount = options.maxAmount ?? (1n << 128n) - 1n
  let state: Market.State = {
    ...Market.initial({
      now: first - 1,
      traffic: options.traffic ?? 0n,
      credits: { [PAYER]: (1n << 127n) - 1n },
    }),
    queue: Array.from({ length: options.queued ?? 0 }, (_, i) => ({ paraId: 100_000 + i, orderedAt: 0 })),
  }
  const records: BlockRecord[] = []
  const errors: Record<string, number> = {}
  let placedAll = 0
  let rejectedAll = 0
  let servedAll = 0
  let paid = 0n
  let next = 0
  for (let b = first; b < first + options.blocks; b++) {
    state = Market.initialize(state, params, b).state
    const spotPrice = Market.currentSpotPrice(state, params)
    let placed = 0
    let rejected = 0
    for (let i = 0; i < options.ordersPerBlock; i++) {
      const paraId = 2000 + (next++ % paras)
      const r = Market.apply(state, params, { type: 'placeOrderWithCredits', who: PAYER, maxAmount, paraId })
      if (r.ok) {
        state = r.state
        placed++
        for (const e of r.events) if (e.type === 'OnDemandOrderPlaced') paid += e.spotPrice
      } else {
        rejected++
        errors[r.error.code] = (errors[r.error.code] ?? 0) + 1
      }
    }
    const popped = Market.popAssignmentsForCores(state, b, options.poolCores)
    state = popped.state
    records.push({
      block: b,
      spotPrice,
      placed,
      rejected,
      served: popped.paraIds.length,
      queueLength: state.queue.length,
    })
    placedAll += placed
    rejectedAll += rejected
    servedAll += popped.paraIds.length
  }
  return { state, blocks: records, placed: placedAll, rejected: rejectedAll, served: servedAll, paid, errors }
}
