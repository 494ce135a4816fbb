import { describe, expect, test } from 'vitest'
import { U128_MAX } from '../fixed/rounding'
import {
  next as adaptPrice,
  initialSellout,
  leadinFactorAt,
  leadinFactorAtNumber,
  linearMultiplier,
  startMultiplier,
} from './PriceAdapter'

const perf = (selloutPrice: bigint | null, endPrice = 1n) => ({
  selloutPrice,
  endPrice,
  idealCoresSold: 0,
  coresOffered: 0,
  coresSold: 0,
})
const E9 = 1_000_000_000n

describe('PriceAdapter.leadinFactorAt', () => {
  test('behavior: CenterTargetPrice 100 → 55 → 10 → 5.5 → 1', () => {
    const f = (w: bigint) => leadinFactorAt({ kind: 'CenterTargetPrice' }, w)
    expect([0n, E9 / 4n, E9 / 2n, (3n * E9) / 4n, E9].map(f)).toEqual([
      100n * E9,
      55n * E9,
      10n * E9,
      5_500_000_000n,
      E9,
    ])
  })
})

describe('PriceAdapter.leadinFactorAtNumber', () => {
  const kinds = [
    { kind: 'CenterTargetPrice' },
    { kind: 'MinimumPrice', minimumEndPrice: 1n },
    { kind: 'MinimumPriceWithFixedTargetPrice', minimumEndPrice: 1n, fixedTargetPrice: 2n },
    { kind: 'Linear' },
    { kind: 'Fixed' },
  ] as const
  test('behavior: equals the bigint factor for every adapter, at the bends and anywhere in [0, 1]', async () => {
    const fc = (await import('fast-check')).default
    for (const k of kinds)
      for (const w of [0, 1, 499_999_999, 500_000_000, 500_000_001, 999_999_999, 1_000_000_000])
        expect(BigInt(leadinFactorAtNumber(k, w))).toBe(leadinFactorAt(k, BigInt(w)))
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.integer({ min: 0, max: 1_000_000_000 }), (k, w) => {
        expect(BigInt(leadinFactorAtNumber(k, w))).toBe(leadinFactorAt(k, BigInt(w)))
      }),
      { numRuns: 5_000 },
    )
  })
  test('error: a different factor is told apart (the check is not vacuous)', () => {
    expect(BigInt(leadinFactorAtNumber({ kind: 'Linear' }, 1))).not.toBe(
      leadinFactorAt({ kind: 'CenterTargetPrice' }, 1n),
    )
  })
})

describe('PriceAdapter.next', () => {
  test('behavior: CenterTargetPrice without a sellout keeps the end price, target 10×', () => {
    expect(adaptPrice({ kind: 'CenterTargetPrice' }, perf(null, 7n), U128_MAX)).toEqual({
      endPrice: 7n,
      targetPrice: 70n,
    })
  })
  test('behavior: CenterTargetPrice end = floor(sellout / 10), or the sellout when that is 0', () => {
    expect(adaptPrice({ kind: 'CenterTargetPrice' }, perf(1009n), U128_MAX)).toEqual({
      endPrice: 100n,
      targetPrice: 1009n,
    })
    expect(adaptPrice({ kind: 'CenterTargetPrice' }, perf(9n), U128_MAX)).toEqual({
      endPrice: 9n,
      targetPrice: 9n,
    })
  })
  test('behavior: MinimumPrice examples of spec §7', () => {
    const a = { kind: 'MinimumPrice', minimumEndPrice: 100_000_000_000n } as const
    expect(adaptPrice(a, perf(5_000_000_000_000n), U128_MAX)).toEqual({
      endPrice: 500_000_000_000n,
      targetPrice: 5_000_000_000_000n,
    })
    expect(adaptPrice(a, perf(500_000_000_000n), U128_MAX)).toEqual({
      endPrice: 100_000_000_000n,
      targetPrice: 500_000_000_000n,
    })
    expect(adaptPrice(a, perf(null, 100_000_000_000n), U128_MAX)).toEqual({
      endPrice: 100_000_000_000n,
      targetPrice: 1_000_000_000_000n,
    })
    expect(adaptPrice(a, perf(1n), U128_MAX)).toEqual({
      endPrice: 100_000_000_000n,
      targetPrice: 100_000_000_000n,
    })
  })
  test('behavior: Fixed keeps the sellout (or end) price', () => {
    expect(adaptPrice({ kind: 'Fixed' }, perf(42n, 7n), U128_MAX)).toEqual({
      endPrice: 42n,
      targetPrice: 42n,
    })
    expect(adaptPrice({ kind: 'Fixed' }, perf(null, 7n), U128_MAX)).toEqual({ endPrice: 7n, targetPrice: 7n })
  })
  test('behavior: Linear (RFC-1) multiplies the sellout price when the ideal count sold, else the old price', () => {
    const linear = { kind: 'Linear' } as const
    const sale = (selloutPrice: bigint | null, coresSold: number) => ({
      selloutPrice,
      endPrice: 1000n,
      idealCoresSold: 10,
      coresOffered: 20,
      coresSold,
    })
    // 15 of 20 sold, 10 ideal: ×1.5 on the sellout price
    expect(adaptPrice(linear, sale(2000n, 15), U128_MAX)).toEqual({ endPrice: 3000n, targetPrice: 3000n })
    // 5 sold: ×0.75 on the old price
    expect(adaptPrice(linear, sale(2000n, 5), U128_MAX)).toEqual({ endPrice: 750n, targetPrice: 750n })
    // nothing offered: unchanged
    expect(adaptPrice(linear, { ...sale(null, 0), coresOffered: 0 }, U128_MAX)).toEqual({
      endPrice: 1000n,
      targetPrice: 1000n,
    })
  })
  test('error: Linear with the ideal count sold but no sellout price keeps the old price', () => {
    const perfNone = { selloutPrice: null, endPrice: 1000n, idealCoresSold: 0, coresOffered: 5, coresSold: 0 }
    expect(adaptPrice({ kind: 'Linear' }, perfNone, U128_MAX)).toEqual({
      endPrice: 1000n,
      targetPrice: 1000n,
    })
  })
})

describe('PriceAdapter.initialSellout', () => {
  test('default: E3+ adapters pre-set the sellout to the end price when cores are offered', () => {
    expect(initialSellout({ kind: 'CenterTargetPrice' }, 7n, 1)).toBe(7n)
    expect(initialSellout({ kind: 'MinimumPrice', minimumEndPrice: 1n }, 7n, 3)).toBe(7n)
    expect(initialSellout({ kind: 'Fixed' }, 7n, 1)).toBe(7n)
  })
  test('error: none for Linear (RFC-1 era) or when nothing is offered', () => {
    expect(initialSellout({ kind: 'Linear' }, 7n, 1)).toBeNull()
    expect(initialSellout({ kind: 'CenterTargetPrice' }, 7n, 0)).toBeNull()
  })
})

describe('PriceAdapter.leadinFactorAt at the end of the lead-in', () => {
  test('behavior: exactly 1 for every adapter (Sale.priceAt returns the end price there without multiplying)', () => {
    const kinds = [
      { kind: 'CenterTargetPrice' },
      { kind: 'MinimumPrice', minimumEndPrice: 5n },
      { kind: 'Linear' },
      { kind: 'Fixed' },
    ] as const
    for (const k of kinds) expect(leadinFactorAt(k, E9)).toBe(E9)
  })
  test('behavior: at the start it is startMultiplier whole end prices, for every adapter', () => {
    const kinds = [
      { kind: 'CenterTargetPrice' },
      { kind: 'MinimumPrice', minimumEndPrice: 5n },
      { kind: 'MinimumPriceWithFixedTargetPrice', minimumEndPrice: 5n, fixedTargetPrice: 7n },
      { kind: 'Linear' },
      { kind: 'Fixed' },
    ] as const
    for (const k of kinds) expect(leadinFactorAt(k, 0n)).toBe(startMultiplier(k) * E9)
  })
})

describe('PriceAdapter.linearMultiplier', () => {
  test('behavior: [½, 1] up to the target, (1, 2] above it (E2)', () => {
    expect(linearMultiplier(0, 10, 20)).toBe(E9 / 2n)
    expect(linearMultiplier(10, 10, 20)).toBe(E9)
    expect(linearMultiplier(15, 10, 20)).toBe((3n * E9) / 2n)
    expect(linearMultiplier(20, 10, 20)).toBe(2n * E9)
  })
})

describe('PriceAdapter MinimumPriceWithFixedTargetPrice (Paseo)', () => {
  const paseo = {
    kind: 'MinimumPriceWithFixedTargetPrice',
    minimumEndPrice: 500n,
    fixedTargetPrice: 750n,
  } as const
  test('default: the next sale ends at the minimum and renewals target the fixed price, whatever sold', () => {
    const max = 2n ** 128n - 1n
    const perf = { selloutPrice: 10_000n, endPrice: 900n, idealCoresSold: 1, coresOffered: 2, coresSold: 2 }
    expect(adaptPrice(paseo, perf, max)).toEqual({ endPrice: 500n, targetPrice: 750n })
    expect(adaptPrice(paseo, { ...perf, selloutPrice: null, coresSold: 0 }, max)).toEqual({
      endPrice: 500n,
      targetPrice: 750n,
    })
  })
  test('behavior: the lead-in is CenterTargetPrice’s (100 → 10 at ½ → 1)', () => {
    for (const w of [0n, 250_000_000n, 500_000_000n, 750_000_000n, 1_000_000_000n])
      expect(leadinFactorAt(paseo, w)).toBe(leadinFactorAt({ kind: 'CenterTargetPrice' }, w))
    expect(leadinFactorAt(paseo, 0n)).toBe(100_000_000_000n)
  })
})
