import type * as FixedU128 from '../fixed/FixedU128'
import type { Params } from './Params'
import * as Traffic from './Traffic'

/** An order waiting in the queue (`EnqueuedOrder` of on_demand v2). */
export type EnqueuedOrder = { readonly paraId: number; readonly orderedAt: number }

/**
 * The relay's on-demand pallet state (v2 storage `OrderStatus`, `Revenue`, `Credits`), plus the free
 * balances it withdraws from and the pot `py/ondmd` it pays into. Plain data; every step returns a new one.
 */
export type State = {
  /** current relay block (set by `initialize`) */
  readonly now: number
  readonly traffic: FixedU128.FixedU128
  readonly queue: readonly EnqueuedOrder[]
  /** revenue per block, index 0 = the current block, at most `maxHistoricalRevenue` entries */
  readonly revenue: readonly bigint[]
  readonly credits: Readonly<Record<string, bigint>>
  /** free balances on the relay, planck */
  readonly balances: Readonly<Record<string, bigint>>
  /** the pallet's pot account balance */
  readonly pot: bigint
}

export type Payment = 'allowDeath' | 'keepAlive' | 'credits'

export type Call =
  | {
      readonly type: 'placeOrderAllowDeath'
      readonly who: string
      readonly maxAmount: bigint
      readonly paraId: number
    }
  | {
      readonly type: 'placeOrderKeepAlive'
      readonly who: string
      readonly maxAmount: bigint
      readonly paraId: number
    }
  | {
      readonly type: 'placeOrderWithCredits'
      readonly who: string
      readonly maxAmount: bigint
      readonly paraId: number
    }
  /** relay `Coretime.credit_account` (from the broker) */
  | { readonly type: 'creditAccount'; readonly who: string; readonly amount: bigint }

export type Event =
  | {
      readonly type: 'OnDemandOrderPlaced'
      readonly paraId: number
      readonly spotPrice: bigint
      readonly orderedBy: string
    }
  | { readonly type: 'SpotPriceSet'; readonly spotPrice: bigint }
  | { readonly type: 'AccountCredited'; readonly who: string; readonly amount: bigint }
  /** pallet_balances: an account fell below the existential deposit and was reaped */
  | { readonly type: 'DustLost'; readonly account: string; readonly amount: bigint }

export type OrderError =
  | { readonly code: 'SpotPriceHigherThanMaxAmount'; readonly spotPrice: bigint; readonly maxAmount: bigint }
  | { readonly code: 'QueueFull'; readonly spotPrice: bigint; readonly queueMaxSize: number }
  | { readonly code: 'InsufficientCredits'; readonly spotPrice: bigint; readonly credits: bigint }
  /** pallet_balances errors raised by `Currency::withdraw` */
  | { readonly code: 'InsufficientBalance'; readonly spotPrice: bigint; readonly balance: bigint }
  | { readonly code: 'Expendability'; readonly spotPrice: bigint; readonly balance: bigint }

export type ApplyResult =
  | { readonly ok: true; readonly state: State; readonly events: readonly Event[] }
  | { readonly ok: false; readonly error: OrderError }

/** Empty pallet state at block `now` with the given balances (v2 `OrderStatus::default` has traffic 0). */
export const initial = (
  options: {
    now?: number
    traffic?: FixedU128.FixedU128
    balances?: Record<string, bigint>
    credits?: Record<string, bigint>
  } = {},
): State => ({
  now: options.now ?? 0,
  traffic: options.traffic ?? 0n,
  queue: [],
  revenue: [],
  credits: options.credits ?? {},
  balances: options.balances ?? {},
  pot: 0n,
})

/** The price an order would pay now, without the per-order traffic update. */
export const currentSpotPrice = (state: State, params: Params): bigint =>
  Traffic.spotPrice(state.traffic, params.baseFee)

// polkadot-sdk on_demand/mod.rs update_spot_traffic: write and emit only on change; errors leave it as is.
const updateTraffic = (state: State, params: Params): { state: State; events: Event[] } => {
  const r = Traffic.next(state.traffic, {
    queueCapacity: params.queueMaxSize,
    queueSize: state.queue.length,
    targetQueueUtilization: params.targetQueueUtilization,
    feeVariability: params.feeVariability,
    trafficDefault: params.trafficDefault,
  })
  if (!r.ok || r.value === state.traffic) return { state, events: [] }
  return {
    state: { ...state, traffic: r.value },
    events: [{ type: 'SpotPriceSet', spotPrice: Traffic.spotPrice(r.value, params.baseFee) }],
  }
}

/**
 * The pallet's `on_initialize` for relay block `block`: open a revenue slot for this block (what falls
 * off the end is added to the oldest slot), then update the traffic so idle blocks decay it.
 * polkadot-sdk on_demand/mod.rs on_initialize
 */
export const initialize = (
  state: State,
  params: Params,
  block: number,
): { state: State; events: Event[] } => {
  const revenue = [0n, ...state.revenue]
  if (revenue.length > params.maxHistoricalRevenue) {
    const overdue = revenue.pop() ?? 0n
    if (revenue.length > 0) revenue[revenue.length - 1] = (revenue[revenue.length - 1] ?? 0n) + overdue
  }
  return updateTraffic({ ...state, now: block, revenue }, params)
}

/**
 * One call, as an extrinsic in the current block: either the new state with its events, or the
 * rejection (state unchanged, as the chain reverts the call). Rejections carry the spot price the
 * order would have paid.
 * polkadot-sdk on_demand/mod.rs do_place_order, credit_account
 */
export const apply = (state: State, params: Params, call: Call): ApplyResult => {
  if (call.type === 'creditAccount') {
    const credits = { ...state.credits, [call.who]: (state.credits[call.who] ?? 0n) + call.amount }
    return { ok: true, state: { ...state, credits }, events: [{ type: 'AccountCredited', ...pick(call) }] }
  }
  const updated = updateTraffic(state, params)
  let s = updated.state
  const spotPrice = Traffic.spotPrice(s.traffic, params.baseFee)
  if (spotPrice > call.maxAmount)
    return {
      ok: false,
      error: { code: 'SpotPriceHigherThanMaxAmount', spotPrice, maxAmount: call.maxAmount },
    }
  if (s.queue.length >= params.queueMaxSize)
    return { ok: false, error: { code: 'QueueFull', spotPrice, queueMaxSize: params.queueMaxSize } }
  const events = updated.events
  if (call.type === 'placeOrderWithCredits') {
    const credits = s.credits[call.who] ?? 0n
    if (credits < spotPrice) return { ok: false, error: { code: 'InsufficientCredits', spotPrice, credits } }
    const rest = { ...s.credits }
    // v2 removes the entry when it reaches zero
    if (credits === spotPrice) delete rest[call.who]
    else rest[call.who] = credits - spotPrice
    s = { ...s, credits: rest }
  } else {
    const w = withdraw(s, params, call.who, spotPrice, call.type === 'placeOrderKeepAlive')
    if (!w.ok) return w
    s = w.state
    events.push(...w.events)
  }
  const revenue =
    s.revenue.length > 0 ? [(s.revenue[0] ?? 0n) + spotPrice, ...s.revenue.slice(1)] : [spotPrice]
  s = { ...s, revenue, queue: [...s.queue, { paraId: call.paraId, orderedAt: s.now }] }
  events.push({ type: 'OnDemandOrderPlaced', paraId: call.paraId, spotPrice, orderedBy: call.who })
  return { ok: true, state: s, events }
}

const pick = (call: { who: string; amount: bigint }) => ({ who: call.who, amount: call.amount })

// pallet_balances Currency::withdraw: InsufficientBalance if short; Expendability if keep-alive would
// reap a live account; with allow-death a remainder below the existential deposit is dust and is removed.
const withdraw = (
  state: State,
  params: Params,
  who: string,
  amount: bigint,
  keepAlive: boolean,
): { ok: true; state: State; events: Event[] } | { ok: false; error: OrderError } => {
  const pay = { ...state, pot: state.pot + amount }
  if (amount === 0n) return { ok: true, state: pay, events: [] }
  const balance = state.balances[who] ?? 0n
  if (balance < amount)
    return { ok: false, error: { code: 'InsufficientBalance', spotPrice: amount, balance } }
  const left = balance - amount
  const ed = params.existentialDeposit
  if (keepAlive && left < ed && balance >= ed)
    return { ok: false, error: { code: 'Expendability', spotPrice: amount, balance } }
  const balances = { ...state.balances }
  const events: Event[] = []
  if (left < ed) {
    delete balances[who]
    if (left > 0n) events.push({ type: 'DustLost', account: who, amount: left })
  } else balances[who] = left
  return { ok: true, state: { ...pay, balances }, events }
}

/**
 * The scheduler's pull for `numCores` pool cores at block `now`: orders are ready two blocks after they
 * were placed (async backing); scan front to back, at most one per para and `numCores` in all; the rest
 * keep their order. The popped paras come out in ascending para id (the upstream BTreeSet's order).
 * polkadot-sdk on_demand/mod.rs OrderQueue::pop_assignment_for_cores
 */
export const popAssignmentsForCores = (
  state: State,
  now: number,
  numCores: number,
): { state: State; paraIds: number[] } => {
  const popped = new Set<number>()
  const remaining: EnqueuedOrder[] = []
  let cores = numCores
  for (const order of state.queue) {
    if (cores > 0 && order.orderedAt + 2 <= now && !popped.has(order.paraId)) {
      popped.add(order.paraId)
      cores--
    } else remaining.push(order)
  }
  return { state: { ...state, queue: remaining }, paraIds: [...popped].sort((a, b) => a - b) }
}

/**
 * An assignment that could not be served goes back to the back of the queue, stamped `now`
 * (v2; v1 pushed to the front). polkadot-sdk on_demand/mod.rs push_back_order
 */
export const pushBackOrder = (state: State, paraId: number): State => ({
  ...state,
  queue: [...state.queue, { paraId, orderedAt: state.now }],
})

/**
 * Revenue the broker claims via `request_revenue_at(when)`: pop slots from the oldest end while
 * `when > now − index`, i.e. every block before `when`. The pot is left alone: the relay's Coretime
 * pallet teleports the amount from it afterwards (and credit orders add revenue without pot funds).
 * polkadot-sdk on_demand/mod.rs claim_revenue_until
 */
export const claimRevenueUntil = (state: State, when: number): { state: State; amount: bigint } => {
  const revenue = [...state.revenue]
  let amount = 0n
  while (revenue.length > 0) {
    const index = revenue.length - 1
    if (when > Math.max(0, state.now - index)) amount += revenue.pop() ?? 0n
    else break
  }
  return { state: { ...state, revenue }, amount }
}
