import type { AgentSpec, Range } from '../Scenario'
import { type ActorBase, base, type Who } from './Base'
import { inWindow } from './Draw'
import type { Decisions, SaleView } from './View'

/** Once the price is ≤ `buyBelow`, buys every core still offered (a failure only if it gets none). */
export interface LargeActor extends ActorBase, Params {
  kind: 'largeActor'
}

/** A large actor's parameters, from its spec (the RFC-17 market's large actor has the same). */
export interface Params {
  buyBelow: bigint
  sales: Range | null
}

type Spec = Extract<AgentSpec, { kind: 'largeActor' }>

export const params = (spec: Spec): Params => ({ buyBelow: spec.buyBelow, sales: spec.sales })

export const create = (spec: Spec, who: Who): LargeActor => ({
  kind: 'largeActor',
  ...base(who),
  ...params(spec),
})

export const intents = (a: LargeActor, view: SaleView, out: Decisions): void => {
  if (!inWindow(a.sales, view.k)) return
  const b = view.firstAtOrBelow(view.leadinBlock(0), a.buyBelow)
  if (b !== null) out.intend('buy', a, b, a.buyBelow, Number.POSITIVE_INFINITY)
}
