import { describe, expect, test } from 'vitest'
import * as MonteCarlo from './MonteCarlo'
import * as Scenario from './Scenario'
import { SimulationError } from './SimulationError'

const parsed = Scenario.parse({
  horizon: 3,
  start: { extraCores: 6 },
  demand: {
    agents: [
      {
        kind: 'buyer',
        count: 10,
        arrival: [1, 3],
        valuation: { dist: 'uniform', min: '20 DOT', max: '400 DOT' },
      },
    ],
  },
})
if (!parsed.ok) throw new Error('bad scenario')
const scenario = parsed.scenario

describe('MonteCarlo', () => {
  test('default: bands per sale, ordered p5 ≤ p50 ≤ p95', () => {
    const b = MonteCarlo.monteCarlo(scenario, { runs: 12, seed: 9 })
    expect(b.runs).toBe(12)
    expect(b.sales).toHaveLength(3)
    for (const s of b.sales) {
      expect(s.coresSold.p5 <= s.coresSold.p50 && s.coresSold.p50 <= s.coresSold.p95).toBe(true)
      expect(s.revenue.p5 <= s.revenue.p95).toBe(true)
    }
    // random valuations spread the first sale's revenue
    expect(b.sales[0]?.revenue.p5).not.toBe(b.sales[0]?.revenue.p95)
  })
  test('behavior: a batch split into parts gives the same bands', () => {
    const whole = MonteCarlo.monteCarlo(scenario, { runs: 8, seed: 4 })
    const parts = [
      ...MonteCarlo.runs(scenario, { seed: 4, from: 4, to: 8 }),
      ...MonteCarlo.runs(scenario, { seed: 4, from: 0, to: 4 }),
    ]
    expect(MonteCarlo.bands(parts)).toEqual(whole)
  })
  test('behavior: pack and unpack round-trip run summaries', () => {
    const rs = MonteCarlo.runs(scenario, { seed: 5, from: 3, to: 9 })
    const packed = MonteCarlo.pack(rs)
    if (!packed) throw new Error('not packed')
    expect(MonteCarlo.unpack(packed)).toEqual(rs)
  })
  test('error: pack refuses values beyond i64 (the objects are posted instead)', () => {
    const [r] = MonteCarlo.runs(scenario, { seed: 5, to: 1 })
    if (!r) throw new Error('no run')
    expect(MonteCarlo.pack([{ ...r, revenue: 2n ** 63n }])).toBeNull()
    expect(MonteCarlo.pack([{ ...r, seed: -1 }])).toBeNull()
  })
  test('quantile: nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(MonteCarlo.band(xs)).toEqual({ p5: 5, p50: 50, p95: 95 })
    expect(MonteCarlo.band([3n])).toEqual({ p5: 3n, p50: 3n, p95: 3n })
    // typed-array sorts (i64, doubles) and the comparator (beyond i64) agree
    const big = Array.from({ length: 100 }, (_, i) => BigInt((i * 37) % 100) * 10n ** 12n)
    expect(MonteCarlo.band(big)).toEqual({
      p5: 4n * 10n ** 12n,
      p50: 49n * 10n ** 12n,
      p95: 94n * 10n ** 12n,
    })
    expect(MonteCarlo.band(big.map((x) => x * 10n ** 20n))).toEqual({
      p5: 4n * 10n ** 32n,
      p50: 49n * 10n ** 32n,
      p95: 94n * 10n ** 32n,
    })
    expect(MonteCarlo.band([0.5, -0, 3, 0, 2])).toEqual({ p5: -0, p50: 0.5, p95: 3 })
  })
  test('error: zero runs', () => {
    expect(() => MonteCarlo.monteCarlo(scenario, { runs: 0 })).toThrow(/runs must be/)
    expect(() => MonteCarlo.bands([])).toThrow(/no runs/)
    expect(() => MonteCarlo.monteCarlo(scenario, { runs: 0 })).toThrow(SimulationError)
    expect(() => MonteCarlo.bands([])).toThrow(SimulationError)
  })
})
