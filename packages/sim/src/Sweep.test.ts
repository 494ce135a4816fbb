import { describe, expect, test } from 'vitest'
import * as Sweep from './Sweep'

const raw = { horizon: 3, start: { extraCores: 10 }, demand: { table: { renewals: 10, purchases: 4 } } }

describe('Sweep', () => {
  test('default: one parameter, one cell per value', () => {
    const r = Sweep.sweep(raw, [{ path: 'start.endPrice', values: ['10 DOT', '100 DOT'] }], {
      metric: 'endPrice',
      sale: 1,
    })
    expect(r.cells.map((c) => c.mean)).toEqual([100_000_000_000n, 1_000_000_000_000n])
  })
  test('args: two parameters form a grid, first axis outermost', () => {
    const r = Sweep.sweep(
      raw,
      [
        { path: 'demand.table.purchases', values: [2, 8] },
        { path: 'chain.configuration.renewalBump', values: [3, 10] },
      ],
      { metric: 'coresSold', sale: 1 },
    )
    expect(r.cells.map((c) => c.values)).toEqual([
      [2, 3],
      [2, 10],
      [8, 3],
      [8, 10],
    ])
    expect(r.cells.map((c) => c.mean)).toEqual([2n, 2n, 8n, 8n])
  })
  test('error: an invalid value is refused before anything runs, naming the parameter', () => {
    expect(() => Sweep.sweep(raw, [{ path: 'horizon', values: [2, -1] }], { metric: 'revenue' })).toThrow(
      'sweep: horizon=-1: horizon: expected a positive whole number of sales',
    )
    expect(() => Sweep.sweep(raw, [], { metric: 'revenue' })).toThrow(/one or two/)
  })
  test('setPath: nested and indexed paths, original untouched', () => {
    const r = { demand: { agents: [{ count: 1 }] } }
    expect(Sweep.setPath(r, 'demand.agents[0].count', 5)).toEqual({ demand: { agents: [{ count: 5 }] } })
    expect(r.demand.agents[0]?.count).toBe(1)
  })
})
