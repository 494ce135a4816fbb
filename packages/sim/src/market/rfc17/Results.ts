import type { Rfc17 } from '@coretime/core'
import type { AgentKind } from './agents/Agent'

/** Price statistics of one group in one sale (the same shape as today's run reports). */
export interface PriceStats {
  count: number
  min: bigint
  max: bigint
  /** total / count, floored */
  mean: bigint
  total: bigint
}

export interface Failure {
  agent: string
  group: string
  /**
   * `TooExpensive` (valuation below the reserve), `Outbid`, `Displaced` (won, then displaced by a
   * renewal), `RenewalTooExpensive`, `Forgot`, `FundsUnavailable`, or a refused bid's code
   */
  reason: string
  /** the agent held a core in the ending period and does not keep it */
  lostCore: boolean
}

/** One RFC-17 bulk period. */
export interface SaleResult {
  sale: number
  reservePrice: bigint
  openingPrice: bigint
  clearingPrice: bigint
  renewalPrice: bigint
  penaltyApplied: boolean
  /** the clock level the market closed at (0: the opening price) */
  closedAtLevel: number
  /** over-demand at the opening price was drawn by lot */
  lottery: boolean
  supply: number
  /** cores kept by market winners, renewed, left to the on-demand market */
  sold: number
  renewed: number
  idle: number
  /** cores won in the market and lost to renewals */
  displaced: number
  /** cores speculators resold in the settlement period */
  resold: number
  /** renewal rights the table demand left unused */
  lapsed: number
  /** what new buyers paid per core (market winners without a renewal right) */
  newBuyerPrices: PriceStats | null
  /** what holders paid per core to keep one (the renewal price, or the clearing price when they won it in the market) */
  renewerPrices: PriceStats | null
  /** cores the large actor(s) hold for this period */
  largeActorCores: number
  /** paid by winners and renewers */
  revenue: bigint
  nextReserve: bigint
  reserveRule: Rfc17.Reserve.Rule
  failed: Failure[]
}

export interface GroupResult {
  group: string
  kind: AgentKind
  agents: number
  cost: bigint
  income: bigint
  purchases: number
  renewals: number
  failures: number
  /** cores held for the last period */
  coresHeld: number
}

export interface Rfc17Result {
  name: string
  seed: number
  token: { symbol: string; decimals: number }
  sales: SaleResult[]
  groups: GroupResult[]
  revenue: bigint
}

export interface Tally {
  count: number
  min: bigint
  max: bigint
  total: bigint
}
export const newTally = (): Tally => ({ count: 0, min: 0n, max: 0n, total: 0n })
export const tally = (t: Tally, x: bigint, n = 1): void => {
  if (n <= 0) return
  if (t.count === 0 || x < t.min) t.min = x
  if (t.count === 0 || x > t.max) t.max = x
  t.count += n
  t.total += x * BigInt(n)
}
export const stats = (t: Tally): PriceStats | null =>
  t.count === 0
    ? null
    : { count: t.count, min: t.min, max: t.max, mean: t.total / BigInt(t.count), total: t.total }
