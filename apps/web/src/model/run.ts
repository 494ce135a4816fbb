import { Broker, Renewal, Sale } from '@coretime/core'
import { Rng, type SimResult, type Scenario as SimScenario, simulate } from '@coretime/sim'
import type { Network, Params, ViewState } from '../state'
import { resolveScenario } from './scenario'
import type { PricePoint, RunInput, RunResult, SaleRow } from './types'
import { perbill } from './units'

/** Lead-in samples per sale for the chart (the curve is convex; 48 points draw it smoothly). */
const LEADIN_SAMPLES = 48

/** Rows, price curve and the user's renewal line from one @coretime/sim result. */
const fromSim = (input: RunInput, scenario: SimScenario.Scenario, sim: SimResult): RunResult => {
  const p = input.params
  const { runtime } = scenario.chain
  const max = Broker.maxBalance(runtime)
  const adapter = runtime.priceAdapter
  const rows: SaleRow[] = []
  const curve: PricePoint[] = []
  let userLast = input.userPaid
  for (const r of sim.sales) {
    const sale = {
      saleStart: r.saleStartBlock,
      leadinLength: r.leadinEndBlock - r.saleStartBlock,
      endPrice: r.endPrice,
    }
    const rotation = r.saleStartBlock - p.interlude
    const close = r.lastBlock + 1
    // The user's core renews in the interlude and pays the recorded price: the price paid for the
    // core (assign records `paid`), then each renewal's next price under the runtime's rule from
    // this sale's end price and the sale price at renewal (do_renew, broker-pallet spec 5.6).
    const userRenewal = userLast
    const priceAtRenewal = Sale.priceAt(sale, rotation + 1, adapter, max)
    userLast = Renewal.nextPrice(p.renewalRule, userLast, perbill(p.bumpPct), r.endPrice, priceAtRenewal)
    curve.push({ block: rotation, price: Sale.priceAt(sale, rotation, adapter, max), phase: 'interlude' })
    for (let j = 0; j <= LEADIN_SAMPLES; j++) {
      const b = sale.saleStart + Math.round((sale.leadinLength * j) / LEADIN_SAMPLES)
      curve.push({
        block: b,
        price: Sale.priceAt(sale, b, adapter, max),
        phase: j === LEADIN_SAMPLES ? 'fixed' : 'leadin',
      })
    }
    curve.push({ block: close, price: Sale.priceAt(sale, close, adapter, max), phase: 'fixed' })
    rows.push({
      index: r.sale,
      rotation,
      saleStart: r.saleStartBlock,
      leadinEnd: r.leadinEndBlock,
      close,
      topPrice: r.startPrice,
      endPrice: r.endPrice,
      purchasePrice: r.purchasePrices?.mean ?? null,
      selloutPrice: r.selloutPrice,
      coresOffered: r.coresOffered,
      idealCoresSold: r.idealCoresSold,
      coresSold: r.coresSold,
      renewed: r.renewed,
      purchased: r.purchased,
      renewable: r.renewed + r.lapsed,
      turnedAway: r.failed.length,
      userRenewal,
      revenue: r.revenue,
    })
  }
  return { rows, curve, firstBlock: scenario.chain.startBlock, revenue: sim.revenue }
}

/**
 * The simulator's results a caller keeps between runs (the worker does; this module keeps no
 * state), the most recent `size`, keyed by everything the simulation reads: a run whose inputs did
 * not change (set A when only B moved, both when only your core's price did) is not simulated again.
 */
export interface SimCache {
  get(key: string): SimResult | undefined
  set(key: string, result: SimResult): void
}

export const simCache = (size = 8): SimCache => {
  const m = new Map<string, SimResult>()
  return {
    get(key) {
      const r = m.get(key)
      if (r !== undefined) {
        m.delete(key)
        m.set(key, r)
      }
      return r
    },
    set(key, result) {
      m.set(key, result)
      if (m.size > size) m.delete(m.keys().next().value as string)
    },
  }
}

/** What a simulation reads of a run's inputs (not the user's own price: only `fromSim` reads it). */
const simKey = (input: RunInput, network: Network, start: string, seed: number): string =>
  JSON.stringify(
    [input.params, input.demand, input.agents ?? null, input.sales, network, start, seed],
    (_, x) => (typeof x === 'bigint' ? `${x}n` : x),
  )

/** One deterministic run of the view's demand through @coretime/sim (the exact engine beneath). */
export const run = (
  input: RunInput,
  network: Network = 'polkadot',
  start = '2026-12-01',
  seed = 0,
  cache?: SimCache,
): RunResult => {
  const scenario = resolveScenario(input, network, start)
  if (!cache) return fromSim(input, scenario, simulate(scenario, { seed }))
  const key = simKey(input, network, start, seed)
  let sim = cache.get(key)
  if (!sim) {
    sim = simulate(scenario, { seed })
    cache.set(key, sim)
  }
  return fromSim(input, scenario, sim)
}

/**
 * The seed of the view's main run: run 0 of the Monte Carlo batch (`Rng.derive(seed, 0)`, as
 * @coretime/sim's MonteCarlo seeds it), so the drawn line is one of the runs behind the bands.
 */
export const mainSeed = (v: ViewState): number => Rng.derive(v.mc.seed, 0)

export const inputOf = (v: ViewState, params: Params): RunInput => ({
  params,
  demand: v.demand,
  agents: v.agents,
  sales: v.sales,
  userPaid: v.userPaid,
})

/** The view's runs: parameter set A and, when comparing, B (simulated again only if not in `cache`). */
export const runView = (v: ViewState, cache?: SimCache): { a: RunResult; b: RunResult | null } => ({
  a: run(inputOf(v, v.a), v.network, v.start, mainSeed(v), cache),
  b: v.b ? run(inputOf(v, v.b), v.network, v.start, mainSeed(v), cache) : null,
})
