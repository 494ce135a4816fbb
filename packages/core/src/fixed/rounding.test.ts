import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { divRoundHalfDown, maxOfBits, saturate, U64_MAX } from './rounding'

describe('divRoundHalfDown', () => {
  test('default: nearest, exact halves go down, 2/3 goes up', () => {
    expect(divRoundHalfDown(7n, 2n)).toBe(3n) // 3.5 → 3
    expect(divRoundHalfDown(2n, 3n)).toBe(1n) // 0.67 → 1
    expect(divRoundHalfDown(1n, 3n)).toBe(0n) // 0.33 → 0
    expect(divRoundHalfDown(9n, 3n)).toBe(3n)
  })

  test('behavior: equals q + (r > floor(d/2)) for every n and d (sp-arithmetic NearestPrefDown)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 130n }), fc.bigInt({ min: 1n, max: 1n << 70n }), (n, d) => {
        const q = n / d
        expect(divRoundHalfDown(n, d)).toBe(n % d > d / 2n ? q + 1n : q)
      }),
    )
  })

  test('error: division by zero throws, as the chain panics', () => {
    expect(() => divRoundHalfDown(1n, 0n)).toThrow(RangeError)
  })
})

describe('saturate', () => {
  test('default: caps at the width', () => {
    expect(saturate(U64_MAX + 5n, U64_MAX)).toBe(U64_MAX)
    expect(saturate(5n, U64_MAX)).toBe(5n)
    expect(maxOfBits(8)).toBe(255n)
  })
})
