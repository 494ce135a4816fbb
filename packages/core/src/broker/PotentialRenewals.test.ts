import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as PotentialRenewals from './PotentialRenewals'
import type { PotentialRenewalRecord } from './types'

const rec = (price: bigint): PotentialRenewalRecord => ({ price, completion: { complete: [] } })

// a small key space so that operations hit the same keys often
const op = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    core: fc.nat(9),
    when: fc.nat(3),
    price: fc.bigInt(0n, 99n),
  }),
  fc.record({ kind: fc.constant('remove' as const), core: fc.nat(9), when: fc.nat(3) }),
  fc.record({ kind: fc.constant('clone' as const) }),
)

describe('PotentialRenewals', () => {
  test('default: a right is read back at its core and timeslice, and listed in key order', () => {
    const r = PotentialRenewals.create()
    PotentialRenewals.set(r, 3, 100, rec(1n))
    PotentialRenewals.set(r, 0, 200, rec(2n))
    PotentialRenewals.set(r, 0, 100, rec(3n))
    expect(PotentialRenewals.get(r, 3, 100)?.price).toBe(1n)
    expect(r.size).toBe(3)
    expect(PotentialRenewals.sorted(r).map((e) => [e.core, e.when])).toEqual([
      [0, 100],
      [0, 200],
      [3, 100],
    ])
    expect(PotentialRenewals.entries(r).map((e) => [e.core, e.when])).toEqual([
      [3, 100],
      [0, 200],
      [0, 100],
    ])
  })

  test('error: absent rights read as undefined and cannot be removed', () => {
    const r = PotentialRenewals.create()
    PotentialRenewals.set(r, 5, 10, rec(1n))
    expect(PotentialRenewals.get(r, 4, 10)).toBeUndefined()
    expect(PotentialRenewals.get(r, 70_000, 10)).toBeUndefined()
    expect(PotentialRenewals.has(r, 5, 11)).toBe(false)
    expect(PotentialRenewals.remove(r, 5, 11)).toBe(false)
    expect(PotentialRenewals.remove(r, 5, 10)).toBe(true)
    expect(PotentialRenewals.remove(r, 5, 10)).toBe(false)
    expect(r.size).toBe(0)
    expect(r.byWhen.size).toBe(0) // an emptied timeslice is dropped
  })

  test('behavior: any sequence of writes reads as a Map keyed by (core, when), insertion order included', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let r = PotentialRenewals.create()
        const m = new Map<string, { core: number; when: number; record: PotentialRenewalRecord }>()
        const copies: [PotentialRenewals.PotentialRenewals, string][] = []
        const listed = (x: PotentialRenewals.PotentialRenewals) =>
          JSON.stringify(PotentialRenewals.entries(x), (_k, v) => (typeof v === 'bigint' ? `${v}` : v))
        for (const o of ops) {
          if (o.kind === 'set') {
            const k = `${o.core}/${o.when}`
            const record = rec(o.price)
            const had = m.get(k)
            if (had) had.record = record
            else m.set(k, { core: o.core, when: o.when, record })
            PotentialRenewals.set(r, o.core, o.when, record)
          } else if (o.kind === 'remove') {
            expect(PotentialRenewals.remove(r, o.core, o.when)).toBe(m.delete(`${o.core}/${o.when}`))
          } else {
            copies.push([r, listed(r)])
            r = PotentialRenewals.clone(r)
          }
          expect(r.size).toBe(m.size)
        }
        expect(PotentialRenewals.entries(r)).toEqual([...m.values()])
        for (const e of m.values()) expect(PotentialRenewals.get(r, e.core, e.when)).toBe(e.record)
        const sorted = [...m.values()].sort((x, y) => x.core - y.core || x.when - y.when)
        expect(PotentialRenewals.sorted(r)).toEqual(sorted)
        // a clone shares nothing mutable: writes after it did not reach the copy it was taken from
        for (const [copy, then] of copies) expect(listed(copy)).toBe(then)
      }),
    )
  })
})
