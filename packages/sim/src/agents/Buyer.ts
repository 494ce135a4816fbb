import * as Rng from '../Rng'
import type { AgentSpec, Timing } from '../Scenario'
import { type ActorBase, base, type Who } from './Base'
import { draw, pick } from './Draw'
import type { Decisions, SaleView } from './View'

/**
 * A parachain team that wants one core: from its arrival sale it tries for `patience` sales to buy
 * one at or below its valuation; with `renews` it assigns the core to itself and then renews while
 * the renewal price is within its valuation.
 */
export interface Buyer extends ActorBase, Params {
  kind: 'buyer'
  /** gave up (patience ran out) */
  done: boolean
}

/** A buyer's parameters, drawn from its spec (the RFC-17 market's buyer has the same). */
export interface Params {
  /** the most it pays (planck) */
  valuation: bigint
  /** the first sale it tries in */
  arrival: number
  /** sales it tries before giving up */
  patience: number
  timing: Timing
  renews: boolean
  forget: number
}

type Spec = Extract<AgentSpec, { kind: 'buyer' }>

/** Its parameters, drawn from `rng` in this order: valuation, then arrival. */
export const params = (spec: Spec, rng: Rng.Rng): Params => {
  const valuation = draw(rng, spec.valuation)
  return {
    valuation,
    arrival: pick(rng, spec.arrival),
    patience: spec.patience,
    timing: spec.timing,
    renews: spec.renew,
    forget: spec.forget,
  }
}

export const create = (spec: Spec, who: Who, rng: Rng.Rng): Buyer => ({
  kind: 'buyer',
  ...base(who),
  ...params(spec, rng),
  done: false,
})

/** Whether it still tries to buy in sale `k`: it has arrived and has patience left (else done). */
export const tries = (a: Params & { done: boolean }, k: number): boolean => {
  if (a.done || k < a.arrival) return false
  if (k >= a.arrival + a.patience) {
    a.done = true
    return false
  }
  return true
}

export const renewal = (a: Buyer, view: SaleView, rng: Rng.Rng, out: Decisions): void => {
  if (a.renews) out.intend('renew', a, view.interludeBlock(rng), 0n, 1)
}

/** At its renewal block: null to renew at `price`, or why not. */
export const declines = (a: Params, price: bigint, rng: Rng.Rng): string | null => {
  if (Rng.chance(rng, a.forget)) return 'Forgot'
  if (price > a.valuation) return 'RenewalTooExpensive'
  return null
}

/** The block it buys at: its timing's block, or later if the price is still above its valuation. */
const buyBlock = (a: Buyer, view: SaleView, rng: Rng.Rng): number | null => {
  const t = a.timing
  let from = view.saleStart + 1
  if (t.strategy === 'end') from = view.leadinEnd
  else if (t.strategy === 'fraction') from = view.saleStart + Math.round(t.at * view.leadinLength)
  else if (t.strategy === 'random') from = view.saleStart + Rng.int(rng, view.leadinLength + 1)
  return view.firstAtOrBelow(view.clampBuy(from), a.valuation)
}

export const intents = (a: Buyer, view: SaleView, rng: Rng.Rng, out: Decisions): void => {
  if (a.right !== null || a.heldUntil.length > 0 || !tries(a, view.k)) return
  const b = buyBlock(a, view, rng)
  if (b === null) out.fail(a, 'TooExpensive')
  else out.intend('buy', a, b, a.valuation, 1)
}
