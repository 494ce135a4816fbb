import * as Rng from '../Rng'
import type { AgentSpec, Range } from '../Scenario'
import { type ActorBase, base, UNLIMITED, type Who } from './Base'
import { inWindow, pick } from './Draw'
import type { Decisions, SaleView } from './View'

/** A parachain ordering on-demand blocks on the relay: `ordersPerSale` orders at uniform blocks of a sale. */
export interface OnDemandUser extends ActorBase {
  kind: 'onDemand'
  /** the most an order pays (planck; unlimited when the scenario gives none) */
  maxPrice: bigint
  ordersPerSale: Range
  sales: Range | null
  /** orders placed and refused so far */
  orders: number
  ordersRejected: number
}

type Spec = Extract<AgentSpec, { kind: 'onDemand' }>

export const create = (spec: Spec, who: Who): OnDemandUser => ({
  kind: 'onDemand',
  ...base(who),
  maxPrice: spec.maxPrice ?? UNLIMITED,
  ordersPerSale: spec.ordersPerSale,
  sales: spec.sales,
  orders: 0,
  ordersRejected: 0,
})

export const intents = (a: OnDemandUser, view: SaleView, rng: Rng.Rng, out: Decisions): void => {
  if (!inWindow(a.sales, view.k)) return
  // orders at uniform blocks of the sale, from the interlude to its last block
  const n = pick(rng, a.ordersPerSale)
  for (let i = 0; i < n; i++)
    out.intend('order', a, view.now + 1 + Rng.int(rng, view.lastBlock - view.now), a.maxPrice, 1)
}
