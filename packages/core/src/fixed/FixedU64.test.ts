import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as FixedU64 from './FixedU64'
import { maxOfBits, U64_MAX } from './rounding'

describe('FixedU64', () => {
  test('default: from_rational rounds half down; mul_int floors', () => {
    expect(FixedU64.fromRational(1n, 3n)).toBe(333_333_333n)
    expect(FixedU64.fromRational(2n, 3n)).toBe(666_666_667n)
    expect(FixedU64.fromRational(1n, 2n)).toBe(500_000_000n)
    expect(FixedU64.fromRational(2n, 100_800n)).toBe(19_841n) // seed 002's lead-in, 2 blocks in
    expect(FixedU64.mulInt(1_500_000_000n, 3n, U64_MAX)).toBe(4n) // 4.5 → 4
  })

  test('behavior: saturating arithmetic', () => {
    expect(FixedU64.sub(1n, 2n)).toBe(0n)
    expect(FixedU64.add(U64_MAX, 1n)).toBe(U64_MAX)
    expect(FixedU64.mulInt(100n * FixedU64.DIV, U64_MAX, U64_MAX)).toBe(U64_MAX)
    expect(FixedU64.format(1_500_000_000n)).toBe('1.5')
  })

  test('behavior: mulIntNumber is mulInt for a whole-number inner below 2^53, at either balance width', () => {
    const near = (k: bigint) => fc.bigInt({ min: -2n, max: 2n }).map((d) => k + d)
    const inner = fc.oneof(
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 0, max: 9_007_198 }).map((k) => k * 1e9 + 999_999_999), // l at its largest
      fc.integer({ min: 0, max: 200 }).map((k) => k * 1e9), // a whole multiple: l = 0
    )
    const n = fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
      fc
        .bigInt({ min: 0n, max: 10n ** 12n })
        .chain((k) => near(k * FixedU64.DIV).map((v) => (v < 0n ? 0n : v))),
    )
    const max = fc.constantFrom(U64_MAX, maxOfBits(128))
    fc.assert(
      fc.property(inner, n, max, (x, v, m) => {
        expect(FixedU64.mulIntNumber(x, v, m)).toBe(FixedU64.mulInt(BigInt(x), v, m))
      }),
      { numRuns: 20_000 },
    )
  })

  test('error: from_rational by zero throws, as the chain panics', () => {
    expect(() => FixedU64.fromRational(1n, 0n)).toThrow(/division by zero/)
  })
})
