import * as Rng from '../Rng'
import type { AgentSpec } from '../Scenario'
import { type ActorBase, base, type Who } from './Base'
import { pick } from './Draw'
import type { Decisions, SaleView } from './View'

/** Holds a lease; renews each sale unless the price is above its limit or it forgets. */
export interface Renewer extends ActorBase, Params {
  kind: 'renewer'
  /** in the interlude, or at this fraction of the lead-in */
  renewAt: 'interlude' | number
}

/** A renewer's parameters, drawn from its spec (the RFC-17 market's renewer has the same). */
export interface Params {
  /** the most it pays to renew (null: no limit) */
  maxPrice: bigint | null
  /** the chance it forgets to renew in a sale */
  forget: number
  /** the sale its lease first becomes renewable in */
  renewInSale: number
}

type Spec = Extract<AgentSpec, { kind: 'renewer' }>

/** Its parameters, drawn from `rng`: the sale its lease becomes renewable in. */
export const params = (spec: Spec, rng: Rng.Rng): Params => ({
  maxPrice: spec.maxPrice,
  forget: spec.forget,
  renewInSale: pick(rng, spec.renewInSale),
})

export const create = (spec: Spec, who: Who, rng: Rng.Rng): Renewer => ({
  kind: 'renewer',
  ...base(who),
  ...params(spec, rng),
  renewAt: spec.renewAt,
})

export const renewal = (a: Renewer, view: SaleView, rng: Rng.Rng, out: Decisions): void => {
  const block = a.renewAt === 'interlude' ? view.interludeBlock(rng) : view.leadinBlock(a.renewAt)
  out.intend('renew', a, block, 0n, 1)
}

/** At its renewal block: null to renew at `price`, or why not. */
export const declines = (a: Params, price: bigint, rng: Rng.Rng): string | null => {
  if (Rng.chance(rng, a.forget)) return 'Forgot'
  if (a.maxPrice !== null && price > a.maxPrice) return 'RenewalTooExpensive'
  return null
}
