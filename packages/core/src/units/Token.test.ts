import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Token from './Token'

describe('Token.format', () => {
  test('default: exact, trailing zeros trimmed', () => {
    expect(Token.format(15_000_000_000n, Token.DOT)).toBe('1.5 DOT')
    expect(Token.format(10_000_000n, Token.DOT)).toBe('0.001 DOT')
    expect(Token.format(10_000_000n, Token.KSM)).toBe('0.00001 KSM')
    expect(Token.format(0n, Token.KSM)).toBe('0 KSM')
    expect(Token.format(1n, Token.DOT)).toBe('0.0000000001 DOT')
    expect(Token.format(32_457_280_000_000n, Token.DOT)).toBe('3245.728 DOT')
  })

  test('args: digits truncates, symbol off, negatives keep sign', () => {
    expect(Token.format(92_272_712_073n, Token.DOT, { digits: 4 })).toBe('9.2272 DOT')
    expect(Token.format(19_999_999_999n, Token.DOT, { digits: 2 })).toBe('1.99 DOT')
    expect(Token.format(20_000_000_000n, Token.DOT, { digits: 2 })).toBe('2.00 DOT')
    expect(Token.format(5n * 10n ** 12n, Token.KSM, { symbol: false })).toBe('5')
    expect(Token.format(-15_000_000_000n, Token.DOT)).toBe('-1.5 DOT')
  })
})

describe('Token.parse', () => {
  test('default: tokens with symbol, any case and spacing', () => {
    expect(Token.parse('1.5 DOT', Token.DOT)).toEqual({ ok: true, value: 15_000_000_000n })
    expect(Token.parse('1.5dot', Token.DOT)).toEqual({ ok: true, value: 15_000_000_000n })
    expect(Token.parse(' 0.001 DOT ', Token.DOT)).toEqual({ ok: true, value: 10_000_000n })
    expect(Token.parse('4 KSM', Token.KSM)).toEqual({ ok: true, value: 4_000_000_000_000n })
    expect(Token.parse('.5 KSM', Token.KSM)).toEqual({ ok: true, value: 500_000_000_000n })
    expect(Token.parse('0.000000000001 KSM', Token.KSM)).toEqual({ ok: true, value: 1n })
  })

  test('args: bare integers and "planck" are planck; underscores allowed', () => {
    expect(Token.parse('15000000000', Token.DOT)).toEqual({ ok: true, value: 15_000_000_000n })
    expect(Token.parse('15_000_000_000', Token.DOT)).toEqual({ ok: true, value: 15_000_000_000n })
    expect(Token.parse('7 planck', Token.KSM)).toEqual({ ok: true, value: 7n })
    expect(Token.parse('340282366920938463463374607431768211455', Token.DOT)).toEqual({
      ok: true,
      value: 2n ** 128n - 1n,
    })
  })

  test('error: negative', () => {
    const r = Token.parse('-1 DOT', Token.DOT)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('Negative')
      expect(r.error.message).toContain('non-negative')
    }
    expect(Token.parse('-5', Token.DOT)).toMatchObject({ ok: false, error: { code: 'Negative' } })
  })

  test('error: non-numeric', () => {
    for (const s of ['abc', '1e10', 'NaN', '1.2.3 DOT', '1 DOT DOT', '0x10'])
      expect(Token.parse(s, Token.DOT), s).toMatchObject({ ok: false, error: { code: 'NotANumber' } })
    expect(Token.parse('', Token.DOT)).toMatchObject({ ok: false, error: { code: 'Empty' } })
    expect(Token.parse('3 USD', Token.DOT)).toMatchObject({ ok: false, error: { code: 'NotANumber' } })
  })

  test('error: too many decimals for the token', () => {
    const r = Token.parse('0.00000000001 DOT', Token.DOT)
    expect(r).toMatchObject({ ok: false, error: { code: 'TooManyDecimals' } })
    if (!r.ok) expect(r.error.message).toBe('DOT has 10 decimals, "0.00000000001 DOT" has 11')
    // 12 decimals are fine for KSM, 13 are not
    expect(Token.parse('0.000000000001 KSM', Token.KSM).ok).toBe(true)
    expect(Token.parse('0.0000000000001 KSM', Token.KSM)).toMatchObject({ ok: false })
    expect(Token.parse('1.5 planck', Token.DOT)).toMatchObject({
      ok: false,
      error: { code: 'TooManyDecimals' },
    })
  })

  test('error: wrong network token, decimal without unit', () => {
    expect(Token.parse('1 KSM', Token.DOT)).toMatchObject({ ok: false, error: { code: 'WrongToken' } })
    expect(Token.parse('1.5', Token.DOT)).toMatchObject({ ok: false, error: { code: 'AmbiguousUnit' } })
  })

  test('behavior: format/parse round trip', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }),
        fc.constantFrom(Token.DOT, Token.KSM),
        (p, t) => {
          expect(Token.parse(Token.format(p, t), t)).toEqual({ ok: true, value: p })
        },
      ),
    )
  })
})

describe('Token.of', () => {
  test('default: network → token', () => {
    expect(Token.of('polkadot').decimals).toBe(10)
    expect(Token.of('kusama').decimals).toBe(12)
    expect(Token.fromTokens(100n, Token.of('polkadot'))).toBe(1_000_000_000_000n)
  })
})
