import { describe, expect, test } from 'vitest'
import * as TraceResult from '../trace/Result'
import * as Broker from './Broker'
import * as CoreMask from './CoreMask'
import type { RegionId } from './RegionId'
import * as Runtimes from './Runtimes'
import type { BrokerState, Runtime } from './types'

// What the live runtimes do around the pallet (Runtime settings; docs/model.md "Per runtime").

const FULL = CoreMask.complete
const config = { ...Runtimes.unitTestConfig }

/** A chain of `runtime` with one core on sale at 100 (unit-test timings), bought by alice at block 2. */
const bought = (runtime: Runtime, balances: [string, bigint][] = [['alice', 100_000n]]) => {
  const s = Broker.create(runtime, new Map(balances))
  const out = Broker.sink()
  expect(Broker.execute(s, 'root', { call: 'configure', args: config }, out)).toEqual({ ok: true })
  Broker.execute(s, 'root', { call: 'startSales', args: { endPrice: 100n, extraCores: 1 } }, out)
  Broker.advanceTo(s, 2, out)
  const r = Broker.execute(s, 'alice', { call: 'purchase', args: { priceLimit: 1_000n } }, out)
  const regionId: RegionId = { begin: 4, core: 0, mask: FULL }
  return { s, out, r, regionId }
}

/** The unit-test runtime's integers and timings with one live behaviour switched on. */
const unitWith = (extra: Partial<Runtime>): Runtime => ({ ...Runtimes.unitTest, ...extra })

describe('runtime call filter (fellows IsFilteredBrokerCall)', () => {
  test('default: the unit-test runtime filters nothing: interlace and purchaseCredit work', () => {
    const { s, out, regionId } = bought(Runtimes.unitTest)
    const pivot = CoreMask.fromChunk(0, 40)
    expect(Broker.execute(s, 'alice', { call: 'interlace', args: { regionId, pivot } }, out)).toEqual({
      ok: true,
    })
    const credit = { call: 'purchaseCredit', args: { amount: 50n, beneficiary: 'alice' } } as const
    expect(Broker.execute(s, 'alice', credit, out)).toEqual({ ok: true })
  })

  test('error: on Polkadot interlace and purchaseCredit fail with CallFiltered and change nothing', () => {
    const { s, out, regionId } = bought(unitWith({ callFilter: Runtimes.polkadot.callFilter! }))
    const before = Broker.clone(s)
    const events = out.events.length
    const pivot = CoreMask.fromChunk(0, 40)
    expect(Broker.execute(s, 'alice', { call: 'interlace', args: { regionId, pivot } }, out)).toEqual({
      ok: false,
      error: { code: 'CallFiltered', call: 'interlace' },
    })
    const credit = { call: 'purchaseCredit', args: { amount: 50n, beneficiary: 'alice' } } as const
    expect(Broker.execute(s, 'alice', credit, out)).toMatchObject({
      ok: false,
      error: { code: 'CallFiltered' },
    })
    expect(s).toEqual(before)
    expect(out.events).toHaveLength(events)
    expect(Runtimes.polkadot.callFilter).toEqual(['purchaseCredit', 'interlace'])
  })

  test('behavior: Kusama filters purchaseCredit only', () => {
    const { s, out, regionId } = bought(unitWith({ callFilter: Runtimes.kusama.callFilter! }))
    const pivot = CoreMask.fromChunk(0, 40)
    expect(Broker.execute(s, 'alice', { call: 'interlace', args: { regionId, pivot } }, out)).toEqual({
      ok: true,
    })
    const credit = { call: 'purchaseCredit', args: { amount: 50n, beneficiary: 'alice' } } as const
    expect(Broker.execute(s, 'alice', credit, out)).toMatchObject({
      ok: false,
      error: { code: 'CallFiltered' },
    })
  })
})

describe('forceTransfer (lib.rs call 28)', () => {
  test('default: root moves a region whatever its owner; Transferred names both', () => {
    const { s, out, regionId } = bought(Runtimes.unitTest)
    expect(
      Broker.execute(s, 'root', { call: 'forceTransfer', args: { regionId, newOwner: 'bob' } }, out),
    ).toEqual({
      ok: true,
    })
    expect(out.events.at(-1)).toEqual({
      name: 'Transferred',
      data: { regionId, duration: 3, oldOwner: 'alice', owner: 'bob' },
    })
    expect(Broker.regionAt(s, regionId)?.owner).toBe('bob')
  })

  test('error: a signed origin gets BadOrigin; an unknown region UnknownRegion', () => {
    const { s, out, regionId } = bought(Runtimes.unitTest)
    expect(
      Broker.execute(s, 'alice', { call: 'forceTransfer', args: { regionId, newOwner: 'bob' } }, out),
    ).toEqual({ ok: false, error: { code: 'BadOrigin', call: 'forceTransfer' } })
    const unknown = { begin: 0xffff_ffff, core: 0xffff, mask: 0n }
    expect(
      Broker.execute(s, 'root', { call: 'forceTransfer', args: { regionId: unknown, newOwner: 'bob' } }, out),
    ).toEqual({ ok: false, error: { code: 'UnknownRegion' } })
  })
})

describe('credits (runtime credit_account)', () => {
  test('default: the unit-test relay credits the beneficiary and the pot keeps nothing', () => {
    const { s, out } = bought(Runtimes.unitTest)
    Broker.execute(s, 'alice', { call: 'purchaseCredit', args: { amount: 50n, beneficiary: 'bob' } }, out)
    expect(s.credits.get('bob')).toBe(50n)
    expect(Broker.balanceOf(s, 'pot')).toBe(0n)
  })
  test('behavior: where credits never reach the relay, the payment stays in the pot and nobody is credited', () => {
    const { s, out } = bought(unitWith({ creditsReachRelay: false }))
    const r = Broker.execute(
      s,
      'alice',
      { call: 'purchaseCredit', args: { amount: 50n, beneficiary: 'bob' } },
      out,
    )
    expect(r).toEqual({ ok: true })
    expect(s.credits.size).toBe(0)
    expect(Broker.balanceOf(s, 'pot')).toBe(50n)
    expect(Broker.balanceOf(s, 'alice')).toBe(100_000n - 100n - 50n)
  })
})

/** 30 one-task parts on core 0 (29 single-bit interlaces, each part assigned Final to its own task). */
const thirtyParts = (runtime: Runtime): { s: BrokerState; out: ReturnType<typeof Broker.sink> } => {
  const { s, out } = bought(runtime)
  let rest: RegionId = { begin: 4, core: 0, mask: FULL }
  for (let i = 0; i < 29; i++) {
    const one = CoreMask.fromChunk(i, i + 1)
    expect(
      Broker.execute(s, 'alice', { call: 'interlace', args: { regionId: rest, pivot: one } }, out).ok,
    ).toBe(true)
    const part = { ...rest, mask: one }
    rest = { ...rest, mask: rest.mask ^ one }
    Broker.execute(
      s,
      'alice',
      { call: 'assign', args: { regionId: part, task: 1000 + i, finality: 'Final' } },
      out,
    )
  }
  Broker.execute(s, 'alice', { call: 'assign', args: { regionId: rest, task: 1029, finality: 'Final' } }, out)
  out.assignments.length = 0
  out.events.length = 0
  Broker.advanceTo(s, 6, out) // commits timeslice 4
  return { s, out }
}

describe('assignments longer than 28 items (fellows coretime.rs assign_core)', () => {
  test('behavior: reach the relay as Idle (the remainder) plus the first 27 items; the event keeps all 30', () => {
    const { out } = thirtyParts(unitWith({ maxAssignmentItems: 28 }))
    const sent = out.assignments.find((a) => a.core === 0)!
    expect(sent.assignment).toHaveLength(28)
    expect(sent.assignment[0]).toEqual(['Idle', 57600 - 27 * 720])
    expect(sent.assignment.slice(1).map(([a]) => a)).toEqual(
      Array.from({ length: 27 }, (_, i) => ({ task: 1000 + i })),
    )
    const event = out.events.find((e) => e.name === 'CoreAssigned')!
    expect(event.name === 'CoreAssigned' && event.data.assignment).toHaveLength(30)
  })
  test('error: without the runtime limit (the pallet alone) all 30 items go to the relay', () => {
    const { out } = thirtyParts(Runtimes.unitTest)
    expect(out.assignments.find((a) => a.core === 0)!.assignment).toHaveLength(30)
  })
})

describe('existential deposit on payments', () => {
  test('behavior: a buyer left below the ED loses the rest (dust burned); at or above it keeps it', () => {
    const ed = unitWith({ existentialDeposit: 10n })
    const dust = bought(ed, [['alice', 105n]])
    expect(dust.r).toEqual({ ok: true })
    expect(Broker.balanceOf(dust.s, 'alice')).toBe(0n)
    expect(Broker.balanceOf(dust.s, '0')).toBe(100n) // OnRevenue gets the price, not the dust
    const kept = bought(ed, [['alice', 110n]])
    expect(Broker.balanceOf(kept.s, 'alice')).toBe(10n)
  })
  test('error: a credit purchase that would leave the pot below the ED is BelowMinimum and changes nothing', () => {
    const { s, out } = bought(unitWith({ existentialDeposit: 60n }))
    const before = Broker.clone(s)
    expect(
      Broker.execute(s, 'alice', { call: 'purchaseCredit', args: { amount: 50n, beneficiary: 'bob' } }, out),
    ).toEqual({ ok: false, error: { code: 'BelowMinimum', price: 50n } })
    expect(s).toEqual(before)
  })
})

describe('core count changes reach the broker two sessions later (relay configuration)', () => {
  test('behavior: applied at the start of the session after next, then CoreCountChanged', () => {
    const { s, out } = bought(unitWith({ relaySessionLength: 10 }))
    out.events.length = 0
    Broker.execute(s, 'root', { call: 'requestCoreCount', args: { coreCount: 3 } }, out)
    expect(s.coreCountInbox).toBeNull()
    expect(s.coreCountPending).toEqual({ coreCount: 3, at: 20 })
    Broker.advanceTo(s, 20, out)
    expect(s.status!.coreCount).toBe(1)
    Broker.advanceTo(s, 21, out)
    expect(s.status!.coreCount).toBe(3)
    expect(out.events.filter((e) => e.name === 'CoreCountChanged')).toEqual([
      { name: 'CoreCountChanged', data: { coreCount: 3 } },
    ])
  })
  test('error: the unit-test relay answers at once (no delay)', () => {
    const { s, out } = bought(Runtimes.unitTest)
    Broker.execute(s, 'root', { call: 'requestCoreCount', args: { coreCount: 3 } }, out)
    expect(s.coreCountInbox).toBe(3)
    Broker.advanceTo(s, 3, out)
    expect(s.status!.coreCount).toBe(3)
  })
  test('behavior: a quietHistory sink (fast-forward) applies it in the same block', () => {
    const a = bought(unitWith({ relaySessionLength: 10 }))
    const b = bought(unitWith({ relaySessionLength: 10 }))
    for (const x of [a, b])
      Broker.execute(x.s, 'root', { call: 'requestCoreCount', args: { coreCount: 3 } }, x.out)
    Broker.advanceTo(a.s, 40, a.out)
    Broker.advanceTo(b.s, 40, Broker.sink({ quietHistory: true }))
    expect(b.s).toEqual(a.s)
  })
})

describe('sale_index (polkadot-sdk #10188, a runtime setting)', () => {
  test('behavior: the first sale is 1 and each rotation adds one; SaleInitialized carries it', () => {
    const { s, out } = bought(unitWith({ saleIndex: true }))
    expect(s.saleInfo!.saleIndex).toBe(1)
    Broker.advanceTo(s, 6, out)
    expect(s.saleInfo!.saleIndex).toBe(2)
    const inits = out.events.filter((e) => e.name === 'SaleInitialized')
    expect(inits.map((e) => e.name === 'SaleInitialized' && e.data.saleIndex)).toEqual([1, 2])
  })
  test('error: absent without the setting (the live chains today)', () => {
    const { s, out } = bought(Runtimes.unitTest)
    expect('saleIndex' in s.saleInfo!).toBe(false)
    const init = out.events.find((e) => e.name === 'SaleInitialized')!
    expect('saleIndex' in init.data).toBe(false)
  })
})

describe('revenue products saturate at the Balance width (tick_impls.rs process_revenue, do_claim_revenue)', () => {
  const U64_MAX = (1n << 64n) - 1n
  /** Core 0 reserved for the pool (system 80), core 1 bought and pooled (private 80); revenue R reported for timeslice 4. */
  const pooled = (revenue: bigint) => {
    const s = Broker.create(Runtimes.unitTest, new Map([['alice', 1_000n]]))
    const out = Broker.sink()
    const root = (call: Parameters<typeof Broker.execute>[2]) =>
      expect(Broker.execute(s, 'root', call, out)).toEqual({ ok: true })
    root({ call: 'configure', args: config })
    root({ call: 'reserve', args: { workload: [{ mask: FULL, assignment: 'Pool' }] } })
    root({ call: 'startSales', args: { endPrice: 100n, extraCores: 1 } })
    Broker.advanceTo(s, 2, out)
    Broker.execute(s, 'alice', { call: 'purchase', args: { priceLimit: 1_000n } }, out)
    const regionId = { begin: 4, core: 1, mask: FULL }
    Broker.execute(s, 'alice', { call: 'pool', args: { regionId, payee: 'bob', finality: 'Final' } }, out)
    Broker.advanceTo(s, 10, out)
    root({ call: 'notifyRevenue', args: { revenue: { until: 10, amount: revenue } } })
    Broker.advanceTo(s, 11, out)
    Broker.execute(s, 'bob', { call: 'claimRevenue', args: { regionId, maxTimeslices: 1 } }, out)
    return out.events
  }
  test('default: small revenue splits exactly (80 system : 80 private)', () => {
    const events = pooled(1000n)
    expect(events).toContainEqual({
      name: 'ClaimsReady',
      data: { when: 4, systemPayout: 500n, privatePayout: 500n },
    })
    expect(events.find((e) => e.name === 'RevenueClaimPaid')?.data).toMatchObject({ amount: 500n })
  })
  test('error: near u64::MAX the products saturate before dividing, as upstream', () => {
    const events = pooled(U64_MAX)
    const system = U64_MAX / 160n // saturating_mul(80) = MAX, then / 160
    expect(events).toContainEqual({
      name: 'ClaimsReady',
      data: { when: 4, systemPayout: system, privatePayout: U64_MAX - system },
    })
    // claim: (MAX − system)·80 saturates to MAX, / 80
    expect(events.find((e) => e.name === 'RevenueClaimPaid')?.data).toMatchObject({ amount: U64_MAX / 80n })
  })
})

describe('force_reserve before ForceReservations (coretime-paseo 2000006, polkadot-sdk #10792)', () => {
  const workload = [{ mask: FULL, assignment: { task: 2000 } }]
  const forced = (runtime: Runtime) => {
    const { s, out } = bought(runtime)
    const r = Broker.execute(s, 'root', { call: 'forceReserve', args: { workload, core: 1 } }, out)
    return { s, r }
  }
  test('behavior: the workload takes the core in the region on sale at once; nothing is queued', () => {
    const { s, r } = forced(unitWith({ forceReservations: false }))
    expect(r).toEqual({ ok: true })
    const begin = s.saleInfo!.regionBegin
    const plan = TraceResult.stateToJson(s).workplan
    expect(plan).toContainEqual({
      timeslice: begin,
      core: 1,
      schedule: [{ mask: '0xffffffffffffffffffff', assignment: { task: 2000 } }],
    })
    expect(s.forceReservations).toEqual([])
    expect(s.reservations).toEqual([workload])
  })
  test('default: with ForceReservations (the pallet today) it is queued for the next rotation instead', () => {
    const { s, r } = forced(Runtimes.unitTest)
    expect(r).toEqual({ ok: true })
    const begin = s.saleInfo!.regionBegin
    expect(TraceResult.stateToJson(s).workplan.filter((w) => w.timeslice === begin && w.core === 1)).toEqual(
      [],
    )
    expect(s.forceReservations).toEqual([workload])
  })
})
