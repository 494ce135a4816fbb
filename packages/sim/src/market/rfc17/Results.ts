import type { Rfc17 } from '@coretime/core'
import type { GroupTotals, PriceStats } from '../../Results'
import type { AgentKind } from './agents/Agent'

// the price tallies are today's run's (one `Tally`, one `PriceStats`)
export { newTally, type PriceStats, stats, type Tally, tally } from '../../Results'

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

/** The prices and counts of the market's outcome a sale reports as they are. */
type OutcomeFields =
  | 'reservePrice'
  | 'openingPrice'
  | 'clearingPrice'
  | 'renewalPrice'
  | 'penaltyApplied'
  | 'closedAtLevel' // the clock level the market closed at (0: the opening price)
  | 'lottery' // over-demand at the opening price was drawn by lot
  | 'supply'
  | 'sold' // cores kept by market winners
  | 'renewed'
  | 'idle' // left to the on-demand market

/** One RFC-17 bulk period: the market's outcome (`Rfc17.Sale.Outcome`), settled among the agents. */
export interface SaleResult extends Pick<Rfc17.Sale.Outcome, OutcomeFields> {
  sale: number
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

/** A group's sums at the end of the run (`coresHeld`: cores held for the last period). */
export type GroupResult = GroupTotals<AgentKind>

export interface Rfc17Result {
  name: string
  seed: number
  token: { symbol: string; decimals: number }
  sales: SaleResult[]
  groups: GroupResult[]
  revenue: bigint
}
