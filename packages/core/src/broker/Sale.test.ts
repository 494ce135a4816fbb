import { describe, expect, test } from 'vitest'
import { U64_MAX, U128_MAX } from '../fixed/rounding'
import * as Sale from './Sale'

const center = { kind: 'CenterTargetPrice' } as const

describe('Sale.priceAt', () => {
  test('behavior: the real Polkadot sale of seed 002 — 2 blocks into a 100800-block lead-in', () => {
    const sale = { saleStart: 1_000_000, leadinLength: 100_800, endPrice: 922_760_076n }
    expect(Sale.priceAt(sale, 1_000_002, center, U128_MAX)).toBe(92_272_712_073n)
  })

  test('behavior: before the sale starts the price is the top of the lead-in (100 × end)', () => {
    const sale = { saleStart: 10, leadinLength: 20, endPrice: 10n }
    expect(Sale.priceAt(sale, 0, center, U64_MAX)).toBe(1000n)
    expect(Sale.priceAt(sale, 10, center, U64_MAX)).toBe(1000n)
  })

  test('behavior: after the lead-in the price is exactly the end price', () => {
    const sale = { saleStart: 10, leadinLength: 20, endPrice: 10n }
    expect(Sale.priceAt(sale, 30, center, U64_MAX)).toBe(10n)
    expect(Sale.priceAt(sale, 10_000, center, U64_MAX)).toBe(10n)
  })

  test('behavior: derived examples of spec §7 (round-half-down through, floored product)', () => {
    const sale = { saleStart: 0, leadinLength: 3, endPrice: 10_000_000_000n }
    expect(Sale.priceAt(sale, 1, center, U128_MAX)).toBe(400_000_000_600n)
    expect(Sale.priceAt(sale, 2, center, U128_MAX)).toBe(69_999_999_940n)
    expect(Sale.priceAt({ saleStart: 0, leadinLength: 20, endPrice: 10n }, 1, center, U64_MAX)).toBe(910n)
  })

  test('behavior: the price saturates at the Balance width', () => {
    const sale = { saleStart: 0, leadinLength: 10, endPrice: U64_MAX / 2n }
    expect(Sale.priceAt(sale, 0, center, U64_MAX)).toBe(U64_MAX)
  })

  test('behavior: Linear lead-in falls from 2× to 1×; Fixed never moves', () => {
    const sale = { saleStart: 0, leadinLength: 4, endPrice: 100n }
    expect(Sale.priceAt(sale, 0, { kind: 'Linear' }, U64_MAX)).toBe(200n)
    expect(Sale.priceAt(sale, 2, { kind: 'Linear' }, U64_MAX)).toBe(150n)
    expect(Sale.priceAt(sale, 4, { kind: 'Linear' }, U64_MAX)).toBe(100n)
    expect(Sale.priceAt(sale, 0, { kind: 'Fixed' }, U64_MAX)).toBe(100n)
  })

  test('error: a zero lead-in divides by zero, where the chain panics', () => {
    expect(() => Sale.priceAt({ saleStart: 0, leadinLength: 0, endPrice: 1n }, 1, center, U64_MAX)).toThrow(
      /division by zero/,
    )
  })
})

describe('Sale.phaseAt', () => {
  test('default', () => {
    const sale = { saleStart: 10, leadinLength: 5 }
    expect([9, 10, 14, 15].map((b) => Sale.phaseAt(sale, b))).toEqual([
      'interlude',
      'leadin',
      'leadin',
      'fixed',
    ])
  })
})

describe('Sale.priceAt (fast path)', () => {
  test('behavior: the double-precision lead-in fraction equals FixedU64.fromRational everywhere', async () => {
    const FixedU64 = await import('../fixed/FixedU64')
    const { leadinFactorAt } = await import('./PriceAdapter')
    const fc = (await import('fast-check')).default
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (leadin, f) => {
          const num = Math.floor(leadin * f)
          const expected = FixedU64.mulInt(
            leadinFactorAt(center, FixedU64.fromRational(BigInt(num), BigInt(leadin))),
            922_760_076n,
            U128_MAX,
          )
          expect(
            Sale.priceAt(
              { saleStart: 0, leadinLength: leadin, endPrice: 922_760_076n },
              num,
              center,
              U128_MAX,
            ),
          ).toBe(expected)
        },
      ),
      { numRuns: 20_000 },
    )
  })
})
