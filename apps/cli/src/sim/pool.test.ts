import { Start } from '@coretime/chain'
import { sample } from '@coretime/chain/testing'
import { InvariantError } from '@coretime/core'
import { Aggregate, MonteCarlo, Scenario } from '@coretime/sim'
import { afterAll, describe, expect, test } from 'vitest'
import { createPool } from './pool'

const buyers = {
  agents: [
    {
      kind: 'buyer',
      count: 10,
      arrival: [1, 3],
      valuation: { dist: 'uniform', min: '20 DOT', max: '400 DOT' },
    },
  ],
}
const parsed = Scenario.parse({
  horizon: 3,
  start: { extraCores: 6 },
  demand: buyers,
})
if (!parsed.ok) throw new Error('bad scenario')
const scenario = parsed.scenario

describe('createPool', () => {
  const pool = createPool(2)
  afterAll(() => pool.close())

  test('behavior: one pool runs several batches, each equal to the single-thread runs', async () => {
    for (const seed of [3, 8]) {
      let ticks = 0
      const got = await pool.run(scenario, { runs: 7, seed, onRun: () => ticks++ })
      expect(got).toEqual(Aggregate.of(MonteCarlo.runs(scenario, { seed, to: 7 })))
      expect(ticks).toBe(7)
    }
  }, 60_000)

  test('args: start — every run of the batch starts from that broker state (simulate --from)', async () => {
    const from = Start.fromSnapshot(sample, { horizon: 2, demand: buyers })
    if (!from.ok) throw new Error(from.error.message)
    const { scenario: s, state } = from.value
    const got = await pool.run(s, { runs: 5, seed: 2, start: state })
    expect(got).toEqual(Aggregate.of(MonteCarlo.runs(s, { seed: 2, to: 5, start: state })))
    expect(Aggregate.bands(got).sales[0]?.endPrice.p95).toBe(sample.broker.saleInfo!.endPrice)
    expect(got).not.toEqual(Aggregate.of(MonteCarlo.runs(s, { seed: 2, to: 5 })))
  }, 60_000)

  test("args: first — a shard's share of a batch equals those runs of the whole batch", async () => {
    const got = await pool.run(scenario, { runs: 4, first: 3, seed: 5 })
    expect(got).toEqual(Aggregate.of(MonteCarlo.runs(scenario, { seed: 5, from: 3, to: 7 })))
  }, 60_000)

  test('error: a second batch while one runs is refused', async () => {
    const first = pool.run(scenario, { runs: 2, seed: 1 })
    const second = pool.run(scenario, { runs: 2, seed: 1 })
    await expect(second).rejects.toThrow(/one batch at a time/)
    await expect(second).rejects.toBeInstanceOf(InvariantError) // a caller's bug, not a user's input
    await first
  }, 60_000)
})
