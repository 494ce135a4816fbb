import type { Rfc17 } from '@coretime/core'
import type * as Rng from '../../../Rng'

/** Who an agent is: its account and group (the scenario's agent name). */
export interface Who {
  id: string
  group: string
}

/** What every RFC-17 agent has besides its kind's parameters: holdings and its ledger. */
export interface AgentBase extends Who {
  /** cores it may renew in the current sale (its cores of the ending period and a lease ending now) */
  rights: number
  /** cores it holds for the current sale's period */
  holds: number
  /** its balance limit (null: unlimited) */
  budget: bigint | null
  cost: bigint
  income: bigint
  purchases: number
  renewals: number
  failures: number
}

export const base = (who: Who, budget: bigint | null): AgentBase => ({
  id: who.id,
  group: who.group,
  rights: 0,
  holds: 0,
  budget,
  cost: 0n,
  income: 0n,
  purchases: 0,
  renewals: 0,
  failures: 0,
})

/** What an agent sees of a sale when it decides: its number and its (deterministic) clock. */
export interface MarketView {
  k: number
  reserve: bigint
  opening: bigint
  supply: number
  /** number of clock levels (the last is the reserve) */
  levels: number
  params: Rfc17.Params.Params
  /** the clock price at a level */
  clockAt: (level: number) => bigint
  /** renewals the table demand still makes in this sale */
  tableRenewalsLeft: number
  /** holders bid in the market before renewing (scenario `market.tenantsBid`) */
  tenantsBid: boolean
  /** new buyers bid when the market opens (`open`) or at their timing's level (`agent`) */
  bidTiming: 'open' | 'agent'
  rng: Rng.Rng
}

/** What agents may do while deciding: bid, or fail before bidding. */
export interface Decisions {
  bid: (agent: AgentBase, bid: Omit<Rfc17.Sale.PlannedBid, 'bidder'>) => void
  fail: (agent: AgentBase, reason: string) => void
}

/** How many of its `eligible` cores an agent renews, and why not the rest (null: by choice). */
export interface Renewal {
  n: number
  reason: string | null
}

/** Renews every eligible core unless today's agent module gave a reason not to. */
export const renewUnless = (reason: string | null, eligible: number): Renewal =>
  reason === null ? { n: eligible, reason: null } : { n: 0, reason }

/** The truthful bid at `level`: min(limit, clock), none below the reserve. */
export const truthfulAt = (view: MarketView, limit: bigint, level: number): bigint | null => {
  if (limit < view.reserve) return null
  const c = view.clockAt(level)
  return limit < c ? limit : c
}

/** The level at fraction `f` of the market period. */
export const levelAt = (view: MarketView, f: number): number =>
  Math.min(view.levels - 1, Math.max(0, Math.round(f * (view.levels - 1))))
