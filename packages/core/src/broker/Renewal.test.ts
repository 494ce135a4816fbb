import { describe, expect, test } from 'vitest'
import * as Renewal from './Renewal'

const bump3 = 30_000_000n // 3%

describe('Renewal.nextPrice', () => {
  test('behavior: capped at paid + bump (Perbill rounds half down: 3% of 1050 = 31)', () => {
    expect(Renewal.nextPrice('floorAtEndPrice', 1050n, bump3, 10n, 1_000_000n)).toBe(1081n)
    expect(Renewal.nextPrice('bumpOnly', 1051n, bump3, 10n, 1_000_000n)).toBe(1083n)
  })
  test('behavior: never above the sale price now', () => {
    expect(Renewal.nextPrice('floorAtEndPrice', 1000n, bump3, 10n, 500n)).toBe(500n)
  })
  test('behavior: RFC-149 floors the cap at the end price; bumpOnly does not', () => {
    expect(Renewal.nextPrice('floorAtEndPrice', 100n, bump3, 5000n, 1_000_000n)).toBe(5000n)
    expect(Renewal.nextPrice('bumpOnly', 100n, bump3, 5000n, 1_000_000n)).toBe(103n)
  })
  test('behavior: the test-only broken rule rounds the bump up (3% of 1050 = 31.5 → 32), and only when asked', () => {
    expect(Renewal.nextPrice('floorAtEndPrice', 1050n, bump3, 10n, 1_000_000n, true)).toBe(1082n)
    expect(Renewal.nextPrice('floorAtEndPrice', 1000n, bump3, 10n, 1_000_000n, true)).toBe(1030n)
    expect(Renewal.nextPrice('floorAtEndPrice', 1050n, bump3, 10n, 1_000_000n, false)).toBe(1081n)
  })
})
