import { describe, expect, test } from 'vitest'
import * as Scenario from './Scenario'

const ok = { horizon: 3, demand: { table: { renewals: 1, purchases: 2 } } }
const issues = (raw: unknown): string[] => {
  const r = Scenario.parse(raw)
  return r.ok ? [] : r.error.issues.map(Scenario.formatIssue)
}

describe('Scenario.parse', () => {
  test('default: Polkadot preset, amounts resolved to planck', () => {
    const r = Scenario.parse({
      ...ok,
      start: { endPrice: '25 DOT' },
      demand: { agents: [{ kind: 'buyer', count: 2, valuation: { dist: 'fixed', value: '1.5 DOT' } }] },
    })
    if (!r.ok) throw new Error(JSON.stringify(r.error.issues))
    expect(r.scenario.chain.runtime.priceAdapter).toEqual({
      kind: 'MinimumPrice',
      minimumEndPrice: 100_000_000_000n,
    })
    expect(r.scenario.start.endPrice).toBe(250_000_000_000n)
    expect(r.scenario.demand.agents[0]).toMatchObject({
      kind: 'buyer',
      valuation: { dist: 'fixed', value: 15_000_000_000n },
    })
  })
  test('args: presets and overrides', () => {
    const r = Scenario.parse({
      ...ok,
      chain: { preset: 'kusama', configuration: { renewalBump: 5, limitCoresOffered: 3 } },
    })
    if (!r.ok) throw new Error(JSON.stringify(r.error.issues))
    expect(r.scenario.chain.token.symbol).toBe('KSM')
    expect(r.scenario.chain.runtime.maxLeasedCores).toBe(50)
    expect(r.scenario.chain.configuration.renewalBump).toBe(50_000_000n)
    expect(r.scenario.chain.configuration.limitCoresOffered).toBe(3)
    const rfc1 = Scenario.parse({ ...ok, chain: { preset: 'rfc1' } })
    expect(rfc1.ok && rfc1.scenario.chain.runtime).toMatchObject({
      priceAdapter: { kind: 'Linear' },
      renewalPriceRule: 'bumpOnly',
    })
  })
  test('error: unknown field, naming it', () => {
    expect(issues({ ...ok, horizn: 3 })).toEqual(['unknown field "horizn"'])
    expect(issues({ ...ok, chain: { preset: 'polkadot', blocktime: 6 } })).toEqual([
      'chain: unknown field "blocktime"',
    ])
  })
  test('error: negative horizon', () => {
    expect(issues({ ...ok, horizon: -4 })).toEqual(['horizon: expected a positive whole number of sales'])
    expect(issues({ ...ok, horizon: 'ten' })).toEqual(['horizon: expected a positive whole number of sales'])
  })
  test('error: valuation below zero', () => {
    const raw = {
      horizon: 2,
      demand: {
        agents: [{ kind: 'buyer', count: 1, valuation: { dist: 'uniform', min: '-5 DOT', max: '10 DOT' } }],
      },
    }
    expect(issues(raw)).toEqual([
      'demand.agents[0].valuation.min: expected a non-negative amount, got "-5 DOT"',
    ])
  })
  test('error: wrong type, wrong token, unknown preset, too many leases', () => {
    expect(issues({ ...ok, start: { extraCores: '4' } })[0]).toMatch(/^start\.extraCores: /)
    expect(issues({ ...ok, start: { endPrice: '3 KSM' } })).toEqual([
      'start.endPrice: "3 KSM" is in KSM but this network\'s token is DOT',
    ])
    expect(issues({ ...ok, chain: { preset: 'westend' } })[0]).toMatch(/^chain\.preset: /)
    expect(issues({ ...ok, start: { leases: [{ count: 56, renewInSale: 2 }] } })).toEqual([
      'start.leases: expected at most maxLeasedCores = 55 leases (with renewer agents), got 56',
    ])
    expect(issues({ horizon: 2, demand: {} })).toEqual(['demand: expected a `table` or at least one agent'])
  })
  test('seriesAt: constant, per sale (last repeats), growth', () => {
    expect(Scenario.seriesAt(4, 9)).toBe(4)
    expect([1, 2, 3, 4].map((k) => Scenario.seriesAt([5, 6], k))).toEqual([5, 6, 6, 6])
    expect([1, 2, 3].map((k) => Scenario.seriesAt({ start: 10, growth: 0.1 }, k))).toEqual([10, 11, 12])
  })
})
