import { Replay, Trace } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import * as Scenario from './Scenario'
import { simulate } from './Simulate'

const scenario = (raw: unknown): Scenario.Scenario => {
  const r = Scenario.parse(raw)
  if (!r.ok) throw new Error(r.error.issues.map(Scenario.formatIssue).join('; '))
  return r.scenario
}

const small = {
  horizon: 5,
  start: { extraCores: 10, leases: [{ count: 6, renewInSale: [2, 3] }] },
  demand: { table: { renewals: 12, purchases: [4, 6, 8] } },
}

describe('simulate (table demand)', () => {
  test('default: one result per sale with real dates, counts from the engine', () => {
    const r = simulate(scenario(small), { seed: 1 })
    expect(r.sales).toHaveLength(5)
    const [s1, s2] = r.sales
    // sale 1 starts after the 7-day interlude from 2026-01-01 (6 s blocks)
    expect(s1?.dates.saleStart).toBe('2026-01-08T00:00:00.000Z')
    expect(s1?.coresOffered).toBe(10)
    expect(s1?.purchased).toBe(4)
    expect(s1?.renewed).toBe(0)
    // bought at the end of the lead-in: the Polkadot floor, 10 DOT
    expect(s1?.purchasePrices?.max).toBe(100_000_000_000n)
    expect(s1?.revenue).toBe(400_000_000_000n)
    // sale 2: the 4 buyers of sale 1 and the leases ending in sale 2 renew
    expect(s2?.renewed).toBeGreaterThanOrEqual(4)
    expect(r.revenue).toBe(r.sales.reduce((t, s) => t + s.revenue, 0n))
    for (const s of r.sales) expect(s.coresSold).toBe(s.renewed + s.purchased)
  })

  test('behavior: same seed gives the same result; a different table changes it', () => {
    const a = simulate(scenario(small), { seed: 7 })
    const b = simulate(scenario(small), { seed: 7 })
    expect(b).toEqual(a)
    const c = simulate(scenario({ ...small, demand: { table: { renewals: 0, purchases: 1 } } }), { seed: 7 })
    expect(c.revenue).not.toBe(a.revenue)
  })

  test('behavior: more demand than cores offered is reported as failures (SoldOut)', () => {
    const r = simulate(
      scenario({ horizon: 1, start: { extraCores: 3 }, demand: { table: { renewals: 0, purchases: 5 } } }),
    )
    expect(r.sales[0]?.coresSold).toBe(3)
    expect(r.sales[0]?.failed.map((f) => f.reason)).toEqual(['SoldOut', 'SoldOut'])
  })

  test('behavior: the recorded trace replays through the engine to the same result', () => {
    const r = simulate(scenario(small), { seed: 3, trace: true })
    const parsed = Trace.parse(JSON.parse(JSON.stringify(r.trace)))
    if (!parsed.ok) throw new Error(parsed.error.issues.map(Trace.formatIssue).join('; '))
    const run = Replay.replay(parsed.trace)
    // the calls that fail on replay are exactly the failures the run reported (sold out here)
    const failed = run.outcomes.flatMap((o) => (o !== null && !o.ok ? [o.error.code] : []))
    const reported = r.sales.flatMap((s) => s.failed.map((f) => f.reason))
    expect(failed.length).toBeGreaterThan(0)
    expect(failed).toEqual(reported)
    const paid = run.events.flatMap((e) =>
      e.name === 'Purchased' || e.name === 'Renewed' ? [e.data.price] : [],
    )
    const fromSales = r.sales.flatMap((s) => [s.renewed + s.purchased])
    expect(paid.length).toBe(fromSales.reduce((a, b) => a + b, 0))
    expect(paid.reduce((a, b) => a + b, 0n)).toBe(r.revenue)
    expect(run.state.balances.get('burn')).toBe(r.revenue)
    expect(run.state.saleInfo?.regionBegin).toBe(r.sales.at(-1)?.regionBegin)
  })
})
