import type { Band, Bands, RunSummary, SaleBands } from './MonteCarlo'
import { SimulationError } from './SimulationError'

/**
 * Monte Carlo results column by column: per sale and metric, the values of every run (in no
 * particular order: bands are order statistics). What a worker aggregates from its runs and posts
 * (typed arrays, transferable), what a shard writes, and what is merged — by concatenation — and
 * reduced to bands. Values are kept in a Float64Array (null as NaN) while every one is a whole
 * number below 2^53, exact in a double; otherwise the column holds bigints.
 */
export type Column = { f64: Float64Array<ArrayBuffer> } | { big: (bigint | null)[] }

export interface Aggregate {
  runs: number
  sales: number
  /** column `sale · 7 + metric` (METRICS order), then the horizon's revenue */
  cols: Column[]
}

/** The per-sale metrics of the bands, in SaleBands order; `money` ones are bigint planck. */
export const METRICS = [
  { key: 'endPrice', money: true },
  { key: 'selloutPrice', money: true },
  { key: 'coresSold', money: false },
  { key: 'failed', money: false },
  { key: 'revenue', money: true },
  { key: 'meanRenewalPrice', money: true },
  { key: 'meanPurchasePrice', money: true },
] as const
const M = METRICS.length
const SAFE = 2 ** 53

type Value = bigint | number | null

/** The aggregate of some runs' summaries (one pass over the runs, straight into the columns). */
export const of = (summaries: readonly RunSummary[]): Aggregate => {
  const n = summaries.length
  let sales = n === 0 ? 0 : Number.POSITIVE_INFINITY
  for (const r of summaries) if (r.sales.length < sales) sales = r.sales.length
  const width = sales * M + 1
  const f = Array.from({ length: width }, () => new Float64Array(n))
  let big: Set<number> | null = null
  const put = (c: number, i: number, v: Value): void => {
    const col = f[c] as Float64Array
    if (v === null) col[i] = Number.NaN
    else if (typeof v === 'number') col[i] = v
    else {
      const x = Number(v) // exact below 2^53; and below 2^53 only if v is
      if (x >= 0 && x < SAFE) col[i] = x
      else {
        big ??= new Set()
        big.add(c)
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const r = summaries[i] as RunSummary
    for (let k = 0; k < sales; k++) {
      const s = r.sales[k] as RunSummary['sales'][number]
      const c = k * M
      put(c, i, s.endPrice)
      put(c + 1, i, s.selloutPrice)
      put(c + 2, i, s.coresSold)
      put(c + 3, i, s.failed)
      put(c + 4, i, s.revenue)
      put(c + 5, i, s.meanRenewalPrice)
      put(c + 6, i, s.meanPurchasePrice)
    }
    put(sales * M, i, r.revenue)
  }
  const cols: Column[] = f.map((col, c) => {
    if (!big?.has(c)) return { f64: col }
    // a value beyond 2^53 (u128 balances): this column keeps bigints
    const k = Math.floor(c / M)
    const key = METRICS[c % M]?.key ?? 'endPrice'
    return { big: summaries.map((r) => (c === sales * M ? r.revenue : toBig(r.sales[k]?.[key] ?? null))) }
  })
  return { runs: n, sales, cols }
}
const toBig = (v: Value): bigint | null => (v === null || typeof v === 'bigint' ? v : BigInt(v))

const bigOf = (c: Column): (bigint | null)[] =>
  'big' in c ? c.big : Array.from(c.f64, (x) => (Number.isNaN(x) ? null : BigInt(x)))

/** Several aggregates as one (the runs of all of them). */
export const merge = (parts: readonly Aggregate[]): Aggregate => {
  const live = parts.filter((p) => p.runs > 0)
  if (live.length === 1) return live[0] as Aggregate
  const sales = live.length === 0 ? 0 : Math.min(...live.map((p) => p.sales))
  const runs = live.reduce((n, p) => n + p.runs, 0)
  const cols: Column[] = []
  for (let c = 0; c <= sales * M; c++) {
    // the horizon's revenue is the last column of each part, whatever its sale count
    const from = live.map((p) => p.cols[c === sales * M ? p.sales * M : c] as Column)
    if (from.every((x) => 'f64' in x)) {
      const f = new Float64Array(runs)
      let at = 0
      for (const x of from as { f64: Float64Array }[]) {
        f.set(x.f64, at)
        at += x.f64.length
      }
      cols.push({ f64: f })
    } else cols.push({ big: from.flatMap(bigOf) })
  }
  return { runs, sales, cols }
}

/** Nearest rank: the ⌈q·n⌉-th smallest (1-based), as a 0-based index. */
const rank = (n: number, q: number): number => Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))

/** Rearranges a[lo..hi] so that a[k] is the value a sort would put there (Hoare selection). */
const select = (a: Float64Array, k: number, lo: number, hi: number): void => {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1
    // median of three as the pivot
    const x = a[lo] as number
    const y = a[mid] as number
    const z = a[hi] as number
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y
    let i = lo
    let j = hi
    while (i <= j) {
      while ((a[i] as number) < pivot) i++
      while ((a[j] as number) > pivot) j--
      if (i <= j) {
        const t = a[i] as number
        a[i] = a[j] as number
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return
  }
}

const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0)

/** p5 / p50 / p95 of a column's non-null values (null when it has none). */
const bandOf = (c: Column, money: boolean, scratch: Float64Array): Band<bigint> | Band<number> | null => {
  if ('big' in c) {
    const xs = c.big.filter((v): v is bigint => v !== null).sort(cmp)
    if (xs.length === 0) return null
    const at = (q: number) => xs[rank(xs.length, q)] as bigint
    const b = { p5: at(0.05), p50: at(0.5), p95: at(0.95) }
    return money ? b : { p5: Number(b.p5), p50: Number(b.p50), p95: Number(b.p95) }
  }
  let n = 0
  for (const v of c.f64) if (!Number.isNaN(v)) scratch[n++] = v
  if (n === 0) return null
  const k50 = rank(n, 0.5)
  const k5 = rank(n, 0.05)
  const k95 = rank(n, 0.95)
  select(scratch, k50, 0, n - 1)
  select(scratch, k5, 0, k50) // everything left of k50 is ≤ it
  select(scratch, k95, k50, n - 1)
  const p5 = scratch[k5] as number
  const p50 = scratch[k50] as number
  const p95 = scratch[k95] as number
  return money ? { p5: BigInt(p5), p50: BigInt(p50), p95: BigInt(p95) } : { p5, p50, p95 }
}

/** p5 / p50 / p95 by nearest rank per sale and for the horizon's revenue (exact: order statistics). */
export const bands = (a: Aggregate): Bands => {
  if (a.runs === 0) throw new SimulationError('bands: no runs')
  const scratch = new Float64Array(a.runs)
  const band = (c: number, money: boolean) => bandOf(a.cols[c] as Column, money, scratch)
  const sales: SaleBands[] = []
  for (let k = 0; k < a.sales; k++) {
    const b = (m: number) => band(k * M + m, METRICS[m]?.money ?? true)
    sales.push({
      sale: k + 1,
      endPrice: b(0) as Band<bigint>,
      selloutPrice: b(1) as Band<bigint> | null,
      coresSold: b(2) as Band<number>,
      failed: b(3) as Band<number>,
      revenue: b(4) as Band<bigint>,
      meanRenewalPrice: b(5) as Band<bigint> | null,
      meanPurchasePrice: b(6) as Band<bigint> | null,
    })
  }
  return { runs: a.runs, sales, revenue: band(a.sales * M, true) as Band<bigint> }
}
