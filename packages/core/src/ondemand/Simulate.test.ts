import { describe, expect, test } from 'vitest'
import * as Params from './Params'
import * as Simulate from './Simulate'

const params = Params.sdkDefaults('polkadot')

describe('Simulate.run', () => {
  test('default: demand below pool capacity pays the base fee for every order', () => {
    const r = Simulate.run(params, { blocks: 20, ordersPerBlock: 2, poolCores: 3 })
    expect(r.placed).toBe(40)
    expect(r.paid).toBe(40n * params.baseFee)
    // orders are ready two blocks later, so the last two blocks' orders are still queued
    expect(r.served).toBe(36)
    expect(r.state.queue.length).toBe(4)
  })

  test('behavior: a queue above target raises the price block after block', () => {
    const p = { ...params, queueMaxSize: 100 }
    const r = Simulate.run(p, { blocks: 10, ordersPerBlock: 10, poolCores: 1 })
    const prices = r.blocks.map((b) => b.spotPrice)
    expect(prices[0]).toBe(params.baseFee)
    for (let i = 4; i < prices.length; i++) expect(prices[i]!).toBeGreaterThan(prices[i - 1]!)
    expect(r.paid).toBeGreaterThan(BigInt(r.placed) * params.baseFee)
  })

  test('error: orders above maxAmount and beyond the queue capacity are rejected and counted', () => {
    const p = { ...params, queueMaxSize: 5 }
    const r = Simulate.run(p, { blocks: 3, ordersPerBlock: 4, poolCores: 0, maxAmount: 2n * params.baseFee })
    expect(r.placed + r.rejected).toBe(12)
    expect(r.placed).toBeLessThanOrEqual(5)
    expect((r.errors.QueueFull ?? 0) + (r.errors.SpotPriceHigherThanMaxAmount ?? 0)).toBe(r.rejected)
    expect(r.rejected).toBeGreaterThan(0)
  })
})
