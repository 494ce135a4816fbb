import { inWindow } from '../../../agents/Draw'
import type * as Today from '../../../agents/LargeActor'
import type { AgentBase, Decisions, MarketView, Who } from './Base'
import { base, truthfulAt } from './Base'

/**
 * Tries to capture the market (today's large actor's parameters): in its sales it bids `buyBelow`
 * (capped at the opening price) for every core offered, from the opening. Uniform pricing makes
 * everyone above it pay its price, and it is never a tenant, so renewals displace it first. It
 * never renews.
 */
export interface LargeActor extends AgentBase, Today.Params {
  kind: 'largeActor'
}

export const create = (who: Who, p: Today.Params, budget: bigint | null): LargeActor => ({
  kind: 'largeActor',
  ...base(who, budget),
  ...p,
})

export const intents = (a: LargeActor, view: MarketView, out: Decisions): void => {
  if (!inWindow(a.sales, view.k)) return
  const price = truthfulAt(view, a.buyBelow, 0)
  if (price !== null && view.supply > 0) out.bid(a, { price, quantity: view.supply, level: 0 })
}
