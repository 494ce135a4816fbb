import * as Today from '../../../agents/Buyer'
import * as Rng from '../../../Rng'
import type { AgentBase, Decisions, MarketView, Renewal, Who } from './Base'
import { base, levelAt, renewUnless, truthfulAt } from './Base'

/**
 * A parachain team that wants one core, with today's buyer's parameters (`Today.Params`). From
 * its arrival sale it bids its valuation (capped at the clock when it bids: truthful bidding,
 * which the RFC argues is optimal) for `patience` sales, when the market opens (`bidTiming: open`)
 * or at its timing's clock level (`agent`). Once it holds a core it renews while the renewal price
 * is within its valuation — with `tenantsBid`, after bidding its valuation in the market first.
 * Like today's buyer, it does not come back after losing its core.
 */
export interface Buyer extends AgentBase, Today.Params {
  kind: 'buyer'
  /** ever obtained a core */
  served: boolean
  /** gave up */
  done: boolean
}

export const create = (who: Who, p: Today.Params, budget: bigint | null): Buyer => ({
  kind: 'buyer',
  ...base(who, budget),
  ...p,
  served: false,
  done: false,
})

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
  if (a.served || !Today.tries(a, view.k)) return
  const level = bidLevel(a, view)
  const price = truthfulAt(view, a.valuation, level)
  if (price === null) out.fail(a, 'TooExpensive')
  else out.bid(a, { price, quantity: 1, level })
}

/** Today's rule: it may forget, and declines a price above its valuation. */
export const renew = (a: Buyer, view: MarketView, eligible: number, price: bigint): Renewal =>
  a.renews ? renewUnless(Today.declines(a, price, view.rng), eligible) : { n: 0, reason: null }
