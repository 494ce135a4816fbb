import type { Range } from '../../../Scenario'
import type { AgentBase, Decisions, MarketView, Who } from './Base'
import { base, truthfulAt } from './Base'

/**
 * Tries to capture the market: in its sales it bids `buyBelow` (capped at the opening price) for
 * every core offered, from the opening. Uniform pricing makes everyone above it pay its price, and
 * it is never a tenant, so renewals displace it first. It never renews.
 */
export interface LargeActor extends AgentBase {
  kind: 'largeActor'
  buyBelow: bigint
  sales: Range | null
}

export const create = (
  who: Who,
  p: { buyBelow: bigint; sales: Range | null; budget: bigint | null },
): LargeActor => ({
  kind: 'largeActor',
  ...base(who, p.budget),
  buyBelow: p.buyBelow,
  sales: p.sales,
})

export const intents = (a: LargeActor, view: MarketView, out: Decisions): void => {
  if (a.sales !== null && (view.k < a.sales[0] || view.k > a.sales[1])) return
  const price = truthfulAt(view, a.buyBelow, 0)
  if (price !== null && view.supply > 0) out.bid(a, { price, quantity: view.supply, level: 0 })
}
