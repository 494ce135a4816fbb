import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as CoreTable from './CoreTable'

// a small key space so that operations hit the same keys often
const op = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), time: fc.nat(3), core: fc.nat(9), value: fc.nat(99) }),
  fc.record({ kind: fc.constant('take' as const), time: fc.nat(3), core: fc.nat(9) }),
  fc.record({ kind: fc.constant('clone' as const) }),
)

describe('CoreTable', () => {
  test('default: entries list by insertion or by timeslice then core', () => {
    const t = CoreTable.create<string>()
    CoreTable.set(t, 100, 3, 'a')
    CoreTable.set(t, 200, 0, 'b')
    CoreTable.set(t, 100, 0, 'c')
    CoreTable.set(t, 100, 3, 'd') // a replaced value keeps its place
    expect(CoreTable.entries(t).map((e) => e.value)).toEqual(['d', 'b', 'c'])
    expect(CoreTable.byTime(t).map((e) => [e.time, e.core])).toEqual([
      [100, 0],
      [100, 3],
      [200, 0],
    ])
    expect(CoreTable.firstAtOrAfter(t, 101)).toBe(200)
  })

  test('error: absent entries read as undefined, cannot be taken, and an emptied row goes', () => {
    const t = CoreTable.create<string>()
    CoreTable.set(t, 5, 2, 'x')
    expect(CoreTable.get(t, 5, 70_000)).toBeUndefined()
    expect(CoreTable.has(t, 6, 2)).toBe(false)
    expect(CoreTable.take(t, 6, 2)).toBeUndefined()
    expect(CoreTable.take(t, 5, 2)).toBe('x')
    expect(CoreTable.take(t, 5, 2)).toBeUndefined()
    expect(t.size).toBe(0)
    expect(t.rows.size).toBe(0)
    expect(CoreTable.hasTime(t, 5)).toBe(false)
    expect(CoreTable.firstAtOrAfter(t, 0)).toBe(Number.POSITIVE_INFINITY)
  })

  test('behavior: any sequence of sets, takes and clones reads as a Map keyed by (timeslice, core)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let t = CoreTable.create<{ v: number }>()
        const m = new Map<string, { time: number; core: number; value: { v: number } }>()
        const copies: [CoreTable.CoreTable<{ v: number }>, string][] = []
        const listed = (x: CoreTable.CoreTable<{ v: number }>) => JSON.stringify(CoreTable.entries(x))
        for (const o of ops) {
          if (o.kind === 'set') {
            const k = `${o.time}/${o.core}`
            const value = { v: o.value }
            const had = m.get(k)
            if (had) had.value = value
            else m.set(k, { time: o.time, core: o.core, value })
            CoreTable.set(t, o.time, o.core, value)
          } else if (o.kind === 'take') {
            const k = `${o.time}/${o.core}`
            expect(CoreTable.take(t, o.time, o.core)).toBe(m.get(k)?.value)
            m.delete(k)
          } else {
            copies.push([t, listed(t)])
            t = CoreTable.clone(t)
          }
          expect(t.size).toBe(m.size)
        }
        const inOrder = [...m.values()]
        expect(CoreTable.entries(t).map(({ time, core, value }) => ({ time, core, value }))).toEqual(inOrder)
        const sorted = [...inOrder].sort((x, y) => x.time - y.time || x.core - y.core)
        expect(CoreTable.byTime(t).map(({ time, core, value }) => ({ time, core, value }))).toEqual(sorted)
        for (const e of inOrder) expect(CoreTable.get(t, e.time, e.core)).toBe(e.value)
        // a row is kept exactly while it holds an entry (the hook's one look-up relies on it)
        expect([...t.rows.keys()].sort()).toEqual([...new Set(inOrder.map((e) => e.time))].sort())
        for (let time = 0; time <= 3; time++)
          expect(CoreTable.hasTime(t, time)).toBe(inOrder.some((e) => e.time === time))
        expect(CoreTable.firstAtOrAfter(t, 0)).toBe(sorted[0]?.time ?? Number.POSITIVE_INFINITY)
        // a clone shares nothing mutable: writes after it did not reach the copy it was taken from
        for (const [copy, then] of copies) expect(listed(copy)).toBe(then)
      }),
    )
  })
})
