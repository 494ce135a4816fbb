import * as Rng from '../Rng'
import type { AgentSpec } from '../Scenario'
import { type ActorBase, base, type Who } from './Base'
import { pick } from './Draw'
import type { Decisions, SaleView } from './View'

/** Holds a lease; renews each sale unless the price is above its limit or it forgets. */
export interface Renewer extends ActorBase {
  kind: 'renewer'
  /** the most it pays to renew (null: no limit) */
  maxPrice: bigint | null
  /** the chance it forgets to renew in a sale */
  forget: number
  /** in the interlude, or at this fraction of the lead-in */
  renewAt: 'interlude' | number
  /** the sale its lease first becomes renewable in */
  renewInSale: number
}

type Spec = Extract<AgentSpec, { kind: 'renewer' }>

export const create = (spec: Spec, who: Who, rng: Rng.Rng): Renewer => ({
  kind: 'renewer',
  ...base(who),
  maxPrice: spec.maxPrice,
  forget: spec.forget,
  renewAt: spec.renewAt,
  renewInSale: pick(rng, spec.renewInSale),
})

export const renewal = (a: Renewer, view: SaleView, rng: Rng.Rng, out: Decisions): void => {
  const block = a.renewAt === 'interlude' ? view.interludeBlock(rng) : view.leadinBlock(a.renewAt)
  out.intend('renew', a, block, 0n, 1)
}

/** At its renewal block: null to renew at `price`, or why not. */
export const declines = (a: Renewer, price: bigint, rng: Rng.Rng): string | null => {
  if (Rng.chance(rng, a.forget)) return 'Forgot'
  if (a.maxPrice !== null && price > a.maxPrice) return 'RenewalTooExpensive'
  return null
}
