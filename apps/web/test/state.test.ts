import { Token } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { planckToChartNumber, tickLabel } from '../src/chartNumber'
import {
  agentDefaults,
  defaults,
  fromQuery,
  LINK_RANGE,
  parseAmount,
  parseNumber,
  toQuery,
} from '../src/state'

describe('state URL', () => {
  test('default: an empty query gives the Polkadot defaults', () => {
    const r = fromQuery('')
    expect(r.ok).toBe(true)
    expect(r.state).toEqual(defaults())
  })

  test('behavior: the whole view round-trips through the query string', () => {
    const v = defaults()
    const changed = {
      ...v,
      sales: 5,
      userPaid: 123_456_789_012n,
      a: { ...v.a, adapter: 'Linear' as const, leadin: 1234, bumpPct: 2.5, idealPct: 60 },
      b: { ...v.a, adapter: 'CenterTargetPrice' as const, coreLimit: 7 },
      demand: {
        mode: 'perSale' as const,
        renewals: [1, 2, 3, 4, 5],
        purchases: [5, 4, 3, 2, 1],
        buyAtPct: 80,
      },
      mc: { runs: 40, seed: 9 },
    }
    const back = fromQuery(`?${toQuery(changed)}`)
    expect(back.ok).toBe(true)
    // the minimum price is not written for adapters that do not use it
    expect(back.state).toEqual({ ...changed, a: { ...changed.a, minPrice: v.a.minPrice } })
  })

  test.each([
    ['leadin=abc', 'leadin'],
    ['ideal=101', 'ideal'],
    ['price=-5', 'price'],
    ['bump=1.234', 'bump'],
    ['nonsense=1', 'nonsense'],
    ['demand=perSale&sales=3&ren=1,2&buy=1,2,3', 'ren/buy'],
    ['b.limit=0', 'b.limit'],
  ])('error: %s falls back to the defaults and names %s', (query, field) => {
    const r = fromQuery(query)
    expect(r.ok).toBe(false)
    expect(r.state).toEqual(defaults())
    if (!r.ok) expect(r.message).toContain(field)
  })

  test.each([
    ['leadin=abc', 'leadin: a whole number from 1 to 10,000,000'],
    ['sales=130', 'sales: a whole number from 1 to 60'],
    ['sales=2.5', 'sales: a whole number from 1 to 60'],
    ['b.leadin=x&b.adapter=Linear', 'b.leadin: a whole number from 1 to 10,000,000'],
    ['bump=1.234', 'bump: a number from 0 to 100 with at most two decimals'],
    ['ideal=101', 'ideal: a number from 0 to 100 with at most two decimals'],
    ['markup=0.5', 'markup: a number from 1 to 10'],
    ['vsig=x', 'vsig: a number from 0 to 3'],
  ])('error: %s says in plain words what was expected', (query, message) => {
    const r = fromQuery(query)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.message).toBe(`This link could not be read (${message}); showing the Polkadot defaults.`)
  })

  test('args: kusama amounts are read in KSM (12 decimals)', () => {
    const r = fromQuery('net=kusama&price=2.5')
    expect(r.ok).toBe(true)
    expect(r.state.a.startPrice).toBe(2_500_000_000_000n)
  })
})

describe('state URL: agents', () => {
  const v = defaults()
  const agents = {
    renewers: 12,
    renewMax: 1_234_500_000_000n,
    forgetPct: 2.5,
    buyers: 6,
    valuation: {
      dist: 'uniform' as const,
      median: 800_000_000_000n,
      min: 150_000_000_000n,
      max: 2_500_000_000_000n,
      sigma: 1.25,
    },
    timing: 'fraction' as const,
    timingPct: 30,
    speculators: 3,
    specMax: 700_000_000_000n,
    markup: 2.25,
    largeOn: true,
    largeBelow: 250_000_000_000n,
  }

  test('default: agents are off and write nothing to the link', () => {
    expect(defaults().agents).toEqual(agentDefaults('polkadot'))
    expect(toQuery(v)).not.toMatch(/renewers|buyers|specs|large|val=|rmax/)
  })

  test('behavior: every agent input round-trips through the query string', () => {
    const changed = { ...v, agents }
    const q = toQuery(changed)
    expect(q).toContain('buyers=6')
    expect(q).toContain('vmin=15')
    const back = fromQuery(q)
    expect(back.ok).toBe(true)
    expect(back.state).toEqual(changed)
  })

  test('args: agent amounts are read in the network token (KSM defaults a tenth of DOT’s)', () => {
    const r = fromQuery('net=kusama&buyers=4&vmed=2.5&large=1')
    expect(r.ok).toBe(true)
    expect(r.state.agents.buyers).toBe(4)
    expect(r.state.agents.valuation.median).toBe(2_500_000_000_000n)
    expect(r.state.agents.largeOn).toBe(true)
    expect(r.state.agents.largeBelow).toBe(3_000_000_000_000n) // 3 KSM (30 DOT on Polkadot)
  })

  test.each([
    ['buyers=many', 'buyers'],
    ['renewers=501', 'renewers'],
    ['forget=101', 'forget'],
    ['forget=1.234', 'forget'],
    ['val=normal', 'val'],
    ['vsig=4', 'vsig'],
    ['vmin=50&vmax=20', 'vmax'],
    ['rmax=-5', 'rmax'],
    ['smax=ten', 'smax'],
    ['markup=0.5', 'markup'],
    ['timing=early', 'timing'],
    ['tat=150', 'tat'],
    ['large=yes', 'large'],
    ['lbelow=1 KSM', 'lbelow'],
  ])('error: %s falls back to the defaults and names %s', (query, field) => {
    const r = fromQuery(query)
    expect(r.ok).toBe(false)
    expect(r.state).toEqual(defaults())
    if (!r.ok) expect(r.message).toContain(field)
  })
})

describe('parseAmount', () => {
  test('default: tokens without a unit are read in the network token', () => {
    expect(parseAmount('1.5', 'polkadot')).toBe(15_000_000_000n)
  })
  test('error: another network’s symbol is refused with a message', () => {
    expect(typeof parseAmount('1 KSM', 'polkadot')).toBe('string')
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
  const whole = { min: 1, max: 60, step: 1 }
  const hundredths = { min: 0, max: 100, step: 0.01 }
  test('default: a value in range at the step', () => {
    expect(parseNumber('12', whole)).toBe(12)
    expect(parseNumber(' 60 ', whole)).toBe(60)
    expect(parseNumber('3.33', hundredths)).toBe(3.33)
    expect(parseNumber('0', hundredths)).toBe(0)
  })
  test('error: finer than the step (a link could not carry it back)', () => {
    expect(parseNumber('2.5', whole)).toBe('expected a whole number from 1 to 60, got 2.5')
    expect(parseNumber('3.333', hundredths)).toBe(
      'expected a number with at most 2 decimals from 0 to 100, got 3.333',
    )
  })
  test('error: out of range, empty or not a number', () => {
    expect(parseNumber('130', whole)).toBe('expected a whole number from 1 to 60, got 130')
    expect(parseNumber('0', whole)).toBe('expected a whole number from 1 to 60, got 0')
    expect(parseNumber('', whole)).toBe('expected a whole number from 1 to 60')
    expect(parseNumber('abc', { min: 1, max: 14_400, step: 1 })).toBe(
      'expected a whole number from 1 to 14,400, got "abc"',
    )
  })
  test('behavior: every value it accepts survives the link', () => {
    const v = defaults()
    const bump = parseNumber('3.33', hundredths)
    const sales = parseNumber('7', whole)
    if (typeof bump === 'string' || typeof sales === 'string') throw new Error('rejected')
    const back = fromQuery(toQuery({ ...v, sales, a: { ...v.a, bumpPct: bump } }))
    expect(back.ok).toBe(true)
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

describe('LINK_RANGE', () => {
  // the box beside a slider takes LINK_RANGE: what a link accepts, the box accepts, and no more
  const fields = [
    ['interlude', 'interlude'],
    ['leadin', 'leadin'],
    ['region', 'region'],
    ['limit', 'limit'],
    ['renewers', 'renewers'],
    ['buyers', 'buyers'],
    ['specs', 'specs'],
    ['runs', 'runs'],
    ['seed', 'seed'],
  ] as const
  test('behavior: the link and the box accept the same range', () => {
    for (const [key, range] of fields) {
      const r = LINK_RANGE[range]
      for (const v of [r.min, r.max]) {
        expect(fromQuery(`${key}=${v}`).ok, `${key}=${v}`).toBe(true)
        expect(parseNumber(String(v), { ...r, step: 1 })).toBe(v)
      }
    }
    expect(fromQuery(`ren=${LINK_RANGE.count.max}`).ok).toBe(true)
  })
  test('error: one past the range is refused by both, naming the field', () => {
    for (const [key, range] of fields) {
      const r = LINK_RANGE[range]
      const bad = fromQuery(`${key}=${r.max + 1}`)
      expect(bad.ok).toBe(false)
      if (!bad.ok) expect(bad.message).toContain(`(${key}:`)
      expect(typeof parseNumber(String(r.max + 1), { ...r, step: 1 })).toBe('string')
    }
    expect(fromQuery(`ren=${LINK_RANGE.count.max + 1}`).ok).toBe(false)
  })
})
