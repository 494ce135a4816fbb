import * as Rng from './Rng'
import type { Scenario } from './Scenario'
import { type SimResult, simulate } from './Simulate'

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
}

/** Runs `from … to−1` of a batch and returns their summaries. */
export const runs = (scenario: Scenario, options: RunsOptions): RunSummary[] => {
  const seed = options.seed ?? 0
  const out: RunSummary[] = []
  for (let i = options.from ?? 0; i < options.to; i++) {
    out.push(summarize(simulate(scenario, { seed: Rng.derive(seed, i) }), i))
    options.onRun?.(out.length)
  }
  return out
}

/**
 * Run summaries as one `BigInt64Array` (a transferable buffer: what a worker posts instead of
 * objects). Per run: index, seed, revenue, sale count, then 9 words per sale (end price, sellout
 * price, cores sold, renewed, purchased, failed, revenue, mean renewal and purchase price), with
 * −1 for null. Null when a value does not fit in an i64 (u128 balances): post the objects then.
 */
export const pack = (summaries: readonly RunSummary[]): BigInt64Array<ArrayBuffer> | null => {
  let words = 0
  for (const r of summaries) words += HEADER + SALE_WORDS * r.sales.length
  const out = new BigInt64Array(words)
  let w = 0
  const put = (v: bigint | number | null): boolean => {
    if (typeof v === 'number' && !Number.isSafeInteger(v)) return false
    const x = v === null ? -1n : BigInt(v)
    if (x < (v === null ? -1n : 0n) || x > I64_MAX) return false
    out[w++] = x
    return true
  }
  for (const r of summaries) {
    if (!(put(r.index) && put(r.seed) && put(r.revenue) && put(r.sales.length))) return null
    for (const s of r.sales) {
      const ok =
        put(s.endPrice) &&
        put(s.selloutPrice) &&
        put(s.coresSold) &&
        put(s.renewed) &&
        put(s.purchased) &&
        put(s.failed) &&
        put(s.revenue) &&
        put(s.meanRenewalPrice) &&
        put(s.meanPurchasePrice)
      if (!ok) return null
    }
  }
  return out
}
const HEADER = 4
const SALE_WORDS = 9
const I64_MAX = 2n ** 63n - 1n

/** The summaries `pack` wrote. */
export const unpack = (packed: BigInt64Array): RunSummary[] => {
  const out: RunSummary[] = []
  let w = 0
  const big = (): bigint => packed[w++] as bigint
  const opt = (): bigint | null => {
    const x = packed[w++] as bigint
    return x === -1n ? null : x
  }
  const num = (): number => Number(packed[w++])
  while (w < packed.length) {
    const index = num()
    const seed = num()
    const revenue = big()
    const n = num()
    const sales: RunSummary['sales'] = []
    for (let k = 0; k < n; k++)
      sales.push({
        endPrice: big(),
        selloutPrice: opt(),
        coresSold: num(),
        renewed: num(),
        purchased: num(),
        failed: num(),
        revenue: big(),
        meanRenewalPrice: opt(),
        meanPurchasePrice: opt(),
      })
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
export const quantile = <T>(sorted: readonly T[], q: number): T => {
  if (sorted.length === 0) throw new RangeError('quantile of an empty list')
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[i] as T
}

export const band = <T extends number | bigint>(values: readonly T[]): Band<T> => {
  const sorted = [...values].sort(cmp)
  return { p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }
}

const optBand = (values: readonly (bigint | null)[]): Band<bigint> | null => {
  const xs = values.filter((v): v is bigint => v !== null)
  return xs.length === 0 ? null : band(xs)
}

/** Bands per sale over run summaries (in any order: they are sorted by run index first). */
export const bands = (summaries: readonly RunSummary[]): Bands => {
  if (summaries.length === 0) throw new RangeError('bands: no runs')
  const rs = [...summaries].sort((a, b) => a.index - b.index)
  const n = Math.min(...rs.map((r) => r.sales.length))
  const sales: SaleBands[] = []
  for (let k = 0; k < n; k++) {
    const col = rs.map((r) => r.sales[k] as RunSummary['sales'][number])
    sales.push({
      sale: k + 1,
      endPrice: band(col.map((c) => c.endPrice)),
      selloutPrice: optBand(col.map((c) => c.selloutPrice)),
      coresSold: band(col.map((c) => c.coresSold)),
      failed: band(col.map((c) => c.failed)),
      revenue: band(col.map((c) => c.revenue)),
      meanRenewalPrice: optBand(col.map((c) => c.meanRenewalPrice)),
      meanPurchasePrice: optBand(col.map((c) => c.meanPurchasePrice)),
    })
  }
  return { runs: rs.length, sales, revenue: band(rs.map((r) => r.revenue)) }
}

export interface MonteCarloOptions {
  runs: number
  seed?: number
  onRun?: (done: number) => void
}

/** `runs` seeded runs of a scenario, reduced to p5/p50/p95 bands per sale. */
export const monteCarlo = (scenario: Scenario, options: MonteCarloOptions): Bands => {
  if (!Number.isInteger(options.runs) || options.runs < 1)
    throw new RangeError(`monteCarlo: runs must be a whole number ≥ 1, got ${options.runs}`)
  return bands(
    runs(scenario, {
      to: options.runs,
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(options.onRun && { onRun: options.onRun }),
    }),
  )
}
