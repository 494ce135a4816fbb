import { inWindow } from '../../../agents/Draw'
import * as Today from '../../../agents/Speculator'
import type { AgentBase, Decisions, MarketView, Who } from './Base'
import { base, levelAt, truthfulAt } from './Base'

/**
 * With today's speculator's parameters: bids `maxPrice` (capped at the clock) for `cores` at
 * fraction `at` of the market period, in its sales; in the settlement period it resells what it
 * won at clearing × markup (`Today.ask`) to buyers who did not get a core (the RFC lifts all
 * resale restrictions). It never renews.
 */
export interface Speculator extends AgentBase, Today.Params {
  kind: 'speculator'
}

export const create = (who: Who, p: Today.Params, budget: bigint | null): Speculator => ({
  kind: 'speculator',
  ...base(who, budget),
  ...p,
})

export const intents = (a: Speculator, view: MarketView, out: Decisions): void => {
  if (!inWindow(a.sales, view.k)) return
  const level = levelAt(view, a.at)
  const price = truthfulAt(view, a.maxPrice, level)
  if (price !== null) out.bid(a, { price, quantity: Math.min(a.cores, view.supply), level })
}

/** Its asking price for a core it paid `paid` for: today's (paid × markup, floored). */
export const ask = Today.ask
