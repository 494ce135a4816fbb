import type { Actor } from '../agents/Actor'
import type { HeldRegion } from '../agents/Base'
import type { Buyer } from '../agents/Buyer'
import * as Speculator from '../agents/Speculator'
import type { SaleView } from '../agents/View'
import type { Failure, SaleTally } from '../Results'
import { SimulationError } from '../SimulationError'
import * as Engine from './Engine'
import type { Run } from './Run'

/**
 * Speculators offer the regions they bought in this sale to buyers who failed in it, highest
 * valuation first: a `transfer` (paid off-chain at the speculator's ask), then the buyer assigns
 * it to its parachain. Returns the failures that remain.
 */
export const resale = (run: Run, view: SaleView, t: SaleTally): Failure[] => {
  const resoldIdx = new Set<number>()
  let wanting: { i: number; a: Buyer }[] | null = null
  for (const spec of run.actors) {
    if (spec.kind !== 'speculator' || spec.regions.length === 0) continue
    let kept: HeldRegion[] | null = null
    for (let j = 0; j < spec.regions.length; j++) {
      const r = spec.regions[j] as HeldRegion
      let sold = false
      if (r.sale === view.k) {
        wanting ??= wantingBuyers(t.failed, t.failedBy)
        if (wanting.length > 0) sold = sell(run, view, spec, r, wanting, resoldIdx)
      }
      if (sold) kept ??= spec.regions.slice(0, j)
      else kept?.push(r)
    }
    if (kept) spec.regions = kept
  }
  t.resold = resoldIdx.size
  return resoldIdx.size === 0 ? t.failed : t.failed.filter((_, i) => !resoldIdx.has(i))
}

/** Sells `r` to the first wanting buyer whose valuation covers the ask; false if none does or the transfer fails. */
const sell = (
  run: Run,
  view: SaleView,
  spec: Speculator.Speculator,
  r: HeldRegion,
  wanting: readonly { i: number; a: Buyer }[],
  resoldIdx: Set<number>,
): boolean => {
  const e = run.engine
  const ask = Speculator.ask(spec, r.paid)
  const w = wanting.find((x) => !resoldIdx.has(x.i) && x.a.valuation >= ask)
  if (!w) return false
  const buyer = w.a
  const t = Engine.exec(e, spec.id, { call: 'transfer', args: { regionId: r.id, newOwner: buyer.id } })
  if (!t.ok) return false
  const assigned = Engine.exec(e, buyer.id, {
    call: 'assign',
    args: { regionId: r.id, task: buyer.task, finality: 'Final' },
  })
  if (!assigned.ok) throw new SimulationError(`assign after resale failed: ${Engine.errorCode(assigned)}`)
  resoldIdx.add(w.i)
  buyer.right = { core: r.id.core, when: view.regionEnd }
  buyer.heldUntil.push(view.regionEnd)
  buyer.cost += ask
  buyer.failures--
  spec.income += ask
  spec.heldUntil.splice(spec.heldUntil.indexOf(view.regionEnd), 1)
  return true
}

/** Buyers who failed to get a core in this sale, highest valuation first (then in failure order). */
const wantingBuyers = (failed: readonly Failure[], failedBy: readonly Actor[]): { i: number; a: Buyer }[] => {
  const out: { i: number; a: Buyer }[] = []
  for (let i = 0; i < failed.length; i++) {
    const a = failedBy[i] as Actor
    const f = failed[i] as Failure
    if (a.kind === 'buyer' && a.right === null && (f.reason === 'SoldOut' || f.reason === 'TooExpensive'))
      out.push({ i, a })
  }
  return out.sort((x, y) =>
    y.a.valuation > x.a.valuation ? 1 : y.a.valuation < x.a.valuation ? -1 : x.i - y.i,
  )
}
