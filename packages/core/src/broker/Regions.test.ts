import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as CoreMask from './CoreMask'
import * as RegionId from './RegionId'
import * as Regions from './Regions'
import type { RegionRecord } from './types'

const rec = (end: number): RegionRecord => ({ end, owner: '1', paid: null })
const FULL = CoreMask.complete
const HALF = CoreMask.fromChunk(0, 40)

// a small key space, whole and part-core masks mixed, so that operations hit the same keys often
const id = fc.record({
  begin: fc.nat(3),
  core: fc.nat(9),
  mask: fc.constantFrom(FULL, HALF, FULL ^ HALF),
})
const op = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), id, end: fc.nat(99) }),
  fc.record({ kind: fc.constant('remove' as const), id }),
  fc.record({ kind: fc.constant('clone' as const) }),
)

describe('Regions', () => {
  test('default: whole and part-core regions read back by id, listed in item-id order', () => {
    const r = Regions.create()
    Regions.set(r, { begin: 5, core: 1, mask: FULL }, rec(1))
    Regions.set(r, { begin: 5, core: 0, mask: HALF }, rec(2))
    Regions.set(r, { begin: 4, core: 3, mask: FULL }, rec(3))
    expect(Regions.get(r, { begin: 5, core: 0, mask: HALF })?.end).toBe(2)
    expect(Regions.get(r, { begin: 5, core: 0, mask: FULL })).toBeUndefined()
    expect(Regions.size(r)).toBe(3)
    expect(Regions.sorted(r).map((e) => e.record.end)).toEqual([3, 2, 1])
    expect(Regions.entries(r).map((e) => e.record.end)).toEqual([1, 2, 3])
  })

  test('error: absent regions read as undefined and cannot be removed', () => {
    const r = Regions.create()
    const whole = { begin: 5, core: 2, mask: FULL }
    Regions.set(r, whole, rec(1))
    expect(Regions.get(r, { ...whole, core: 70_000 })).toBeUndefined()
    expect(Regions.take(r, { ...whole, mask: HALF })).toBeUndefined()
    expect(Regions.take(r, whole)).toEqual(rec(1))
    expect(Regions.take(r, whole)).toBeUndefined()
    expect(Regions.size(r)).toBe(0)
    expect(r.whole.rows.size).toBe(0) // an emptied begin is dropped
  })

  test('behavior: any sequence of writes reads as a Map keyed by RegionId, insertion order included', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let r = Regions.create()
        const m = new Map<RegionId.RegionKey, Regions.Entry>()
        const copies: [Regions.Regions, string][] = []
        const listed = (x: Regions.Regions) =>
          JSON.stringify(Regions.entries(x), (_k, v) => (typeof v === 'bigint' ? `${v}` : v))
        for (const o of ops) {
          if (o.kind === 'set') {
            const k = RegionId.toKey(o.id)
            const record = rec(o.end)
            const had = m.get(k)
            if (had) had.record = record
            else m.set(k, { id: o.id, record })
            Regions.set(r, o.id, record)
          } else if (o.kind === 'remove') {
            const k = RegionId.toKey(o.id)
            expect(Regions.take(r, o.id)).toBe(m.get(k)?.record)
            m.delete(k)
          } else {
            copies.push([r, listed(r)])
            r = Regions.clone(r)
          }
          expect(Regions.size(r)).toBe(m.size)
        }
        expect(Regions.entries(r)).toEqual([...m.values()])
        for (const e of m.values()) expect(Regions.get(r, e.id)).toBe(e.record)
        expect(Regions.sorted(r)).toEqual([...m.values()].sort((x, y) => RegionId.compare(x.id, y.id)))
        // a clone shares nothing mutable: writes after it did not reach the copy it was taken from
        for (const [copy, then] of copies) expect(listed(copy)).toBe(then)
      }),
    )
  })
})
