import { Renewal } from '@coretime/core'
import { Scenario, simulate } from '@coretime/sim'
import { describe, expect, test } from 'vitest'
import { bulkVsOnDemand, run, scenarioOf } from '../src/model'
import { defaults } from '../src/state'

const v = defaults()
const input = { params: v.a, demand: v.demand, sales: 6, userPaid: v.userPaid }

describe('model.run', () => {
  test('default: every sale row is @coretime/sim’s number for the same scenario', () => {
    const r = run(input, v.network, v.start)
    const parsed = Scenario.parse(scenarioOf(input, v.network, v.start))
    if (!parsed.ok) throw new Error('scenario refused')
    const sim = simulate(parsed.scenario, { seed: 0 })
    expect(r.rows.map((x) => x.endPrice)).toEqual(sim.sales.map((s) => s.endPrice))
    expect(r.rows.map((x) => x.coresSold)).toEqual(sim.sales.map((s) => s.coresSold))
    expect(r.rows.map((x) => x.revenue)).toEqual(sim.sales.map((s) => s.revenue))
  })

  test('behavior: the user’s renewal follows Renewal.nextPrice sale by sale (RFC-149 floor, then 3% bumps)', () => {
    const r = run(input, v.network, v.start)
    const [first, second] = r.rows
    // paid 40 DOT, end price 50 DOT: the floor at the end price wins
    expect(first?.userRenewal).toBe(
      Renewal.nextPrice('floorAtEndPrice', v.userPaid, 30_000_000n, first!.endPrice, first!.topPrice),
    )
    expect(first?.userRenewal).toBe(500_000_000_000n)
    expect(second?.userRenewal).toBe(515_000_000_000n)
  })

  test('args: a higher starting price moves every end price', () => {
    const a = run(input, v.network, v.start)
    const b = run({ ...input, params: { ...v.a, startPrice: v.a.startPrice * 2n } }, v.network, v.start)
    expect(b.rows[0]?.endPrice).toBe(2n * (a.rows[0]?.endPrice ?? 0n))
  })

  test('error: a scenario the simulator refuses throws with the field named', () => {
    expect(() => run({ ...input, params: { ...v.a, leadin: 0 } }, v.network, v.start)).toThrow(/leadinLength/)
  })

  test('behavior: on-demand cost is the floor spot price times the orders of a region', () => {
    const r = run(input, v.network, v.start)
    const c = bulkVsOnDemand({ ...v, blocksPerDay: 100 }, r)
    expect(c.rows[0]?.onDemand).toBe(c.spot * 2_800n) // 100 blocks a day × 28 days
    expect(c.rows[0]?.bulk).toBe(r.rows[0]?.userRenewal)
  })
})
