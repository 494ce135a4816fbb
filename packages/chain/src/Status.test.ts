import { describe, expect, test } from 'vitest'
import * as Status from './Status'
import { sample } from './testing/sample'

describe('Status.of', () => {
  test('default: phase, prices, cores, next phases and renewals due', () => {
    const v = Status.of(sample)
    const sale = sample.broker.saleInfo!
    expect(v.now).toEqual({ block: sample.relay.block, date: '2026-11-20T12:00:00Z' })
    expect(v.sale).toMatchObject({
      phase: 'leadin',
      leadinEndPrice: sale.endPrice,
      coresOffered: 20,
      coresSold: 3,
    })
    // CenterTargetPrice lead-in: 100× at the start, falling to 1× the end price
    expect(v.sale!.startPrice).toBe(100n * sale.endPrice)
    expect(v.sale!.priceNow < v.sale!.startPrice && v.sale!.priceNow > sale.endPrice).toBe(true)
    expect(v.sale!.next.map((n) => n.name)).toEqual([
      'lead-in ends (fixed price)',
      'next sale (interlude) starts',
      'region begins',
      'next lead-in starts',
    ])
    // 6 s blocks from the relay block read
    const leadinEnd = v.sale!.next[0]!
    expect(Date.parse(leadinEnd.at.date) - sample.relay.timestamp).toBe(
      (sale.saleStart + sale.leadinLength - sample.relay.block) * 6000,
    )
    expect(v.renewalsDue).toEqual([
      {
        core: 11,
        when: sale.regionBegin,
        price: 950_000_000_000n,
        task: 2030,
        complete: true,
        autoRenew: true,
      },
      {
        core: 12,
        when: sale.regionBegin,
        price: 1_300_000_000_000n,
        task: 2031,
        complete: true,
        autoRenew: false,
      },
      {
        core: 20,
        when: sale.regionBegin,
        price: 400_000_000_000n,
        task: null,
        complete: false,
        autoRenew: false,
      },
    ])
  })

  test('behavior: no sale yet', () => {
    const v = Status.of({ ...sample, broker: { ...sample.broker, saleInfo: null } })
    expect(v.sale).toBeNull()
    expect(v.renewalsDue).toEqual([])
  })
})
