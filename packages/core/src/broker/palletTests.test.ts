import { describe, expect, test } from 'vitest'
import * as Broker from './Broker'
import * as CoreMask from './CoreMask'
import * as Migration from './Migration'
import * as Nft from './Nft'
import { forceUnpool } from './RegionDispatchables'
import type { RegionId } from './RegionId'
import * as Runtimes from './Runtimes'
import type { BrokerCall, BrokerState, Origin, Schedule, Sink } from './types'
import * as Workplan from './Workplan'

// pallet-broker tests.rs (fizyk20/polkadot-sdk master 96f90ea558, with #10188, #10792, #10828,
// #10856) transcribed as engine tests where a trace cannot say it: NFT trait calls, direct storage
// writes, migrations. Each test is named after the Rust test (conformance.test.ts counts them).
// Mock: the unit-test runtime and TestExt configuration; `advance_sale_period()` is
// advanceTo(SaleInfo.region_begin · 2); CoretimeTrace is `sink.assignments`.

const FULL = CoreMask.complete
const U64_MAX = (1n << 64n) - 1n

type Ext = {
  s: BrokerState
  out: Sink
  call: (origin: Origin, call: BrokerCall) => ReturnType<typeof Broker.execute>
  ok: (origin: Origin, call: BrokerCall) => void
  advanceTo: (block: number) => void
  advanceSalePeriod: () => void
  purchase: (who: string) => RegionId
}

/** `TestExt::new().endow(..).execute_with`: configured with the defaults at block 0. */
const ext = (balances: [string, bigint][] = [], runtime = Runtimes.unitTest): Ext => {
  const s = Broker.create(runtime, new Map(balances))
  const out = Broker.sink()
  const call = (origin: Origin, c: BrokerCall) => Broker.execute(s, origin, c, out)
  const ok = (origin: Origin, c: BrokerCall) => expect(call(origin, c)).toEqual({ ok: true })
  ok('root', { call: 'configure', args: Runtimes.unitTestConfig })
  const advanceTo = (block: number) => Broker.advanceTo(s, block, out)
  const purchase = (who: string): RegionId => {
    const sale = s.saleInfo!
    const core = sale.firstCore + sale.coresSold
    ok(who, { call: 'purchase', args: { priceLimit: U64_MAX } })
    return { begin: sale.regionBegin, core, mask: FULL }
  }
  return {
    s,
    out,
    call,
    ok,
    advanceTo,
    advanceSalePeriod: () => advanceTo(s.saleInfo!.regionBegin * 2),
    purchase,
  }
}
const startSales = (e: Ext, endPrice: bigint, extraCores: number) =>
  e.ok('root', { call: 'startSales', args: { endPrice, extraCores } })
const task = (t: number): Schedule => [{ mask: FULL, assignment: { task: t } }]
const assignCore = (block: number, core: number, begin: number, assignment: [unknown, number][]) => ({
  block,
  core,
  begin,
  assignment,
  endHint: null,
})

describe('tests.rs (engine tests)', () => {
  test('basic_initialize_works', () => {
    const e = ext()
    startSales(e, 100n, 1)
    expect(e.out.assignments).toEqual([]) // CoretimeTrace::get() == []
    expect(Broker.currentTimeslice(e.s)).toBe(0)
  })

  test('mutate_operations_work', () => {
    const e = ext([['1', 1000n]])
    expect(Nft.mintInto(e.s, { begin: 0, core: 0, mask: FULL }, '2')).toEqual({
      ok: false,
      error: { code: 'UnknownRegion' },
    })
    startSales(e, 100n, 1)
    e.advanceTo(2)
    const region = e.purchase('1')
    const before = Broker.clone(e.s)
    expect(Nft.mintInto(e.s, region, '2')).toEqual({ ok: false, error: { code: 'NotAllowed' } })
    expect(Nft.burn(e.s, region, '2')).toEqual({ ok: false, error: { code: 'NotOwner' } })
    expect(e.s).toEqual(before) // assert_noop!
    expect(Nft.burn(e.s, region, '1')).toEqual({ ok: true })
    expect(Broker.regionAt(e.s, region)?.owner).toBeNull()
    expect(Nft.mintInto(e.s, region, '2')).toEqual({ ok: true })
    expect(Broker.regionAt(e.s, region)?.owner).toBe('2')
    expect(Nft.setAttribute()).toEqual({ ok: false, error: { code: 'Unsupported' } })
  })

  test('mutate_operations_work_with_partitioned_region', () => {
    const e = ext([['1', 1000n]])
    startSales(e, 100n, 1)
    e.advanceTo(2)
    const region = e.purchase('1')
    e.ok('1', { call: 'partition', args: { regionId: region, pivot: 2 } })
    const record1 = Broker.regionAt(e.s, region)
    expect(Nft.burn(e.s, region, '1')).toEqual({ ok: true })
    expect(Broker.regionAt(e.s, region)?.owner).toBeNull()
    expect(Nft.mintInto(e.s, region, '1')).toEqual({ ok: true })
    expect(Broker.regionAt(e.s, region)).toEqual(record1)
  })

  test('mutate_operations_work_with_interlaced_region', () => {
    const e = ext([['1', 1000n]])
    startSales(e, 100n, 1)
    e.advanceTo(2)
    const region = e.purchase('1')
    const pivot = CoreMask.fromChunk(0, 40)
    e.ok('1', { call: 'interlace', args: { regionId: region, pivot } })
    const region1 = { ...region, mask: pivot }
    const record1 = Broker.regionAt(e.s, region1)
    expect(Nft.burn(e.s, region1, '1')).toEqual({ ok: true })
    expect(Broker.regionAt(e.s, region1)?.owner).toBeNull()
    expect(Nft.mintInto(e.s, region1, '1')).toEqual({ ok: true })
    expect(Broker.regionAt(e.s, region1)).toEqual(record1)
  })

  test('migration_v5_reconstructs_sale_index_from_region_begin', () => {
    const e = ext([['1', 1000n]])
    startSales(e, 100n, 1)
    const regionLength = e.s.configuration!.regionLength
    const template = e.s.saleInfo!
    const migrate = (regionBegin: number) => {
      // the pre-v5 record (no sale_index) the migration reads
      e.s.saleInfo = { ...template, regionBegin, regionEnd: regionBegin + regionLength }
      Migration.v5(e.s, 100)
      return e.s.saleInfo.saleIndex
    }
    expect(migrate(100)).toBe(1)
    expect(migrate(100 + 5 * regionLength)).toBe(6)
  })

  test('migration_v5_defaults_sale_index_when_configuration_missing', () => {
    const e = ext([['1', 1000n]])
    startSales(e, 100n, 1)
    const regionLength = e.s.configuration!.regionLength
    e.s.saleInfo = {
      ...e.s.saleInfo!,
      regionBegin: 100 + 5 * regionLength,
      regionEnd: 100 + 6 * regionLength,
    }
    e.s.configuration = null // Configuration::kill()
    // rewritten with the fallback index; upstream logs "Configuration missing while SaleInfo exists"
    expect(Migration.v5(e.s, 100)).toEqual({ migrated: true, saleIndex: 1, configurationMissing: true })
    expect(e.s.saleInfo?.saleIndex).toBe(1)
  })

  test('migration_v5_post_upgrade_accepts_missing_sale_info', () => {
    const e = ext()
    expect(e.s.saleInfo).toBeNull()
    expect(Migration.v5(e.s, 100)).toEqual({ migrated: false })
    expect(e.s.saleInfo).toBeNull()
  })

  test('force_unpool_works', () => {
    // force_unpool_region is pub(crate); the Rust test calls it directly, and so does this one
    const e = ext([['1', 1000n]])
    startSales(e, 100n, 1)
    e.advanceTo(2)
    expect(e.out.events).toContainEqual({
      name: 'HistoryInitialized',
      data: { when: 1, privatePoolSize: 0, systemPoolSize: 0 },
    })
    const region = e.purchase('1')
    const end = Broker.regionAt(e.s, region)!.end
    const io = (t: number) => e.s.instaPoolIo.get(t) ?? { private: 0, system: 0 }
    expect(io(region.begin)).toEqual({ private: 0, system: 0 })
    expect(io(end)).toEqual({ private: 0, system: 0 })
    e.ok('1', { call: 'pool', args: { regionId: region, payee: '2', finality: 'Provisional' } })
    expect(io(region.begin)).toEqual({ private: 80, system: 0 })
    expect(io(end)).toEqual({ private: -80, system: 0 })
    // force unpool before the region begins
    const record = Broker.regionAt(e.s, region)!
    forceUnpool(e.s, region, record, e.s.status!, e.out)
    expect(e.out.events).toContainEqual({
      name: 'RegionUnpooled',
      data: { regionId: region, when: region.begin },
    })
    expect(io(Broker.currentTimeslice(e.s))).toEqual({ private: 0, system: 0 })
    expect(io(region.begin)).toEqual({ private: 0, system: 0 })
    // pool it again
    e.ok('1', { call: 'pool', args: { regionId: region, payee: '2', finality: 'Provisional' } })
    expect(io(region.begin)).toEqual({ private: 80, system: 0 })
    e.advanceTo(3 * 2)
    const current = Broker.currentTimeslice(e.s)
    for (const [when, priv] of [
      [2, 0],
      [3, 0],
      [4, 80],
    ] as const)
      expect(e.out.events).toContainEqual({
        name: 'HistoryInitialized',
        data: { when, privatePoolSize: priv, systemPoolSize: 0 },
      })
    expect(io(end)).toEqual({ private: -80, system: 0 })
    expect(io(current)).toEqual({ private: 0, system: 0 })
    // force unpool now: from the next uncommitted timeslice
    forceUnpool(e.s, region, record, e.s.status!, e.out)
    const unpooled = e.out.events.filter((x) => x.name === 'RegionUnpooled').at(-1)
    expect(unpooled).toEqual({ name: 'RegionUnpooled', data: { regionId: region, when: current + 2 } })
    expect(io(end)).toEqual({ private: 0, system: 0 })
    expect(io(current + 2)).toEqual({ private: -80, system: 0 })
    e.advanceSalePeriod()
    for (const [when, priv, sys] of [
      [5, 0, 0],
      [6, 0, 0],
      [7, 0, 80],
    ] as const)
      expect(e.out.events).toContainEqual({
        name: 'HistoryInitialized',
        data: { when, privatePoolSize: priv, systemPoolSize: sys },
      })
  })

  test('enable_auto_renewal_works_for_legacy_leases', () => {
    // adapted: endow(1001, 1000) comes before any use of 1001, so it is a starting balance
    const e = ext([
      ['1', 1000n],
      ['1001', 1000n],
    ])
    startSales(e, 100n, 1)
    e.advanceTo(2)
    // PotentialRenewals::insert((0, 10), {100, Complete(Task 1001)}) by hand, as the test does
    Broker.setRenewal(e.s, 0, 10, { price: 100n, completion: { complete: task(1001) } })
    const before = Broker.clone(e.s)
    const enable = (hint: number | null): BrokerCall => ({
      call: 'enableAutoRenew',
      args: { core: 0, task: 1001, workloadEndHint: hint },
    })
    expect(e.call('1001', enable(null))).toEqual({ ok: false, error: { code: 'NotAllowed' } })
    expect(e.s).toEqual(before)
    e.ok('1001', enable(10))
    expect(e.s.autoRenewals).toEqual([{ core: 0, task: 1001, nextRenewal: 10 }])
    expect(e.out.events).toContainEqual({ name: 'AutoRenewalEnabled', data: { core: 0, task: 1001 } })
    e.advanceTo(7)
    expect(Broker.balanceOf(e.s, '1001')).toBe(1000n)
    e.advanceTo(13)
    expect(Broker.balanceOf(e.s, '1001')).toBe(900n)
    expect(e.out.events).toContainEqual({
      name: 'Renewed',
      data: { who: '1001', oldCore: 0, core: 0, price: 100n, begin: 10, duration: 3, workload: task(1001) },
    })
  })

  test('enable_auto_renew_immediate_updates_core_and_renews', () => {
    const e = ext([
      ['1', 1000n],
      ['2', 1000n],
      ['1001', 1000n],
    ])
    startSales(e, 100n, 2)
    e.advanceTo(2)
    const region = e.purchase('1')
    e.ok('1', { call: 'assign', args: { regionId: region, task: 1001, finality: 'Final' } })
    e.advanceTo(e.s.saleInfo!.regionBegin * 2)
    if (e.s.block <= e.s.saleInfo!.saleStart) e.advanceTo(e.s.saleInfo!.saleStart + 1)
    e.purchase('2') // pre-sell a core so the renewal takes another core index
    const sale = { ...e.s.saleInfo! }
    const expectedCore = sale.firstCore + sale.coresSold
    expect(expectedCore).not.toBe(region.core)
    e.ok('1001', { call: 'enableAutoRenew', args: { core: region.core, task: 1001, workloadEndHint: null } })
    expect(e.s.autoRenewals).toEqual([{ core: expectedCore, task: 1001, nextRenewal: sale.regionEnd }])
    expect(Broker.renewalAt(e.s, expectedCore, sale.regionEnd)).toBeDefined()
    expect(Broker.renewalAt(e.s, region.core, sale.regionEnd)).toBeUndefined()
    e.advanceTo(sale.regionEnd * 2)
    const after = e.s.saleInfo!
    expect(e.s.autoRenewals).toHaveLength(1)
    expect(e.s.autoRenewals[0]).toMatchObject({ task: 1001, nextRenewal: after.regionEnd })
    expect(Broker.renewalAt(e.s, e.s.autoRenewals[0]!.core, after.regionEnd)).toBeDefined()
  })

  test('can_reserve_workloads_quickly', () => {
    const e = ext()
    startSales(e, 100n, 0)
    e.advanceTo(2)
    const workload = task(1004)
    const coreCount = e.s.status!.coreCount
    e.ok('root', { call: 'requestCoreCount', args: { coreCount: coreCount + 1 } })
    e.ok('root', { call: 'reserve', args: { workload } })
    // adapted: the test calls the relay's assign_core itself and writes Workplan[(4, core)] by hand
    e.out.assignments.push(assignCore(2, coreCount, 2, [[{ task: 1004 }, 57600]]) as never)
    Workplan.set(e.s.workplan, 4, coreCount, workload)
    expect(e.out.events).toContainEqual({ name: 'ReservationMade', data: { index: 0, workload } })
    expect(e.out.events).toContainEqual({ name: 'CoreCountRequested', data: { coreCount: 1 } })
    expect(Workplan.get(e.s.workplan, 4, 0)).toEqual(workload)
    e.advanceSalePeriod()
    expect(Workplan.get(e.s.workplan, 7, 0)).toEqual(workload)
    e.advanceSalePeriod()
    expect(e.out.assignments).toEqual([
      assignCore(2, 0, 2, [[{ task: 1004 }, 57600]]),
      assignCore(6, 0, 8, [[{ task: 1004 }, 57600]]),
      assignCore(12, 0, 14, [[{ task: 1004 }, 57600]]),
    ])
    for (const when of [8, 14])
      expect(e.out.events).toContainEqual({
        name: 'CoreAssigned',
        data: { core: 0, when, assignment: [[{ task: 1004 }, 57600]] },
      })
    expect(Workplan.get(e.s.workplan, 10, 0)).toEqual(workload)
  })

  test('force_reserve_works', () => {
    // the rewritten test (#10792): a force reservation never overwrites a reservation or a sale
    const workload = task(1004)
    const none = ext()
    expect(none.call('root', { call: 'forceReserve', args: { workload, core: 0 } })).toEqual({
      ok: false,
      error: { code: 'NoSales' },
    })

    const e = ext([['1', 1000n]])
    startSales(e, 100n, 4)
    e.advanceTo(2)
    const existing = task(1000)
    e.ok('root', { call: 'reserve', args: { workload: existing } })
    e.advanceSalePeriod()
    e.advanceSalePeriod()
    const region = e.purchase('1')
    e.ok('1', { call: 'assign', args: { regionId: region, task: 1001, finality: 'Final' } })
    e.ok('root', { call: 'forceReserve', args: { workload, core: 3 } })
    expect(e.s.reservations).toEqual([existing, workload])
    expect(e.s.forceReservations).toEqual([workload])
    e.advanceSalePeriod()
    expect(e.s.forceReservations).toEqual([])
    e.advanceSalePeriod()
    const pool: [unknown, number][] = [['Pool', 57600]]
    const t = (n: number): [unknown, number][] => [[{ task: n }, 57600]]
    expect(e.out.assignments).toEqual([
      assignCore(6, 0, 8, pool),
      assignCore(6, 1, 8, pool),
      assignCore(6, 2, 8, pool),
      assignCore(6, 3, 8, pool),
      assignCore(12, 0, 14, t(1000)),
      assignCore(12, 1, 14, pool),
      assignCore(12, 2, 14, pool),
      assignCore(12, 3, 14, pool),
      assignCore(16, 3, 18, t(1004)),
      assignCore(18, 0, 20, t(1000)),
      assignCore(18, 1, 20, t(1001)),
      assignCore(18, 2, 20, t(1004)),
      assignCore(18, 3, 20, pool),
      assignCore(24, 0, 26, t(1000)),
      assignCore(24, 1, 26, t(1004)),
      assignCore(24, 2, 26, pool),
      assignCore(24, 3, 26, pool),
    ])
  })

  test('remove_potential_renewal_rejects_non_admin_origin', () => {
    const e = ext()
    const before = Broker.clone(e.s)
    expect(e.call('100', { call: 'removePotentialRenewal', args: { core: 0, when: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'BadOrigin' },
    })
    // RuntimeOrigin::none(): the model has no unsigned origin; a signed one is the same refusal
    expect(e.s).toEqual(before)
  })

  test('remove_potential_renewal_works', () => {
    const e = ext([['1', 1000n]])
    startSales(e, 100n, 2)
    e.advanceTo(2)
    expect(e.s.potentialRenewals.size).toBe(0)
    const region = e.purchase('1')
    const end = Broker.regionAt(e.s, region)!.end
    e.ok('1', { call: 'assign', args: { regionId: region, task: 1111, finality: 'Final' } })
    expect(e.s.potentialRenewals.size).toBe(1)
    const remove = (core: number, when: number): BrokerCall => ({
      call: 'removePotentialRenewal',
      args: { core, when },
    })
    expect(e.call('root', remove(region.core + 1, end))).toEqual({
      ok: false,
      error: { code: 'UnknownRenewal' },
    })
    expect(e.call('root', remove(region.core, end + 1))).toEqual({
      ok: false,
      error: { code: 'UnknownRenewal' },
    })
    const second = e.purchase('1')
    const secondEnd = Broker.regionAt(e.s, second)!.end
    e.ok('1', { call: 'assign', args: { regionId: second, task: 2222, finality: 'Final' } })
    expect(e.s.potentialRenewals.size).toBe(2)
    expect(e.call('1', { call: 'dropRenewal', args: { core: region.core, when: end } })).toEqual({
      ok: false,
      error: { code: 'StillValid' },
    })
    e.ok('root', remove(region.core, end))
    expect(e.out.events).toContainEqual({
      name: 'PotentialRenewalRemoved',
      data: { core: region.core, timeslice: end },
    })
    expect(Broker.renewals(e.s).map(({ core, when }) => ({ core, when }))).toEqual([
      { core: second.core, when: secondEnd },
    ])
    expect(e.call('root', remove(region.core, end))).toEqual({ ok: false, error: { code: 'UnknownRenewal' } })
  })

  test('remove_potential_renewal_makes_auto_renewal_die', () => {
    // adapted: `do_enable_auto_renew(1, …)` names account 1 as the payer without the lib.rs
    // sovereign-account check; the call here is made by task 1111's sovereign account, funded alike
    const e = ext([
      ['1', 1000n],
      ['1111', 1000n],
    ])
    startSales(e, 100n, 2)
    e.advanceTo(2)
    const region = e.purchase('1')
    e.ok('1', { call: 'assign', args: { regionId: region, task: 1111, finality: 'Final' } })
    e.advanceTo(6)
    e.ok('1111', { call: 'enableAutoRenew', args: { core: region.core, task: 1111, workloadEndHint: null } })
    expect(e.s.autoRenewals).toHaveLength(1)
    const keys = Broker.renewals(e.s)
    expect(keys).toHaveLength(1)
    e.ok('root', { call: 'removePotentialRenewal', args: { core: keys[0]!.core, when: keys[0]!.when } })
    expect(e.s.autoRenewals).toHaveLength(1)
    e.advanceTo(12)
    expect(e.s.autoRenewals).toHaveLength(0)
  })

  test('force_transfer_can_transfer_burned_region', () => {
    const e = ext([['1', 1000n]])
    startSales(e, 100n, 4)
    e.advanceTo(2)
    const region = e.purchase('1')
    expect(Nft.burn(e.s, region, null)).toEqual({ ok: true })
    const record = Broker.regionAt(e.s, region)!
    expect(record.owner).toBeNull()
    e.ok('root', { call: 'forceTransfer', args: { regionId: region, newOwner: '222' } })
    expect(e.out.events.at(-1)).toEqual({
      name: 'Transferred',
      data: { regionId: region, duration: record.end - region.begin, oldOwner: null, owner: '222' },
    })
    e.ok('222', { call: 'assign', args: { regionId: region, task: 10, finality: 'Final' } })
  })
})
