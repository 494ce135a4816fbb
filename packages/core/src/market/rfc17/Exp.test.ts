import { describe, expect, test } from 'vitest'
import { InvariantError } from '../../errors/BaseError'
import * as Exp from './Exp'

describe('Exp.expScaled', () => {
  test('default: e^0 = 1 exactly', () => {
    expect(Exp.expScaled(0n, 1n)).toBe(Exp.SCALE)
  })

  test('behavior: known digits of e, e^-0.8 and e^0.2', () => {
    // e = 2.7182818284590452353602874713526624977572…
    expect(Exp.expScaled(1n, 1n) / 10n ** 4n).toBe(2718281828459045235360287471352662497n)
    // e^-0.8 = 0.44932896411722159143010238501556279593…
    expect(Exp.expScaled(-8n, 10n) / 10n ** 4n).toBe(449328964117221591430102385015562795n)
    // e^0.2 = 1.2214027581601698339210719946396741703075…
    expect(Exp.expScaled(2n, 10n) / 10n ** 4n).toBe(1221402758160169833921071994639674170n)
  })

  test('behavior: e^a · e^-a ≈ 1 and monotone', () => {
    for (const a of [1n, 7n, 25n, 300n]) {
      const p = Exp.expScaled(a, 10n)
      const q = Exp.expScaled(-a, 10n)
      const one = (p * q) / Exp.SCALE
      // q's absolute error (< 1 unit) is magnified by p
      const tolerance = 10n + p / Exp.SCALE
      expect(one >= Exp.SCALE - tolerance && one <= Exp.SCALE).toBe(true)
      expect(Exp.expScaled(a + 1n, 10n) > p).toBe(true)
    }
  })

  test('error: zero denominator and out-of-range exponents are refused', () => {
    expect(() => Exp.expScaled(1n, 0n)).toThrow(/den/)
    expect(() => Exp.expScaled(1n, 0n)).toThrow(InvariantError)
    expect(() => Exp.expScaled(4097n, 1n)).toThrow(/4096/)
  })
})

describe('Exp.mulExp', () => {
  test('default: 100 DOT · e^-0.8 in planck (10 decimals), floored', () => {
    // 100 · 0.449328964117221591430… = 44.9328964117221591430… DOT
    expect(Exp.mulExp(100n * 10n ** 10n, -8n, 10n)).toBe(449328964117n)
  })

  test('behavior: floorDiv floors for negative numerators', () => {
    expect(Exp.floorDiv(-7n, 2n)).toBe(-4n)
    expect(Exp.floorDiv(7n, 2n)).toBe(3n)
    expect(Exp.floorDiv(-6n, 2n)).toBe(-3n)
  })
})
