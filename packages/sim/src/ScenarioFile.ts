import { OnDemand } from '@coretime/core'
import { z } from 'zod'
import * as Preset from './Preset'

/**
 * The scenario file's schema (docs/simulator.md "Scenario file"), as written: amounts as text,
 * percentages, ranges. `Scenario.parse` validates with it and resolves the result.
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
export type RawAmount = z.infer<typeof Amount>

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

export const Timing = z.discriminatedUnion('strategy', [
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
export const MarketSpec = z.discriminatedUnion('kind', [
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
