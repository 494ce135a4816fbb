import { describe, expect, test } from 'vitest'
import { setup } from '../run/Setup'
import * as Scenario from '../Scenario'
import { simulate } from '../Simulate'
import * as Compare from './Compare'
import * as Population from './rfc17/Population'
import { todayRun } from './TodayRun'

const DOT = 10n ** 10n

const parse = (raw: Record<string, unknown>) => {
  const p = Scenario.parse(raw)
  if (!p.ok) throw new Error(p.error.issues.map(Scenario.formatIssue).join('; '))
  return p.scenario
}

// seed 004's bad actor, small: one actor buys every core below 100 DOT in sales 1–3
const badActor = parse({
  name: 'bad-actor',
  chain: { preset: 'rfc1', configuration: { limitCoresOffered: 10, idealBulkProportion: 60 } },
  horizon: 5,
  start: { endPrice: '40 DOT', extraCores: 10 },
  demand: {
    agents: [
      { kind: 'largeActor', name: 'bad-actor', buyBelow: '100 DOT', sales: [1, 3] },
      {
        kind: 'buyer',
        name: 'parachains',
        count: 12,
        arrival: [1, 3],
        patience: 5,
        valuation: { dist: 'uniform', min: '50 DOT', max: '300 DOT' },
        timing: { strategy: 'end' },
      },
    ],
  },
})

describe('TodayRun.todayRun', () => {
  test('default: the same sales as simulate, plus the large actor’s cores per sale', () => {
    const r = todayRun(badActor, 5)
    const s = simulate(badActor, { seed: 5 })
    expect(r.sales).toEqual(s.sales)
    expect(r.revenue).toBe(s.revenue)
    // sale 1: the bad actor buys every core once the price is at or below 100 DOT
    expect(r.largeActorCores[0]).toBe(10)
    expect(r.largeActorCores[4]).toBe(0) // outside its sales
  })
})

describe('Population.create', () => {
  test('behavior: the RFC-17 agents get the very valuations and arrivals today’s run draws', () => {
    for (const seed of [1, 2, 3]) {
      const today = setup(badActor, { seed, trace: false }).actors.filter((a) => a.kind === 'buyer')
      const rfc17 = Population.create(badActor, seed).agents.filter((a) => a.kind === 'buyer')
      expect(rfc17.map((a) => [a.id, a.valuation, a.arrival])).toEqual(
        today.map((a) => [a.id, a.valuation, a.arrival]),
      )
    }
  })
})

describe('Compare.compare', () => {
  test('default: per sale both markets, with the RFC-17 prices the JSON carries', () => {
    const c = Compare.compare(badActor, 5)
    expect(c.sales).toHaveLength(5)
    const s1 = c.sales[0]
    if (!s1) throw new Error('no sale')
    expect(s1.today.largeActorCores).toBe(10)
    expect(s1.rfc17.reservePrice).toBe(40n * DOT)
    expect(s1.rfc17.openingPrice).toBe(150n * DOT) // max(150 DOT, 3 × 40 DOT)
    // the bad actor bids 100 DOT for all 10 cores: the clock closes at ≤ 100 DOT, where it is the last unit
    expect(s1.rfc17.clearingPrice).toBe(100n * DOT)
    expect(typeof s1.rfc17.penaltyApplied).toBe('boolean')
    expect(s1.rfc17.renewalPrice >= s1.rfc17.clearingPrice).toBe(true)
    expect(c.revenue.today).toBe(c.sales.reduce((t, s) => t + s.today.revenue, 0n))
    expect(c.revenue.rfc17).toBe(c.sales.reduce((t, s) => t + s.rfc17.revenue, 0n))
    for (const s of c.sales) {
      expect(s.today.idle).toBeGreaterThanOrEqual(0)
      expect(s.rfc17.idle).toBeGreaterThanOrEqual(0)
    }
  })

  test('behavior: no large actor, no large-actor column', () => {
    const sc = parse({
      horizon: 2,
      start: { extraCores: 3 },
      demand: { table: { renewals: 0, purchases: 2 } },
    })
    const c = Compare.compare(sc, 1)
    expect(c.sales.every((s) => s.today.largeActorCores === null && s.rfc17.largeActorCores === null)).toBe(
      true,
    )
  })
})

describe('Compare.compareBands', () => {
  test('default: p5 ≤ p50 ≤ p95 per sale for both markets', () => {
    const b = Compare.compareBands(badActor, { runs: 5, seed: 2 })
    expect(b.runs).toBe(5)
    expect(b.sales).toHaveLength(5)
    for (const s of b.sales)
      for (const m of [s.today, s.rfc17]) {
        expect(m.price.p5 <= m.price.p50 && m.price.p50 <= m.price.p95).toBe(true)
        expect(m.idle.p5 <= m.idle.p95).toBe(true)
      }
  })

  test('error: runs must be a whole number ≥ 1', () => {
    expect(() => Compare.compareBands(badActor, { runs: 0 })).toThrow(
      /runs must be a whole number ≥ 1, got 0/,
    )
  })
})
