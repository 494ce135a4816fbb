import { describe, expect, test } from 'vitest'
import * as Scenario from './Scenario'
import { simulate } from './Simulate'

const scenario = (raw: unknown): Scenario.Scenario => {
  const r = Scenario.parse(raw)
  if (!r.ok) throw new Error(r.error.issues.map(Scenario.formatIssue).join('; '))
  return r.scenario
}
const DOT = 10_000_000_000n

describe('agents', () => {
  test('default: a buyer pays at most its valuation and renews only while the price is within it', () => {
    const r = simulate(
      scenario({
        horizon: 3,
        start: { extraCores: 2 },
        demand: { agents: [{ kind: 'buyer', count: 1, valuation: { dist: 'fixed', value: '50 DOT' } }] },
      }),
    )
    const [a] = r.agents
    // the lead-in falls from 100× the 10 DOT end price; the buyer waits until the price is ≤ 50 DOT
    expect(r.sales[0]?.purchasePrices?.max).toBeLessThanOrEqual(50n * DOT)
    expect(r.sales[0]?.purchasePrices?.max).toBeGreaterThan(49n * DOT)
    // the first renewal costs what it paid; the one after is that + 3% (above 50 DOT), so it lets go
    expect(a).toMatchObject({ purchases: 1, renewals: 1, coresHeld: 0 })
    expect(r.sales[1]?.renewalPrices?.max).toBe(r.sales[0]?.purchasePrices?.max)
    expect(r.sales[2]?.failed.map((f) => f.reason)).toEqual(['RenewalTooExpensive'])
  })

  test('behavior: a renewer with a low maxPrice gives up its core (RenewalTooExpensive)', () => {
    const r = simulate(
      scenario({
        horizon: 2,
        start: { extraCores: 2 },
        // a lease's first renewal is at the target price (10 × the 10 DOT end price = 100 DOT)
        demand: { agents: [{ kind: 'renewer', count: 1, renewInSale: 2, maxPrice: '99 DOT' }] },
      }),
    )
    expect(r.sales[1]?.failed).toEqual([
      { agent: 'renewer0', group: 'renewer0', reason: 'RenewalTooExpensive' },
    ])
    expect(r.agents[0]).toMatchObject({ renewals: 0, coresHeld: 0 })
    const keep = simulate(
      scenario({
        horizon: 2,
        start: { extraCores: 2 },
        demand: { agents: [{ kind: 'renewer', count: 1, renewInSale: 2, maxPrice: '100 DOT' }] },
      }),
    )
    expect(keep.agents[0]).toMatchObject({ renewals: 1, cost: 100n * DOT, coresHeld: 1 })
  })

  test('behavior: a large actor buys every core once the price is below its limit; buyers then fail', () => {
    const r = simulate(
      scenario({
        horizon: 1,
        start: { extraCores: 5 },
        demand: {
          agents: [
            { kind: 'largeActor', name: 'whale', buyBelow: '500 DOT' },
            {
              kind: 'buyer',
              count: 3,
              valuation: { dist: 'fixed', value: '100 DOT' },
              timing: { strategy: 'atValuation' },
            },
          ],
        },
      }),
    )
    const whale = r.agents.find((a) => a.id === 'whale')
    expect(whale).toMatchObject({ purchases: 5, coresHeld: 5 })
    expect(r.sales[0]?.failed.map((f) => f.reason)).toEqual(['SoldOut', 'SoldOut', 'SoldOut'])
  })

  test('behavior: a speculator resells to a buyer who failed, at its markup', () => {
    const r = simulate(
      scenario({
        horizon: 1,
        start: { extraCores: 1 },
        demand: {
          agents: [
            { kind: 'speculator', count: 1, maxPrice: '20 DOT', markup: 2 },
            {
              kind: 'buyer',
              count: 1,
              valuation: { dist: 'fixed', value: '60 DOT' },
              timing: { strategy: 'end' },
            },
          ],
        },
      }),
    )
    const [spec, buyer] = r.agents
    expect(r.sales[0]?.resold).toBe(1)
    expect(r.sales[0]?.failed).toEqual([])
    expect(spec?.income).toBe(2n * (spec?.cost ?? 0n))
    expect(buyer).toMatchObject({ coresHeld: 1, cost: spec?.income })
  })

  test('error: a budget below the price fails with the engine error FundsUnavailable', () => {
    const r = simulate(
      scenario({
        horizon: 1,
        start: { extraCores: 1 },
        demand: {
          agents: [
            { kind: 'buyer', count: 1, valuation: { dist: 'fixed', value: '60 DOT' }, budget: '5 DOT' },
          ],
        },
      }),
    )
    expect(r.sales[0]?.failed.map((f) => f.reason)).toEqual(['FundsUnavailable'])
  })
})

describe('agents: a parachain that misses its interlude', () => {
  const raw = (renewAt: 'interlude' | number) => ({
    horizon: 2,
    start: { extraCores: 3 },
    demand: {
      agents: [
        { kind: 'renewer', name: 'late', count: 1, renewInSale: 2, renewAt },
        { kind: 'buyer', count: 4, arrival: 2, valuation: { dist: 'fixed', value: '1000 DOT' } },
      ],
    },
  })
  test('default: renewing in the interlude keeps the core', () => {
    const r = simulate(scenario(raw('interlude')))
    expect(r.agents.find((a) => a.id === 'late')).toMatchObject({ renewals: 1, coresHeld: 1 })
  })
  test('behavior: renewing late in the lead-in finds the cores sold out', () => {
    const r = simulate(scenario(raw(0.5)))
    expect(r.agents.find((a) => a.id === 'late')).toMatchObject({ renewals: 0, coresHeld: 0, failures: 1 })
    expect(r.sales[1]?.failed.find((f) => f.agent === 'late')?.reason).toBe('SoldOut')
  })
})
