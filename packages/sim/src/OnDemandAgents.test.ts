import { describe, expect, test } from 'vitest'
import * as Scenario from './Scenario'
import { simulate } from './Simulate'

const scenario = (raw: unknown): Scenario.Scenario => {
  const r = Scenario.parse(raw)
  if (!r.ok) throw new Error(r.error.issues.map(Scenario.formatIssue).join('; '))
  return r.scenario
}
const issues = (raw: unknown): string[] => {
  const r = Scenario.parse(raw)
  return r.ok ? [] : r.error.issues.map(Scenario.formatIssue)
}

const withUsers = (user: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  horizon: 3,
  start: { extraCores: 4 },
  demand: {
    agents: [
      { kind: 'buyer', count: 2, valuation: { dist: 'fixed', value: '100 DOT' } },
      { kind: 'onDemand', name: 'paras', count: 3, ordersPerSale: [5, 10], ...user },
    ],
  },
  ...extra,
})

describe('on-demand agents', () => {
  test('default: orders on the relay, with per-sale cost and per-agent orders, deterministic', () => {
    const sc = scenario(withUsers({}))
    const r = simulate(sc, { seed: 4 })
    const paras = r.agents.filter((a) => a.kind === 'onDemand')
    expect(paras).toHaveLength(3)
    for (const s of r.sales) {
      const od = s.onDemand
      if (!od) throw new Error('no on-demand result')
      // 3 paras × 5–10 orders; the SDK base fee is 0.001 DOT, the traffic multiplier ≥ 1
      expect(od.orders?.count).toBeGreaterThanOrEqual(15)
      expect(od.orders?.count).toBeLessThanOrEqual(30)
      expect(od.rejected).toBe(0)
      expect(od.orders?.min).toBeGreaterThanOrEqual(10_000_000n)
      expect(od.cost).toBe(od.orders?.total)
    }
    // an agent's cost is what its orders paid; the group adds them up
    const total = r.sales.reduce((t, s) => t + (s.onDemand?.cost ?? 0n), 0n)
    expect(paras.reduce((t, a) => t + a.cost, 0n)).toBe(total)
    const group = r.groups.find((g) => g.group === 'paras')
    expect(group?.orders).toBe(paras.reduce((n, a) => n + (a.orders ?? 0), 0))
    // on-demand spending is the relay's, not the broker's revenue
    expect(r.revenue).toBe(r.sales.reduce((t, s) => t + s.revenue, 0n))
    expect(JSON.stringify(simulate(sc, { seed: 4 }), big)).toBe(JSON.stringify(r, big))
    expect(JSON.stringify(simulate(sc, { seed: 5 }), big)).not.toBe(JSON.stringify(r, big))
  })

  test('behavior: orders above maxPrice are refused and counted; sales outside `sales` place none', () => {
    const r = simulate(scenario(withUsers({ maxPrice: 1000, sales: [2, 3] })), { seed: 1 })
    expect(r.sales[0]?.onDemand).toEqual({ orders: null, rejected: 0, cost: 0n })
    expect(r.sales[1]?.onDemand?.orders).toBeNull()
    expect(r.sales[1]?.onDemand?.rejected).toBeGreaterThanOrEqual(15)
    expect(r.agents.filter((a) => a.kind === 'onDemand').every((a) => a.cost === 0n && a.orders === 0)).toBe(
      true,
    )
  })

  test('behavior: a budget runs out (InsufficientBalance)', () => {
    const r = simulate(scenario(withUsers({ count: 1, ordersPerSale: 50, budget: '0.01 DOT' })), { seed: 1 })
    const [para] = r.agents.filter((a) => a.kind === 'onDemand')
    // 0.001 DOT per order at least: no more than 10 orders for 0.01 DOT
    expect(para?.orders).toBeLessThanOrEqual(10)
    expect(para?.ordersRejected).toBeGreaterThan(100)
  })

  test('behavior: scenarios without on-demand agents have no onDemand fields', () => {
    const r = simulate(
      scenario({ horizon: 1, start: { extraCores: 1 }, demand: { table: { renewals: 0, purchases: 1 } } }),
    )
    expect('onDemand' in (r.sales[0] ?? {})).toBe(false)
  })

  test('error: negative, malformed and unknown fields are refused, naming the field', () => {
    expect(issues(withUsers({ ordersPerSale: -1 }))).toEqual([
      'demand.agents[1].ordersPerSale: expected a count ≥ 0',
    ])
    expect(issues(withUsers({ ordersPerSale: [4, 2] }))).toEqual([
      'demand.agents[1].ordersPerSale: expected [from, to] with from ≤ to, got [4, 2]',
    ])
    expect(issues(withUsers({ maxPrice: '-1 DOT' }))).toEqual([
      'demand.agents[1].maxPrice: expected a non-negative amount, got "-1 DOT"',
    ])
    expect(issues(withUsers({ count: -2 }))).toEqual(['demand.agents[1].count: expected a count ≥ 0'])
    expect(issues(withUsers({ blocks: 3 }))).toEqual(['demand.agents[1]: unknown field "blocks"'])
    expect(issues(withUsers({}, { chain: { onDemand: { baseFee: '-1 DOT' } } }))).toEqual([
      'chain.onDemand.baseFee: expected a non-negative amount, got "-1 DOT"',
    ])
    expect(issues(withUsers({}, { chain: { onDemand: { queueMaxSize: 0 } } }))).toEqual([
      'chain.onDemand.queueMaxSize: expected a queue size ≥ 1',
    ])
    expect(issues(withUsers({}, { chain: { onDemand: { spot: 1 } } }))).toEqual([
      'chain.onDemand: unknown field "spot"',
    ])
  })
})

const big = (_k: string, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)
