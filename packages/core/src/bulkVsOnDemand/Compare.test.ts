import { describe, expect, test } from 'vitest'
import * as Ratio from '../fixed/Ratio'
import * as Compare from './Compare'

const DOT = 10_000_000_000n
const base = Compare.defaults('polkadot')

describe('Compare.bulkPrices', () => {
  test('default: purchase, first renewal at the same price, then +3% compounding', () => {
    const p = Compare.bulkPrices({ ...base, purchasePrice: 100n * DOT, regions: 4 })
    // 100 → 100 → 103 → 106.09 DOT (Perbill 3% of 103 DOT = 3.09 DOT exactly)
    expect(p).toEqual([100n * DOT, 100n * DOT, 103n * DOT, 1_060_900_000_000n])
  })

  test('args: RFC-149 floors a cheap purchase at the end price; bumpOnly does not', () => {
    const cheap = { ...base, purchasePrice: DOT, endPrice: 10n * DOT, regions: 3 }
    expect(Compare.bulkPrices(cheap)).toEqual([DOT, DOT, 10n * DOT])
    expect(Compare.bulkPrices({ ...cheap, renewalRule: 'bumpOnly' })).toEqual([DOT, DOT, 103n * 100_000_000n])
  })

  test('behavior: a renewal never pays more than the sale price at renewal time', () => {
    const p = Compare.bulkPrices({
      ...base,
      purchasePrice: 100n * DOT,
      renewalSalePrice: 101n * DOT,
      regions: 5,
    })
    expect(p.slice(2).every((x) => x === 101n * DOT)).toBe(true)
  })
})

describe('Compare.compare', () => {
  test('default: a full core — bulk at 10 DOT beats 403 200 orders at 0.001 DOT', () => {
    const c = Compare.compare(base)
    expect(c.cores).toBe(1)
    expect(c.ordersPerRegion).toBe(403_200n)
    expect(c.perRegion[0]?.onDemand).toBe(4_032_000_000_000n) // 403.2 DOT
    expect(c.cheaper).toBe('bulk')
    // with the end-price floor every renewal stays ≥ 10 DOT and bumps by 3% from the 3rd region
    expect(c.perRegion[2]?.corePrice).toBe(103_000_000_000n)
  })

  test('behavior: break-even — just below it on-demand wins, just above bulk wins', () => {
    const c = Compare.compare({ ...base, regions: 1 })
    // one region: 10 DOT / (0.001 DOT × 28 days) = 357.14… blocks a day
    expect(Ratio.format(c.breakEvenBlocksPerDay!, 2)).toBe('357.14')
    expect(Compare.compare({ ...base, regions: 1, blocksPerDay: 357 }).cheaper).toBe('onDemand')
    expect(Compare.compare({ ...base, regions: 1, blocksPerDay: 358 }).cheaper).toBe('bulk')
  })

  test('args: demand above one core needs more bulk cores; a raised traffic raises the spot price', () => {
    const c = Compare.compare({ ...base, blocksPerDay: 20_000, regions: 1 })
    expect(c.cores).toBe(2)
    expect(c.totalBulk).toBe(200_000_000_000n)
    const busy = Compare.compare({ ...base, traffic: 1_500_000_000_000_000_000n })
    expect(busy.spotPrice).toBe(15_000_000n)
  })

  test('error: no spot price (base fee 0) has no break-even point', () => {
    const c = Compare.compare({ ...base, onDemandBaseFee: 0n })
    expect(c.breakEvenBlocksPerDay).toBeUndefined()
    expect(c.cheaper).toBe('onDemand')
  })
})
