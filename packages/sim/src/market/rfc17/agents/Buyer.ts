import * as Rng from '../../../Rng'
import type { Timing } from '../../../Scenario'
import type { AgentBase, Decisions, MarketView, Who } from './Base'
import { base, levelAt, truthfulAt } from './Base'

/**
 * A parachain team that wants one core. From its arrival sale it bids its valuation (capped at the
 * clock when it bids: truthful bidding, which the RFC argues is optimal) for `patience` sales, when
 * the market opens (`bidTiming: open`) or at its timing's clock level (`agent`). Once it holds a core it renews while the renewal price is
 * within its valuation — with `tenantsBid`, after bidding its valuation in the market first.
 * Like today's buyer, it does not come back after losing its core.
 */
export interface Buyer extends AgentBase {
  kind: 'buyer'
  valuation: bigint
  arrival: number
  patience: number
  timing: Timing
  renews: boolean
  forget: number
  /** ever obtained a core */
  served: boolean
  /** gave up */
  done: boolean
}

export const create = (
  who: Who,
  p: {
    valuation: bigint
    arrival: number
    patience: number
    timing: Timing
    renews: boolean
    forget: number
    budget: bigint | null
  },
): Buyer => ({ kind: 'buyer', ...base(who, p.budget), ...p, served: false, done: false })

const bidLevel = (a: Buyer, view: MarketView): number => {
  if (view.bidTiming === 'open') return 0
  const t = a.timing
  if (t.strategy === 'end') return view.levels - 1
  if (t.strategy === 'fraction') return levelAt(view, t.at)
  if (t.strategy === 'random') return Rng.int(view.rng, view.levels)
  return 0
}

export const intents = (a: Buyer, view: MarketView, out: Decisions): void => {
  if (a.rights > 0) {
    if (!view.tenantsBid) return
    const price = truthfulAt(view, a.valuation, 0)
    if (price !== null) out.bid(a, { price, quantity: a.rights, level: 0 })
    return
  }
  if (a.done || a.served || view.k < a.arrival) return
  if (view.k >= a.arrival + a.patience) {
    a.done = true
    return
  }
  const level = bidLevel(a, view)
  const price = truthfulAt(view, a.valuation, level)
  if (price === null) out.fail(a, 'TooExpensive')
  else out.bid(a, { price, quantity: 1, level })
}

export const renew = (
  a: Buyer,
  view: MarketView,
  eligible: number,
  price: bigint,
): { n: number; reason: string | null } => {
  if (!a.renews) return { n: 0, reason: null }
  if (Rng.chance(view.rng, a.forget)) return { n: 0, reason: 'Forgot' }
  if (price > a.valuation) return { n: 0, reason: 'RenewalTooExpensive' }
  return { n: eligible, reason: null }
}
