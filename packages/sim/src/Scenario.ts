import {
  type ConfigRecord,
  OnDemand,
  type PriceAdapterConfig,
  Rfc17,
  type Runtime,
  Token,
  Validation,
} from '@coretime/core'
import { z } from 'zod'
import * as Preset from './Preset'
import { seriesAt } from './Series'

/**
 * The scenario file (docs/simulator.md "Scenario file"): the chain, the horizon in sales, the
 * starting state and the demand. Validated once here, at the edge; amounts are resolved to planck
 * with the chain's token. Unknown fields are refused.
 */

// ------------------------------------------------------------------------------------------------
// Raw (file) schema
// ------------------------------------------------------------------------------------------------

const AMOUNT_RE = /^\s*\+?[0-9][0-9_]*(\.[0-9_]*)?\s*[A-Za-z]*\s*$/
/** An amount: tokens with their symbol ("10 DOT") or whole planck ("100000000000" or a JSON integer). */
const Amount = z.union([z.string(), z.number()]).superRefine((v, ctx) => {
  const negative = typeof v === 'number' ? v < 0 : /^\s*-/.test(v)
  if (negative)
    ctx.addIssue({ code: 'custom', message: `expected a non-negative amount, got ${JSON.stringify(v)}` })
  else if (typeof v === 'number' && !Number.isSafeInteger(v))
    ctx.addIssue({ code: 'custom', message: `expected whole planck or a string such as "10 DOT", got ${v}` })
  else if (typeof v === 'string' && !AMOUNT_RE.test(v))
    ctx.addIssue({
      code: 'custom',
      message: `expected an amount such as "10 DOT" or whole planck, got "${v}"`,
    })
})
type RawAmount = z.infer<typeof Amount>

const Count = z
  .number()
  .int({ error: 'expected a whole number' })
  .nonnegative({ error: 'expected a count ≥ 0' })
const SaleNo = z
  .number()
  .int({ error: 'expected a sale number' })
  .positive({ error: 'expected a sale number ≥ 1' })
const Probability = z.number().min(0, { error: 'expected a probability in [0, 1]' }).max(1, {
  error: 'expected a probability in [0, 1]',
})
const Fraction = z.number().min(0, { error: 'expected a fraction of the lead-in in [0, 1]' }).max(1, {
  error: 'expected a fraction of the lead-in in [0, 1]',
})
const Percent = z.number().min(0, { error: 'expected a percentage in [0, 100]' }).max(100, {
  error: 'expected a percentage in [0, 100]',
})
/** One sale, or a range of sales [from, to] picked uniformly. */
const SaleRange = z.union([SaleNo, z.tuple([SaleNo, SaleNo])])

/** A count per sale: constant, sale by sale (the last value repeats), or growing geometrically. */
const Series = z.union([
  Count,
  z.array(Count).min(1, { error: 'expected at least one value' }),
  z.strictObject({
    start: Count,
    growth: z.number().min(-1, { error: 'expected a growth ≥ -1 (per sale)' }),
  }),
])
export type Series = z.infer<typeof Series>

const Dist = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), value: Amount }),
  z.strictObject({ dist: z.literal('uniform'), min: Amount, max: Amount }),
  z.strictObject({
    dist: z.literal('lognormal'),
    median: Amount,
    sigma: z.number().nonnegative({ error: 'expected a spread σ ≥ 0' }),
  }),
])

const Timing = z.discriminatedUnion('strategy', [
  /** buy at the first block whose price is within the valuation */
  z.strictObject({ strategy: z.literal('atValuation') }),
  /** wait for the fixed price at the end of the lead-in */
  z.strictObject({ strategy: z.literal('end') }),
  /** at this fraction of the lead-in, or later once the price is within the valuation */
  z.strictObject({ strategy: z.literal('fraction'), at: Fraction }),
  /** at a uniformly random point of the lead-in, or later once the price is within the valuation */
  z.strictObject({ strategy: z.literal('random') }),
])

const Agent = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('renewer'),
    name: z.string().optional(),
    count: Count,
    /** each holds a lease whose renewal right falls in this sale (≥ 2) or a sale drawn from [from, to] */
    renewInSale: SaleRange,
    /** renew only while the renewal price is at most this; absent: always */
    maxPrice: Amount.optional(),
    /** chance per sale of forgetting to renew (the core is then lost) */
    forget: Probability.default(0),
    /** when to renew: in the interlude (default), or at this fraction of the lead-in (competing with buyers) */
    renewAt: z.union([z.literal('interlude'), Fraction]).default('interlude'),
    budget: Amount.optional(),
  }),
  z.strictObject({
    kind: z.literal('buyer'),
    name: z.string().optional(),
    count: Count,
    /** the sale each buyer first tries, drawn uniformly from the range */
    arrival: SaleRange.default(1),
    /** how many sales a buyer keeps trying before giving up */
    patience: z.number().int().positive({ error: 'expected a number of sales ≥ 1' }).default(1),
    valuation: Dist,
    /** a strategy object, or its name alone (`timing: end`) for the ones without parameters */
    timing: z
      .preprocess((v) => (v === 'atValuation' || v === 'end' || v === 'random' ? { strategy: v } : v), Timing)
      .default({ strategy: 'atValuation' }),
    /** after buying, renew while the renewal price is within the valuation */
    renew: z.boolean().default(true),
    forget: Probability.default(0),
    budget: Amount.optional(),
  }),
  z.strictObject({
    kind: z.literal('speculator'),
    name: z.string().optional(),
    count: Count,
    /** cores each speculator tries to buy per sale */
    cores: z.number().int().positive({ error: 'expected a number of cores ≥ 1' }).default(1),
    /** buys only at or below this price */
    maxPrice: Amount,
    /** when in the lead-in to buy (fraction; later if the price is still above maxPrice) */
    at: Fraction.default(0),
    /** resale price = paid × markup, offered to buyers who failed to get a core in that sale */
    markup: z.number().min(1, { error: 'expected a markup ≥ 1' }).default(1.5),
    sales: SaleRange.optional(),
    budget: Amount.optional(),
  }),
  z.strictObject({
    kind: z.literal('largeActor'),
    name: z.string().optional(),
    /** buys every core offered once the price is at or below this */
    buyBelow: Amount,
    sales: SaleRange.optional(),
    budget: Amount.optional(),
  }),
  z.strictObject({
    kind: z.literal('onDemand'),
    name: z.string().optional(),
    /** parachains ordering on-demand blocks on the relay */
    count: Count,
    /** blocks each orders per sale: a count, or [min, max] drawn per agent and sale */
    ordersPerSale: z.union([Count, z.tuple([Count, Count])]),
    /** the most one order pays (the call's max_amount); absent: no limit */
    maxPrice: Amount.optional(),
    sales: SaleRange.optional(),
    /** free balance on the relay; absent: unlimited */
    budget: Amount.optional(),
  }),
])

/** The relay's on-demand market (`HostConfiguration.scheduler_params`); defaults: the SDK's. */
const OnDemandOverrides = z.strictObject({
  baseFee: Amount.optional(),
  /** percent */
  feeVariability: Percent.optional(),
  /** percent */
  targetQueueUtilization: Percent.optional(),
  queueMaxSize: z
    .number()
    .int({ error: 'expected a whole number' })
    .positive({ error: 'expected a queue size ≥ 1' })
    .max(OnDemand.Params.MAX_QUEUE_MAX_SIZE, {
      error: `expected a queue size ≤ ${OnDemand.Params.MAX_QUEUE_MAX_SIZE}`,
    })
    .optional(),
})

const RuntimeOverrides = z.strictObject({
  timeslicePeriod: z.number().int().positive().optional(),
  priceAdapter: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('CenterTargetPrice') }),
      z.strictObject({ kind: z.literal('MinimumPrice'), minimumEndPrice: Amount }),
      z.strictObject({ kind: z.literal('Linear') }),
      z.strictObject({ kind: z.literal('Fixed') }),
    ])
    .optional(),
  renewalPriceRule: z.enum(['floorAtEndPrice', 'bumpOnly']).optional(),
  maxLeasedCores: Count.optional(),
  maxReservedCores: Count.optional(),
  maxAutoRenewals: Count.optional(),
})

const ConfigOverrides = z.strictObject({
  advanceNotice: Count.optional(),
  interludeLength: Count.optional(),
  leadinLength: z.number().int().positive({ error: 'expected a lead-in of at least one block' }).optional(),
  regionLength: z
    .number()
    .int()
    .positive({ error: 'expected a region of at least one timeslice' })
    .optional(),
  /** percent */
  idealBulkProportion: Percent.optional(),
  limitCoresOffered: Count.nullable().optional(),
  /** percent */
  renewalBump: Percent.optional(),
  contributionTimeout: Count.optional(),
})

/**
 * The market the scenario's demand meets: today's broker sale (default), or RFC-17's
 * clearing-price auction (docs/markets.md; every field defaults to the RFC's recommendation).
 */
const MarketSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('today') }),
  z.strictObject({
    kind: z.literal('rfc17'),
    /** reserve price of the first sale; default: the scenario's start.endPrice */
    reservePrice: Amount.optional(),
    priceMultiplier: z.number().min(1, { error: 'expected a multiplier ≥ 1' }).max(1000).optional(),
    minOpeningPrice: Amount.optional(),
    /** percent */
    penalty: z.number().min(0, { error: 'expected a penalty ≥ 0 (percent)' }).max(100_000).optional(),
    /** percent */
    targetConsumption: z
      .number()
      .gt(0, { error: 'expected a target in (0, 100] percent' })
      .max(100, { error: 'expected a target in (0, 100] percent' })
      .optional(),
    k: z.number().min(0, { error: 'expected K ≥ 0' }).max(100, { error: 'expected K ≤ 100' }).optional(),
    pMin: Amount.optional(),
    minIncrement: Amount.optional(),
    marketHours: z.number().int().positive().optional(),
    levelHours: z.number().int().positive().optional(),
    renewalHours: z.number().int().nonnegative().optional(),
    settlementHours: z.number().int().nonnegative().optional(),
    clearingRule: z.enum(['lastUnitBid', 'clockLevel']).optional(),
    penaltyTrigger: z.enum(['entities', 'units']).optional(),
    splitBulkAtOpening: z.boolean().optional(),
    tieBreak: z.enum(['random', 'firstCome']).optional(),
    /** buyers and renewers who hold a core bid their valuation in the market before renewing (default true) */
    tenantsBid: z.boolean().optional(),
    /** `open`: every buyer bids its valuation when the market opens (default); `agent`: at its timing's clock level */
    bidTiming: z.enum(['open', 'agent']).optional(),
  }),
])

export const RawScenario = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  chain: z
    .strictObject({
      preset: z.enum(Preset.PRESET_NAMES as [Preset.PresetName, ...Preset.PresetName[]]).default('polkadot'),
      /** ISO date-time of the start block */
      startDate: z.iso
        .datetime({ error: 'expected an ISO date-time such as "2026-01-01T00:00:00Z"' })
        .optional(),
      blockTimeSeconds: z.number().positive({ error: 'expected seconds per relay block > 0' }).optional(),
      startBlock: Count.optional(),
      runtime: RuntimeOverrides.optional(),
      configuration: ConfigOverrides.optional(),
      onDemand: OnDemandOverrides.optional(),
    })
    .default({ preset: 'polkadot' }),
  /** number of sales to simulate */
  horizon: z
    .number({ error: 'expected a positive whole number of sales' })
    .int({ error: 'expected a positive whole number of sales' })
    .positive({ error: 'expected a positive whole number of sales' })
    .max(10_000, { error: 'expected at most 10000 sales' }),
  start: z
    .strictObject({
      /** `start_sales` end price of the first sale */
      endPrice: Amount.optional(),
      /** cores beyond leases and reservations (`start_sales` extra_cores) */
      extraCores: Count.default(0),
      /** system reservations (one core each) */
      reservations: Count.default(0),
      /** leases whose holders renew under the table demand */
      leases: z.array(z.strictObject({ count: Count, renewInSale: SaleRange })).default([]),
    })
    .default({ extraCores: 0, reservations: 0, leases: [] }),
  market: MarketSpec.default({ kind: 'today' }),
  demand: z.strictObject({
    table: z
      .strictObject({
        /** renewals per sale, taken from the holders of renewal rights in core order; the rest lapse */
        renewals: Series,
        /** new purchases per sale */
        purchases: Series,
        /** when new buyers buy, as a fraction of the lead-in (1 = at the end price) */
        buyAt: Fraction.default(1),
        /** table buyers assign their core and later count among the renewal-right holders */
      })
      .optional(),
    agents: z.array(Agent).default([]),
  }),
})
export type RawScenario = z.input<typeof RawScenario>

// ------------------------------------------------------------------------------------------------
// Resolved scenario (planck, Perbill parts, engine types)
// ------------------------------------------------------------------------------------------------

export type Range = readonly [number, number]
export type Dist =
  | { dist: 'fixed'; value: bigint }
  | { dist: 'uniform'; min: bigint; max: bigint }
  | { dist: 'lognormal'; median: bigint; sigma: number }
export type Timing = z.infer<typeof Timing>

export type AgentSpec =
  | {
      kind: 'renewer'
      name: string
      count: number
      renewInSale: Range
      maxPrice: bigint | null
      forget: number
      renewAt: 'interlude' | number
      budget: bigint | null
    }
  | {
      kind: 'buyer'
      name: string
      count: number
      arrival: Range
      patience: number
      valuation: Dist
      timing: Timing
      renew: boolean
      forget: number
      budget: bigint | null
    }
  | {
      kind: 'speculator'
      name: string
      count: number
      cores: number
      maxPrice: bigint
      at: number
      markup: number
      sales: Range | null
      budget: bigint | null
    }
  | { kind: 'largeActor'; name: string; buyBelow: bigint; sales: Range | null; budget: bigint | null }
  | {
      kind: 'onDemand'
      name: string
      count: number
      ordersPerSale: Range
      maxPrice: bigint | null
      sales: Range | null
      budget: bigint | null
    }

/** The market a scenario runs in (resolved: planck and parts of 1e9, checked by `Rfc17.Params.make`). */
export type Market =
  | { kind: 'today' }
  | {
      kind: 'rfc17'
      reservePrice: bigint
      params: Rfc17.Params.Params
      tenantsBid: boolean
      bidTiming: 'open' | 'agent'
    }

export interface Scenario {
  name: string
  description: string
  chain: {
    preset: Preset.PresetName
    token: Token.Token
    runtime: Runtime
    configuration: ConfigRecord
    blockTimeSeconds: number
    startDate: string
    startBlock: number
    /** the relay's on-demand market, for `onDemand` agents */
    onDemand: OnDemand.Params.Params
  }
  horizon: number
  start: {
    endPrice: bigint
    extraCores: number
    reservations: number
    leases: { count: number; renewInSale: Range }[]
  }
  demand: {
    table: { renewals: Series; purchases: Series; buyAt: number } | null
    agents: AgentSpec[]
  }
  market: Market
}

export interface Issue {
  /** dotted path of the field, e.g. `demand.agents[0].valuation.min` */
  path: string
  message: string
}
export const formatIssue = (i: Issue): string => (i.path ? `${i.path}: ${i.message}` : i.message)

/** A scenario the schema refused: every issue, and all of them as one line. */
export type ParseError = { code: 'InvalidScenario'; message: string; issues: Issue[] }
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; error: ParseError }

const invalid = (issues: Issue[]): ParseResult => ({
  ok: false,
  error: { code: 'InvalidScenario', message: issues.map(formatIssue).join('; '), issues },
})

const DEFAULT_START_DATE = '2026-01-01T00:00:00.000Z'

/** Validates a scenario (already read from JSON or YAML) and resolves it against its preset. */
export const parse = (input: unknown): ParseResult => {
  const r = RawScenario.safeParse(input)
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({
      path: Validation.pathOf(i.path),
      message: Validation.describe(i),
    }))
    return invalid(issues)
  }
  const raw = r.data
  const preset = Preset.get(raw.chain.preset)
  const token = preset.token
  const issues: Issue[] = []
  const amount = (v: RawAmount, path: string): bigint => {
    const p = Token.parse(typeof v === 'number' ? String(v) : v, token)
    if (p.ok) return p.value
    issues.push({ path, message: p.error.message })
    return 0n
  }
  const optAmount = (v: RawAmount | undefined, path: string): bigint | null =>
    v === undefined ? null : amount(v, path)
  const range = (v: number | [number, number], path: string): Range => {
    const [a, b] = typeof v === 'number' ? [v, v] : v
    if (b < a) issues.push({ path, message: `expected [from, to] with from ≤ to, got [${a}, ${b}]` })
    return [a, b]
  }

  const ro = raw.chain.runtime ?? {}
  let priceAdapter: PriceAdapterConfig = preset.runtime.priceAdapter
  if (ro.priceAdapter) {
    priceAdapter =
      ro.priceAdapter.kind === 'MinimumPrice'
        ? {
            kind: 'MinimumPrice',
            minimumEndPrice: amount(
              ro.priceAdapter.minimumEndPrice,
              'chain.runtime.priceAdapter.minimumEndPrice',
            ),
          }
        : { kind: ro.priceAdapter.kind }
  }
  const runtime: Runtime = {
    ...preset.runtime,
    ...(ro.timeslicePeriod !== undefined && { timeslicePeriod: ro.timeslicePeriod }),
    ...(ro.renewalPriceRule !== undefined && { renewalPriceRule: ro.renewalPriceRule }),
    ...(ro.maxLeasedCores !== undefined && { maxLeasedCores: ro.maxLeasedCores }),
    ...(ro.maxReservedCores !== undefined && { maxReservedCores: ro.maxReservedCores }),
    ...(ro.maxAutoRenewals !== undefined && { maxAutoRenewals: ro.maxAutoRenewals }),
    priceAdapter,
  }
  const co = raw.chain.configuration ?? {}
  const perbill = (pct: number): bigint => BigInt(Math.round(pct * 10_000_000)) // percent → parts of 1e9
  const configuration: ConfigRecord = {
    ...preset.configuration,
    ...(co.advanceNotice !== undefined && { advanceNotice: co.advanceNotice }),
    ...(co.interludeLength !== undefined && { interludeLength: co.interludeLength }),
    ...(co.leadinLength !== undefined && { leadinLength: co.leadinLength }),
    ...(co.regionLength !== undefined && { regionLength: co.regionLength }),
    ...(co.idealBulkProportion !== undefined && { idealBulkProportion: perbill(co.idealBulkProportion) }),
    ...(co.limitCoresOffered !== undefined && { limitCoresOffered: co.limitCoresOffered }),
    ...(co.renewalBump !== undefined && { renewalBump: perbill(co.renewalBump) }),
    ...(co.contributionTimeout !== undefined && { contributionTimeout: co.contributionTimeout }),
  }

  const leases = raw.start.leases.map((l, i) => ({
    count: l.count,
    renewInSale: range(l.renewInSale, `start.leases[${i}].renewInSale`),
  }))
  const resolveAgent = (a: (typeof raw.demand.agents)[number], i: number): AgentSpec => {
    const at = `demand.agents[${i}]`
    const name = a.name ?? `${a.kind}${i}`
    const budget = optAmount(a.budget, `${at}.budget`)
    switch (a.kind) {
      case 'renewer':
        return {
          kind: 'renewer',
          name,
          count: a.count,
          renewInSale: range(a.renewInSale, `${at}.renewInSale`),
          maxPrice: optAmount(a.maxPrice, `${at}.maxPrice`),
          forget: a.forget,
          renewAt: a.renewAt,
          budget,
        }
      case 'buyer': {
        const v = a.valuation
        const valuation: Dist =
          v.dist === 'fixed'
            ? { dist: 'fixed', value: amount(v.value, `${at}.valuation.value`) }
            : v.dist === 'uniform'
              ? {
                  dist: 'uniform',
                  min: amount(v.min, `${at}.valuation.min`),
                  max: amount(v.max, `${at}.valuation.max`),
                }
              : { dist: 'lognormal', median: amount(v.median, `${at}.valuation.median`), sigma: v.sigma }
        if (valuation.dist === 'uniform' && valuation.max < valuation.min)
          issues.push({ path: `${at}.valuation.max`, message: 'expected max ≥ min' })
        return {
          kind: 'buyer',
          name,
          count: a.count,
          arrival: range(a.arrival, `${at}.arrival`),
          patience: a.patience,
          valuation,
          timing: a.timing,
          renew: a.renew,
          forget: a.forget,
          budget,
        }
      }
      case 'speculator':
        return {
          kind: 'speculator',
          name,
          count: a.count,
          cores: a.cores,
          maxPrice: amount(a.maxPrice, `${at}.maxPrice`),
          at: a.at,
          markup: a.markup,
          sales: a.sales === undefined ? null : range(a.sales, `${at}.sales`),
          budget,
        }
      case 'largeActor':
        return {
          kind: 'largeActor',
          name,
          buyBelow: amount(a.buyBelow, `${at}.buyBelow`),
          sales: a.sales === undefined ? null : range(a.sales, `${at}.sales`),
          budget,
        }
      case 'onDemand':
        return {
          kind: 'onDemand',
          name,
          count: a.count,
          ordersPerSale: range(a.ordersPerSale, `${at}.ordersPerSale`),
          maxPrice: optAmount(a.maxPrice, `${at}.maxPrice`),
          sales: a.sales === undefined ? null : range(a.sales, `${at}.sales`),
          budget,
        }
    }
  }
  const agents = raw.demand.agents.map(resolveAgent)
  // Leases first become renewable in sale 2 (the first sale's rotation assigns them a region).
  const leaseSale = (r: Range, path: string) => {
    if (r[0] < 2)
      issues.push({ path, message: 'expected a sale ≥ 2 (a lease first becomes renewable in sale 2)' })
  }
  for (const [i, l] of leases.entries()) leaseSale(l.renewInSale, `start.leases[${i}].renewInSale`)
  for (const [i, a] of agents.entries())
    if (a.kind === 'renewer') leaseSale(a.renewInSale, `demand.agents[${i}].renewInSale`)
  const leaseCount =
    leases.reduce((n, l) => n + l.count, 0) +
    agents.reduce((n, a) => n + (a.kind === 'renewer' ? a.count : 0), 0)
  if (leaseCount > runtime.maxLeasedCores)
    issues.push({
      path: 'start.leases',
      message: `expected at most maxLeasedCores = ${runtime.maxLeasedCores} leases (with renewer agents), got ${leaseCount}`,
    })
  if (raw.start.reservations > runtime.maxReservedCores)
    issues.push({
      path: 'start.reservations',
      message: `expected at most maxReservedCores = ${runtime.maxReservedCores}, got ${raw.start.reservations}`,
    })
  // pallet-broker dispatchable_impls.rs do_start_sales: leases + reservations + extra_cores is the
  // u16 core count; more would wrap (100000 → 34464 cores, 65536 → 0)
  const cores = leaseCount + raw.start.reservations + raw.start.extraCores
  if (cores > 0xffff)
    issues.push({
      path: 'start.extraCores',
      message: `leases + reservations + extraCores is the core count, a u16: at most 65535, got ${leaseCount} + ${raw.start.reservations} + ${raw.start.extraCores} = ${cores}`,
    })
  if (!raw.demand.table && raw.demand.agents.length === 0)
    issues.push({ path: 'demand', message: 'expected a `table` or at least one agent' })
  // What one run may do, so a typo (count: 1000000000) is refused instead of running out of memory
  for (const [i, a] of agents.entries()) {
    const count = 'count' in a ? a.count : 1
    if (count > MAX_AGENTS)
      issues.push({
        path: `demand.agents[${i}].count`,
        message: `expected at most ${MAX_AGENTS} agents, got ${count}`,
      })
  }
  const agentTotal = agents.reduce((n, a) => n + ('count' in a ? a.count : 1), 0)
  if (agentTotal > MAX_AGENTS && !issues.some((i) => /^demand\.agents\[\d+\]\.count$/.test(i.path)))
    issues.push({
      path: 'demand.agents',
      message: `expected at most ${MAX_AGENTS} agents in all, got ${agentTotal}`,
    })
  const orders = agents.reduce((n, a) => n + (a.kind === 'onDemand' ? a.count * a.ordersPerSale[1] : 0), 0)
  if (orders > MAX_ORDERS_PER_SALE)
    issues.push({
      path: 'demand.agents',
      message: `on-demand agents may place at most ${MAX_ORDERS_PER_SALE} orders a sale (count × ordersPerSale), got ${orders}`,
    })
  if (raw.demand.table)
    for (const key of ['renewals', 'purchases'] as const) {
      const series = raw.demand.table[key]
      const most = Math.max(
        seriesAt(series, 1),
        seriesAt(series, raw.horizon),
        ...(Array.isArray(series) ? series : []),
      )
      if (!(most <= MAX_TABLE_PER_SALE))
        issues.push({
          path: `demand.table.${key}`,
          message: `expected at most ${MAX_TABLE_PER_SALE} a sale (more than any sale has cores), got ${Number.isFinite(most) ? most : 'an unbounded growth'}`,
        })
    }

  const od = raw.chain.onDemand ?? {}
  const onDemand: OnDemand.Params.Params = {
    ...OnDemand.Params.sdkDefaults(token.network),
    ...(od.baseFee !== undefined && { baseFee: amount(od.baseFee, 'chain.onDemand.baseFee') }),
    ...(od.feeVariability !== undefined && { feeVariability: perbill(od.feeVariability) }),
    ...(od.targetQueueUtilization !== undefined && {
      targetQueueUtilization: perbill(od.targetQueueUtilization),
    }),
    ...(od.queueMaxSize !== undefined && { queueMaxSize: od.queueMaxSize }),
  }
  const endPrice =
    raw.start.endPrice === undefined ? preset.endPrice : amount(raw.start.endPrice, 'start.endPrice')
  const market = resolveMarket(raw.market, endPrice, token.unit, amount, issues)
  if (issues.length > 0) return invalid(issues)
  return {
    ok: true,
    scenario: {
      name: raw.name ?? 'scenario',
      description: raw.description ?? '',
      chain: {
        preset: preset.name,
        token,
        runtime,
        configuration,
        blockTimeSeconds: raw.chain.blockTimeSeconds ?? preset.blockTimeSeconds,
        startDate: new Date(raw.chain.startDate ?? DEFAULT_START_DATE).toISOString(),
        startBlock: raw.chain.startBlock ?? 0,
        onDemand,
      },
      horizon: raw.horizon,
      start: {
        endPrice,
        extraCores: raw.start.extraCores,
        reservations: raw.start.reservations,
        leases,
      },
      demand: {
        table: raw.demand.table
          ? {
              renewals: raw.demand.table.renewals,
              purchases: raw.demand.table.purchases,
              buyAt: raw.demand.table.buyAt,
            }
          : null,
        agents,
      },
      market,
    },
  }
}

const resolveMarket = (
  m: z.output<typeof MarketSpec>,
  endPrice: bigint,
  unit: bigint,
  amount: (v: RawAmount, path: string) => bigint,
  issues: Issue[],
): Market => {
  if (m.kind === 'today') return m
  const parts = (x: number): bigint => BigInt(Math.round(x * 1e9)) // a ratio → parts of 1e9
  const o: Partial<Rfc17.Params.Params> = {}
  if (m.priceMultiplier !== undefined) o.priceMultiplier = parts(m.priceMultiplier)
  if (m.minOpeningPrice !== undefined) o.minOpeningPrice = amount(m.minOpeningPrice, 'market.minOpeningPrice')
  if (m.penalty !== undefined) o.penalty = parts(m.penalty / 100)
  if (m.targetConsumption !== undefined) o.targetConsumption = parts(m.targetConsumption / 100)
  if (m.k !== undefined) o.k = parts(m.k)
  if (m.pMin !== undefined) o.pMin = amount(m.pMin, 'market.pMin')
  if (m.minIncrement !== undefined) o.minIncrement = amount(m.minIncrement, 'market.minIncrement')
  for (const f of ['marketHours', 'levelHours', 'renewalHours', 'settlementHours'] as const)
    if (m[f] !== undefined) o[f] = m[f]
  if (m.clearingRule !== undefined) o.clearingRule = m.clearingRule
  if (m.penaltyTrigger !== undefined) o.penaltyTrigger = m.penaltyTrigger
  if (m.splitBulkAtOpening !== undefined) o.splitBulkAtOpening = m.splitBulkAtOpening
  if (m.tieBreak !== undefined) o.tieBreak = m.tieBreak
  const reservePrice = m.reservePrice === undefined ? endPrice : amount(m.reservePrice, 'market.reservePrice')
  const checked = Rfc17.Params.make(unit, o)
  if (!checked.ok) {
    issues.push({
      path: `market.${checked.error.field}`,
      message: checked.error.message.replace(/^\w+: /, ''),
    })
    return { kind: 'today' }
  }
  if (reservePrice < checked.params.pMin)
    issues.push({ path: 'market.reservePrice', message: 'expected a reserve price at least pMin' })
  return {
    kind: 'rfc17',
    reservePrice,
    params: checked.params,
    tenantsBid: m.tenantsBid ?? true,
    bidTiming: m.bidTiming ?? 'open',
  }
}

/** Agents of one scenario (each acts every sale): beyond this a run takes minutes and gigabytes. */
export const MAX_AGENTS = 100_000
/** On-demand orders a sale, over all on-demand agents. */
export const MAX_ORDERS_PER_SALE = 100_000
/** Table renewals or purchases a sale: a u16 core count bounds what a sale can hold. */
export const MAX_TABLE_PER_SALE = 0xffff

export { seriesAt } from './Series'
