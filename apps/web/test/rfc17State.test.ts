import { describe, expect, test } from 'vitest'
import { rfc17Compare } from '../src/rfc17/model'
import { rfc17Defaults } from '../src/rfc17/state'
import { defaults } from '../src/state'
import { decode, encode } from '../src/url'

describe('B = RFC-17 market: link and model', () => {
  test('default: off, and the RFC’s values with sale 1’s reserve at the starting price when on', () => {
    expect(defaults().rfc17).toBeNull()
    expect(decode('').state.rfc17).toBeNull()
    const v = defaults()
    expect(rfc17Defaults(v.a.startPrice)).toEqual({
      reserve: v.a.startPrice,
      penaltyPct: 30,
      k: 2,
      targetPct: 90,
      levelHours: 6,
    })
  })

  test('behavior: a link round-trips the choice and its parameters', () => {
    const v = defaults()
    const s = { ...v, rfc17: { ...rfc17Defaults(v.a.startPrice), penaltyPct: 12.5, levelHours: 12 } }
    const q = encode(s)
    expect(q).toContain('r17=1')
    const back = decode(q)
    expect(back.issues).toEqual([])
    expect(back.state).toEqual(s)
    expect(encode(back.state)).toBe(q)
  })

  test('behavior: the comparison is @coretime/sim’s, with the view’s demand and seed', () => {
    const v = defaults()
    const o = rfc17Compare(v, rfc17Defaults(v.a.startPrice))
    if (!o.ok) throw new Error(o.message)
    expect(o.comparison.sales).toHaveLength(v.sales)
    // sale 1's reserve is the view's starting price; the opening is max(150 DOT, 3 × reserve)
    expect(o.comparison.sales[0]?.rfc17.reservePrice).toBe(v.a.startPrice)
    expect(o.comparison.sales[0]?.rfc17.openingPrice).toBe(1_500_000_000_000n)
  })

  test('error: a bad value falls back with a notice; a value the market refuses names its field', () => {
    const d = decode('r17=1&r17.k=lots&r17.level=0')
    expect(d.issues.map((i) => i.field)).toEqual(['r17.k', 'r17.level'])
    expect(d.state.rfc17).toMatchObject({ k: 2, levelHours: 6 })
    const v = defaults()
    const o = rfc17Compare(v, { ...rfc17Defaults(v.a.startPrice), levelHours: 5 })
    expect(o).toEqual({
      ok: false,
      message: 'market.levelHours: expected a divisor of marketHours (336), got 5',
    })
    // a second parameter set B and RFC-17 are one or the other: B wins in a link
    expect(decode('r17=1&b.adapter=Linear').state.rfc17).toBeNull()
  })
})
