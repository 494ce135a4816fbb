import { type Failure, Networks } from '@coretime/core'
import { RFC17_BOUNDS, type Rfc17View, rfc17Defaults } from './rfc17/state'
import {
  type AdapterKind,
  type Agents,
  type AmountError,
  BOUNDS,
  type Bound,
  type BuyTiming,
  defaultsFor,
  describeBound,
  formatAmount,
  MAX_LEASED,
  type Network,
  type NumberError,
  type Params,
  parseAmount,
  parseNumber,
  type ValuationDist,
  type ViewState,
} from './state'

/**
 * The view's URL codec: flat query parameters ↔ ViewState. `decode` never throws and never gives
 * up on a whole link: each setting is read on its own, a bad one falls back to its default alone
 * (and is reported), settings it does not know (`utm_source`, `fbclid`, what chat apps append) are
 * set aside untouched, so `encode` can carry them back.
 */

/**
 * Why a setting of the link could not be used: the number's or amount's own code, a word outside
 * its set (`NotOneOf`), a date that does not exist, a malformed list of counts, a list of the wrong
 * length, or a lowest worth above the highest.
 */
export type IssueCode =
  | NumberError['code']
  | AmountError['code']
  | 'NotOneOf'
  | 'InvalidDate'
  | 'InvalidCounts'
  | 'CountMismatch'
  | 'MinAboveMax'

/** A setting the link had but could not be used (`field`), and what was expected (`message`). */
export type Issue = Failure<IssueCode> & { readonly field: string }

export interface Decoded {
  readonly state: ViewState
  /** Settings that fell back to their default, in the order of the link. */
  readonly issues: readonly Issue[]
  /** Query parameters this page does not know, kept as they were. */
  readonly foreign: readonly (readonly [string, string])[]
}

/** One of a fixed set of words (an enum in the link). */
const oneOfSet = (options: readonly string[]) => ({
  safeParse: (v: unknown) => ({ success: typeof v === 'string' && options.includes(v) }),
})
const pattern = (re: RegExp) => ({
  safeParse: (v: unknown) => ({ success: typeof v === 'string' && re.test(v) }),
})
const NETWORK = oneOfSet(Networks.names)
const ADAPTER = oneOfSet(['MinimumPrice', 'CenterTargetPrice', 'Linear'])
const RULE = oneOfSet(['floorAtEndPrice', 'bumpOnly'])
const DEMAND = oneOfSet(['constant', 'perSale'])
const VALUATION = oneOfSet(['fixed', 'uniform', 'lognormal'])
const TIMING = oneOfSet(['atValuation', 'end', 'fraction', 'random'])
const FLAG = oneOfSet(['0', '1'])
/** A calendar date that exists (2026-02-30 does not). */
const DATE = {
  safeParse: (v: unknown) => ({
    success:
      typeof v === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(v) &&
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v,
  }),
}
const COUNTS = pattern(/^\d{1,4}(,\d{1,4}){0,59}$/)

const oneOf = (options: readonly string[]): string => `one of ${options.join(', ')}`

const PARAM_KEYS = [
  'adapter',
  'min',
  'price',
  'interlude',
  'leadin',
  'region',
  'ideal',
  'limit',
  'bump',
  'rule',
]
const AGENT_KEYS = [
  'renewers',
  'rmax',
  'forget',
  'buyers',
  'val',
  'vmed',
  'vmin',
  'vmax',
  'vsig',
  'timing',
  'tat',
  'specs',
  'smax',
  'markup',
  'large',
  'lbelow',
]
/** B = RFC-17's market (src/rfc17): `r17=1` and its parameters. */
const RFC17_KEYS = ['r17', 'r17.reserve', 'r17.penalty', 'r17.k', 'r17.target', 'r17.level']
const KNOWN = new Set([
  'net',
  'start',
  'sales',
  'paid',
  'demand',
  'ren',
  'buy',
  'at',
  'runs',
  'seed',
  'bpd',
  'log',
  ...AGENT_KEYS,
  ...PARAM_KEYS,
  ...PARAM_KEYS.map((k) => `b.${k}`),
  ...RFC17_KEYS,
])

/** Reads the settings of one link, collecting what could not be used. */
const reader = (raw: ReadonlyMap<string, string>, network: Network, issues: Issue[]) => {
  const bad = (code: IssueCode, field: string, expected: string, got: string): undefined => {
    issues.push({ code, field, message: `expected ${expected}, got "${got}"` })
    return undefined
  }
  const num = (field: string, bound: Bound): number | undefined => {
    const v = raw.get(field)
    if (v === undefined) return undefined
    const r = parseNumber(v, bound)
    return r.ok ? r.value : bad(r.error.code, field, describeBound(bound), v)
  }
  const amount = (field: string): bigint | undefined => {
    const v = raw.get(field)
    if (v === undefined) return undefined
    const r = parseAmount(v, network)
    if (r.ok) return r.value
    issues.push({ code: r.error.code, field, message: r.error.message })
    return undefined
  }
  const pick = <T extends string>(
    field: string,
    schema: { safeParse(v: unknown): { success: boolean } },
    options: readonly T[],
  ): T | undefined => {
    const v = raw.get(field)
    if (v === undefined) return undefined
    return schema.safeParse(v).success ? (v as T) : bad('NotOneOf', field, oneOf(options), v)
  }
  return { num, amount, pick, bad }
}

const readParams = (r: ReturnType<typeof reader>, base: Params, prefix: '' | 'b.'): Params => {
  const k = (key: string) => `${prefix}${key}`
  return {
    adapter:
      r.pick<AdapterKind>(k('adapter'), ADAPTER, ['MinimumPrice', 'CenterTargetPrice', 'Linear']) ??
      base.adapter,
    minPrice: r.amount(k('min')) ?? base.minPrice,
    startPrice: r.amount(k('price')) ?? base.startPrice,
    interlude: r.num(k('interlude'), BOUNDS.interlude) ?? base.interlude,
    leadin: r.num(k('leadin'), BOUNDS.leadin) ?? base.leadin,
    regionLength: r.num(k('region'), BOUNDS.region) ?? base.regionLength,
    idealPct: r.num(k('ideal'), BOUNDS.ideal) ?? base.idealPct,
    coreLimit: r.num(k('limit'), BOUNDS.limit) ?? base.coreLimit,
    bumpPct: r.num(k('bump'), BOUNDS.bump) ?? base.bumpPct,
    renewalRule:
      r.pick<Params['renewalRule']>(k('rule'), RULE, ['floorAtEndPrice', 'bumpOnly']) ?? base.renewalRule,
  }
}

const readRfc17 = (r: ReturnType<typeof reader>, startPrice: bigint): Rfc17View | null => {
  if (r.pick<'0' | '1'>('r17', FLAG, ['0', '1']) !== '1') return null
  const d = rfc17Defaults(startPrice)
  return {
    reserve: r.amount('r17.reserve') ?? d.reserve,
    penaltyPct: r.num('r17.penalty', RFC17_BOUNDS.penalty) ?? d.penaltyPct,
    k: r.num('r17.k', RFC17_BOUNDS.k) ?? d.k,
    targetPct: r.num('r17.target', RFC17_BOUNDS.target) ?? d.targetPct,
    levelHours: r.num('r17.level', RFC17_BOUNDS.level) ?? d.levelHours,
  }
}

const readAgents = (r: ReturnType<typeof reader>, d: Agents, issues: Issue[]): Agents => {
  const valuation = {
    dist: r.pick<ValuationDist>('val', VALUATION, ['fixed', 'uniform', 'lognormal']) ?? d.valuation.dist,
    median: r.amount('vmed') ?? d.valuation.median,
    min: r.amount('vmin') ?? d.valuation.min,
    max: r.amount('vmax') ?? d.valuation.max,
    sigma: r.num('vsig', BOUNDS.vsig) ?? d.valuation.sigma,
  }
  if (valuation.max < valuation.min) {
    issues.push({
      code: 'MinAboveMax',
      field: 'vmax',
      message: 'expected a highest worth at least the lowest (vmin)',
    })
    valuation.min = d.valuation.min
    valuation.max = d.valuation.max
  }
  const large = r.pick<'0' | '1'>('large', FLAG, ['0', '1'])
  return {
    renewers: r.num('renewers', BOUNDS.renewers) ?? d.renewers,
    renewMax: r.amount('rmax') ?? d.renewMax,
    forgetPct: r.num('forget', BOUNDS.forget) ?? d.forgetPct,
    buyers: r.num('buyers', BOUNDS.buyers) ?? d.buyers,
    valuation,
    timing: r.pick<BuyTiming>('timing', TIMING, ['atValuation', 'end', 'fraction', 'random']) ?? d.timing,
    timingPct: r.num('tat', BOUNDS.tat) ?? d.timingPct,
    speculators: r.num('specs', BOUNDS.specs) ?? d.speculators,
    specMax: r.amount('smax') ?? d.specMax,
    markup: r.num('markup', BOUNDS.markup) ?? d.markup,
    largeOn: large === undefined ? d.largeOn : large === '1',
    largeBelow: r.amount('lbelow') ?? d.largeBelow,
  }
}

const counts = (
  r: ReturnType<typeof reader>,
  raw: ReadonlyMap<string, string>,
  field: 'ren' | 'buy',
  bound: Bound,
): number[] | undefined => {
  const v = raw.get(field)
  if (v === undefined) return undefined
  const expected = `comma-separated whole numbers from ${bound.min} to ${bound.max.toLocaleString('en-US')}, one per sale`
  if (!COUNTS.safeParse(v).success) return r.bad('InvalidCounts', field, expected, v)
  const xs = v.split(',').map(Number)
  return xs.every((x) => x >= bound.min && x <= bound.max) ? xs : r.bad('OutOfBounds', field, expected, v)
}

/** Query string → the view it describes. Never throws; see `Decoded`. */
export const decode = (search: string): Decoded => {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)
  const raw = new Map<string, string>()
  const foreign: [string, string][] = []
  for (const [k, v] of params) {
    if (KNOWN.has(k)) raw.set(k, v)
    else foreign.push([k, v])
  }
  const issues: Issue[] = []
  const pre = reader(raw, 'polkadot', issues)
  const network = pre.pick<Network>('net', NETWORK, Networks.names) ?? 'polkadot'
  const startRaw = raw.get('start')
  const start =
    startRaw === undefined
      ? undefined
      : DATE.safeParse(startRaw).success
        ? startRaw
        : pre.bad('InvalidDate', 'start', 'a date such as 2026-12-01', startRaw)
  const base = defaultsFor(network, start)
  const r = reader(raw, network, issues)
  const a = readParams(r, base.a, '')
  const hasB = PARAM_KEYS.some((k) => raw.has(`b.${k}`))
  const b = hasB ? readParams(r, a, 'b.') : null
  const sales = r.num('sales', BOUNDS.sales) ?? base.sales
  const agents = readAgents(r, base.agents, issues)
  const mode = r.pick<'constant' | 'perSale'>('demand', DEMAND, ['constant', 'perSale']) ?? base.demand.mode
  let renewals =
    counts(r, raw, 'ren', { ...BOUNDS.renewals, max: MAX_LEASED - agents.renewers }) ?? base.demand.renewals
  let purchases = counts(r, raw, 'buy', BOUNDS.purchases) ?? base.demand.purchases
  const n = mode === 'constant' ? 1 : sales
  const fit = (xs: number[], field: string, fallback: number[]): number[] => {
    if (xs.length === n) return xs
    if (mode === 'constant' && xs.length > 0) return xs.slice(0, 1)
    if (xs !== fallback)
      issues.push({
        code: 'CountMismatch',
        field,
        message: `expected one number per sale (${n}), got ${xs.length}`,
      })
    return Array.from({ length: n }, (_, i) => fallback[i] ?? fallback.at(-1) ?? 0)
  }
  renewals = fit(renewals, 'ren', base.demand.renewals)
  purchases = fit(purchases, 'buy', base.demand.purchases)
  const log = r.pick<'0' | '1'>('log', FLAG, ['0', '1'])
  const state: ViewState = {
    network,
    start: base.start,
    sales,
    userPaid: r.amount('paid') ?? base.userPaid,
    a,
    b,
    rfc17: b === null ? readRfc17(r, a.startPrice) : null,
    demand: { mode, renewals, purchases, buyAtPct: r.num('at', BOUNDS.at) ?? base.demand.buyAtPct },
    agents,
    mc: {
      runs: r.num('runs', BOUNDS.runs) ?? base.mc.runs,
      seed: r.num('seed', BOUNDS.seed) ?? base.mc.seed,
    },
    blocksPerDay: r.num('bpd', BOUNDS.bpd) ?? base.blocksPerDay,
    log: log === undefined ? base.log : log === '1',
  }
  return { state, issues, foreign }
}

/** The notice for a link with settings that could not be used (null when all were). */
export const issuesMessage = (issues: readonly Issue[]): string | null => {
  if (issues.length === 0) return null
  const list = issues.map((i) => `${i.field}: ${i.message}`).join('; ')
  return `${issues.length === 1 ? 'One setting' : `${issues.length} settings`} in this link could not be used and ${issues.length === 1 ? 'shows its default' : 'show their defaults'} (${list}); the rest of the link is as shared.`
}

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

const agentsToQuery = (a: Agents, network: Network, q: URLSearchParams): void => {
  const d = defaultsFor(network).agents
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

/**
 * The whole view as a query string (no leading `?`); `foreign` parameters (from the link the page
 * was opened with) follow unchanged.
 */
export const encode = (s: ViewState, foreign: Decoded['foreign'] = []): string => {
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
  if (!s.log) q.set('log', '0')
  agentsToQuery(s.agents, s.network, q)
  if (s.b) paramsToQuery(s.b, s.network, 'b.', q)
  if (s.rfc17) {
    q.set('r17', '1')
    q.set('r17.reserve', formatAmount(s.rfc17.reserve, s.network))
    q.set('r17.penalty', String(s.rfc17.penaltyPct))
    q.set('r17.k', String(s.rfc17.k))
    q.set('r17.target', String(s.rfc17.targetPct))
    q.set('r17.level', String(s.rfc17.levelHours))
  }
  for (const [k, v] of foreign) q.append(k, v)
  return q.toString()
}
