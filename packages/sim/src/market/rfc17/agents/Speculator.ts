import type { Range } from '../../../Scenario'
import type { AgentBase, Decisions, MarketView, Who } from './Base'
import { base, levelAt, truthfulAt } from './Base'

/**
 * Bids `maxPrice` (capped at the clock) for `cores` at fraction `at` of the market period, in its
 * sales; in the settlement period it resells what it won at clearing × markup to buyers who did
 * not get a core (the RFC lifts all resale restrictions). It never renews.
 */
export interface Speculator extends AgentBase {
  kind: 'speculator'
  maxPrice: bigint
  cores: number
  at: number
  markup: number
  sales: Range | null
}

export const create = (
  who: Who,
  p: {
    maxPrice: bigint
    cores: number
    at: number
    markup: number
    sales: Range | null
    budget: bigint | null
  },
): Speculator => ({ kind: 'speculator', ...base(who, p.budget), ...p })

export const intents = (a: Speculator, view: MarketView, out: Decisions): void => {
  if (a.sales !== null && (view.k < a.sales[0] || view.k > a.sales[1])) return
  const level = levelAt(view, a.at)
  const price = truthfulAt(view, a.maxPrice, level)
  if (price !== null) out.bid(a, { price, quantity: Math.min(a.cores, view.supply), level })
}

/** Its asking price for a core it paid `paid` for: paid × markup (markup to 1/1000, floored). */
export const ask = (a: Speculator, paid: bigint): bigint =>
  (paid * BigInt(Math.round(a.markup * 1000))) / 1000n
