import { type BrokerState, InvariantError } from '@coretime/core'
import * as Aggregate from './Aggregate'
import * as Rng from './Rng'
import type { Scenario } from './Scenario'
import { type SimResult, simulate } from './Simulate'
import { SimulationError } from './SimulationError'

/**
 * Monte Carlo over seeds. Run `i` of a batch seeded `seed` uses `Rng.derive(seed, i)`, so a batch
 * split across workers (`runs` over disjoint index ranges, then `bands`) gives the same bands as
 * one `monteCarlo` call.
 */

/** What a run contributes to the bands: per-sale numbers, small enough to post from a worker. */
export interface RunSummary {
  index: number
  seed: number
  sales: {
    endPrice: bigint
    selloutPrice: bigint | null
    coresSold: number
    renewed: number
    purchased: number
    failed: number
    revenue: bigint
    meanRenewalPrice: bigint | null
    meanPurchasePrice: bigint | null
  }[]
  revenue: bigint
}

export const summarize = (r: SimResult, index: number): RunSummary => ({
  index,
  seed: r.seed,
  sales: r.sales.map((s) => ({
    endPrice: s.endPrice,
    selloutPrice: s.selloutPrice,
    coresSold: s.coresSold,
    renewed: s.renewed,
    purchased: s.purchased,
    failed: s.failed.length,
    revenue: s.revenue,
    meanRenewalPrice: s.renewalPrices?.mean ?? null,
    meanPurchasePrice: s.purchasePrices?.mean ?? null,
  })),
  revenue: r.revenue,
})

export interface RunsOptions {
  seed?: number
  /** first run index (inclusive), default 0 */
  from?: number
  /** last run index (exclusive) */
  to: number
  /** called after each run with the number done so far in this batch */
  onRun?: (done: number) => void
  /** every run starts from this broker state (a chain snapshot; `simulate`'s `from`) */
  start?: BrokerState
}

/** Runs `from … to−1` of a batch and returns their summaries. */
export const runs = (scenario: Scenario, options: RunsOptions): RunSummary[] => {
  const seed = options.seed ?? 0
  const out: RunSummary[] = []
  for (let i = options.from ?? 0; i < options.to; i++) {
    const runSeed = Rng.derive(seed, i)
    const r = simulate(scenario, options.start ? { seed: runSeed, from: options.start } : { seed: runSeed })
    out.push(summarize(r, i))
    options.onRun?.(out.length)
  }
  return out
}

/**
 * Run summaries in two transferable typed arrays (what a worker posts instead of objects):
 * `counts` (Float64, exact for safe integers) holds per run its index, seed and sale count, then
 * per sale cores sold, renewed, purchased and failed; `money` (i64) holds per run its revenue, then
 * per sale the end price, sellout price, revenue and mean renewal and purchase prices, −1 for null.
 * Null when a value does not fit (u128 balances beyond i64): post the objects then.
 */
export interface Packed {
  counts: Float64Array<ArrayBuffer>
  money: BigInt64Array<ArrayBuffer>
}

export const pack = (summaries: readonly RunSummary[]): Packed | null => {
  let nc = 0
  let nm = 0
  for (const r of summaries) {
    nc += 3 + 4 * r.sales.length
    nm += 1 + 5 * r.sales.length
  }
  const counts = new Float64Array(nc)
  const money = new BigInt64Array(nm)
  let c = 0
  let m = 0
  const count = (v: number): boolean => {
    if (!Number.isSafeInteger(v) || v < 0) return false
    counts[c++] = v
    return true
  }
  const amount = (v: bigint | null): boolean => {
    if (v !== null && (v < 0n || v > I64_MAX)) return false
    money[m++] = v ?? -1n
    return true
  }
  for (const r of summaries) {
    if (!(count(r.index) && count(r.seed) && count(r.sales.length) && amount(r.revenue))) return null
    for (const s of r.sales) {
      const ok =
        count(s.coresSold) &&
        count(s.renewed) &&
        count(s.purchased) &&
        count(s.failed) &&
        amount(s.endPrice) &&
        amount(s.selloutPrice) &&
        amount(s.revenue) &&
        amount(s.meanRenewalPrice) &&
        amount(s.meanPurchasePrice)
      if (!ok) return null
    }
  }
  return { counts, money }
}
const I64_MAX = 2n ** 63n - 1n

/** The summaries `pack` wrote. */
export const unpack = ({ counts, money }: Packed): RunSummary[] => {
  const out: RunSummary[] = []
  let c = 0
  let m = 0
  const opt = (): bigint | null => {
    const x = money[m++] as bigint
    return x === -1n ? null : x
  }
  while (c < counts.length) {
    const index = counts[c++] as number
    const seed = counts[c++] as number
    const n = counts[c++] as number
    const revenue = money[m++] as bigint
    const sales: RunSummary['sales'] = []
    for (let k = 0; k < n; k++) {
      const coresSold = counts[c++] as number
      const renewed = counts[c++] as number
      const purchased = counts[c++] as number
      const failed = counts[c++] as number
      sales.push({
        endPrice: money[m++] as bigint,
        selloutPrice: opt(),
        coresSold,
        renewed,
        purchased,
        failed,
        revenue: money[m++] as bigint,
        meanRenewalPrice: opt(),
        meanPurchasePrice: opt(),
      })
    }
    out.push({ index, seed, sales, revenue })
  }
  return out
}

/** p5 / p50 / p95 by nearest rank (exact for bigint; no interpolation). */
export interface Band<T> {
  p5: T
  p50: T
  p95: T
}

export interface SaleBands {
  sale: number
  endPrice: Band<bigint>
  selloutPrice: Band<bigint> | null
  coresSold: Band<number>
  failed: Band<number>
  revenue: Band<bigint>
  meanRenewalPrice: Band<bigint> | null
  meanPurchasePrice: Band<bigint> | null
}

export interface Bands {
  runs: number
  sales: SaleBands[]
  revenue: Band<bigint>
}

const cmp = <T extends number | bigint>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0)

/** Nearest-rank quantile of a sorted list: the ⌈q·n⌉-th smallest value. */
export const quantile = <T>(sorted: ArrayLike<T>, q: number): T => {
  if (sorted.length === 0) throw new InvariantError('quantile of an empty list')
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[i] as T
}

export const band = <T extends number | bigint>(values: readonly T[]): Band<T> => {
  const sorted = [...values].sort(cmp)
  return { p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }
}

/**
 * Bands per sale over run summaries (in any order). Computed column by column (`Aggregate`):
 * order statistics, so the same for any split of the runs.
 */
export const bands = (summaries: readonly RunSummary[]): Bands => Aggregate.bands(Aggregate.of(summaries))

/** Runs `from … to−1` of a batch, aggregated (what a worker posts). */
export const aggregate = (scenario: Scenario, options: RunsOptions): Aggregate.Aggregate =>
  Aggregate.of(runs(scenario, options))

export interface MonteCarloOptions {
  runs: number
  seed?: number
  onRun?: (done: number) => void
}

/** `runs` seeded runs of a scenario, reduced to p5/p50/p95 bands per sale. */
export const monteCarlo = (scenario: Scenario, options: MonteCarloOptions): Bands => {
  if (!Number.isInteger(options.runs) || options.runs < 1)
    throw new SimulationError(`monteCarlo: runs must be a whole number ≥ 1, got ${options.runs}`)
  return bands(
    runs(scenario, {
      to: options.runs,
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(options.onRun && { onRun: options.onRun }),
    }),
  )
}
