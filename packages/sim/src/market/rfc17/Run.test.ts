import { describe, expect, test } from 'vitest'
import * as Scenario from '../../Scenario'
import { simulateRfc17 } from './Run'

const DOT = 10n ** 10n

const scenario = (raw: Record<string, unknown>) => {
  const p = Scenario.parse({ horizon: 2, ...raw })
  if (!p.ok) throw new Error(p.error.issues.map(Scenario.formatIssue).join('; '))
  return p.scenario
}
const market = { kind: 'rfc17', reservePrice: '100 DOT', k: 2, targetConsumption: 90 }
const fixedBuyers = (count: number) => ({
  kind: 'buyer',
  name: 'teams',
  count,
  valuation: { dist: 'fixed', value: '300 DOT' },
})

describe('simulateRfc17', () => {
  test('default: 5 teams worth 300 DOT for 10 cores clear at the reserve; sale 2 reserve 100·e^-0.8', () => {
    const r = simulateRfc17(
      scenario({ start: { extraCores: 10 }, market, demand: { agents: [fixedBuyers(5)] } }),
    )
    const [s1, s2] = r.sales
    expect(s1).toMatchObject({
      reservePrice: 100n * DOT,
      openingPrice: 300n * DOT,
      clearingPrice: 100n * DOT,
    })
    expect(s1).toMatchObject({ supply: 10, sold: 5, idle: 5, penaltyApplied: false, revenue: 500n * DOT })
    expect(s1?.newBuyerPrices?.mean).toBe(100n * DOT)
    expect(s2?.reservePrice).toBe(449_328_964_117n) // 44.9328964117 DOT
  })

  test('default: 10 such teams sell out at the opening price; sale 2 reserve 200 DOT', () => {
    const r = simulateRfc17(
      scenario({ start: { extraCores: 10 }, market, demand: { agents: [fixedBuyers(10)] } }),
    )
    expect(r.sales[0]).toMatchObject({
      clearingPrice: 300n * DOT,
      sold: 10,
      idle: 0,
      reserveRule: 'minIncrement',
    })
    expect(r.sales[1]?.reservePrice).toBe(200n * DOT)
    // sale 2: the teams now hold their cores and bid their worth again (tenantsBid): no new demand
    expect(r.sales[1]).toMatchObject({ renewed: 0, sold: 10 })
    expect(r.sales[1]?.renewerPrices?.mean).toBe(300n * DOT)
  })

  test('behavior: passive renewers displace a large actor’s cores; the penalty trigger is a parameter', () => {
    const run = (penaltyTrigger: 'entities' | 'units') =>
      simulateRfc17(
        scenario({
          start: { extraCores: 2 },
          market: { ...market, tenantsBid: false, penaltyTrigger },
          demand: {
            agents: [
              { kind: 'renewer', name: 'incumbents', count: 4, renewInSale: 2 },
              { kind: 'largeActor', name: 'whale', buyBelow: '400 DOT' },
            ],
          },
        }),
      ).sales[1]
    // sale 1: the whale takes both cores at 400 DOT (100% → reserve 200 DOT). Sale 2: 6 cores, the
    // whale bids 400 DOT for all 6 and wins them; the 4 renewals displace 4 of them.
    const s2 = run('entities')
    expect(s2).toMatchObject({ reservePrice: 200n * DOT, clearingPrice: 400n * DOT, supply: 6 })
    expect(s2).toMatchObject({ renewed: 4, sold: 2, displaced: 4, largeActorCores: 2 })
    // entities: 1 bidder + 4 tenants = 5 ≤ 6 cores → no penalty
    expect(s2).toMatchObject({ penaltyApplied: false, renewalPrice: 400n * DOT })
    // units: 6 cores bid + 4 rights = 10 > 6 → clearing × 1.3
    expect(run('units')).toMatchObject({ penaltyApplied: true, renewalPrice: 520n * DOT, largeActorCores: 2 })
  })

  test('behavior: the same seed gives the same run; another seed may not', () => {
    const sc = scenario({
      horizon: 6,
      start: { extraCores: 8 },
      market,
      demand: {
        agents: [
          {
            kind: 'buyer',
            name: 't',
            count: 20,
            arrival: [1, 3],
            valuation: { dist: 'uniform', min: '50 DOT', max: '400 DOT' },
          },
        ],
      },
    })
    const a = simulateRfc17(sc, { seed: 3 })
    const b = simulateRfc17(sc, { seed: 3 })
    expect(a).toEqual(b)
    const c = simulateRfc17(sc, { seed: 4 })
    expect(c.sales.map((s) => s.clearingPrice)).not.toEqual(a.sales.map((s) => s.clearingPrice))
  })
})

describe('Scenario.parse market', () => {
  test('default: today’s market unless the file names one', () => {
    const s = scenario({ demand: { agents: [fixedBuyers(1)] } })
    expect(s.market).toEqual({ kind: 'today' })
  })

  test('args: rfc17 fields in the file’s units (percent, tokens)', () => {
    const s = scenario({
      market: { kind: 'rfc17', penalty: 50, targetConsumption: 80, k: 2.5, pMin: '2 DOT' },
      demand: { agents: [fixedBuyers(1)] },
    })
    if (s.market.kind !== 'rfc17') throw new Error('expected rfc17')
    expect(s.market.params).toMatchObject({
      penalty: 500_000_000n,
      targetConsumption: 800_000_000n,
      k: 2_500_000_000n,
      pMin: 2n * DOT,
    })
    expect(s.market.reservePrice).toBe(s.start.endPrice) // default: the start price
  })

  test('error: a bad market field is named', () => {
    const bad = (m: Record<string, unknown>) => {
      const p = Scenario.parse({
        horizon: 1,
        market: { kind: 'rfc17', ...m },
        demand: { agents: [fixedBuyers(1)] },
      })
      return p.ok ? '' : p.error.issues.map(Scenario.formatIssue).join('; ')
    }
    expect(bad({ levelHours: 5 })).toMatch(/^market\.levelHours: expected a divisor of marketHours \(336\)/)
    expect(bad({ targetConsumption: 0 })).toMatch(/^market\.targetConsumption: /)
    expect(bad({ priceMultiplier: 0.5 })).toMatch(/^market\.priceMultiplier: /)
    expect(bad({ reservePrice: '0 DOT' })).toMatch(
      /^market\.reservePrice: expected a reserve price at least pMin/,
    )
    expect(bad({ tieBreak: 'coin' })).toMatch(/^market\.tieBreak: /)
    expect(bad({ unknown: 1 })).toMatch(/^market: unknown field "unknown"/)
  })
})
