import type { AgentSpec, Range } from '../Scenario'
import { type ActorBase, base, type Who } from './Base'
import { inWindow } from './Draw'
import type { Decisions, SaleView } from './View'

/**
 * Buys up to `cores` per sale once the price is ≤ `maxPrice` (from fraction `at` of the lead-in),
 * holds the regions and resells them at `paid × markup` to buyers who failed in that sale.
 */
export interface Speculator extends ActorBase, Params {
  kind: 'speculator'
}

/** A speculator's parameters, from its spec (the RFC-17 market's speculator has the same). */
export interface Params {
  maxPrice: bigint
  cores: number
  at: number
  markup: number
  sales: Range | null
}

type Spec = Extract<AgentSpec, { kind: 'speculator' }>

export const params = (spec: Spec): Params => ({
  maxPrice: spec.maxPrice,
  cores: spec.cores,
  at: spec.at,
  markup: spec.markup,
  sales: spec.sales,
})

export const create = (spec: Spec, who: Who): Speculator => ({
  kind: 'speculator',
  ...base(who),
  ...params(spec),
})

export const intents = (a: Speculator, view: SaleView, out: Decisions): void => {
  if (!inWindow(a.sales, view.k)) return
  const b = view.firstAtOrBelow(view.leadinBlock(a.at), a.maxPrice)
  if (b !== null) out.intend('buy', a, b, a.maxPrice, a.cores)
}

/** Its asking price for a region it paid `paid` for: paid × markup (markup to 1/1000, floored). */
export const ask = (a: Params, paid: bigint): bigint => (paid * BigInt(Math.round(a.markup * 1000))) / 1000n
