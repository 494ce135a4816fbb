import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as PoolHistory from './PoolHistory'
import type { InstaPoolHistoryRecord } from './types'

const rec = (p: number, s: number, payout: bigint | null = null): InstaPoolHistoryRecord => ({
  privateContributions: p,
  systemContributions: s,
  maybePayout: payout,
})

describe('PoolHistory', () => {
  test('default: appended timeslices read back as unpaid records, in one run', () => {
    const h = PoolHistory.create()
    PoolHistory.append(h, 4, 3, 0, 80)
    PoolHistory.append(h, 7, 2, 0, 80)
    expect(h.runs).toHaveLength(1)
    expect(PoolHistory.get(h, 8)).toEqual(rec(0, 80))
    expect(PoolHistory.get(h, 9)).toBeUndefined()
    expect(PoolHistory.size(h)).toBe(5)
  })

  test('behavior: setting or removing inside a run splits it', () => {
    const h = PoolHistory.create()
    PoolHistory.append(h, 0, 10, 1, 2)
    PoolHistory.set(h, 4, rec(1, 2, 5n))
    PoolHistory.remove(h, 6)
    expect(PoolHistory.entries(h).map(([t, r]) => [t, r.maybePayout])).toEqual([
      [0, null],
      [1, null],
      [2, null],
      [3, null],
      [4, 5n],
      [5, null],
      [7, null],
      [8, null],
      [9, null],
    ])
  })

  test('error: reading a timeslice never written gives nothing', () => {
    expect(PoolHistory.get(PoolHistory.create(), 3)).toBeUndefined()
  })

  test('behavior: behaves as a per-timeslice map under any sequence of writes', () => {
    const action = fc.oneof(
      fc.record({
        k: fc.constant('append' as const),
        t: fc.nat(30),
        n: fc.integer({ min: 1, max: 5 }),
        p: fc.nat(2),
      }),
      fc.record({ k: fc.constant('set' as const), t: fc.nat(40), p: fc.nat(2) }),
      fc.record({ k: fc.constant('remove' as const), t: fc.nat(40) }),
    )
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        const h = PoolHistory.create()
        const m = new Map<number, InstaPoolHistoryRecord>()
        for (const a of actions) {
          if (a.k === 'append') {
            PoolHistory.append(h, a.t, a.n, a.p, 80)
            for (let t = a.t; t < a.t + a.n; t++) m.set(t, rec(a.p, 80))
          } else if (a.k === 'set') {
            PoolHistory.set(h, a.t, rec(a.p, 1, 7n))
            m.set(a.t, rec(a.p, 1, 7n))
          } else {
            PoolHistory.remove(h, a.t)
            m.delete(a.t)
          }
        }
        expect(PoolHistory.entries(h)).toEqual([...m].sort((x, y) => x[0] - y[0]))
        for (let t = 0; t < 50; t++) expect(PoolHistory.get(h, t)).toEqual(m.get(t))
      }),
    )
  })
})
