import { BaseError, Networks, Token } from '@coretime/core'
import { Preset } from '@coretime/sim'
import { z } from 'zod'

/** The lead-in curve and how each sale's price follows the last (the runtime's `PriceAdapter`). */
export type AdapterKind = 'MinimumPrice' | 'CenterTargetPrice' | 'Linear'
export type Network = Networks.Network

/** One set of broker parameters: what governance (or the runtime) chooses. Amounts in planck. */
export interface Params {
  adapter: AdapterKind
  /** MinimumPrice's floor on each sale's end price, planck. */
  minPrice: bigint
  /** `start_sales(end_price)`: the first sale's end price, planck. */
  startPrice: bigint
  /** Relay blocks between a sale's rotation and the start of its lead-in (renewals only). */
  interlude: number
  /** Relay blocks of the descending-price lead-in. */
  leadin: number
  /** Timeslices (80 relay blocks each) per region. */
  regionLength: number
  /** `ideal_bulk_proportion`, percent of cores offered (two decimals at most). */
  idealPct: number
  /** `limit_cores_offered`: cores for sale in each sale. */
  coreLimit: number
  /** `renewal_bump`, percent (two decimals at most). */
  bumpPct: number
  /** RFC-149 floor at the sale's end price (live) or the earlier bump-only cap. */
  renewalRule: 'floorAtEndPrice' | 'bumpOnly'
}

/** Who shows up: renewals and purchases per sale, constant or sale by sale (the Lastic inputs). */
export interface Demand {
  mode: 'constant' | 'perSale'
  /** cores renewed in each sale; `constant` reads only the first entry. */
  renewals: number[]
  /** cores bought on the open market in each sale. */
  purchases: number[]
  /** how far through the lead-in buyers purchase, percent (0 = at the top, 100 = at the floor). */
  buyAtPct: number
}

/** How new buyers pick their valuation of a core (the simulator's `Dist`); amounts in planck. */
export type ValuationDist = 'fixed' | 'uniform' | 'lognormal'
/** When in the lead-in a new buyer tries to buy (the simulator's `Timing`). */
export type BuyTiming = 'atValuation' | 'end' | 'fraction' | 'random'

/**
 * The simulator's agents (@coretime/sim), added to the demand above. Each agent draws from the
 * seeded RNG, so with agents every Monte Carlo run differs; without them every run is the same.
 */
export interface Agents {
  /** Parachains on a lease that becomes renewable in sale 2; they renew while the price allows. */
  renewers: number
  /** The most a renewer pays to renew, planck. */
  renewMax: bigint
  /** Chance per sale that a renewer forgets to renew (and loses the core), percent. */
  forgetPct: number
  /** New buyers arriving, on average per sale (uniformly over the sales). */
  buyers: number
  /** fixed: `median`; uniform: `min`–`max`; lognormal: `median` and spread `sigma`. */
  valuation: { dist: ValuationDist; median: bigint; min: bigint; max: bigint; sigma: number }
  timing: BuyTiming
  /** For `fraction`: how far through the lead-in, percent. */
  timingPct: number
  /** Speculators: each buys a core per sale at or below `specMax` and resells it at a markup. */
  speculators: number
  specMax: bigint
  markup: number
  /** One large actor buying every core offered once the price is at or below `largeBelow`. */
  largeOn: boolean
  largeBelow: bigint
}

export interface ViewState {
  network: Network
  /** Calendar date of the first sale's rotation (YYYY-MM-DD, UTC). */
  start: string
  /** Sales to observe. */
  sales: number
  /** The price the user's core was bought at, planck. */
  userPaid: bigint
  a: Params
  /** A second parameter set drawn on the same chart, or null. */
  b: Params | null
  demand: Demand
  agents: Agents
  /** Monte Carlo: runs and seed (0 runs = off); the seed also drives the agents of the main run. */
  mc: { runs: number; seed: number }
  /** Bulk versus on-demand: blocks a day the parachain needs. */
  blocksPerDay: number
}

export const MAX_SALES = 60
const DOT = Token.DOT

const PERCENT = 10_000_000n // Perbill parts per percent

/**
 * The Polkadot preset of @coretime/sim (live runtime constants: MinimumPrice with a 10 DOT floor,
 * RFC-149 renewals; its documented governance assumptions: lead-in, interlude, regions, bump),
 * with an illustrative starting price and core limit. Demand is illustrative, not a forecast.
 */
export const polkadotParams = (): Params => {
  const preset = Preset.get('polkadot')
  const c = preset.configuration
  const adapter = preset.runtime.priceAdapter
  return {
    adapter: 'MinimumPrice',
    minPrice: adapter.kind === 'MinimumPrice' ? adapter.minimumEndPrice : Token.fromTokens(10n, DOT),
    startPrice: Token.fromTokens(50n, DOT),
    interlude: c.interludeLength,
    leadin: c.leadinLength,
    regionLength: c.regionLength,
    idealPct: Number(c.idealBulkProportion / PERCENT),
    coreLimit: c.limitCoresOffered ?? 20,
    bumpPct: Number(c.renewalBump / PERCENT),
    renewalRule: preset.runtime.renewalPriceRule,
  }
}

/**
 * Agents off (counts 0), with illustrative settings ready for when they are switched on. Amounts
 * are a tenth in KSM of what they are in DOT, like the minimum price (10 DOT, 1 KSM).
 */
export const agentDefaults = (network: Network = 'polkadot'): Agents => {
  const t = Token.of(network)
  const amount = (dot: bigint) =>
    network === 'polkadot' ? Token.fromTokens(dot, t) : Token.fromTokens(dot, t) / 10n
  return {
    renewers: 0,
    renewMax: amount(200n),
    forgetPct: 5,
    buyers: 0,
    valuation: { dist: 'lognormal', median: amount(100n), min: amount(20n), max: amount(200n), sigma: 0.7 },
    timing: 'atValuation',
    timingPct: 50,
    speculators: 0,
    specMax: amount(60n),
    markup: 1.5,
    largeOn: false,
    largeBelow: amount(30n),
  }
}

/** Whether any agent takes part (otherwise the demand is the fixed table alone). */
export const hasAgents = (a: Agents): boolean =>
  a.renewers > 0 || a.buyers > 0 || a.speculators > 0 || a.largeOn

export const defaults = (): ViewState => ({
  network: 'polkadot',
  start: '2026-12-01',
  sales: 12,
  userPaid: Token.fromTokens(40n, DOT),
  a: polkadotParams(),
  b: null,
  demand: { mode: 'constant', renewals: [10], purchases: [8], buyAtPct: 50 },
  agents: agentDefaults('polkadot'),
  mc: { runs: 0, seed: 1 },
  blocksPerDay: Networks.relayBlocksPerDay('polkadot'),
})

// ---------------------------------------------------------------------------------------------
// URL state: flat query parameters, validated once here (zod). Amounts are written in tokens.
// ---------------------------------------------------------------------------------------------

const range = (what: string, min: number, max: number): string =>
  `${what} from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`
/** A number in a link, with one plain message for any way it is wrong (not `received NaN`). */
const num = (min: number, max: number, error = range('a number', min, max)) =>
  z.coerce.number({ error }).min(min, { error }).max(max, { error })
const int = (min: number, max: number) => {
  const error = range('a whole number', min, max)
  return num(min, max, error).int({ error })
}
const pct2 = (() => {
  const error = `${range('a number', 0, 100)} with at most two decimals`
  return num(0, 100, error).refine(
    (v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9,
    { error },
  )
})()
const counts = z
  .string()
  .regex(/^\d{1,4}(,\d{1,4}){0,59}$/, 'a comma-separated list of whole numbers')
  .transform((s) => s.split(',').map(Number))

/**
 * The range a link (and a snapshot or live load) may carry for each whole-number input: wider than
 * its slider, which covers the usual values. The exact-value box beside a slider takes this range,
 * so anything a link holds can also be typed, shown and sent to the engine.
 */
export const LINK_RANGE = {
  interlude: { min: 0, max: 10_000_000 },
  leadin: { min: 1, max: 10_000_000 },
  region: { min: 1, max: 1_000_000 },
  limit: { min: 1, max: 1000 },
  count: { min: 0, max: 9_999 },
  renewers: { min: 0, max: 500 },
  buyers: { min: 0, max: 100 },
  specs: { min: 0, max: 50 },
  runs: { min: 0, max: 2000 },
  seed: { min: 0, max: 2 ** 31 - 1 },
} as const
const linkInt = (k: keyof typeof LINK_RANGE) => int(LINK_RANGE[k].min, LINK_RANGE[k].max)

const paramsShape = {
  adapter: z.enum(['MinimumPrice', 'CenterTargetPrice', 'Linear']),
  min: z.string(),
  price: z.string(),
  interlude: linkInt('interlude'),
  leadin: linkInt('leadin'),
  region: linkInt('region'),
  ideal: pct2,
  limit: linkInt('limit'),
  bump: pct2,
  rule: z.enum(['floorAtEndPrice', 'bumpOnly']),
}
const paramsSchema = z.object(paramsShape).strict()

/** Agent settings in the URL: written only where they differ from the defaults. */
const agentShape = {
  renewers: linkInt('renewers'),
  rmax: z.string(),
  forget: pct2,
  buyers: linkInt('buyers'),
  val: z.enum(['fixed', 'uniform', 'lognormal']),
  vmed: z.string(),
  vmin: z.string(),
  vmax: z.string(),
  vsig: num(0, 3),
  timing: z.enum(['atValuation', 'end', 'fraction', 'random']),
  tat: int(0, 100),
  specs: linkInt('specs'),
  smax: z.string(),
  markup: num(1, 10),
  large: z.enum(['0', '1']),
  lbelow: z.string(),
}
const bKeys = Object.keys(paramsShape).map((k) => `b.${k}`)

const urlSchema = z
  .object({
    net: z.enum(Networks.names),
    start: z.iso.date(),
    sales: int(1, MAX_SALES),
    paid: z.string(),
    demand: z.enum(['constant', 'perSale']),
    ren: counts,
    buy: counts,
    at: int(0, 100),
    runs: linkInt('runs'),
    seed: linkInt('seed'),
    bpd: int(1, Networks.relayBlocksPerDay('polkadot')),
    ...agentShape,
    ...paramsShape,
    ...Object.fromEntries(bKeys.map((k) => [k, z.string()])),
  })
  .partial()
  .strict()

export type UrlResult = { ok: true; state: ViewState } | { ok: false; state: ViewState; message: string }

const tokenOf = (n: Network) => Token.of(n)

/** Tokens typed by a person (`12.5`, `12.5 DOT`) → planck, or an error message naming the field. */
export const parseAmount = (text: string, network: Network): bigint | string => {
  const token = tokenOf(network)
  const withUnit = /[a-z]/i.test(text) ? text : `${text} ${token.symbol}`
  const r = Token.parse(withUnit, token)
  return r.ok ? r.value : r.error.message
}

/** Decimal places a box's step allows (1 → 0, 0.01 → 2). */
const decimalsOf = (step: number): number => {
  const [, frac = ''] = String(step).split('.')
  return frac.length
}

/**
 * A number typed in a box → the value, or what was expected: within `min`–`max` and no finer than
 * `step` (a whole number for step 1, at most two decimals for 0.01), so what the view holds is
 * always what its link can carry back.
 */
export const parseNumber = (
  raw: string,
  range: { min: number; max: number; step: number },
): number | string => {
  const places = decimalsOf(range.step)
  const kind =
    places === 0 ? 'a whole number' : `a number with at most ${places} decimal${places === 1 ? '' : 's'}`
  const bounds = `from ${range.min.toLocaleString('en-US')} to ${range.max.toLocaleString('en-US')}`
  const expected = `expected ${kind} ${bounds}`
  const text = raw.trim()
  const v = Number(text)
  if (text === '') return expected
  if (!Number.isFinite(v)) return `${expected}, got "${text}"`
  const scaled = v * 10 ** places
  if (Math.abs(scaled - Math.round(scaled)) > 1e-9 || v < range.min || v > range.max)
    return `${expected}, got ${text}`
  return v
}

export const formatAmount = (planck: bigint, network: Network): string =>
  Token.format(planck, tokenOf(network), { symbol: false })

const paramsToQuery = (p: Params, network: Network, prefix: string, q: URLSearchParams): void => {
  q.set(`${prefix}adapter`, p.adapter)
  if (p.adapter === 'MinimumPrice') q.set(`${prefix}min`, formatAmount(p.minPrice, network))
  q.set(`${prefix}price`, formatAmount(p.startPrice, network))
  q.set(`${prefix}interlude`, String(p.interlude))
  q.set(`${prefix}leadin`, String(p.leadin))
  q.set(`${prefix}region`, String(p.regionLength))
  q.set(`${prefix}ideal`, String(p.idealPct))
  q.set(`${prefix}limit`, String(p.coreLimit))
  q.set(`${prefix}bump`, String(p.bumpPct))
  q.set(`${prefix}rule`, p.renewalRule)
}

/** The whole view as a query string (no leading `?`). */
export const toQuery = (s: ViewState): string => {
  const q = new URLSearchParams()
  q.set('net', s.network)
  q.set('start', s.start)
  q.set('sales', String(s.sales))
  q.set('paid', formatAmount(s.userPaid, s.network))
  paramsToQuery(s.a, s.network, '', q)
  q.set('demand', s.demand.mode)
  const n = s.demand.mode === 'constant' ? 1 : s.sales
  q.set('ren', s.demand.renewals.slice(0, n).join(','))
  q.set('buy', s.demand.purchases.slice(0, n).join(','))
  q.set('at', String(s.demand.buyAtPct))
  q.set('runs', String(s.mc.runs))
  q.set('seed', String(s.mc.seed))
  q.set('bpd', String(s.blocksPerDay))
  agentsToQuery(s.agents, s.network, q)
  if (s.b) paramsToQuery(s.b, s.network, 'b.', q)
  return q.toString()
}

const agentsToQuery = (a: Agents, network: Network, q: URLSearchParams): void => {
  const d = agentDefaults(network)
  const amt = (x: bigint) => formatAmount(x, network)
  const put = (key: string, v: string, dv: string) => {
    if (v !== dv) q.set(key, v)
  }
  put('renewers', String(a.renewers), String(d.renewers))
  put('rmax', amt(a.renewMax), amt(d.renewMax))
  put('forget', String(a.forgetPct), String(d.forgetPct))
  put('buyers', String(a.buyers), String(d.buyers))
  put('val', a.valuation.dist, d.valuation.dist)
  put('vmed', amt(a.valuation.median), amt(d.valuation.median))
  put('vmin', amt(a.valuation.min), amt(d.valuation.min))
  put('vmax', amt(a.valuation.max), amt(d.valuation.max))
  put('vsig', String(a.valuation.sigma), String(d.valuation.sigma))
  put('timing', a.timing, d.timing)
  put('tat', String(a.timingPct), String(d.timingPct))
  put('specs', String(a.speculators), String(d.speculators))
  put('smax', amt(a.specMax), amt(d.specMax))
  put('markup', String(a.markup), String(d.markup))
  put('large', a.largeOn ? '1' : '0', d.largeOn ? '1' : '0')
  put('lbelow', amt(a.largeBelow), amt(d.largeBelow))
}

type AgentRaw = { [K in keyof typeof agentShape]?: z.infer<(typeof agentShape)[K]> | undefined }

const readAgents = (v: AgentRaw, network: Network): Agents => {
  const d = agentDefaults(network)
  const amt = (raw: string | undefined, fallback: bigint, field: string) =>
    amountField(raw, fallback, network, field)
  const valuation = {
    dist: v.val ?? d.valuation.dist,
    median: amt(v.vmed, d.valuation.median, 'vmed'),
    min: amt(v.vmin, d.valuation.min, 'vmin'),
    max: amt(v.vmax, d.valuation.max, 'vmax'),
    sigma: v.vsig ?? d.valuation.sigma,
  }
  if (valuation.max < valuation.min)
    throw new UrlError('vmax', 'a highest valuation at least the lowest (vmin)')
  return {
    renewers: v.renewers ?? d.renewers,
    renewMax: amt(v.rmax, d.renewMax, 'rmax'),
    forgetPct: v.forget ?? d.forgetPct,
    buyers: v.buyers ?? d.buyers,
    valuation,
    timing: v.timing ?? d.timing,
    timingPct: v.tat ?? d.timingPct,
    speculators: v.specs ?? d.speculators,
    specMax: amt(v.smax, d.specMax, 'smax'),
    markup: v.markup ?? d.markup,
    largeOn: v.large === undefined ? d.largeOn : v.large === '1',
    largeBelow: amt(v.lbelow, d.largeBelow, 'lbelow'),
  }
}

type Raw = Record<string, string>

const amountField = (raw: string | undefined, fallback: bigint, network: Network, field: string): bigint => {
  if (raw === undefined) return fallback
  const v = parseAmount(raw, network)
  if (typeof v === 'string') throw new UrlError(field, v)
  return v
}

class UrlError extends BaseError {
  constructor(
    readonly field: string,
    readonly expected: string,
  ) {
    super(`${field}: ${expected}`)
  }
}

const readParams = (raw: Raw, base: Params, network: Network, prefix: string): Params => {
  const picked: Raw = {}
  for (const k of Object.keys(paramsShape)) {
    const v = raw[`${prefix}${k}`]
    if (v !== undefined) picked[k] = v
  }
  const r = paramsSchema.partial().safeParse(picked)
  if (!r.success) {
    const issue = r.error.issues[0]
    throw new UrlError(`${prefix}${String(issue?.path[0] ?? '?')}`, issue?.message ?? 'a valid value')
  }
  const v = r.data
  return {
    adapter: v.adapter ?? base.adapter,
    minPrice: amountField(v.min, base.minPrice, network, `${prefix}min`),
    startPrice: amountField(v.price, base.startPrice, network, `${prefix}price`),
    interlude: v.interlude ?? base.interlude,
    leadin: v.leadin ?? base.leadin,
    regionLength: v.region ?? base.regionLength,
    idealPct: v.ideal ?? base.idealPct,
    coreLimit: v.limit ?? base.coreLimit,
    bumpPct: v.bump ?? base.bumpPct,
    renewalRule: v.rule ?? base.renewalRule,
  }
}

/**
 * Query string → view. An empty query gives the defaults; anything malformed (an unknown key, a
 * wrong type, a value out of range) gives the defaults and a message naming the field.
 */
export const fromQuery = (search: string): UrlResult => {
  const base = defaults()
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)
  const raw: Raw = {}
  for (const [k, v] of q) raw[k] = v
  if (Object.keys(raw).length === 0) return { ok: true, state: base }
  try {
    const r = urlSchema.safeParse(raw)
    if (!r.success) {
      const issue = r.error.issues[0]
      const field =
        issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue?.path[0] ?? 'the link')
      const what = issue?.code === 'unrecognized_keys' ? 'not a setting this page knows' : issue?.message
      throw new UrlError(field, what ?? 'a valid value')
    }
    const v = r.data
    const network = v.net ?? base.network
    const token = tokenOf(network)
    const scale = (p: Params): Params =>
      network === base.network
        ? p
        : {
            ...p,
            minPrice: Token.fromTokens(1n, token),
            startPrice: Token.fromTokens(5n, token),
          }
    const a = readParams(raw, scale(base.a), network, '')
    const hasB = bKeys.some((k) => raw[k] !== undefined)
    const b = hasB ? readParams(raw, a, network, 'b.') : null
    const sales = v.sales ?? base.sales
    const mode = v.demand ?? base.demand.mode
    const ren = v.ren ?? base.demand.renewals
    const buy = v.buy ?? base.demand.purchases
    if (mode === 'perSale' && (ren.length !== sales || buy.length !== sales))
      throw new UrlError('ren/buy', `one number per sale (${sales})`)
    const state: ViewState = {
      network,
      start: v.start ?? base.start,
      sales,
      userPaid: amountField(
        v.paid,
        network === base.network ? base.userPaid : Token.fromTokens(4n, token),
        network,
        'paid',
      ),
      a,
      b,
      demand: { mode, renewals: ren, purchases: buy, buyAtPct: v.at ?? base.demand.buyAtPct },
      agents: readAgents(v, network),
      mc: { runs: v.runs ?? base.mc.runs, seed: v.seed ?? base.mc.seed },
      blocksPerDay: v.bpd ?? base.blocksPerDay,
    }
    return { ok: true, state }
  } catch (e) {
    if (!(e instanceof UrlError)) throw e
    return {
      ok: false,
      state: base,
      message: `This link could not be read (${e.field}: ${e.expected}); showing the Polkadot defaults.`,
    }
  }
}
