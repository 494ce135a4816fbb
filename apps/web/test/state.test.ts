import { Token } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { planckToChartNumber, tickLabel } from '../src/chartNumber'
import {
  BOUNDS,
  defaults,
  defaultsFor,
  MAX_AMOUNT,
  parseAmount,
  parseNumber,
  renewalsBound,
} from '../src/state'
import { decode, encode } from '../src/url'

describe('parseAmount', () => {
  test('default: tokens without a unit are read in the network token', () => {
    expect(parseAmount('1.5', 'polkadot')).toEqual({ ok: true, value: 15_000_000_000n })
  })
  test('error: another network’s symbol is refused with Token.parse’s code and a message', () => {
    const r = parseAmount('1 KSM', 'polkadot')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('WrongToken')
      expect(r.error.message).toMatch(/DOT/)
    }
  })
  test('error: above u128 planck (the chain’s largest balance) is refused, u128 itself taken', () => {
    expect(parseAmount('34028236692093846346337460743.1768211455', 'polkadot')).toEqual({
      ok: true,
      value: MAX_AMOUNT,
    })
    const r = parseAmount('34028236692093846346337460743.1768211456', 'polkadot')
    expect(r).toMatchObject({ ok: false, error: { code: 'TooLarge' } })
    if (!r.ok) expect(r.error.message).toMatch(/^expected at most .*u128/)
  })
})

describe('planckToChartNumber', () => {
  test('default: exact for amounts a float holds', () => {
    expect(planckToChartNumber(15_000_000_000n, Token.DOT.decimals)).toBe(1.5)
  })
  test('behavior: lossy (and only approximately right) beyond 2^53 planck', () => {
    const big = 2n ** 60n + 1n
    const n = planckToChartNumber(big, 10)
    expect(BigInt(Math.round(n * 1e10))).not.toBe(big)
    expect(Math.abs(n - Number(big) / 1e10)).toBeLessThan(1e-3)
  })
})

describe('parseNumber', () => {
  /** A refusal's code and message (the bound it names is the one passed in). */
  const refused = (r: ReturnType<typeof parseNumber>) =>
    r.ok ? r : { code: r.error.code, message: r.error.message }
  const whole = { min: 1, max: 60, step: 1 }
  const hundredths = { min: 0, max: 100, step: 0.01 }
  test('default: a value in range at the step', () => {
    expect(parseNumber('12', whole)).toEqual({ ok: true, value: 12 })
    expect(parseNumber(' 60 ', whole)).toEqual({ ok: true, value: 60 })
    expect(parseNumber('3.33', hundredths)).toEqual({ ok: true, value: 3.33 })
    expect(parseNumber('0', hundredths)).toEqual({ ok: true, value: 0 })
  })
  test('error: finer than the step (a link could not carry it back)', () => {
    expect(refused(parseNumber('2.5', whole))).toEqual({
      code: 'OutOfBounds',
      message: 'expected a whole number from 1 to 60, got 2.5',
    })
    expect(refused(parseNumber('3.333', hundredths))).toEqual({
      code: 'OutOfBounds',
      message: 'expected a number with at most 2 decimals from 0 to 100, got 3.333',
    })
  })
  test('error: out of range, empty or not a number', () => {
    expect(refused(parseNumber('130', whole))).toEqual({
      code: 'OutOfBounds',
      message: 'expected a whole number from 1 to 60, got 130',
    })
    expect(refused(parseNumber('0', whole))).toEqual({
      code: 'OutOfBounds',
      message: 'expected a whole number from 1 to 60, got 0',
    })
    expect(refused(parseNumber('', whole))).toEqual({
      code: 'Empty',
      message: 'expected a whole number from 1 to 60',
    })
    expect(refused(parseNumber('abc', { min: 1, max: 14_400, step: 1 }))).toEqual({
      code: 'NotANumber',
      message: 'expected a whole number from 1 to 14,400, got "abc"',
    })
  })
  test('behavior: every value it accepts survives the link', () => {
    const v = defaults()
    const bump = parseNumber('3.33', hundredths)
    const sales = parseNumber('7', whole)
    if (!bump.ok || !sales.ok) throw new Error('rejected')
    const back = decode(encode({ ...v, sales: sales.value, a: { ...v.a, bumpPct: bump.value } }))
    expect(back.issues).toEqual([])
    expect(back.state.a.bumpPct).toBe(3.33)
    expect(back.state.sales).toBe(7)
  })
})

describe('tickLabel', () => {
  test('default: up to 99,999 written out with separators and decimals kept', () => {
    expect(tickLabel(0)).toBe('0')
    expect(tickLabel(0.0025)).toBe('0.0025')
    expect(tickLabel(500)).toBe('500')
    expect(tickLabel(10_000)).toBe('10,000')
    expect(tickLabel(99_999)).toBe('99,999')
  })
  test('behavior: huge prices get short labels that fit the axis', () => {
    expect(tickLabel(100_000)).toBe('100K')
    expect(tickLabel(1_500_000)).toBe('1.5M')
    expect(tickLabel(1e11)).toBe('100B')
    expect(tickLabel(1e13)).toBe('10T')
    for (const v of [1e5, 1e8, 1e12, 1e14]) expect(tickLabel(v).length).toBeLessThanOrEqual(6)
  })
})

describe('BOUNDS', () => {
  test('default: the defaults are within every bound', () => {
    const v = defaults()
    expect(v.sales).toBeLessThanOrEqual(BOUNDS.sales.max)
    expect(v.a.leadin).toBeLessThanOrEqual(BOUNDS.leadin.max)
    expect(v.demand.renewals[0]).toBeLessThanOrEqual(BOUNDS.renewals.max)
  })
  test('behavior: renewals and renewers share the runtime’s 1,000 leased cores', () => {
    expect(renewalsBound(0).max).toBe(1000)
    expect(renewalsBound(300).max).toBe(700)
    expect(parseNumber('701', renewalsBound(300))).toMatchObject({
      ok: false,
      error: { code: 'OutOfBounds', message: 'expected a whole number from 0 to 700, got 701' },
    })
  })
  test('behavior: the default core price is not below the default end price', () => {
    for (const n of ['polkadot', 'kusama'] as const) {
      const v = defaultsFor(n)
      expect(v.userPaid).toBeGreaterThanOrEqual(v.a.startPrice)
      expect(v.userPaid).toBeGreaterThanOrEqual(v.a.minPrice)
    }
    expect(defaultsFor('kusama').userPaid).toBe(Token.fromTokens(5n, Token.KSM))
  })
})
