import { describe, expect, test } from 'vitest'
import * as FixedU128 from '../fixed/FixedU128'
import * as Perbill from '../fixed/Perbill'
import * as Market from './Market'
import * as Params from './Params'

const DOT = 10_000_000_000n
const params = Params.sdkDefaults('polkadot')
const fresh = (balances: Record<string, bigint> = { alice: 100n * DOT }) =>
  Market.initialize(Market.initial({ now: 0, balances }), params, 1).state

const order = (who: string, maxAmount: bigint, paraId = 2000) =>
  ({ type: 'placeOrderAllowDeath', who, maxAmount, paraId }) as const

const must = (r: Market.ApplyResult) => {
  if (!r.ok) throw new Error(r.error.code)
  return r
}

describe('Market.initialize', () => {
  test('default: clamps the v2 default traffic 0 to 1.0 and opens a revenue slot', () => {
    const r = Market.initialize(Market.initial(), params, 1)
    expect(r.state.traffic).toBe(FixedU128.one)
    expect(r.state.revenue).toEqual([0n])
    expect(r.events).toEqual([{ type: 'SpotPriceSet', spotPrice: params.baseFee }])
  })

  test('behavior: revenue older than maxHistoricalRevenue accumulates at the oldest slot', () => {
    const p = { ...params, maxHistoricalRevenue: 3 }
    let s: Market.State = { ...Market.initial(), revenue: [1n, 2n, 3n] }
    s = Market.initialize(s, p, 5).state
    expect(s.revenue).toEqual([0n, 1n, 5n])
  })

  test('error: a bad configuration leaves traffic untouched (capacity 0)', () => {
    const s = { ...Market.initial(), traffic: FixedU128.fromInt(7n) }
    const r = Market.initialize(s, { ...params, queueMaxSize: 0 }, 1)
    expect(r.state.traffic).toBe(FixedU128.fromInt(7n))
    expect(r.events).toEqual([])
  })
})

describe('Market.apply', () => {
  test('default: an order pays the spot price into the pot and revenue, and is queued', () => {
    const r = must(Market.apply(fresh(), params, order('alice', DOT)))
    expect(r.state.balances.alice).toBe(100n * DOT - params.baseFee)
    expect(r.state.pot).toBe(params.baseFee)
    expect(r.state.revenue).toEqual([params.baseFee])
    expect(r.state.queue).toEqual([{ paraId: 2000, orderedAt: 1 }])
    expect(r.events).toContainEqual({
      type: 'OnDemandOrderPlaced',
      paraId: 2000,
      spotPrice: params.baseFee,
      orderedBy: 'alice',
    })
  })

  test('error: SpotPriceHigherThanMaxAmount reports the price it would have cost', () => {
    const s = fresh()
    const r = Market.apply(s, params, order('alice', params.baseFee - 1n))
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'SpotPriceHigherThanMaxAmount',
        spotPrice: params.baseFee,
        maxAmount: params.baseFee - 1n,
      },
    })
  })

  test('behavior: the per-order traffic update runs before pricing', () => {
    // 3 orders in a queue of capacity 4 with target 25%: the update before the 2nd order sees 1/4
    // (at target → ×(1+0)), before the 3rd sees 2/4 → ×(1 + 0.25 + (0.03·0.25)²/2)
    const p = { ...params, queueMaxSize: 4 }
    let s = Market.initialize(Market.initial({ balances: { a: 10n * DOT } }), p, 1).state
    const prices: bigint[] = []
    for (let i = 0; i < 3; i++) {
      const r = must(Market.apply(s, p, order('a', DOT, 2000 + i)))
      s = r.state
      prices.push(r.events.find((e) => e.type === 'OnDemandOrderPlaced')?.spotPrice ?? -1n)
    }
    expect(prices).toEqual([10_000_000n, 10_000_000n, 12_500_281n])
  })

  test('error: QueueFull once the queue holds queueMaxSize orders (price checked first)', () => {
    const p = { ...params, queueMaxSize: 1 }
    let s = Market.initialize(Market.initial({ balances: { a: DOT } }), p, 1).state
    s = must(Market.apply(s, p, order('a', DOT))).state
    const full = Market.apply(s, p, order('a', DOT))
    expect(full.ok).toBe(false)
    if (!full.ok) expect(full.error.code).toBe('QueueFull')
    // the same order with a max amount below the (now raised) price fails on the price instead
    const cheap = Market.apply(s, p, order('a', 1n))
    if (!cheap.ok) expect(cheap.error.code).toBe('SpotPriceHigherThanMaxAmount')
    expect(cheap.ok).toBe(false)
  })

  test('default: credits pay, and the entry is removed at zero', () => {
    let s = fresh({})
    s = must(
      Market.apply(s, params, { type: 'creditAccount', who: 'bob', amount: 2n * params.baseFee }),
    ).state
    s = must(
      Market.apply(s, params, { type: 'placeOrderWithCredits', who: 'bob', maxAmount: DOT, paraId: 1 }),
    ).state
    expect(s.credits.bob).toBe(params.baseFee)
    s = must(
      Market.apply(s, params, { type: 'placeOrderWithCredits', who: 'bob', maxAmount: DOT, paraId: 1 }),
    ).state
    expect('bob' in s.credits).toBe(false)
    expect(s.pot).toBe(0n)
    expect(s.revenue).toEqual([2n * params.baseFee])
  })

  test('error: InsufficientCredits', () => {
    const s = must(Market.apply(fresh({}), params, { type: 'creditAccount', who: 'bob', amount: 1n })).state
    const r = Market.apply(s, params, {
      type: 'placeOrderWithCredits',
      who: 'bob',
      maxAmount: DOT,
      paraId: 1,
    })
    expect(r).toEqual({
      ok: false,
      error: { code: 'InsufficientCredits', spotPrice: params.baseFee, credits: 1n },
    })
  })

  test('error: keep-alive refuses to reap; allow-death reaps and loses the dust', () => {
    const s = fresh({ carol: DOT + params.baseFee / 2n })
    const keep = Market.apply(s, params, {
      type: 'placeOrderKeepAlive',
      who: 'carol',
      maxAmount: DOT,
      paraId: 1,
    })
    expect(keep.ok).toBe(false)
    if (!keep.ok) expect(keep.error.code).toBe('Expendability')
    const die = must(Market.apply(s, params, order('carol', DOT)))
    expect('carol' in die.state.balances).toBe(false)
    expect(die.events).toContainEqual({
      type: 'DustLost',
      account: 'carol',
      amount: DOT - params.baseFee / 2n,
    })
  })

  test('error: InsufficientBalance', () => {
    const r = Market.apply(fresh({ dave: 5n }), params, order('dave', DOT))
    expect(r).toEqual({
      ok: false,
      error: { code: 'InsufficientBalance', spotPrice: params.baseFee, balance: 5n },
    })
  })
})

describe('Market.popAssignmentsForCores', () => {
  const queued = (orders: [number, number][]): Market.State => ({
    ...Market.initial(),
    queue: orders.map(([paraId, orderedAt]) => ({ paraId, orderedAt })),
  })

  test('default: ready two blocks after ordering, one per para, at most numCores, ascending para id', () => {
    const s = queued([
      [111, 11],
      [110, 11],
      [111, 11],
      [112, 12],
    ])
    expect(Market.popAssignmentsForCores(s, 12, 5).paraIds).toEqual([])
    const r = Market.popAssignmentsForCores(s, 13, 5)
    expect(r.paraIds).toEqual([110, 111])
    expect(r.state.queue).toEqual([
      { paraId: 111, orderedAt: 11 },
      { paraId: 112, orderedAt: 12 },
    ])
    expect(Market.popAssignmentsForCores(s, 14, 1).paraIds).toEqual([111])
  })

  test('behavior: pushBackOrder re-queues at the back stamped now', () => {
    const s = { ...queued([[1, 0]]), now: 9 }
    expect(Market.pushBackOrder(s, 2).queue).toEqual([
      { paraId: 1, orderedAt: 0 },
      { paraId: 2, orderedAt: 9 },
    ])
  })
})

describe('Market.claimRevenueUntil', () => {
  test('default: claims every block before `when`', () => {
    // now = 10, revenue slots for blocks 10, 9, 8, 7
    const s = { ...Market.initial(), now: 10, revenue: [1n, 2n, 4n, 8n] }
    const r = Market.claimRevenueUntil(s, 9)
    expect(r.amount).toBe(12n)
    expect(r.state.revenue).toEqual([1n, 2n])
  })
  test('behavior: `when` at or before the oldest slot claims nothing', () => {
    const s = { ...Market.initial(), now: 10, revenue: [1n, 2n, 4n, 8n] }
    expect(Market.claimRevenueUntil(s, 7).amount).toBe(0n)
  })
})

test('Perbill import keeps a custom target usable', () => {
  expect(Perbill.format(params.targetQueueUtilization)).toBe('25%')
})

describe('Market properties', () => {
  test('behavior: planck conserved — balances + pot + dust + unspent credits + credit revenue', async () => {
    const fc = (await import('fast-check')).default
    const callArb = fc.oneof(
      fc.record({
        type: fc.constantFrom('placeOrderAllowDeath', 'placeOrderKeepAlive', 'placeOrderWithCredits'),
        who: fc.constantFrom('a', 'b'),
        maxAmount: fc.bigInt({ min: 0n, max: 3n * params.baseFee }),
        paraId: fc.integer({ min: 2000, max: 2003 }),
      }),
      fc.record({
        type: fc.constant('creditAccount' as const),
        who: fc.constantFrom('a', 'b'),
        amount: fc.bigInt({ min: 0n, max: 5n * params.baseFee }),
      }),
      fc.record({ type: fc.constant('block' as const), cores: fc.integer({ min: 0, max: 3 }) }),
    )
    fc.assert(
      fc.property(fc.array(callArb, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (calls, cap) => {
        const p = { ...params, queueMaxSize: cap }
        const start = { a: DOT + 5n * params.baseFee, b: 3n * params.baseFee }
        let s = Market.initialize(Market.initial({ balances: start }), p, 1).state
        let credited = 0n
        let dust = 0n
        let block = 1
        for (const c of calls) {
          if (c.type === 'block') {
            s = Market.popAssignmentsForCores(s, block, c.cores).state
            s = Market.initialize(s, p, ++block).state
            continue
          }
          const r = Market.apply(s, p, c as Market.Call)
          if (!r.ok) continue
          if (c.type === 'creditAccount') credited += c.amount
          for (const e of r.events) if (e.type === 'DustLost') dust += e.amount
          s = r.state
          expect(s.traffic).toBeGreaterThanOrEqual(FixedU128.one)
          expect(s.queue.length).toBeLessThanOrEqual(cap)
        }
        const balances = Object.values(s.balances).reduce((x, y) => x + y, 0n)
        const credits = Object.values(s.credits).reduce((x, y) => x + y, 0n)
        const revenue = s.revenue.reduce((x, y) => x + y, 0n)
        // balance payments land in the pot; credit payments land only in revenue
        expect(balances + s.pot + dust).toBe(start.a + start.b)
        expect(revenue).toBe(s.pot + (credited - credits))
      }),
    )
  })
})
