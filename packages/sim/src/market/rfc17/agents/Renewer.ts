import * as Rng from '../../../Rng'
import type { AgentBase, Decisions, MarketView, Who } from './Base'
import { base, truthfulAt } from './Base'

/**
 * Holds a lease whose right falls in `renewInSale`, then renews each sale unless the renewal price
 * is above its limit or it forgets. With `tenantsBid` it first bids its limit (the clock when it has
 * none) for its cores, the RFC's nudge, and renews what it did not win.
 */
export interface Renewer extends AgentBase {
  kind: 'renewer'
  maxPrice: bigint | null
  forget: number
  renewInSale: number
}

export const create = (
  who: Who,
  p: { maxPrice: bigint | null; forget: number; renewInSale: number; budget: bigint | null },
): Renewer => ({
  kind: 'renewer',
  ...base(who, p.budget),
  maxPrice: p.maxPrice,
  forget: p.forget,
  renewInSale: p.renewInSale,
})

export const intents = (a: Renewer, view: MarketView, out: Decisions): void => {
  if (!view.tenantsBid || a.rights === 0) return
  const price = a.maxPrice === null ? view.opening : truthfulAt(view, a.maxPrice, 0)
  if (price !== null) out.bid(a, { price, quantity: a.rights, level: 0 })
}

export const renew = (
  a: Renewer,
  view: MarketView,
  eligible: number,
  price: bigint,
): { n: number; reason: string | null } => {
  if (Rng.chance(view.rng, a.forget)) return { n: 0, reason: 'Forgot' }
  if (a.maxPrice !== null && price > a.maxPrice) return { n: 0, reason: 'RenewalTooExpensive' }
  return { n: eligible, reason: null }
}
