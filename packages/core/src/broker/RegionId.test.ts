import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as RegionId from './RegionId'

const FULL = (1n << 80n) - 1n
const id = fc.record({
  begin: fc.nat(4_000_000_000),
  core: fc.nat(65535),
  mask: fc.oneof(fc.bigInt({ min: 0n, max: FULL }), fc.constant(FULL)),
})

describe('RegionId', () => {
  test('default: the item id of the seed region is begin << 96 | core << 80 | mask', () => {
    expect(RegionId.toItemId({ begin: 322845, core: 48, mask: FULL })).toBe(
      (322845n << 96n) | (48n << 80n) | FULL,
    )
  })

  test('behavior: keys and item ids round-trip', () => {
    fc.assert(
      fc.property(id, (r) => {
        expect(RegionId.fromKey(RegionId.toKey(r))).toEqual(r)
        expect(RegionId.fromItemId(RegionId.toItemId(r))).toEqual(r)
      }),
    )
  })

  test('behavior: sortedKeys lists regions in item-id order', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 30 }), (ids) => {
        const m = new Map(ids.map((r) => [RegionId.toKey(r), r]))
        const byItem = [...m.values()].sort((a, b) => {
          const x = RegionId.toItemId(a)
          const y = RegionId.toItemId(b)
          return x < y ? -1 : x > y ? 1 : 0
        })
        expect(RegionId.sortedKeys(m).map((k) => m.get(k))).toEqual(byItem)
      }),
    )
  })

  test('behavior: a whole core keys as a number, any other mask as a bigint', () => {
    expect(RegionId.toKey({ begin: 322845, core: 48, mask: FULL })).toBe(322845 * 65536 + 48)
    expect(typeof RegionId.toKey({ begin: 322845, core: 48, mask: FULL >> 1n })).toBe('bigint')
  })

  test('error: distinct regions never share a Map key (whole and partial masks mixed)', () => {
    fc.assert(
      fc.property(id, id, (x, y) => {
        const m = new Map([[RegionId.toKey(x), 1]])
        const same = x.begin === y.begin && x.core === y.core && x.mask === y.mask
        expect(m.has(RegionId.toKey(y))).toBe(same)
      }),
    )
  })

  test('error: distinct regions never share a key', () => {
    const a = { begin: 4, core: 0, mask: FULL }
    expect(RegionId.toKey(a)).not.toBe(RegionId.toKey({ ...a, core: 1 }))
    expect(RegionId.toKey(a)).not.toBe(RegionId.toKey({ ...a, mask: FULL >> 1n }))
  })
})
