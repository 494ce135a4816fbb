import * as Today from '../../../agents/Renewer'
import type { AgentBase, Decisions, MarketView, Renewal, Who } from './Base'
import { base, renewUnless, truthfulAt } from './Base'

/**
 * Holds a lease whose right falls in `renewInSale` (today's renewer's parameters), then renews
 * each sale unless the renewal price is above its limit or it forgets. With `tenantsBid` it first
 * bids its limit (the clock when it has none) for its cores, the RFC's nudge, and renews what it
 * did not win.
 */
export interface Renewer extends AgentBase, Today.Params {
  kind: 'renewer'
}

export const create = (who: Who, p: Today.Params, budget: bigint | null): Renewer => ({
  kind: 'renewer',
  ...base(who, budget),
  ...p,
})

export const intents = (a: Renewer, view: MarketView, out: Decisions): void => {
  if (!view.tenantsBid || a.rights === 0) return
  const price = a.maxPrice === null ? view.opening : truthfulAt(view, a.maxPrice, 0)
  if (price !== null) out.bid(a, { price, quantity: a.rights, level: 0 })
}

/** Today's rule: it may forget, and declines a price above its `maxPrice`. */
export const renew = (a: Renewer, view: MarketView, eligible: number, price: bigint): Renewal =>
  renewUnless(Today.declines(a, price, view.rng), eligible)
