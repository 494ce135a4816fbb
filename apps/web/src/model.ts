/**
 * The web app's one door to the numbers. Every price, count and cost the page shows comes from
 * here, and everything here is a call into @coretime/core (the exact broker engine) or
 * @coretime/sim: the page itself never computes a price. Sales run through @coretime/sim (the
 * table demand and the agents over the exact engine); prices along the curve and the user's
 * renewal line are @coretime/core's Sale.priceAt and Renewal.nextPrice; Monte Carlo bands are
 * @coretime/sim's MonteCarlo; bulk against on-demand is @coretime/core's BulkVsOnDemand.
 */
import { BaseError, Broker, BulkVsOnDemand, Networks, OnDemand, Renewal, Sale } from '@coretime/core'
import {
  MonteCarlo,
  Preset,
  Rng,
  type SimResult,
  type Scenario as SimScenario,
  simulate,
} from '@coretime/sim'
import {
  type Agents,
  BOUNDS,
  type Bound,
  type Demand,
  MAX_AMOUNT,
  MAX_LEASED,
  type Network,
  type Params,
  type ViewState,
} from './state'

// The web's model assumes the Polkadot entry's relay block time, timeslice period and advance
// notice (core's `Networks`; the same on Polkadot and Kusama).
const POLKADOT = Networks.get('polkadot')
/** Relay block time, ms (6 s on Polkadot and Kusama). */
export const BLOCK_MS = POLKADOT.relay.blockMs
/** Relay blocks a day at 6 s (also the most blocks one core gives a parachain a day). */
export const BLOCKS_PER_DAY = Networks.relayBlocksPerDay('polkadot')
export const TIMESLICE_PERIOD = POLKADOT.runtime.timeslicePeriod
const ADVANCE_NOTICE = POLKADOT.sale.configuration.advanceNotice

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
  /** The user's core: what renewing it costs in this sale (the recorded renewal price), planck. */
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
  /** Planck paid to the broker over all sales (@coretime/sim's total; burned on the live chains). */
  revenue: bigint
}

export interface RunInput {
  params: Params
  demand: Demand
  /** The simulator's agents on top of the table demand (absent: none). */
  agents?: Agents
  sales: number
  userPaid: bigint
}

/** Percent with at most two decimals → Perbill parts (exact: hundredths × 1e5). */
const perbill = (pct: number): bigint => BigInt(Math.round(pct * 100)) * 100_000n

/** The page's inputs beyond the engine's bounds (shown in the page, never thrown past it). */
class ModelError extends BaseError {}

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
    market: { kind: 'today' },
    demand: {
      table: {
        renewals: series(demand.renewals),
        purchases: series(demand.purchases),
        buyAt: demand.buyAtPct / 100,
      },
      agents: input.agents ? agentSpecs(input.agents, input.sales) : [],
    },
  }
}

/** The page's agent inputs as @coretime/sim agent specs (amounts as whole planck). */
export const agentSpecs = (a: Agents, sales: number): unknown[] => {
  const planck = (x: bigint) => x.toString()
  const v = a.valuation
  const valuation =
    v.dist === 'fixed'
      ? { dist: 'fixed', value: planck(v.median) }
      : v.dist === 'uniform'
        ? { dist: 'uniform', min: planck(v.min), max: planck(v.max) }
        : { dist: 'lognormal', median: planck(v.median), sigma: v.sigma }
  const timing =
    a.timing === 'fraction' ? { strategy: 'fraction', at: a.timingPct / 100 } : { strategy: a.timing }
  return [
    ...(a.renewers > 0
      ? [
          {
            kind: 'renewer',
            name: 'renewers',
            count: a.renewers,
            renewInSale: 2,
            maxPrice: planck(a.renewMax),
            forget: a.forgetPct / 100,
          },
        ]
      : []),
    ...(a.buyers > 0
      ? [
          {
            kind: 'buyer',
            name: 'buyers',
            // on average `buyers` a sale: each arrives in a sale drawn uniformly from the horizon
            count: a.buyers * sales,
            arrival: [1, sales],
            valuation,
            timing,
          },
        ]
      : []),
    ...(a.speculators > 0
      ? [
          {
            kind: 'speculator',
            name: 'speculators',
            count: a.speculators,
            maxPrice: planck(a.specMax),
            markup: a.markup,
          },
        ]
      : []),
    ...(a.largeOn ? [{ kind: 'largeActor', name: 'large actor', buyBelow: planck(a.largeBelow) }] : []),
  ]
}

/**
 * The page's inputs as @coretime/sim's resolved scenario, built directly: what `Scenario.parse`
 * makes of `scenarioOf` (test/model.test.ts holds the two equal), without loading the scenario
 * file's schema into the worker (the page's first load). The inputs were validated at the page's
 * edge (the URL codec and the fields, with the same bounds); `check` refuses anything else.
 */
export const resolveScenario = (input: RunInput, network: Network, start: string): SimScenario.Scenario => {
  check(input)
  const { params: p, demand } = input
  const preset = Preset.get(network)
  const series = (xs: number[]) => (demand.mode === 'constant' ? (xs[0] ?? 0) : xs.slice(0, input.sales))
  const maxRenewals = Math.max(0, ...demand.renewals.slice(0, demand.mode === 'constant' ? 1 : input.sales))
  return {
    name: 'web',
    description: '',
    chain: {
      preset: preset.name,
      token: preset.token,
      runtime: {
        ...preset.runtime,
        renewalPriceRule: p.renewalRule,
        maxLeasedCores: MAX_LEASED,
        priceAdapter:
          p.adapter === 'MinimumPrice'
            ? { kind: 'MinimumPrice', minimumEndPrice: p.minPrice }
            : { kind: p.adapter },
      },
      configuration: {
        ...preset.configuration,
        advanceNotice: ADVANCE_NOTICE,
        interludeLength: p.interlude,
        leadinLength: p.leadin,
        regionLength: p.regionLength,
        idealBulkProportion: perbill(p.idealPct),
        limitCoresOffered: p.coreLimit,
        renewalBump: perbill(p.bumpPct),
        contributionTimeout: p.regionLength,
      },
      blockTimeSeconds: preset.blockTimeSeconds,
      startDate: new Date(`${start}T00:00:00Z`).toISOString(),
      startBlock: 0,
      onDemand: OnDemand.Params.sdkDefaults(preset.token.network),
    },
    horizon: input.sales,
    start: {
      endPrice: p.startPrice,
      extraCores: p.coreLimit,
      reservations: 0,
      // renewers hold leases whose renewal right falls in sale 2 (sale 1's region is still leased)
      leases: maxRenewals > 0 ? [{ count: maxRenewals, renewInSale: [2, 2] }] : [],
    },
    market: { kind: 'today' },
    demand: {
      table: {
        renewals: series(demand.renewals),
        purchases: series(demand.purchases),
        buyAt: demand.buyAtPct / 100,
      },
      agents: input.agents ? resolvedAgents(input.agents, input.sales) : [],
    },
  }
}

/** The page's agents as resolved agent specs (the parse of `agentSpecs`). */
const resolvedAgents = (a: Agents, sales: number): SimScenario.AgentSpec[] => {
  const v = a.valuation
  const valuation: SimScenario.Dist =
    v.dist === 'fixed'
      ? { dist: 'fixed', value: v.median }
      : v.dist === 'uniform'
        ? { dist: 'uniform', min: v.min, max: v.max }
        : { dist: 'lognormal', median: v.median, sigma: v.sigma }
  const timing: SimScenario.Timing =
    a.timing === 'fraction' ? { strategy: 'fraction', at: a.timingPct / 100 } : { strategy: a.timing }
  return [
    ...(a.renewers > 0
      ? [
          {
            kind: 'renewer' as const,
            name: 'renewers',
            count: a.renewers,
            renewInSale: [2, 2] as const,
            maxPrice: a.renewMax,
            forget: a.forgetPct / 100,
            renewAt: 'interlude' as const,
            budget: null,
          },
        ]
      : []),
    ...(a.buyers > 0
      ? [
          {
            kind: 'buyer' as const,
            name: 'buyers',
            count: a.buyers * sales,
            arrival: [1, sales] as const,
            patience: 1,
            valuation,
            timing,
            renew: true,
            forget: 0,
            budget: null,
          },
        ]
      : []),
    ...(a.speculators > 0
      ? [
          {
            kind: 'speculator' as const,
            name: 'speculators',
            count: a.speculators,
            cores: 1,
            maxPrice: a.specMax,
            at: 0,
            markup: a.markup,
            sales: null,
            budget: null,
          },
        ]
      : []),
    ...(a.largeOn
      ? [
          {
            kind: 'largeActor' as const,
            name: 'large actor',
            buyBelow: a.largeBelow,
            sales: null,
            budget: null,
          },
        ]
      : []),
  ]
}

/** Refuses inputs beyond the page's bounds (the engine's), naming the link's field. */
const check = (input: RunInput): void => {
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

/** One deterministic run of the view's demand through @coretime/sim (the exact engine beneath). */
export const run = (
  input: RunInput,
  network: Network = 'polkadot',
  start = '2026-12-01',
  seed = 0,
): RunResult => {
  const scenario = resolveScenario(input, network, start)
  return fromSim(input, scenario, simulate(scenario, { seed }))
}

/**
 * The seed of the view's main run: run 0 of the Monte Carlo batch (`Rng.derive(seed, 0)`, as
 * @coretime/sim's MonteCarlo seeds it), so the drawn line is one of the runs behind the bands.
 */
export const mainSeed = (v: ViewState): number => Rng.derive(v.mc.seed, 0)

const inputOf = (v: ViewState, params: Params): RunInput => ({
  params,
  demand: v.demand,
  agents: v.agents,
  sales: v.sales,
  userPaid: v.userPaid,
})

/** The view's runs: parameter set A and, when comparing, B. */
export const runView = (v: ViewState): { a: RunResult; b: RunResult | null } => ({
  a: run(inputOf(v, v.a), v.network, v.start, mainSeed(v)),
  b: v.b ? run(inputOf(v, v.b), v.network, v.start, mainSeed(v)) : null,
})

/** A relay block as a calendar time, with the first rotation at `start` (UTC midnight). */
export const blockToDate = (start: string, block: number, firstBlock: number): Date =>
  new Date(Date.parse(`${start}T00:00:00Z`) + (block - firstBlock) * BLOCK_MS)

// ---------------------------------------------------------------------------------------------
// Bulk versus on-demand
// ---------------------------------------------------------------------------------------------

export interface CostRow {
  index: number
  /** Renewing whole cores for the region, planck. */
  bulk: bigint
  /** On-demand orders (one block each) for the region. */
  orders: bigint
  /** Ordering `blocksPerDay` blocks a day at the floor spot price for the region's length, planck. */
  onDemand: bigint
}

export interface Costs {
  spot: bigint
  /** Whole cores bulk needs for `blocksPerDay`. */
  cores: number
  rows: CostRow[]
}

/**
 * Per region: bulk (renewing the user's core at its renewal price in that sale) against on-demand
 * orders at the spot price with the queue at its floor traffic (sdk default scheduler params,
 * labelled as such in the page). Each region is @coretime/core's BulkVsOnDemand.Compare over that
 * one region, priced at the sale's renewal price.
 */
export const bulkVsOnDemand = (v: ViewState, r: RunResult): Costs => {
  const od = OnDemand.Params.sdkDefaults(v.network)
  const base = {
    blocksPerDay: v.blocksPerDay,
    regions: 1,
    regionRelayBlocks: v.a.regionLength * TIMESLICE_PERIOD,
    relayBlocksPerDay: BLOCKS_PER_DAY,
    renewalBump: perbill(v.a.bumpPct),
    renewalRule: v.a.renewalRule,
    onDemandBaseFee: od.baseFee,
    traffic: od.trafficDefault,
  }
  // the spot price and the cores needed do not depend on the region: read them off a Compare over none
  const { spotPrice: spot, cores } = BulkVsOnDemand.Compare.compare({
    ...base,
    regions: 0,
    purchasePrice: 0n,
    endPrice: 0n,
    renewalSalePrice: 0n,
  })
  const rows = r.rows.map((row): CostRow => {
    const region = BulkVsOnDemand.Compare.compare({
      ...base,
      purchasePrice: row.userRenewal,
      endPrice: row.endPrice,
      renewalSalePrice: row.topPrice,
    }).perRegion[0]
    return {
      index: row.index,
      bulk: region?.bulk ?? 0n,
      orders: region?.orders ?? 0n,
      onDemand: region?.onDemand ?? 0n,
    }
  })
  return { spot, cores, rows }
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo: @coretime/sim's MonteCarlo over the view's scenario (table demand and agents)
// ---------------------------------------------------------------------------------------------

export type Bands = MonteCarlo.Bands

/** The scenario the Monte Carlo runs: parameter set A with the view's demand and agents. */
export const mcScenario = (v: ViewState): SimScenario.Scenario =>
  resolveScenario(inputOf(v, v.a), v.network, v.start)

/**
 * Runs `from … to−1` of the view's batch (seeded `v.mc.seed`), as @coretime/sim's
 * MonteCarlo.runs: a batch split over workers gives the same bands as one `monteCarlo` call.
 */
export const mcRuns = (
  v: ViewState,
  from: number,
  to: number,
  scenario: SimScenario.Scenario = mcScenario(v),
): MonteCarlo.RunSummary[] => MonteCarlo.runs(scenario, { seed: v.mc.seed, from, to })

/** The whole batch in one call (@coretime/sim's monteCarlo): what the workers' split must equal. */
export const monteCarlo = (v: ViewState): Bands =>
  MonteCarlo.monteCarlo(mcScenario(v), { runs: v.mc.runs, seed: v.mc.seed })

/** Bands from the runs the workers sent back (@coretime/sim's MonteCarlo.bands). */
export const bandsOf = (runs: readonly MonteCarlo.RunSummary[]): Bands => MonteCarlo.bands(runs)

// ---------------------------------------------------------------------------------------------
// Totals over all sales (sums of the engine's numbers, exact planck)
// ---------------------------------------------------------------------------------------------

export interface Totals {
  /** What renewing the user's core costs over all sales. */
  userRenewals: bigint
  /** Paid to the broker over all sales. */
  revenue: bigint
  /** On-demand for the same blocks over all regions. */
  onDemand: bigint
}

export const totals = (r: RunResult, costs: readonly CostRow[]): Totals => ({
  userRenewals: r.rows.reduce((a, x) => a + x.userRenewal, 0n),
  revenue: r.revenue,
  onDemand: costs.reduce((a, x) => a + x.onDemand, 0n),
})
