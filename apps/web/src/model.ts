/**
 * The web app's one door to the numbers. Every price, count and cost the page shows comes from
 * here, and everything here is a call into @coretime/core (the exact broker engine): the page
 * itself never computes a price. Until @coretime/sim lands, sales are driven by scripting the
 * engine's own calls (`configure`, `setLease`, `startSales`, `renew`, `purchase`, `assign`).
 */
import {
  Broker,
  type BrokerState,
  type ConfigRecord,
  OnDemand,
  type PriceAdapterConfig,
  Renewal,
  type Runtime,
  Sale,
  type SaleInfoRecord,
} from '@coretime/core'
import { type Demand, demandAt, type Params, type ViewState } from './state'

/** Relay block time, ms (6 s on Polkadot and Kusama). */
export const BLOCK_MS = 6_000
export const TIMESLICE_PERIOD = 80
const ADVANCE_NOTICE = 10
const MARKET = 'market'
const FIRST_TASK = 3_000

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

export const adapterOf = (p: Params): PriceAdapterConfig =>
  p.adapter === 'MinimumPrice' ? { kind: 'MinimumPrice', minimumEndPrice: p.minPrice } : { kind: p.adapter }

const runtimeOf = (p: Params): Runtime => ({
  timeslicePeriod: TIMESLICE_PERIOD,
  priceAdapter: adapterOf(p),
  renewalPriceRule: p.renewalRule,
  maxLeasedCores: 1_000,
  maxReservedCores: 1_000,
  maxAutoRenewals: 1_000,
  minimumCreditPurchase: 0n,
  balanceBits: 128,
  sovereignAccount: 'taskId',
  revenueAccount: 'burn',
})

const configOf = (p: Params): ConfigRecord => ({
  advanceNotice: ADVANCE_NOTICE,
  interludeLength: p.interlude,
  leadinLength: p.leadin,
  regionLength: p.regionLength,
  idealBulkProportion: perbill(p.idealPct),
  limitCoresOffered: p.coreLimit,
  renewalBump: perbill(p.bumpPct),
  contributionTimeout: p.regionLength,
})

class ModelError extends Error {}

const must = (what: string, r: { ok: boolean; error?: string }): void => {
  if (!r.ok) throw new ModelError(`${what} was refused by the engine: ${r.error ?? '?'}`)
}

/** Lead-in samples per sale for the chart (the curve is convex; 48 points draw it smoothly). */
const LEADIN_SAMPLES = 48

/**
 * One deterministic run: renewals and purchases per sale, as the engine executes them.
 * Renewers start as leases ending before the first sale (renewable there, as at launch); each
 * core bought is assigned for good, so it can be renewed in the next sale.
 */
export const run = (input: RunInput): RunResult => {
  const { params: p, demand, sales } = input
  const runtime = runtimeOf(p)
  const max = Broker.maxBalance(runtime)
  const adapter = runtime.priceAdapter
  const s: BrokerState = Broker.create(runtime, new Map([[MARKET, 10n ** 30n]]), 1)
  const out = Broker.sink()
  must('configure', Broker.execute(s, 'root', { call: 'configure', args: configOf(p) }, out))
  const firstRenewals = demandAt(demand, 0).renewals
  let task = FIRST_TASK
  for (let i = 0; i < firstRenewals; i++) {
    must('setLease', Broker.execute(s, 'root', { call: 'setLease', args: { task: task++, until: 1 } }, out))
  }
  must(
    'startSales',
    Broker.execute(
      s,
      'root',
      { call: 'startSales', args: { endPrice: p.startPrice, extraCores: p.coreLimit } },
      out,
    ),
  )

  const rows: SaleRow[] = []
  const curve: PricePoint[] = []
  let userLast = input.userPaid

  for (let i = 0; i < sales; i++) {
    const sale = s.saleInfo as SaleInfoRecord
    const rotation = s.block
    const want = demandAt(demand, i)
    const renewable = [...s.potentialRenewals.keys()]
      .map(Broker.renewalKeyParts)
      .filter((k) => k.when === sale.regionBegin)
      .map((k) => k.core)
      .sort((x, y) => x - y)
    // Interlude: renewals first, one block after the rotation.
    Broker.advanceTo(s, rotation + 1, out)
    const priceAtRenewal = Broker.salePriceNow(s) as bigint
    // The user's core renews in the interlude under the runtime's renewal rule (do_renew).
    const userRenewal = Renewal.nextPrice(
      p.renewalRule,
      userLast,
      perbill(p.bumpPct),
      sale.endPrice,
      priceAtRenewal,
    )
    userLast = userRenewal
    const before = s.balances.get(MARKET) ?? 0n
    let renewed = 0
    const canRenew = Math.min(want.renewals, renewable.length)
    for (const core of renewable.slice(0, canRenew)) {
      if (Broker.execute(s, MARKET, { call: 'renew', args: { core } }, out).ok) renewed++
    }
    // Lead-in: buyers purchase at the chosen point of the descending price.
    const buyBlock = sale.saleStart + Math.floor((sale.leadinLength * demand.buyAtPct) / 100)
    Broker.advanceTo(s, Math.max(s.block, buyBlock), out)
    let purchased = 0
    let purchasePrice: bigint | null = null
    for (let k = 0; k < want.purchases; k++) {
      const price = Broker.salePriceNow(s) as bigint
      out.events.length = 0
      if (!Broker.execute(s, MARKET, { call: 'purchase', args: { priceLimit: max } }, out).ok) break
      const ev = out.events.find((e) => e.name === 'Purchased')
      if (ev?.name === 'Purchased') {
        must(
          'assign',
          Broker.execute(
            s,
            MARKET,
            { call: 'assign', args: { regionId: ev.data.regionId, task: task++, finality: 'Final' } },
            out,
          ),
        )
      }
      purchasePrice = price
      purchased++
    }
    const after = s.balances.get(MARKET) ?? 0n
    const done = s.saleInfo as SaleInfoRecord
    const leadinEnd = sale.saleStart + sale.leadinLength
    // Sample the price curve from the rotation to the next one.
    const nextRotation = done.regionBegin * TIMESLICE_PERIOD - ADVANCE_NOTICE
    curve.push({ block: rotation, price: Sale.priceAt(sale, rotation, adapter, max), phase: 'interlude' })
    for (let j = 0; j <= LEADIN_SAMPLES; j++) {
      const b = sale.saleStart + Math.round((sale.leadinLength * j) / LEADIN_SAMPLES)
      curve.push({
        block: b,
        price: Sale.priceAt(sale, b, adapter, max),
        phase: j === LEADIN_SAMPLES ? 'fixed' : 'leadin',
      })
    }
    curve.push({ block: nextRotation, price: Sale.priceAt(sale, nextRotation, adapter, max), phase: 'fixed' })
    rows.push({
      index: i + 1,
      rotation,
      saleStart: sale.saleStart,
      leadinEnd,
      close: nextRotation,
      topPrice: Sale.priceAt(sale, sale.saleStart, adapter, max),
      endPrice: sale.endPrice,
      purchasePrice,
      selloutPrice: done.selloutPrice,
      coresOffered: done.coresOffered,
      idealCoresSold: done.idealCoresSold,
      coresSold: done.coresSold,
      renewed,
      purchased,
      renewable: renewable.length,
      turnedAway: canRenew - renewed + (want.purchases - purchased),
      userRenewal,
      revenue: before - after,
    })
    // Advance to the rotation that opens the next sale.
    Broker.advanceTo(s, Math.max(s.block, nextRotation), out)
    while ((s.saleInfo as SaleInfoRecord).regionBegin === done.regionBegin)
      Broker.advanceTo(s, s.block + 1, out)
  }
  return { rows, curve }
}

/** The view's runs: parameter set A and, when comparing, B. */
export const runView = (v: ViewState): { a: RunResult; b: RunResult | null } => {
  const base = { demand: v.demand, sales: v.sales, userPaid: v.userPaid }
  return { a: run({ ...base, params: v.a }), b: v.b ? run({ ...base, params: v.b }) : null }
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
    const res = run({
      params: v.a,
      demand: { mode: 'perSale', renewals, purchases, buyAtPct: at },
      sales: v.sales,
      userPaid: v.userPaid,
    })
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
