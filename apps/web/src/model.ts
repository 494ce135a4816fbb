/**
 * The web app's one door to the numbers. Every price, count and cost the page shows comes from
 * here, and everything here is a call into @coretime/core (the exact broker engine): the page
 * itself never computes a price. Sales run through @coretime/sim (table demand over the exact
 * engine); prices along the curve and the user's renewal line are @coretime/core's Sale.priceAt
 * and Renewal.nextPrice.
 */
import { Broker, OnDemand, Renewal, Sale } from '@coretime/core'
import { type SimResult, Scenario as SimScenario, simulate } from '@coretime/sim'
import { type Demand, demandAt, type Network, type Params, type ViewState } from './state'

/** Relay block time, ms (6 s on Polkadot and Kusama). */
export const BLOCK_MS = 6_000
export const TIMESLICE_PERIOD = 80
const ADVANCE_NOTICE = 10

export type Phase = 'interlude' | 'leadin' | 'fixed'

export interface SaleRow {
  /** 1-based sale number. */
  index: number
  /** Block of the rotation that opened the sale (start of its interlude). */
  rotation: number
  saleStart: number
  leadinEnd: number
  /** Block of the next rotation (end of this sale's fixed-price phase). */
  close: number
  /** Price when the lead-in starts (its top), planck. */
  topPrice: bigint
  endPrice: bigint
  /** What buyers paid for each core in this sale, or null if nobody bought. */
  purchasePrice: bigint | null
  selloutPrice: bigint | null
  coresOffered: number
  idealCoresSold: number
  coresSold: number
  renewed: number
  purchased: number
  /** Cores that could renew into this sale (bought or renewed in the last one, or a lease ending). */
  renewable: number
  /** Demand the sale could not serve (sold out). */
  turnedAway: number
  /** The user's core: what renewing it costs in this sale, planck. */
  userRenewal: bigint
  /** Planck paid to the broker in this sale (burned on the live chains). */
  revenue: bigint
}

export interface PricePoint {
  block: number
  price: bigint
  phase: Phase
}

export interface RunResult {
  /** The block at the start date (dates are counted from it at 6 s a block). */
  firstBlock: number
  rows: SaleRow[]
  /** The sale price over time, sampled through every phase of every sale. */
  curve: PricePoint[]
}

export interface RunInput {
  params: Params
  demand: Demand
  sales: number
  userPaid: bigint
}

/** Percent with at most two decimals → Perbill parts (exact: hundredths × 1e5). */
const perbill = (pct: number): bigint => BigInt(Math.round(pct * 100)) * 100_000n

class ModelError extends Error {}

/** Lead-in samples per sale for the chart (the curve is convex; 48 points draw it smoothly). */
const LEADIN_SAMPLES = 48

/** The scenario file @coretime/sim reads, built from the page's inputs (validated there too). */
export const scenarioOf = (input: RunInput, network: Network, start: string): unknown => {
  const { params: p, demand } = input
  const series = (xs: number[]) => (demand.mode === 'constant' ? (xs[0] ?? 0) : xs.slice(0, input.sales))
  const maxRenewals = Math.max(0, ...demand.renewals.slice(0, demand.mode === 'constant' ? 1 : input.sales))
  return {
    name: 'web',
    chain: {
      preset: network,
      startDate: `${start}T00:00:00Z`,
      runtime: {
        priceAdapter:
          p.adapter === 'MinimumPrice'
            ? { kind: 'MinimumPrice', minimumEndPrice: p.minPrice.toString() }
            : { kind: p.adapter },
        renewalPriceRule: p.renewalRule,
        maxLeasedCores: 1000,
      },
      configuration: {
        advanceNotice: ADVANCE_NOTICE,
        interludeLength: p.interlude,
        leadinLength: p.leadin,
        regionLength: p.regionLength,
        idealBulkProportion: p.idealPct,
        limitCoresOffered: p.coreLimit,
        renewalBump: p.bumpPct,
        contributionTimeout: p.regionLength,
      },
    },
    horizon: input.sales,
    start: {
      endPrice: p.startPrice.toString(),
      extraCores: p.coreLimit,
      // renewers hold leases whose renewal right falls in sale 2 (sale 1's region is still leased)
      leases: maxRenewals > 0 ? [{ count: maxRenewals, renewInSale: 2 }] : [],
    },
    demand: {
      table: {
        renewals: series(demand.renewals),
        purchases: series(demand.purchases),
        buyAt: demand.buyAtPct / 100,
      },
    },
  }
}

const parseScenario = (raw: unknown): SimScenario.Scenario => {
  const r = SimScenario.parse(raw)
  if (!r.ok) throw new ModelError(r.issues.map(SimScenario.formatIssue).join('; '))
  return r.scenario
}

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
    // The user's core renews in the interlude under the runtime's renewal rule (do_renew).
    const priceAtRenewal = Sale.priceAt(sale, rotation + 1, adapter, max)
    const userRenewal = Renewal.nextPrice(
      p.renewalRule,
      userLast,
      perbill(p.bumpPct),
      r.endPrice,
      priceAtRenewal,
    )
    userLast = userRenewal
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
  return { rows, curve, firstBlock: scenario.chain.startBlock }
}

/** One deterministic run of the view's demand through @coretime/sim (the exact engine beneath). */
export const run = (
  input: RunInput,
  network: Network = 'polkadot',
  start = '2026-12-01',
  seed = 0,
): RunResult => {
  const scenario = parseScenario(scenarioOf(input, network, start))
  return fromSim(input, scenario, simulate(scenario, { seed }))
}

/** The view's runs: parameter set A and, when comparing, B. */
export const runView = (v: ViewState): { a: RunResult; b: RunResult | null } => {
  const base = { demand: v.demand, sales: v.sales, userPaid: v.userPaid }
  return {
    a: run({ ...base, params: v.a }, v.network, v.start),
    b: v.b ? run({ ...base, params: v.b }, v.network, v.start) : null,
  }
}

/** A relay block as a calendar time, with the first rotation at `start` (UTC midnight). */
export const blockToDate = (start: string, block: number, firstBlock: number): Date =>
  new Date(Date.parse(`${start}T00:00:00Z`) + (block - firstBlock) * BLOCK_MS)

// ---------------------------------------------------------------------------------------------
// Bulk versus on-demand
// ---------------------------------------------------------------------------------------------

export interface CostRow {
  index: number
  /** Renewing a whole core for the region, planck. */
  bulk: bigint
  /** Ordering `blocksPerDay` blocks a day at the floor spot price for the region's length, planck. */
  onDemand: bigint
}

/**
 * Per region: bulk (renewing the user's core) against on-demand orders at the spot price with the
 * queue at its floor traffic (sdk default scheduler params, labelled as such in the page).
 */
export const bulkVsOnDemand = (v: ViewState, r: RunResult): { spot: bigint; rows: CostRow[] } => {
  const od = OnDemand.Params.sdkDefaults(v.network)
  const spot = OnDemand.Traffic.spotPrice(od.trafficDefault, od.baseFee)
  const blocksPerRegion = v.a.regionLength * TIMESLICE_PERIOD
  const days = blocksPerRegion / ((24 * 3600 * 1000) / BLOCK_MS)
  const orders = BigInt(Math.ceil(v.blocksPerDay * days))
  return {
    spot,
    rows: r.rows.map((row) => ({ index: row.index, bulk: row.userRenewal, onDemand: spot * orders })),
  }
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo (interim, until @coretime/sim's agents): demand drawn per run from a seeded PRNG.
// ---------------------------------------------------------------------------------------------

export interface Band {
  index: number
  p5: bigint
  p50: bigint
  p95: bigint
}

/** mulberry32: a small seeded PRNG, so the same seed gives the same bands. */
const prng = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The value at quantile q of a sorted list (nearest rank). */
const quantile = (sorted: bigint[], q: number): bigint =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0n

/**
 * Runs the view `v.mc.runs` times. In each run every renewal happens with probability 0.9, the
 * purchases of each sale vary uniformly by ±50%, and buyers buy at the chosen point ±25% of the
 * lead-in. Bands are p5/p50/p95 of what buyers paid per core in each sale (the end price when
 * nobody bought).
 */
export const monteCarlo = (v: ViewState, onProgress?: (done: number) => void): Band[] => {
  const rand = prng(v.mc.seed)
  const paid: bigint[][] = Array.from({ length: v.sales }, () => [])
  for (let r = 0; r < v.mc.runs; r++) {
    const renewals: number[] = []
    const purchases: number[] = []
    for (let i = 0; i < v.sales; i++) {
      const want = demandAt(v.demand, i)
      let ren = 0
      for (let k = 0; k < want.renewals; k++) if (rand() < 0.9) ren++
      renewals.push(ren)
      purchases.push(Math.max(0, Math.round(want.purchases * (0.5 + rand()))))
    }
    const at = Math.min(100, Math.max(0, Math.round(v.demand.buyAtPct + (rand() - 0.5) * 50)))
    const res = run(
      {
        params: v.a,
        demand: { mode: 'perSale', renewals, purchases, buyAtPct: at },
        sales: v.sales,
        userPaid: v.userPaid,
      },
      v.network,
      v.start,
      r,
    )
    res.rows.forEach((row, i) => {
      paid[i]?.push(row.purchasePrice ?? row.endPrice)
    })
    onProgress?.(r + 1)
  }
  return paid.map((xs, i) => {
    const sorted = [...xs].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    return {
      index: i + 1,
      p5: quantile(sorted, 0.05),
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
    }
  })
}
