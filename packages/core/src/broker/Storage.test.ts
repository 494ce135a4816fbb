import { describe, expect, test } from 'vitest'
import * as Broker from './Broker'
import * as CoreMask from './CoreMask'
import * as Runtimes from './Runtimes'

/** The README chain: one core on sale, bought by alice at 100 and assigned Final to task 1001. */
const bought = () => {
  const s = Broker.create(Runtimes.unitTest, new Map([['alice', 100_000n]]))
  const out = Broker.sink()
  Broker.execute(s, 'root', { call: 'configure', args: Runtimes.unitTestConfig }, out)
  Broker.execute(s, 'root', { call: 'startSales', args: { endPrice: 100n, extraCores: 1 } }, out)
  Broker.advanceTo(s, 2, out)
  Broker.execute(s, 'alice', { call: 'purchase', args: { priceLimit: 1_000n } }, out)
  return { s, out, regionId: { begin: 4, core: 0, mask: CoreMask.complete } }
}

describe('Broker reads (Storage.ts)', () => {
  test('default: regionAt / regionPaid give the bought region and its price', () => {
    const { s, regionId } = bought()
    expect(Broker.regionAt(s, regionId)).toEqual({ end: 7, owner: 'alice', paid: 100n })
    expect(Broker.regionPaid(s, regionId)).toBe(100n)
  })
  test('behavior: renewalAt / renewals find the right a Final assignment earns', () => {
    const { s, out, regionId } = bought()
    Broker.execute(s, 'alice', { call: 'assign', args: { regionId, task: 1001, finality: 'Final' } }, out)
    const record = Broker.renewalAt(s, 0, 7)
    expect(record?.price).toBe(100n)
    expect(Broker.renewals(s)).toEqual([{ core: 0, when: 7, record }])
  })
  test('error: nothing at a core or region that holds nothing', () => {
    const { s, regionId } = bought()
    expect(Broker.renewalAt(s, 0, 7)).toBeUndefined()
    expect(Broker.regionAt(s, { ...regionId, core: 1 })).toBeUndefined()
    expect(Broker.regionPaid(s, { ...regionId, begin: 5 })).toBeUndefined()
    expect(Broker.renewals(s)).toEqual([])
  })
  test('behavior: balanceOf / setBalance', () => {
    const s = Broker.create(Runtimes.unitTest)
    expect(Broker.balanceOf(s, 'bob')).toBe(0n)
    Broker.setBalance(s, 'bob', 5n)
    expect(Broker.balanceOf(s, 'bob')).toBe(5n)
  })
})
