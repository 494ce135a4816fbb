import { OnDemand } from '@coretime/core'
import { Preset, type Scenario as SimScenario } from '@coretime/sim'
import { type Agents, MAX_LEASED, type Network } from '../state'
import { check } from './check'
import type { RunInput } from './types'
import { ADVANCE_NOTICE, perbill } from './units'

/**
 * The demand table of both forms (the file's and the resolved scenario's are the same numbers): a
 * constant demand as one number, else one a sale; and the most renewals in any sale (the leases).
 */
const tableOf = (input: RunInput) => {
  const d = input.demand
  const series = (xs: number[]) => (d.mode === 'constant' ? (xs[0] ?? 0) : xs.slice(0, input.sales))
  return {
    table: { renewals: series(d.renewals), purchases: series(d.purchases), buyAt: d.buyAtPct / 100 },
    maxRenewals: Math.max(0, ...d.renewals.slice(0, d.mode === 'constant' ? 1 : input.sales)),
  }
}

/** The scenario file @coretime/sim reads, built from the page's inputs (validated there too). */
export const scenarioOf = (input: RunInput, network: Network, start: string): unknown => {
  const p = input.params
  const { table, maxRenewals } = tableOf(input)
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
        maxLeasedCores: MAX_LEASED,
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
      table,
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
  const p = input.params
  const preset = Preset.get(network)
  const { table, maxRenewals } = tableOf(input)
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
      table,
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
