import { type Failure, Networks, type Result, Results, Token } from '@coretime/core'
import { Preset } from '@coretime/sim'
import type { Rfc17View } from './rfc17/state'

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
  /** B = RFC-17's market: the same demand through it, compared sale by sale (src/rfc17), or null. */
  rfc17: Rfc17View | null
  demand: Demand
  agents: Agents
  /** Monte Carlo: runs and seed (0 runs = off); the seed also drives the agents of the main run. */
  mc: { runs: number; seed: number }
  /** Bulk versus on-demand: blocks a day the parachain needs. */
  blocksPerDay: number
  /** The price charts' y scale: logarithmic (default) or linear. A view choice, kept in the link. */
  log: boolean
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
  // at the starting price: a core bought in the first sale at its end price
  userPaid: Token.fromTokens(50n, DOT),
  a: polkadotParams(),
  b: null,
  rfc17: null,
  demand: { mode: 'constant', renewals: [10], purchases: [8], buyAtPct: 50 },
  agents: agentDefaults('polkadot'),
  mc: { runs: 0, seed: 1 },
  blocksPerDay: Networks.relayBlocksPerDay('polkadot'),
  log: true,
})

/** The defaults of a network: Polkadot's, or another's with amounts a tenth (Kusama: 1 KSM floor). */
export const defaultsFor = (network: Network, start = defaults().start): ViewState => {
  const base = defaults()
  if (network === 'polkadot') return { ...base, start }
  const k = Token.of(network)
  return {
    ...base,
    network,
    start,
    userPaid: Token.fromTokens(5n, k),
    a: { ...base.a, minPrice: Token.fromTokens(1n, k), startPrice: Token.fromTokens(5n, k) },
    agents: agentDefaults(network),
  }
}

// ---------------------------------------------------------------------------------------------
// Bounds: what the engine accepts, so every input refuses what the engine would refuse. The
// sliders cover the usual values; the exact-value boxes and links take the whole range.
// ---------------------------------------------------------------------------------------------

/** pallet-broker balances are u128 (`BalanceOf<T>`): the largest amount any input takes, planck. */
export const MAX_AMOUNT = 2n ** 128n - 1n
/** `maxLeasedCores` the page gives the runtime: renewals (table leases) plus renewers fit in it. */
export const MAX_LEASED = 1000

export interface Bound {
  readonly min: number
  readonly max: number
  /** 1: whole numbers; 0.01: at most two decimals. */
  readonly step: number
}

export const BOUNDS = {
  sales: { min: 1, max: MAX_SALES, step: 1 },
  interlude: { min: 0, max: 10_000_000, step: 1 },
  leadin: { min: 1, max: 10_000_000, step: 1 },
  region: { min: 1, max: 1_000_000, step: 1 },
  ideal: { min: 0, max: 100, step: 0.01 },
  limit: { min: 1, max: 1000, step: 1 },
  bump: { min: 0, max: 100, step: 0.01 },
  /** table renewals: leases, within maxLeasedCores together with the renewers */
  renewals: { min: 0, max: MAX_LEASED, step: 1 },
  /** more than the core limit (at most 1,000) are turned away */
  purchases: { min: 0, max: 1000, step: 1 },
  at: { min: 0, max: 100, step: 1 },
  renewers: { min: 0, max: 500, step: 1 },
  forget: { min: 0, max: 100, step: 0.01 },
  buyers: { min: 0, max: 100, step: 1 },
  vsig: { min: 0, max: 3, step: 0.01 },
  tat: { min: 0, max: 100, step: 1 },
  specs: { min: 0, max: 50, step: 1 },
  markup: { min: 1, max: 10, step: 0.01 },
  runs: { min: 0, max: 2000, step: 1 },
  seed: { min: 0, max: 2 ** 31 - 1, step: 1 },
  bpd: { min: 1, max: Networks.relayBlocksPerDay('polkadot'), step: 1 },
} as const satisfies Record<string, Bound>

/** The renewals a sale may carry beside `renewers` renewer agents (maxLeasedCores in all). */
export const renewalsBound = (renewers: number): Bound => ({
  ...BOUNDS.renewals,
  max: Math.min(BOUNDS.renewals.max, MAX_LEASED - renewers),
})

const tokenOf = (n: Network) => Token.of(n)

/** Why typed tokens are not an amount: Token.parse's codes, or above u128 planck. */
export type AmountError = Token.ParseError | Failure<'TooLarge'>

/**
 * Tokens typed by a person (`12.5`, `12.5 DOT`) → planck, or why not (`message`: what was
 * expected): an amount of the network's token, at most u128 planck.
 */
export const parseAmount = (text: string, network: Network): Result<bigint, AmountError> => {
  const token = tokenOf(network)
  const withUnit = /[a-z]/i.test(text) ? text : `${text} ${token.symbol}`
  const r = Token.parse(withUnit, token)
  if (!r.ok) return r
  if (r.value > MAX_AMOUNT)
    return Results.fail({
      code: 'TooLarge',
      message: `expected at most ${Token.format(MAX_AMOUNT, token, { digits: 0 })} (u128 planck, the chain's largest balance), got ${text.trim()}`,
    })
  return r
}

/** Decimal places a box's step allows (1 → 0, 0.01 → 2). */
const decimalsOf = (step: number): number => {
  const [, frac = ''] = String(step).split('.')
  return frac.length
}

/** `a whole number from 1 to 60` / `a number with at most 2 decimals from 0 to 100`. */
export const describeBound = (b: Bound): string => {
  const places = decimalsOf(b.step)
  const kind =
    places === 0 ? 'a whole number' : `a number with at most ${places} decimal${places === 1 ? '' : 's'}`
  return `${kind} from ${b.min.toLocaleString('en-US')} to ${b.max.toLocaleString('en-US')}`
}

/** Why a typed number is not taken: empty, not a number, or outside the bound or finer than its step. */
export type NumberError = Failure<'Empty' | 'NotANumber' | 'OutOfBounds'> & { readonly bound: Bound }

/**
 * A number typed in a box (or read from a link) → the value, or why not (`message`: what was
 * expected): within the bound and no finer than its step, so what the view holds is always what its
 * link can carry back.
 */
export const parseNumber = (raw: string, range: Bound): Result<number, NumberError> => {
  const places = decimalsOf(range.step)
  const expected = `expected ${describeBound(range)}`
  const fail = (code: NumberError['code'], message: string) => Results.fail({ code, message, bound: range })
  const text = raw.trim()
  const v = Number(text)
  if (text === '') return fail('Empty', expected)
  if (!Number.isFinite(v) || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text))
    return fail('NotANumber', `${expected}, got "${text}"`)
  const scaled = v * 10 ** places
  if (Math.abs(scaled - Math.round(scaled)) > 1e-9 || v < range.min || v > range.max)
    return fail('OutOfBounds', `${expected}, got ${text}`)
  return Results.ok(v)
}

export const formatAmount = (planck: bigint, network: Network): string =>
  Token.format(planck, tokenOf(network), { symbol: false })
