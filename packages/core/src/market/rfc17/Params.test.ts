import { describe, expect, test } from 'vitest'
import * as Clock from './Clock'
import * as Params from './Params'
import * as Reserve from './Reserve'

const DOT = 10n ** 10n

describe('Params.make', () => {
  test('default: the RFC’s recommended values', () => {
    const r = Params.make(DOT)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.params).toMatchObject({
      priceMultiplier: 3_000_000_000n,
      minOpeningPrice: 150n * DOT,
      penalty: 300_000_000n,
      targetConsumption: 900_000_000n,
      k: 2_000_000_000n,
      pMin: DOT,
      minIncrement: 100n * DOT,
      marketHours: 336,
      levelHours: 6,
    })
    expect(Params.levels(r.params)).toBe(56)
  })

  test.each([
    [{ priceMultiplier: 500_000_000n }, 'priceMultiplier', /1 ≤ multiplier/],
    [{ penalty: -1n }, 'penalty', /0 ≤ penalty/],
    [{ targetConsumption: 0n }, 'targetConsumption', /0 < target ≤ 1/],
    [{ targetConsumption: 1_000_000_001n }, 'targetConsumption', /0 < target ≤ 1/],
    [{ k: -1n }, 'k', /0 ≤ K ≤ 100/],
    [{ k: 101n * Params.ONE }, 'k', /0 ≤ K ≤ 100/],
    [{ pMin: 0n }, 'pMin', /at least 1 planck/],
    [{ minIncrement: -5n }, 'minIncrement', /non-negative/],
    [{ minOpeningPrice: -5n }, 'minOpeningPrice', /non-negative/],
    [{ levelHours: 5 }, 'levelHours', /divisor of marketHours \(336\)/],
    [{ levelHours: 0 }, 'levelHours', /at least 1 hour/],
    [{ marketHours: 6 }, 'marketHours', /two price levels/],
    [{ marketHours: 1.5 }, 'marketHours', /whole number of hours/],
    [{ clearingRule: 'median' as 'lastUnitBid' }, 'clearingRule', /"lastUnitBid" or "clockLevel"/],
    [{ penaltyTrigger: 'x' as 'units' }, 'penaltyTrigger', /"entities" or "units"/],
    [{ tieBreak: 'x' as 'random' }, 'tieBreak', /"random" or "firstCome"/],
  ])('error: %o is refused with the field named', (o, field, message) => {
    const r = Params.make(DOT, o)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.field).toBe(field)
    expect(r.error.message).toMatch(new RegExp(`^${field}: `))
    expect(r.error.message).toMatch(message)
  })
})

const P = (() => {
  const r = Params.make(DOT)
  if (!r.ok) throw new Error(r.error.message)
  return r.params
})()

describe('Clock', () => {
  test('default: opens at max(150 DOT, 3 × reserve) and reaches the reserve at the last level', () => {
    expect(Clock.openingPrice(P, 10n * DOT)).toBe(150n * DOT) // MIN_OPENING_PRICE wins
    expect(Clock.openingPrice(P, 100n * DOT)).toBe(300n * DOT)
    expect(Clock.priceAt(P, 100n * DOT, 0)).toBe(300n * DOT)
    expect(Clock.priceAt(P, 100n * DOT, 55)).toBe(100n * DOT)
    expect(Clock.priceAt(P, 100n * DOT, 99)).toBe(100n * DOT) // clamped
  })

  test('behavior: discrete levels descend monotonically; levelOf finds the first level at or below', () => {
    let last = Clock.priceAt(P, 100n * DOT, 0)
    for (let i = 1; i < 56; i++) {
      const c = Clock.priceAt(P, 100n * DOT, i)
      expect(c < last).toBe(true)
      last = c
    }
    expect(Clock.levelOf(P, 100n * DOT, 200n * DOT)).toBe(28) // 300 − 200·28/55 = 198.18 ≤ 200 < 201.8
    expect(Clock.levelOf(P, 100n * DOT, 99n * DOT)).toBe(null)
    expect(Clock.levelOf(P, 100n * DOT, 1000n * DOT)).toBe(0)
  })
})

describe('Reserve.next', () => {
  test('default: unchanged at the target consumption', () => {
    const n = Reserve.next(P, 100n * DOT, 9, 10)
    expect(n.reserve).toBe(100n * DOT)
    expect(n.rule).toBe('exp')
  })

  test('behavior: floored at P_MIN', () => {
    // 1.5 DOT · e^(2·(0 − 0.9)) = 0.248 DOT → P_MIN = 1 DOT
    const n = Reserve.next(P, 15_000_000_000n, 0, 10)
    expect(n.rule).toBe('floor')
    expect(n.reserve).toBe(DOT)
  })

  test('behavior: a rise above MIN_INCREMENT at 100% keeps the exponential', () => {
    // 1000 DOT · e^0.2 = 1221.40 DOT: +221 DOT > +100 DOT
    const n = Reserve.next(P, 1000n * DOT, 10, 10)
    expect(n.rule).toBe('exp')
    expect(n.reserve).toBe(12_214_027_581_601n)
  })

  test('behavior: no cores offered keeps the reserve', () => {
    expect(Reserve.next(P, 7n * DOT, 0, 0)).toMatchObject({ reserve: 7n * DOT, rule: 'noSupply' })
  })
})
