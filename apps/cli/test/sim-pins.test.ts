import { createHash } from 'node:crypto'
import { Scenario, simulate } from '@coretime/sim'
import { describe, expect, test } from 'vitest'
import { benchScenario } from '../bench/sim.bench'

/**
 * Whole seeded results pinned by their SHA-256 (every sale, agent and group field, the trace):
 * the simulator's shape and speed may change, its output may not. scenarios.test.ts pins the
 * bundled scenarios' readable outcome; this covers every agent kind and the recorded trace.
 */
const digest = (x: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)))
    .digest('hex')
    .slice(0, 16)

const parsed = (raw: unknown): Scenario.Scenario => {
  const p = Scenario.parse(raw)
  if (!p.ok) throw new Error(p.error.issues.map(Scenario.formatIssue).join('; '))
  return p.scenario
}

/** Every agent kind, budgets, a table, on-demand orders and resales. */
const mixed = parsed({
  horizon: 6,
  start: { extraCores: 5, leases: [{ count: 3, renewInSale: [2, 3] }] },
  demand: {
    table: { renewals: 2, purchases: [3, 4] },
    agents: [
      { kind: 'onDemand', name: 'paras', count: 3, ordersPerSale: [5, 10], maxPrice: '0.01 DOT' },
      {
        kind: 'buyer',
        name: 'b',
        count: 8,
        arrival: [1, 3],
        patience: 2,
        valuation: { dist: 'uniform', min: '5 DOT', max: '500 DOT' },
        timing: { strategy: 'fraction', at: 0.25 },
        budget: '100 DOT',
        renew: true,
        forget: 0.2,
      },
      { kind: 'speculator', name: 's', count: 2, cores: 3, maxPrice: '200 DOT', at: 0.1, markup: 1.3 },
      {
        kind: 'renewer',
        name: 'r',
        count: 4,
        renewInSale: [2, 4],
        maxPrice: '60 DOT',
        forget: 0.1,
        renewAt: 0.5,
      },
      { kind: 'largeActor', name: 'whale', buyBelow: '15 DOT', sales: [3, 4] },
    ],
  },
})

describe('simulate: whole seeded results', () => {
  test('behavior: the 200-agent bench market over 26 sales', () => {
    const sc = benchScenario(200, 26)
    expect([1, 2].map((seed) => digest(simulate(sc, { seed })))).toEqual(PINNED.bench)
  })
  test('behavior: every agent kind, with the recorded trace', () => {
    expect([1, 2].map((seed) => digest(simulate(mixed, { seed, trace: seed === 2 })))).toEqual(PINNED.mixed)
  })
  test('error: another seed gives another digest (the pins can fail)', () => {
    expect(digest(simulate(mixed, { seed: 3 }))).not.toBe(PINNED.mixed[0])
  })
})

const PINNED = {
  bench: ['ce0964903f15753d', '90c6516bd2f36e6a'],
  mixed: ['a19735335648e0bc', '8cfd7c2d65f4ecaa'],
}
