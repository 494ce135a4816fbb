import { Networks } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { agentDefaults, BOUNDS, defaults, defaultsFor } from '../src/state'
import { decode, encode, issuesMessage } from '../src/url'

describe('url.decode', () => {
  test('default: an empty query gives the Polkadot defaults and no issues', () => {
    expect(decode('')).toEqual({ state: defaults(), issues: [], foreign: [] })
    expect(decode('?')).toEqual({ state: defaults(), issues: [], foreign: [] })
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
      log: false,
    }
    const back = decode(`?${encode(changed)}`)
    expect(back.issues).toEqual([])
    // the minimum price is not written for adapters that do not use it
    expect(back.state).toEqual({ ...changed, a: { ...changed.a, minPrice: v.a.minPrice } })
  })

  test('behavior: the log-scale choice is in the link, written only when off', () => {
    expect(encode(defaults())).not.toContain('log=')
    expect(encode({ ...defaults(), log: false })).toContain('log=0')
    expect(decode('log=0').state.log).toBe(false)
    expect(decode('log=1').state.log).toBe(true)
  })

  test('behavior: unknown parameters (what chat apps append) are ignored, kept aside, and carried back', () => {
    const r = decode('net=kusama&price=2.5&utm_source=chat&fbclid=Iw0AR3x&leadin=7200')
    expect(r.issues).toEqual([])
    expect(r.state.network).toBe('kusama')
    expect(r.state.a.startPrice).toBe(2_500_000_000_000n)
    expect(r.state.a.leadin).toBe(7200)
    expect(r.foreign).toEqual([
      ['utm_source', 'chat'],
      ['fbclid', 'Iw0AR3x'],
    ])
    expect(encode(r.state, r.foreign)).toMatch(/&utm_source=chat&fbclid=Iw0AR3x$/)
  })

  test('behavior: a bad setting falls back alone; the valid ones are kept', () => {
    const r = decode('net=kusama&leadin=abc&bump=7&renewers=3&sales=130')
    expect(r.state.network).toBe('kusama')
    expect(r.state.a.bumpPct).toBe(7)
    expect(r.state.agents.renewers).toBe(3)
    expect(r.state.a.leadin).toBe(defaultsFor('kusama').a.leadin)
    expect(r.state.sales).toBe(defaults().sales)
    expect(r.issues.map((i) => i.field)).toEqual(['leadin', 'sales'])
  })

  test.each([
    ['leadin=abc', 'NotANumber', 'leadin', 'expected a whole number from 1 to 10,000,000, got "abc"'],
    ['sales=130', 'OutOfBounds', 'sales', 'expected a whole number from 1 to 60, got "130"'],
    ['sales=2.5', 'OutOfBounds', 'sales', 'expected a whole number from 1 to 60, got "2.5"'],
    [
      'b.leadin=x&b.adapter=Linear',
      'NotANumber',
      'b.leadin',
      'expected a whole number from 1 to 10,000,000, got "x"',
    ],
    [
      'bump=1.234',
      'OutOfBounds',
      'bump',
      'expected a number with at most 2 decimals from 0 to 100, got "1.234"',
    ],
    [
      'ideal=101',
      'OutOfBounds',
      'ideal',
      'expected a number with at most 2 decimals from 0 to 100, got "101"',
    ],
    [
      'markup=0.5',
      'OutOfBounds',
      'markup',
      'expected a number with at most 2 decimals from 1 to 10, got "0.5"',
    ],
    ['net=westend', 'NotOneOf', 'net', `expected one of ${Networks.names.join(', ')}, got "westend"`],
    [
      'adapter=Cheap',
      'NotOneOf',
      'adapter',
      'expected one of MinimumPrice, CenterTargetPrice, Linear, got "Cheap"',
    ],
    ['start=2026-13-01', 'InvalidDate', 'start', 'expected a date such as 2026-12-01, got "2026-13-01"'],
    [
      'ren=1001',
      'OutOfBounds',
      'ren',
      'expected comma-separated whole numbers from 0 to 1,000, one per sale, got "1001"',
    ],
    [
      'ren=9999',
      'OutOfBounds',
      'ren',
      'expected comma-separated whole numbers from 0 to 1,000, one per sale, got "9999"',
    ],
    [
      'buy=1001',
      'OutOfBounds',
      'buy',
      'expected comma-separated whole numbers from 0 to 1,000, one per sale, got "1001"',
    ],
    [
      'demand=perSale&sales=3&ren=1,2&buy=1,2,3',
      'CountMismatch',
      'ren',
      'expected one number per sale (3), got 2',
    ],
    ['vmin=50&vmax=20', 'MinAboveMax', 'vmax', 'expected a highest worth at least the lowest (vmin)'],
  ])('error: %s is %s, names %s and says in plain words what was expected', (query, code, field, message) => {
    const r = decode(query)
    expect(r.issues).toEqual([{ code, field, message }])
    expect(issuesMessage(r.issues)).toBe(
      `One setting in this link could not be used and shows its default (${field}: ${message}); the rest of the link is as shared.`,
    )
  })

  test('error: an amount above u128 planck falls back, naming the field', () => {
    const r = decode('price=340282366920938463463374607431768211456')
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([['TooLarge', 'price']])
    expect(r.state.a.startPrice).toBe(defaults().a.startPrice)
  })

  test('behavior: renewals and renewers together stay within the runtime’s 1,000 leased cores', () => {
    expect(decode('ren=700&renewers=300').issues).toEqual([])
    const r = decode('ren=701&renewers=300')
    expect(r.issues.map((i) => i.field)).toEqual(['ren'])
    expect(r.state.demand.renewals).toEqual(defaults().demand.renewals)
  })

  test('behavior: every bound’s ends are taken, one past them refused', () => {
    const keys = {
      interlude: BOUNDS.interlude,
      leadin: BOUNDS.leadin,
      region: BOUNDS.region,
      limit: BOUNDS.limit,
      renewers: BOUNDS.renewers,
      buyers: BOUNDS.buyers,
      specs: BOUNDS.specs,
      runs: BOUNDS.runs,
      seed: BOUNDS.seed,
      bpd: BOUNDS.bpd,
    }
    for (const [key, b] of Object.entries(keys)) {
      for (const v of [b.min, b.max]) expect(decode(`${key}=${v}`).issues, `${key}=${v}`).toEqual([])
      expect(decode(`${key}=${b.max + 1}`).issues.map((i) => i.field)).toEqual([key])
    }
  })

  test('args: kusama amounts are read in KSM (12 decimals); agent defaults a tenth of DOT’s', () => {
    const r = decode('net=kusama&buyers=4&vmed=2.5&large=1')
    expect(r.issues).toEqual([])
    expect(r.state.agents.buyers).toBe(4)
    expect(r.state.agents.valuation.median).toBe(2_500_000_000_000n)
    expect(r.state.agents.largeBelow).toBe(agentDefaults('kusama').largeBelow)
  })

  test('behavior: never throws, whatever the query', () => {
    for (const q of [
      '%',
      '&&&',
      '=x',
      'b.=1',
      'ren=',
      'price=1e999',
      `sales=${'9'.repeat(400)}`,
      'start=',
      'net=',
    ])
      expect(() => decode(q)).not.toThrow()
  })
})

describe('url.encode: agents', () => {
  test('default: agents are off and write nothing to the link', () => {
    expect(encode(defaults())).not.toMatch(/renewers|buyers|specs|large|val=|rmax/)
  })

  test('behavior: every agent input round-trips through the query string', () => {
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
    const back = decode(encode({ ...v, agents }))
    expect(back.issues).toEqual([])
    expect(back.state).toEqual({ ...v, agents })
  })
})
