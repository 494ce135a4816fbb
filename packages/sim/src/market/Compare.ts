import { type Band, band } from '../MonteCarlo'
import * as Rng from '../Rng'
import type { Scenario } from '../Scenario'
import type { SaleResult as TodaySale } from '../Simulate'
import { SimulationError } from '../SimulationError'
import type { Rfc17Result, SaleResult as Rfc17Sale } from './rfc17/Results'
import { simulateRfc17 } from './rfc17/Run'
import { todayRun } from './TodayRun'

/**
 * One scenario's demand through both markets — today's broker sale and RFC-17's — with the same
 * seed (the agents' valuations, arrivals and lease sales are drawn in the same order), and, over
 * many seeds, p5/p50/p95 bands of both. docs/markets.md "Comparing the markets".
 */

/** What one group paid and what the market did in one sale, in either market. */
export interface MarketSale {
  /** mean price a new buyer paid per core (null: none bought) */
  newBuyerPrice: bigint | null
  /** mean price a holder paid per core to keep one (null: none did) */
  renewerPrice: bigint | null
  /** cores the large actor holds for this period (null: the run has no large actor) */
  largeActorCores: number | null
  revenue: bigint
  /** cores offered and not sold (they go to the on-demand pool in both designs) */
  idle: number
  coresOffered: number
  /** agents who held a core in the ending period and do not keep it, with why */
  lostCore: { agent: string; group: string; reason: string }[]
}

export interface TodaySaleRow extends MarketSale {
  startPrice: bigint
  endPrice: bigint
}

/** RFC-17's prices and what its clock did, as the sale reported them. */
export interface Rfc17SaleRow
  extends MarketSale,
    Pick<
      Rfc17Sale,
      | 'reservePrice'
      | 'openingPrice'
      | 'clearingPrice'
      | 'renewalPrice'
      | 'penaltyApplied'
      | 'closedAtLevel'
      | 'lottery'
      | 'displaced'
      | 'nextReserve'
    > {}

export interface CompareSale {
  sale: number
  today: TodaySaleRow
  rfc17: Rfc17SaleRow
}

export interface Comparison {
  name: string
  seed: number
  token: { symbol: string; decimals: number }
  sales: CompareSale[]
  revenue: { today: bigint; rfc17: bigint }
}

/** Reasons today's run gives a holder who does not keep its core. */
const TODAY_LOST = new Set(['RenewalTooExpensive', 'Forgot'])

const todayRow = (s: TodaySale, largeActorCores: number | null): TodaySaleRow => ({
  startPrice: s.startPrice,
  endPrice: s.endPrice,
  newBuyerPrice: s.purchasePrices?.mean ?? null,
  renewerPrice: s.renewalPrices?.mean ?? null,
  largeActorCores,
  revenue: s.revenue,
  idle: s.coresOffered - s.coresSold,
  coresOffered: s.coresOffered,
  lostCore: s.failed
    .filter((f) => TODAY_LOST.has(f.reason))
    .map((f) => ({ agent: f.agent, group: f.group, reason: f.reason })),
})

/** One RFC-17 sale as a row of the comparison (`hasLargeActor`: the scenario has one). */
export const rfc17Row = (s: Rfc17Sale, hasLargeActor: boolean): Rfc17SaleRow => ({
  reservePrice: s.reservePrice,
  openingPrice: s.openingPrice,
  clearingPrice: s.clearingPrice,
  renewalPrice: s.renewalPrice,
  penaltyApplied: s.penaltyApplied,
  closedAtLevel: s.closedAtLevel,
  lottery: s.lottery,
  displaced: s.displaced,
  nextReserve: s.nextReserve,
  newBuyerPrice: s.newBuyerPrices?.mean ?? null,
  renewerPrice: s.renewerPrices?.mean ?? null,
  largeActorCores: hasLargeActor ? s.largeActorCores : null,
  revenue: s.revenue,
  idle: s.idle,
  coresOffered: s.supply,
  lostCore: s.failed
    .filter((f) => f.lostCore)
    .map((f) => ({ agent: f.agent, group: f.group, reason: f.reason })),
})

const hasLargeActor = (scenario: Scenario): boolean =>
  scenario.demand.agents.some((a) => a.kind === 'largeActor')

/** Both markets, one seed. */
export const compare = (scenario: Scenario, seed = 0): Comparison => {
  const today = todayRun(scenario, seed)
  const rfc17 = simulateRfc17(scenario, { seed })
  return join(scenario, seed, today, rfc17)
}

const join = (
  scenario: Scenario,
  seed: number,
  today: ReturnType<typeof todayRun>,
  rfc17: Rfc17Result,
): Comparison => {
  const hasLarge = hasLargeActor(scenario)
  const n = Math.min(today.sales.length, rfc17.sales.length)
  const sales: CompareSale[] = []
  for (let i = 0; i < n; i++)
    sales.push({
      sale: i + 1,
      today: todayRow(today.sales[i] as TodaySale, hasLarge ? (today.largeActorCores[i] ?? 0) : null),
      rfc17: rfc17Row(rfc17.sales[i] as Rfc17Sale, hasLarge),
    })
  return {
    name: scenario.name,
    seed,
    token: rfc17.token,
    sales,
    revenue: { today: today.revenue, rfc17: rfc17.revenue },
  }
}

export interface MarketBands {
  newBuyerPrice: Band<bigint> | null
  renewerPrice: Band<bigint> | null
  /** today: the end price; RFC-17: the clearing price */
  price: Band<bigint>
  revenue: Band<bigint>
  idle: Band<number>
  lostCore: Band<number>
  largeActorCores: Band<number> | null
}

export interface CompareBands {
  runs: number
  seed: number
  sales: { sale: number; today: MarketBands; rfc17: MarketBands }[]
  revenue: { today: Band<bigint>; rfc17: Band<bigint> }
}

const optBand = (xs: readonly (bigint | null)[]): Band<bigint> | null => {
  const v = xs.filter((x): x is bigint => x !== null)
  return v.length === 0 ? null : band(v)
}
const optCountBand = (xs: readonly (number | null)[]): Band<number> | null => {
  const v = xs.filter((x): x is number => x !== null)
  return v.length === 0 ? null : band(v)
}

const marketBands = (rows: readonly MarketSale[], price: readonly bigint[]): MarketBands => ({
  newBuyerPrice: optBand(rows.map((r) => r.newBuyerPrice)),
  renewerPrice: optBand(rows.map((r) => r.renewerPrice)),
  price: band(price),
  revenue: band(rows.map((r) => r.revenue)),
  idle: band(rows.map((r) => r.idle)),
  lostCore: band(rows.map((r) => r.lostCore.length)),
  largeActorCores: optCountBand(rows.map((r) => r.largeActorCores)),
})

const checkRuns = (fn: string, runs: number): void => {
  if (!Number.isInteger(runs) || runs < 1)
    throw new SimulationError(`${fn}: runs must be a whole number ≥ 1, got ${runs}`)
}

/**
 * `runs` seeded comparisons (run i uses `Rng.derive(seed, i)` in both markets, as Monte Carlo
 * does), reduced to p5/p50/p95 per sale and market.
 */
export const compareBands = (
  scenario: Scenario,
  options: { runs: number; seed?: number; onRun?: (done: number) => void },
): CompareBands => {
  checkRuns('compareBands', options.runs)
  const seed = options.seed ?? 0
  const all: Comparison[] = []
  for (let i = 0; i < options.runs; i++) {
    all.push(compare(scenario, Rng.derive(seed, i)))
    options.onRun?.(i + 1)
  }
  const n = Math.min(...all.map((c) => c.sales.length))
  const sales: CompareBands['sales'] = []
  for (let k = 0; k < n; k++) {
    const col = all.map((c) => c.sales[k] as CompareSale)
    sales.push({
      sale: k + 1,
      today: marketBands(
        col.map((c) => c.today),
        col.map((c) => c.today.endPrice),
      ),
      rfc17: marketBands(
        col.map((c) => c.rfc17),
        col.map((c) => c.rfc17.clearingPrice),
      ),
    })
  }
  return {
    runs: options.runs,
    seed,
    sales,
    revenue: { today: band(all.map((c) => c.revenue.today)), rfc17: band(all.map((c) => c.revenue.rfc17)) },
  }
}

/** RFC-17's market alone, one sale over many runs: the comparison's bands and its own prices. */
export interface Rfc17SaleBands extends MarketBands {
  sale: number
  reservePrice: Band<bigint>
  openingPrice: Band<bigint>
  renewalPrice: Band<bigint>
  /** runs in which renewals paid the penalty */
  penaltyRuns: number
  displaced: Band<number>
}

export interface Rfc17Bands {
  runs: number
  seed: number
  sales: Rfc17SaleBands[]
  revenue: Band<bigint>
}

/**
 * `runs` seeded runs of RFC-17's market alone (`coretime simulate FILE --runs` for a scenario with
 * `market.kind: rfc17`): run i uses `Rng.derive(seed, i)`, as Monte Carlo and `compareBands` do,
 * so its bands are the comparison's RFC-17 bands, with the reserve, opening and renewal prices.
 */
export const rfc17Bands = (
  scenario: Scenario,
  options: { runs: number; seed?: number; onRun?: (done: number) => void },
): Rfc17Bands => {
  checkRuns('rfc17Bands', options.runs)
  const seed = options.seed ?? 0
  const hasLarge = hasLargeActor(scenario)
  const all: { rows: Rfc17SaleRow[]; revenue: bigint }[] = []
  for (let i = 0; i < options.runs; i++) {
    const r = simulateRfc17(scenario, { seed: Rng.derive(seed, i) })
    all.push({ rows: r.sales.map((s) => rfc17Row(s, hasLarge)), revenue: r.revenue })
    options.onRun?.(i + 1)
  }
  const n = Math.min(...all.map((r) => r.rows.length))
  const sales: Rfc17SaleBands[] = []
  for (let k = 0; k < n; k++) {
    const col = all.map((r) => r.rows[k] as Rfc17SaleRow)
    sales.push({
      sale: k + 1,
      ...marketBands(
        col,
        col.map((c) => c.clearingPrice),
      ),
      reservePrice: band(col.map((c) => c.reservePrice)),
      openingPrice: band(col.map((c) => c.openingPrice)),
      renewalPrice: band(col.map((c) => c.renewalPrice)),
      penaltyRuns: col.filter((c) => c.penaltyApplied).length,
      displaced: band(col.map((c) => c.displaced)),
    })
  }
  return { runs: options.runs, seed, sales, revenue: band(all.map((r) => r.revenue)) }
}
