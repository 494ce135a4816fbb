import type { AccountId } from '@coretime/core'
import type { Actor, ActorKind } from './agents/Actor'
import type * as Recorder from './Recorder'

/**
 * A run's results, and the collector that builds them (Mesa's DataCollector): a `SaleTally` per
 * sale while it runs, `saleResult` when it closes, `agentResults` / `groupResults` at the end.
 */

/** Why someone did not get (or keep) a core: an engine error, or a decision before any call. */
export type FailureReason =
  | 'SoldOut'
  | 'Overpriced'
  | 'FundsUnavailable'
  | 'Unavailable'
  | 'TooExpensive' // the price never came within the agent's limit in this sale
  | 'RenewalTooExpensive' // the renewal price was above what the renewer will pay
  | 'Forgot' // the renewer forgot to renew
  | (string & {})

export interface Failure {
  agent: AccountId
  group: string
  reason: FailureReason
}

export interface PriceStats {
  count: number
  min: bigint
  max: bigint
  /** total / count, floored */
  mean: bigint
  total: bigint
}

export interface SaleResult {
  /** 1-based sale number */
  sale: number
  regionBegin: number
  regionEnd: number
  saleStartBlock: number
  leadinEndBlock: number
  /** the last block of this sale (the next rotation happens one block later) */
  lastBlock: number
  dates: { saleStart: string; leadinEnd: string; regionBegin: string; regionEnd: string }
  /** price at the start of the lead-in */
  startPrice: bigint
  endPrice: bigint
  /** the sale's sellout price when it closed (the next sale's prices follow it) */
  selloutPrice: bigint | null
  coresOffered: number
  idealCoresSold: number
  coresSold: number
  renewed: number
  purchased: number
  /** regions a speculator resold to a buyer who had failed */
  resold: number
  /** renewal rights the table demand left unused */
  lapsed: number
  renewalPrices: PriceStats | null
  purchasePrices: PriceStats | null
  /** everything paid to the broker in this sale (burned on Polkadot and Kusama) */
  revenue: bigint
  failed: Failure[]
  /** on-demand orders on the relay in this sale (only with `onDemand` agents; not broker revenue) */
  onDemand?: OnDemandSale
}

export interface OnDemandSale {
  /** spot prices paid for the orders placed */
  orders: PriceStats | null
  /** orders the relay refused (spot price above the agent's limit, queue full, balance short) */
  rejected: number
  /** planck paid for on-demand blocks in this sale */
  cost: bigint
}

export interface AgentResult {
  id: AccountId
  group: string
  kind: ActorKind
  task: number
  /** planck paid to the broker, plus resale prices paid to speculators */
  cost: bigint
  /** resale income (speculators) */
  income: bigint
  purchases: number
  renewals: number
  failures: number
  /** cores held for the last simulated region */
  coresHeld: number
  /** on-demand agents: orders placed and refused */
  orders?: number
  ordersRejected?: number
}

/** A group's sums: the same shape in both markets, differing only in the kinds of its members. */
export interface GroupTotals<K extends string> {
  group: string
  kind: K
  agents: number
  cost: bigint
  income: bigint
  purchases: number
  renewals: number
  failures: number
  /** cores held for the last simulated period */
  coresHeld: number
}

export interface GroupResult extends GroupTotals<ActorKind> {
  orders?: number
  ordersRejected?: number
}

export interface SimResult {
  name: string
  seed: number
  token: { symbol: string; decimals: number }
  sales: SaleResult[]
  /** every scenario agent (table buyers and holders appear only in `groups`) */
  agents: AgentResult[]
  groups: GroupResult[]
  revenue: bigint
  /** the run as a `coretime-trace/1` file, when asked for */
  trace: Recorder.TraceJson | null
}

// ------------------------------------------------------------------------------------------------
// Price tallies
// ------------------------------------------------------------------------------------------------

/** Running count, min, max and total of the prices paid in a sale. */
export interface Tally {
  count: number
  min: bigint
  max: bigint
  total: bigint
}
export const newTally = (): Tally => ({ count: 0, min: 0n, max: 0n, total: 0n })
/** Adds `n` prices of `x` (one by default). */
export const tally = (t: Tally, x: bigint, n = 1): void => {
  if (n <= 0) return
  if (t.count === 0 || x < t.min) t.min = x
  if (t.count === 0 || x > t.max) t.max = x
  t.count += n
  t.total += n === 1 ? x : x * BigInt(n)
}
export const stats = (t: Tally): PriceStats | null =>
  t.count === 0
    ? null
    : { count: t.count, min: t.min, max: t.max, mean: t.total / BigInt(t.count), total: t.total }

// ------------------------------------------------------------------------------------------------
// A sale while it runs
// ------------------------------------------------------------------------------------------------

/** What the collector records during a sale. */
export interface SaleTally {
  renewalPrices: Tally
  purchasePrices: Tally
  orderPrices: Tally
  ordersRejected: number
  resold: number
  lapsed: number
  failed: Failure[]
  /** the actor each failure is about (parallel to `failed`; the first actor with that id) */
  failedBy: Actor[]
}

export const newSaleTally = (): SaleTally => ({
  renewalPrices: newTally(),
  purchasePrices: newTally(),
  orderPrices: newTally(),
  ordersRejected: 0,
  resold: 0,
  lapsed: 0,
  failed: [],
  failedBy: [],
})

/** The sale's numbers that come from the engine's sale record and the calendar. */
export interface SaleFrame {
  sale: number
  regionBegin: number
  regionEnd: number
  saleStartBlock: number
  leadinEndBlock: number
  lastBlock: number
  dates: SaleResult['dates']
  startPrice: bigint
  endPrice: bigint
  coresOffered: number
  idealCoresSold: number
}

/** A sale's result when it closes: its frame, the engine's closing numbers and the tally. */
export const saleResult = (
  frame: SaleFrame,
  closing: { selloutPrice: bigint | null; coresSold: number },
  t: SaleTally,
  failed: Failure[],
  onDemand: boolean,
): SaleResult => ({
  // the fields in the order of SaleResult (JSON output follows it)
  sale: frame.sale,
  regionBegin: frame.regionBegin,
  regionEnd: frame.regionEnd,
  saleStartBlock: frame.saleStartBlock,
  leadinEndBlock: frame.leadinEndBlock,
  lastBlock: frame.lastBlock,
  dates: frame.dates,
  startPrice: frame.startPrice,
  endPrice: frame.endPrice,
  selloutPrice: closing.selloutPrice,
  coresOffered: frame.coresOffered,
  idealCoresSold: frame.idealCoresSold,
  coresSold: closing.coresSold,
  renewed: t.renewalPrices.count,
  purchased: t.purchasePrices.count,
  resold: t.resold,
  lapsed: t.lapsed,
  renewalPrices: stats(t.renewalPrices),
  purchasePrices: stats(t.purchasePrices),
  revenue: t.renewalPrices.total + t.purchasePrices.total,
  failed,
  ...(onDemand && {
    onDemand: { orders: stats(t.orderPrices), rejected: t.ordersRejected, cost: t.orderPrices.total },
  }),
})

// ------------------------------------------------------------------------------------------------
// The end of the run
// ------------------------------------------------------------------------------------------------

const agentResult = (a: Actor, finalEnd: number): AgentResult => {
  let coresHeld = 0
  for (const e of a.heldUntil) if (e === finalEnd) coresHeld++
  return {
    id: a.id,
    group: a.group,
    kind: a.kind,
    task: a.task,
    cost: a.cost,
    income: a.income,
    purchases: a.purchases,
    renewals: a.renewals,
    failures: a.failures,
    coresHeld,
    ...(a.kind === 'onDemand' && { orders: a.orders, ordersRejected: a.ordersRejected }),
  }
}

/** A member's ledger as its group sums it. */
export interface Member<K extends string> {
  group: string
  kind: K
  cost: bigint
  income: bigint
  purchases: number
  renewals: number
  failures: number
}

/**
 * Adds one member to its group's sums (a new group, in first-seen order, when it has none) and
 * returns the group. Both markets' results sum their groups with it.
 */
export const addToGroup = <K extends string, G extends GroupTotals<K>>(
  groups: Map<string, G>,
  m: Member<K>,
  coresHeld: number,
): G => {
  let g = groups.get(m.group)
  if (g === undefined) {
    g = {
      group: m.group,
      kind: m.kind,
      agents: 0,
      cost: 0n,
      income: 0n,
      purchases: 0,
      renewals: 0,
      failures: 0,
      coresHeld: 0,
    } as G
    groups.set(m.group, g)
  }
  g.agents++
  g.cost += m.cost
  g.income += m.income
  g.purchases += m.purchases
  g.renewals += m.renewals
  g.failures += m.failures
  g.coresHeld += coresHeld
  return g
}

/** Every scenario agent's result (table actors only count in their group) and each group's sums. */
export const agentResults = (
  actors: readonly Actor[],
  finalEnd: number,
): { agents: AgentResult[]; groups: GroupResult[] } => {
  const agents: AgentResult[] = []
  const groups = new Map<string, GroupResult>()
  for (const a of actors) {
    const r = agentResult(a, finalEnd)
    if (a.kind !== 'table') agents.push(r)
    const g = addToGroup(groups, r, r.coresHeld)
    if (r.orders !== undefined) {
      g.orders = (g.orders ?? 0) + r.orders
      g.ordersRejected = (g.ordersRejected ?? 0) + (r.ordersRejected ?? 0)
    }
  }
  return { agents, groups: [...groups.values()] }
}
