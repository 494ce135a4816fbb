import { describe, expect, test } from 'vitest'
import * as PotentialRenewals from './PotentialRenewals'
import type { PotentialRenewalRecord } from './types'

// the table itself is property-tested in CoreTable.test.ts; these hold the (core, when) mapping

const rec = (price: bigint): PotentialRenewalRecord => ({ price, completion: { complete: [] } })

describe('PotentialRenewals', () => {
  test('default: a right is read back at its core and timeslice, and listed in key or insertion order', () => {
    const r = PotentialRenewals.create()
    PotentialRenewals.set(r, 3, 100, rec(1n))
    PotentialRenewals.set(r, 0, 200, rec(2n))
    PotentialRenewals.set(r, 0, 100, rec(3n))
    expect(PotentialRenewals.get(r, 3, 100)?.price).toBe(1n)
    expect(PotentialRenewals.has(r, 0, 200)).toBe(true)
    expect(r.size).toBe(3)
    expect(PotentialRenewals.sorted(r).map((e) => [e.core, e.when])).toEqual([
      [0, 100],
      [0, 200],
      [3, 100],
    ])
    expect(PotentialRenewals.entries(r).map((e) => [e.core, e.when, e.record.price])).toEqual([
      [3, 100, 1n],
      [0, 200, 2n],
      [0, 100, 3n],
    ])
  })

  test('error: a right at another core or timeslice is absent and cannot be removed', () => {
    const r = PotentialRenewals.create()
    PotentialRenewals.set(r, 5, 10, rec(1n))
    expect(PotentialRenewals.get(r, 10, 5)).toBeUndefined() // core and when are not interchangeable
    expect(PotentialRenewals.remove(r, 5, 11)).toBe(false)
    expect(PotentialRenewals.remove(r, 5, 10)).toBe(true)
    expect(PotentialRenewals.remove(r, 5, 10)).toBe(false)
    expect(r.size).toBe(0)
  })
})
