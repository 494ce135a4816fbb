import {
  type ConfigRecord,
  OnDemand,
  type PriceAdapterConfig,
  Rfc17,
  type Runtime,
  Token,
  Validation,
} from '@coretime/core'
import type { z } from 'zod'
import * as Preset from './Preset'
import {
  type MarketSpec,
  type RawAmount,
  RawScenario,
  type Series,
  type Timing as TimingSchema,
} from './ScenarioFile'
import { seriesAt } from './Series'

/**
 * The scenario file (docs/simulator.md "Scenario file"): the chain, the horizon in sales, the
 * starting state and the demand. Validated once here, at the edge (schema in ScenarioFile.ts);
 * amounts are resolved to planck with the chain's token. Unknown fields are refused.
 */

export { RawScenario, type Series } from './ScenarioFile'

// ------------------------------------------------------------------------------------------------
// Resolved scenario (planck, Perbill parts, engine types)
// ------------------------------------------------------------------------------------------------

export type Range = readonly [number, number]
export type Dist =
  | { dist: 'fixed'; value: bigint }
  | { dist: 'uniform'; min: bigint; max: bigint }
  | { dist: 'lognormal'; median: bigint; sigma: number }
export type Timing = z.infer<typeof TimingSchema>

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
