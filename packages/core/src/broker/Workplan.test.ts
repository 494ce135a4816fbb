import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Schedule } from './types'
import * as Workplan from './Workplan'

const sched = (task: number): Schedule => [{ mask: (1n << 80n) - 1n, assignment: { task } }]

describe('Workplan', () => {
  test('default: entries sorted by timeslice then core', () => {
    const w = Workplan.create()
    Workplan.set(w, 5, 1, sched(3))
    Workplan.set(w, 4, 2, sched(2))
    Workplan.set(w, 4, 0, sched(1))
    expect(Workplan.entries(w).map((e) => [e.timeslice, e.core])).toEqual([
      [4, 0],
      [4, 2],
      [5, 1],
    ])
    expect(Workplan.firstAtOrAfter(w, 5)).toBe(5)
  })

  test('behavior: take removes the entry and an emptied timeslice', () => {
    const w = Workplan.create()
    Workplan.set(w, 4, 0, sched(1))
    expect(Workplan.take(w, 4, 0)).toEqual(sched(1))
    expect(w.size).toBe(0)
  })

  test('error: absent entries read as undefined', () => {
    const w = Workplan.create()
    expect(Workplan.get(w, 1, 1)).toBeUndefined()
    expect(Workplan.take(w, 1, 1)).toBeUndefined()
    expect(Workplan.firstAtOrAfter(w, 0)).toBe(Number.POSITIVE_INFINITY)
  })

  test('behavior: any sequence of sets, removes, takes and clones reads as a Map keyed by (timeslice, core)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constantFrom('set' as const), t: fc.nat(3), core: fc.nat(9), task: fc.nat(99) }),
      fc.record({ kind: fc.constantFrom('remove' as const, 'take' as const), t: fc.nat(3), core: fc.nat(9) }),
      fc.record({ kind: fc.constant('clone' as const) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let w = Workplan.create()
        const m = new Map<string, { timeslice: number; core: number; schedule: Schedule }>()
        const copies: [Workplan.Workplan, string][] = []
        const listed = (x: Workplan.Workplan) =>
          JSON.stringify(Workplan.entries(x), (_k, v) => (typeof v === 'bigint' ? `${v}` : v))
        for (const o of ops) {
          if (o.kind === 'set') {
            const schedule = sched(o.task)
            m.set(`${o.t}/${o.core}`, { timeslice: o.t, core: o.core, schedule })
            Workplan.set(w, o.t, o.core, schedule)
          } else if (o.kind === 'remove') {
            m.delete(`${o.t}/${o.core}`)
            Workplan.remove(w, o.t, o.core)
          } else if (o.kind === 'take') {
            const had = m.get(`${o.t}/${o.core}`)
            m.delete(`${o.t}/${o.core}`)
            expect(Workplan.take(w, o.t, o.core)).toBe(had?.schedule)
          } else {
            copies.push([w, listed(w)])
            w = Workplan.clone(w)
          }
        }
        const sorted = [...m.values()].sort((x, y) => x.timeslice - y.timeslice || x.core - y.core)
        expect(Workplan.entries(w)).toEqual(sorted)
        for (const e of sorted) expect(Workplan.has(w, e.timeslice, e.core)).toBe(true)
        // a timeslice is listed exactly while it holds a plan (the hook's one look-up relies on it)
        expect([...w.keys()].sort()).toEqual([...new Set(sorted.map((e) => e.timeslice))].sort())
        const first = sorted[0]?.timeslice ?? Number.POSITIVE_INFINITY
        expect(Workplan.firstAtOrAfter(w, 0)).toBe(first)
        for (const [copy, then] of copies) expect(listed(copy)).toBe(then)
      }),
    )
  })
})
