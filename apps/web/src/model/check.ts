import { BaseError } from '@coretime/core'
import type { RunError } from '../protocol'
import { BOUNDS, type Bound, MAX_AMOUNT, MAX_LEASED } from '../state'
import type { RunInput } from './types'

/**
 * The page's inputs beyond the engine's bounds: the URL codec and the fields refuse these at the
 * edge, so reaching the model is a bug of the page; the worker reports it as `OutOfBounds` data.
 */
export class ModelError extends BaseError {
  override name = 'ModelError'
  readonly code = 'OutOfBounds'
}

/** What the worker posts for an error thrown by a run: the model's refusal, or the engine's bug. */
export const runErrorOf = (err: unknown): RunError =>
  err instanceof ModelError
    ? { code: err.code, message: err.message }
    : { code: 'EngineFailed', message: err instanceof Error ? err.message : String(err) }

/** Refuses inputs beyond the page's bounds (the engine's), naming the link's field. */
export const check = (input: RunInput): void => {
  const p = input.params
  const fail = (field: string, what: string) => {
    throw new ModelError(`${field}: expected ${what}`)
  }
  const within = (field: string, v: number, b: Bound) => {
    const scaled = v / b.step
    if (!(v >= b.min && v <= b.max) || Math.abs(scaled - Math.round(scaled)) > 1e-6)
      fail(field, `${b.min} to ${b.max}, got ${v}`)
  }
  const amount = (field: string, v: bigint) => {
    if (v < 0n || v > MAX_AMOUNT) fail(field, `0 to u128 planck, got ${v}`)
  }
  within('sales', input.sales, BOUNDS.sales)
  within('interlude', p.interlude, BOUNDS.interlude)
  within('leadin', p.leadin, BOUNDS.leadin)
  within('region', p.regionLength, BOUNDS.region)
  within('ideal', p.idealPct, BOUNDS.ideal)
  within('limit', p.coreLimit, BOUNDS.limit)
  within('bump', p.bumpPct, BOUNDS.bump)
  within('at', input.demand.buyAtPct, BOUNDS.at)
  amount('min', p.minPrice)
  amount('price', p.startPrice)
  amount('paid', input.userPaid)
  for (const x of input.demand.renewals) within('ren', x, BOUNDS.renewals)
  for (const x of input.demand.purchases) within('buy', x, BOUNDS.purchases)
  const a = input.agents
  if (!a) return
  within('renewers', a.renewers, BOUNDS.renewers)
  within('buyers', a.buyers, BOUNDS.buyers)
  within('specs', a.speculators, BOUNDS.specs)
  within('forget', a.forgetPct, BOUNDS.forget)
  within('vsig', a.valuation.sigma, BOUNDS.vsig)
  within('markup', a.markup, BOUNDS.markup)
  within('tat', a.timingPct, BOUNDS.tat)
  for (const [k, x] of [
    ['rmax', a.renewMax],
    ['vmed', a.valuation.median],
    ['vmin', a.valuation.min],
    ['vmax', a.valuation.max],
    ['smax', a.specMax],
    ['lbelow', a.largeBelow],
  ] as const)
    amount(k, x)
  if (a.valuation.dist === 'uniform' && a.valuation.max < a.valuation.min)
    fail('vmax', 'a highest worth at least the lowest (vmin)')
  const leases = Math.max(0, ...input.demand.renewals) + a.renewers
  if (leases > MAX_LEASED) fail('ren', `renewals and renewers together at most ${MAX_LEASED}, got ${leases}`)
}
