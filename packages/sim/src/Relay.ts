import { OnDemand } from '@coretime/core'

/**
 * The relay side of a simulation: the on-demand market (`OnDemand.Market`, the exact pallet)
 * advanced block by block — `on_initialize`, then the scheduler's pull for the pool cores — and
 * skipped in one step once nothing can change but the revenue slots.
 */
export interface Market {
  state: OnDemand.Market.State
}

type Params = OnDemand.Params.Params

/** An empty market at `block` with these free balances (planck). */
export const create = (block: number, balances: Record<string, bigint>): Market => ({
  state: OnDemand.Market.initial({ now: block, balances }),
})

/**
 * Runs blocks `now+1 … block`: each block's `initialize` and `popAssignmentsForCores(poolCores)`.
 * Once the queue cannot move (empty, or no pool cores) and the traffic is at its fixed point, the
 * remaining blocks only shift the revenue slots, which is done in one step.
 */
export const advance = (m: Market, params: Params, block: number, poolCores: number): Market => {
  let state = m.state
  while (state.now < block) {
    const before = state.traffic
    const queued = state.queue.length
    const b = state.now + 1
    state = OnDemand.Market.initialize(state, params, b).state
    if (queued > 0 && poolCores > 0) state = OnDemand.Market.popAssignmentsForCores(state, b, poolCores).state
    // the next block's inputs (traffic, queue size) are this one's, and nothing can be served
    const still =
      state.traffic === before && state.queue.length === queued && (queued === 0 || poolCores === 0)
    if (still && state.now < block) {
      state = idle(state, params, block)
      break
    }
  }
  return state === m.state ? m : { state }
}

/**
 * `initialize` for every block up to `block` when it changes nothing but the revenue slots: each
 * block prepends a zero slot and folds what falls past `maxHistoricalRevenue` into the last one.
 */
const idle = (state: OnDemand.Market.State, params: Params, block: number): OnDemand.Market.State => {
  const max = params.maxHistoricalRevenue
  const k = block - state.now
  if (max < 1) {
    let s = state
    while (s.now < block) s = OnDemand.Market.initialize(s, params, s.now + 1).state
    return s
  }
  const revenue: bigint[] = []
  for (let i = 0; i < Math.min(k, max); i++) revenue.push(0n)
  for (const r of state.revenue) revenue.push(r)
  if (revenue.length > max) {
    let tail = 0n
    for (let i = max - 1; i < revenue.length; i++) tail += revenue[i] as bigint
    revenue.length = max - 1
    revenue.push(tail)
  }
  return { ...state, now: block, revenue }
}
