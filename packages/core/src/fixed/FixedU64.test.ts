import { describe, expect, test } from 'vitest'
import * as FixedU64 from './FixedU64'
import { U64_MAX } from './rounding'

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

  test('error: from_rational by zero throws, as the chain panics', () => {
    expect(() => FixedU64.fromRational(1n, 0n)).toThrow(/division by zero/)
  })
})
