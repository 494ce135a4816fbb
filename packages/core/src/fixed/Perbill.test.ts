import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Perbill from './Perbill'
import { divRoundHalfDown } from './rounding'

describe('Perbill', () => {
  test('behavior: mul is round-half-down of n · parts / 10^9 for any u128 n', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: Perbill.ACCURACY }),
        fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
        (p, n) => {
          expect(Perbill.mul(p, n)).toBe(divRoundHalfDown(n * p, Perbill.ACCURACY))
        },
      ),
    )
    // mul splits n at 10^9: the same results near multiples of 10^9 (a remainder near 0 or 10^9) and at 2^53
    const safe = fc.oneof(
      fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }),
      fc.bigInt({ min: 0n, max: 9_007_199n }).chain((k) =>
        fc.bigInt({ min: -3n, max: 3n }).map((d) => {
          const n = k * Perbill.ACCURACY + d
          return n < 0n ? 0n : n > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : n
        }),
      ),
    )
    const parts = fc.oneof(
      fc.bigInt({ min: 0n, max: Perbill.ACCURACY }),
      fc.constantFrom(0n, 1n, 499_999_999n, 500_000_000n, 999_999_999n, Perbill.ACCURACY),
    )
    fc.assert(
      fc.property(parts, safe, (p, n) => {
        expect(Perbill.mul(p, n)).toBe(divRoundHalfDown(n * p, Perbill.ACCURACY))
      }),
      { numRuns: 20_000 },
    )
    // an invalid Perbill (above 10^9) still multiplies exactly
    expect(Perbill.mul(3n * Perbill.ACCURACY, 5n)).toBe(15n)
    // exact halves: 0.5 rounds down, just above rounds up
    expect(Perbill.mul(500_000_000n, 1n)).toBe(0n)
    expect(Perbill.mul(500_000_001n, 1n)).toBe(1n)
  })

  test('default: Perbill * n rounds half down (spec §2 examples)', () => {
    const p3 = Perbill.fromPercent(3n)
    expect(Perbill.mul(p3, 1050n)).toBe(31n) // 31.5 → 31
    expect(Perbill.mul(p3, 1051n)).toBe(32n) // 31.53 → 32
    expect(Perbill.mul(Perbill.fromPercent(10n), 1001n)).toBe(100n)
    expect(Perbill.mul(Perbill.fromPercent(50n), 3n)).toBe(1n) // 1.5 → 1
    expect(Perbill.mul(Perbill.fromPercent(60n), 5n)).toBe(3n)
  })

  test('behavior: from_percent caps at 100%, format shows percent', () => {
    expect(Perbill.fromPercent(150n)).toBe(Perbill.one)
    expect(Perbill.format(30_000_000n)).toBe('3%')
    expect(Perbill.format(125_000_000n)).toBe('12.5%')
  })

  test('error: parts outside 0..10^9 are not a Perbill', () => {
    expect(Perbill.isValid(1_000_000_001n)).toBe(false)
    expect(Perbill.isValid(-1n)).toBe(false)
    expect(Perbill.isValid(0n)).toBe(true)
  })
})
