import { OnDemand } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import * as Relay from './Relay'

const params = OnDemand.Params.sdkDefaults('polkadot')

/** The same blocks one at a time, without the idle skip. */
const slow = (state: OnDemand.Market.State, block: number, poolCores: number) => {
  let s = state
  while (s.now < block) {
    const b = s.now + 1
    s = OnDemand.Market.initialize(s, params, b).state
    if (poolCores > 0) s = OnDemand.Market.popAssignmentsForCores(s, b, poolCores).state
  }
  return s
}

const withOrders = (n: number): OnDemand.Market.State => {
  let s = OnDemand.Market.initial({ now: 10, balances: { a: 10n ** 20n } })
  for (let i = 0; i < n; i++) {
    const r = OnDemand.Market.apply(s, params, {
      type: 'placeOrderAllowDeath',
      who: 'a',
      maxAmount: 10n ** 18n,
      paraId: 2000 + i,
    })
    if (!r.ok) throw new Error(r.error.code)
    s = r.state
  }
  return s
}

describe('Relay.advance', () => {
  test('default: the idle skip reaches the same state as block-by-block', () => {
    for (const [orders, cores, to] of [
      [0, 0, 500],
      [3, 1, 500],
      [12, 2, 40],
      [5, 0, 1000],
      [400, 3, 700],
    ] as const) {
      const start = withOrders(orders)
      expect(Relay.advance({ state: start }, params, to, cores).state).toEqual(slow(start, to, cores))
    }
  })
  test('behavior: revenue beyond maxHistoricalRevenue folds into the last slot', () => {
    const start = withOrders(2)
    const got = Relay.advance({ state: start }, params, 10 + 3 * params.maxHistoricalRevenue, 1).state
    expect(got.revenue).toHaveLength(params.maxHistoricalRevenue)
    expect(got.revenue.reduce((a, b) => a + b, 0n)).toBe(start.revenue.reduce((a, b) => a + b, 0n))
  })
  test('error: an order above the spot price limit is refused by the market', () => {
    const r = OnDemand.Market.apply(withOrders(0), params, {
      type: 'placeOrderAllowDeath',
      who: 'a',
      maxAmount: 1n,
      paraId: 2000,
    })
    expect(r.ok).toBe(false)
  })
})
