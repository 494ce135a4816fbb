import { describe, expect, test } from 'vitest'
import * as Broker from '../broker/Broker'
import * as PoolHistory from '../broker/PoolHistory'
import * as RegionId from '../broker/RegionId'
import * as Runtimes from '../broker/Runtimes'
import type { BrokerEvent, Schedule } from '../broker/types'
import * as Workplan from '../broker/Workplan'
import * as Result from './Result'
import type { Trace } from './Trace'

const runtime = Runtimes.unitTest
const FULL = (1n << 80n) - 1n
const task = (n: number): Schedule => [{ mask: FULL, assignment: { task: n } }]

describe('TraceResult.stateToJson', () => {
  test('default: a fresh state', () => {
    expect(Result.stateToJson(Broker.create(runtime, new Map(), 7))).toEqual({
      block: 7,
      configuration: null,
      status: null,
      saleInfo: null,
      balances: {},
      credits: {},
      regions: [],
      potentialRenewals: [],
      leases: [],
      reservations: [],
      workplan: [],
      workload: [],
      autoRenewals: [],
      forceReservations: [],
      instaPoolIo: [],
      instaPoolContribution: [],
      instaPoolHistory: [],
    })
  })

  test('behavior: maps sorted by key, vectors in storage order, zero accounts left out', () => {
    const s = Broker.create(
      runtime,
      new Map([
        ['pot', 0n],
        ['alice', 5n],
        ['1001', 3n],
        ['2', 1n],
        ['0x7369626c', 9n],
      ]),
    )
    s.configuration = {
      advanceNotice: 2,
      interludeLength: 1,
      leadinLength: 1,
      regionLength: 3,
      idealBulkProportion: 500_000_000n,
      limitCoresOffered: null,
      renewalBump: 100_000_000n,
      contributionTimeout: 5,
    }
    s.saleInfo = {
      saleStart: 4,
      leadinLength: 1,
      endPrice: 100n,
      regionBegin: 4,
      regionEnd: 7,
      idealCoresSold: 0,
      coresOffered: 1,
      firstCore: 0,
      selloutPrice: null,
      coresSold: 0,
    }
    const half = 0xffffffffff0000000000n
    // inserted out of order on purpose
    Broker.setRegion(s, { begin: 6, core: 0, mask: FULL }, { end: 7, owner: '1', paid: null })
    Broker.setRegion(s, { begin: 4, core: 1, mask: half }, { end: 7, owner: null, paid: 100n })
    Broker.setRegion(s, { begin: 4, core: 0, mask: FULL }, { end: 6, owner: '2', paid: 1n })
    Broker.setRenewal(s, 1, 7, { price: 110n, completion: { partial: half } })
    Broker.setRenewal(s, 0, 10, { price: 100n, completion: { complete: task(1) } })
    Broker.setRenewal(s, 0, 7, { price: 90n, completion: { complete: [] } })
    Workplan.set(s.workplan, 5, 0, task(3))
    Workplan.set(s.workplan, 4, 1, [{ mask: FULL, assignment: 'Pool' }])
    Workplan.set(s.workplan, 4, 0, [{ mask: FULL, assignment: 'Idle' }])
    s.workload.set(1, task(2))
    s.workload.set(0, task(1))
    s.leases.push({ until: 9, task: 2001 }, { until: 3, task: 2000 })
    s.autoRenewals.push({ core: 2, task: 1003, nextRenewal: 7 }, { core: 0, task: 1001, nextRenewal: 7 })
    s.reservations.push(task(5), [{ mask: FULL, assignment: 'Pool' }])
    s.instaPoolIo.set(9, { private: 0, system: -80 })
    s.instaPoolIo.set(4, { private: 0, system: 80 })
    s.instaPoolContribution.set(RegionId.toKey({ begin: 7, core: 0, mask: FULL }), { length: 3, payee: '2' })
    PoolHistory.set(s.instaPoolHistory, 5, {
      privateContributions: 0,
      systemContributions: 80,
      maybePayout: 12n,
    })
    PoolHistory.append(s.instaPoolHistory, 4, 1, 0, 80)
    s.credits.set('9', 0n)
    s.credits.set('3', 40n)

    const j = Result.stateToJson(s)
    expect(Object.entries(j.balances)).toEqual([
      ['2', '1'],
      ['1001', '3'],
      ['0x7369626c', '9'],
      ['alice', '5'],
    ])
    expect(j.credits).toEqual({ '3': '40' })
    expect(j.configuration).toMatchObject({ idealBulkProportion: '500000000', renewalBump: '100000000' })
    expect(j.saleInfo).toMatchObject({ endPrice: '100', selloutPrice: null })
    expect(j.regions).toEqual([
      { id: { begin: 4, core: 0, mask: '0xffffffffffffffffffff' }, end: 6, owner: '2', paid: '1' },
      { id: { begin: 4, core: 1, mask: '0xffffffffff0000000000' }, end: 7, owner: null, paid: '100' },
      { id: { begin: 6, core: 0, mask: '0xffffffffffffffffffff' }, end: 7, owner: '1', paid: null },
    ])
    expect(j.potentialRenewals).toEqual([
      { core: 0, when: 7, price: '90', completion: { complete: [] } },
      {
        core: 0,
        when: 10,
        price: '100',
        completion: { complete: [{ mask: '0xffffffffffffffffffff', assignment: { task: 1 } }] },
      },
      { core: 1, when: 7, price: '110', completion: { partial: '0xffffffffff0000000000' } },
    ])
    expect(j.workplan.map((w) => [w.timeslice, w.core, w.schedule[0]!.assignment])).toEqual([
      [4, 0, 'Idle'],
      [4, 1, 'Pool'],
      [5, 0, { task: 3 }],
    ])
    expect(j.workload.map((w) => w.core)).toEqual([0, 1])
    expect(j.leases).toEqual([
      { until: 9, task: 2001 },
      { until: 3, task: 2000 },
    ])
    expect(j.autoRenewals.map((a) => a.core)).toEqual([2, 0])
    expect(j.reservations).toEqual([
      [{ mask: '0xffffffffffffffffffff', assignment: { task: 5 } }],
      [{ mask: '0xffffffffffffffffffff', assignment: 'Pool' }],
    ])
    expect(j.instaPoolIo).toEqual([
      { timeslice: 4, private: 0, system: 80 },
      { timeslice: 9, private: 0, system: -80 },
    ])
    expect(j.instaPoolContribution).toEqual([
      { regionId: { begin: 7, core: 0, mask: '0xffffffffffffffffffff' }, length: 3, payee: '2' },
    ])
    expect(j.instaPoolHistory.map((h) => h.maybePayout)).toEqual([null, '12'])
  })

  test('behavior: insertion order does not change the output', () => {
    const a = Broker.create(
      runtime,
      new Map([
        ['b', 1n],
        ['10', 2n],
        ['9', 3n],
      ]),
    )
    const b = Broker.create(
      runtime,
      new Map([
        ['9', 3n],
        ['b', 1n],
        ['10', 2n],
      ]),
    )
    a.workload.set(2, task(1))
    a.workload.set(1, task(1))
    b.workload.set(1, task(1))
    b.workload.set(2, task(1))
    expect(JSON.stringify(Result.stateToJson(a))).toBe(JSON.stringify(Result.stateToJson(b)))
    expect(JSON.stringify(Result.stateToJson(a).balances)).toBe('{"9":"3","10":"2","b":"1"}')
  })
})

describe('TraceResult.toJson', () => {
  const trace: Trace = {
    name: 't',
    runtime,
    startBlock: 0,
    balances: new Map(),
    steps: [
      { block: 0, origin: '1', call: { call: 'purchase', args: { priceLimit: 1n } } },
      { block: 3, origin: null, call: null },
      { block: 6, origin: '1', call: { call: 'renew', args: { core: 0 } } },
    ],
    expect: null,
  }
  const region = { begin: 4, core: 0, mask: FULL }
  const events: BrokerEvent[] = [
    { name: 'Purchased', data: { who: '1', regionId: region, price: 100n, duration: 3 } },
    { name: 'CoreAssigned', data: { core: 0, when: 8, assignment: [[{ task: 1001 }, 57600]] } },
    {
      name: 'Partitioned',
      data: { oldRegionId: region, newRegionIds: [region, { begin: 6, core: 0, mask: 0xffn }] },
    },
    { name: 'RevenueClaimPaid', data: { who: '2', amount: 7n, next: null } },
    { name: 'AutoRenewalLimitReached', data: {} },
  ]
  const run: Result.Run = {
    trace,
    outcomes: [{ ok: false, error: { code: 'Overpriced' } }, null, { ok: true }],
    events,
    eventBlocks: [0, 6, 6, 6, 6],
    eventSteps: [0, null, 2, 2, null],
    assignments: [
      {
        block: 6,
        core: 0,
        begin: 8,
        assignment: [
          ['Pool', 28800],
          [{ task: 7 }, 28800],
        ],
        endHint: null,
      },
    ],
    state: Broker.create(runtime),
    snapshots: new Map(),
  }

  test('default', () => {
    const j = Result.toJson(run)
    expect(Object.keys(j)).toEqual(['format', 'steps', 'events', 'assignments', 'state'])
    expect(j.format).toBe('coretime-trace-result/1')
    expect(j.steps).toEqual([
      { index: 0, block: 0, ok: false, error: 'Overpriced' },
      { index: 2, block: 6, ok: true },
    ])
    expect(j.assignments).toEqual([
      {
        block: 6,
        core: 0,
        begin: 8,
        assignment: [
          ['Pool', 28800],
          [{ task: 7 }, 28800],
        ],
        endHint: null,
      },
    ])
    expect(j.events).toEqual([
      {
        block: 0,
        step: 0,
        name: 'Purchased',
        data: {
          who: '1',
          regionId: { begin: 4, core: 0, mask: '0xffffffffffffffffffff' },
          price: '100',
          duration: 3,
        },
      },
      {
        block: 6,
        step: null,
        name: 'CoreAssigned',
        data: { core: 0, when: 8, assignment: [[{ task: 1001 }, 57600]] },
      },
      {
        block: 6,
        step: 2,
        name: 'Partitioned',
        data: {
          oldRegionId: { begin: 4, core: 0, mask: '0xffffffffffffffffffff' },
          newRegionIds: [
            { begin: 4, core: 0, mask: '0xffffffffffffffffffff' },
            { begin: 6, core: 0, mask: '0x000000000000000000ff' },
          ],
        },
      },
      { block: 6, step: 2, name: 'RevenueClaimPaid', data: { who: '2', amount: '7', next: null } },
      { block: 6, step: null, name: 'AutoRenewalLimitReached', data: {} },
    ])
    expect(() => JSON.stringify(j)).not.toThrow()
  })

  test('error: a value that is not plain data is a bug', () => {
    const bad = {
      ...run,
      events: [{ name: 'Leased', data: { task: 1, until: () => 1 } } as unknown as BrokerEvent],
    }
    expect(() => Result.toJson(bad)).toThrow(/cannot serialize a function in event field until/)
  })
})
