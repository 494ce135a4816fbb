import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Broker from './Broker'
import * as CoreMask from './CoreMask'
import * as RegionIdM from './RegionId'
import * as Runtimes from './Runtimes'
import type { BrokerCall, BrokerState, Origin, Runtime } from './types'

// The pallet's unit-test runtime (spec §9), with each price adapter in turn.
const runtime = (priceAdapter: Runtime['priceAdapter']): Runtime => ({ ...Runtimes.unitTest, priceAdapter })

const ACCOUNTS = ['1', '2', '3', '1001', '1002']
const TASKS = [1001, 1002, 1003]

/** A step as generated: numbers that are mapped onto whatever exists in the state when it runs. */
type Op = { kind: number; a: number; b: number; c: number; advance: number }
const op = fc.record({
  kind: fc.nat(15),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  advance: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(12)),
})

const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined)

/** Maps a generated op onto a concrete call against the current state. */
const toCall = (s: BrokerState, o: Op): { origin: Origin; call: BrokerCall } => {
  const who = pick(ACCOUNTS, o.a)!
  const held = pick(Broker.regionsInOrder(s), o.b)
  const regionId = held === undefined ? { begin: o.b % 20, core: o.c % 3, mask: CoreMask.complete } : held.id
  const owner = held === undefined ? who : (held.record.owner ?? who)
  const task = pick(TASKS, o.c)!
  switch (o.kind) {
    case 0:
    case 1:
      return { origin: who, call: { call: 'purchase', args: { priceLimit: BigInt(o.c) * 10n } } }
    case 2:
      return { origin: who, call: { call: 'renew', args: { core: o.b % 4 } } }
    case 3:
      return {
        origin: owner,
        call: { call: 'assign', args: { regionId, task, finality: o.c % 2 ? 'Final' : 'Provisional' } },
      }
    case 4:
      return { origin: owner, call: { call: 'partition', args: { regionId, pivot: o.c % 4 } } }
    case 5: {
      const bits = 1 + (o.c % 79)
      return {
        origin: owner,
        call: { call: 'interlace', args: { regionId, pivot: CoreMask.fromChunk(0, bits) } },
      }
    }
    case 6:
      return { origin: owner, call: { call: 'transfer', args: { regionId, newOwner: pick(ACCOUNTS, o.c)! } } }
    case 7:
      return {
        origin: owner,
        call: { call: 'pool', args: { regionId, payee: who, finality: 'Provisional' } },
      }
    case 8: {
      const contribution = pick([...s.instaPoolContribution.keys()], o.b)
      const id = contribution === undefined ? regionId : RegionIdM.fromKey(contribution)
      return { origin: who, call: { call: 'claimRevenue', args: { regionId: id, maxTimeslices: o.c % 5 } } }
    }
    case 9:
      return {
        origin: 'root',
        call: { call: 'notifyRevenue', args: { revenue: { until: s.block, amount: BigInt(o.c) } } },
      }
    case 10:
      return {
        origin: who,
        call: { call: 'purchaseCredit', args: { amount: BigInt(o.c), beneficiary: who } },
      }
    case 11:
      return { origin: who, call: { call: 'dropRegion', args: { regionId } } }
    case 12:
      return {
        origin: String(task),
        call: {
          call: 'enableAutoRenew',
          args: { core: o.b % 4, task, workloadEndHint: o.c % 2 ? null : o.c % 20 },
        },
      }
    case 13:
      return { origin: 'root', call: { call: 'setLease', args: { task, until: o.c % 30 } } }
    case 14:
      return { origin: who, call: { call: 'dropRenewal', args: { core: o.b % 4, when: o.c % 20 } } }
    default:
      return { origin: 'root', call: { call: 'requestCoreCount', args: { coreCount: 1 + (o.c % 5) } } }
  }
}

const setup = (adapter: Runtime['priceAdapter']): { s: BrokerState; out: ReturnType<typeof Broker.sink> } => {
  const s = Broker.create(runtime(adapter), new Map(ACCOUNTS.map((a) => [a, 100_000n])))
  const out = Broker.sink()
  const calls: BrokerCall[] = [
    {
      call: 'configure',
      args: {
        advanceNotice: 2,
        interludeLength: 1,
        leadinLength: 3,
        regionLength: 3,
        idealBulkProportion: 500_000_000n,
        limitCoresOffered: null,
        renewalBump: 100_000_000n,
        contributionTimeout: 5,
      },
    },
    { call: 'setLease', args: { task: 2000, until: 8 } },
    { call: 'startSales', args: { endPrice: 100n, extraCores: 3 } },
  ]
  for (const call of calls) expect(Broker.execute(s, 'root', call, out)).toEqual({ ok: true })
  return { s, out }
}

const total = (s: BrokerState): bigint => {
  let t = 0n
  for (const v of s.balances.values()) t += v
  for (const v of s.credits.values()) t += v
  return t
}

/** No (timeslice, core, bit) is held by two regions. */
const overlapping = (s: BrokerState): string | null => {
  const ids = Broker.regionsInOrder(s).map(({ id, record: r }) => ({ id, end: r.end }))
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const x = ids[i]!
      const y = ids[j]!
      if (x.id.core !== y.id.core || (x.id.mask & y.id.mask) === 0n) continue
      if (x.id.begin < y.end && y.id.begin < x.end)
        return `${JSON.stringify(x.id, big)} overlaps ${JSON.stringify(y.id, big)}`
    }
  return null
}
const big = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)

const ADAPTERS: Runtime['priceAdapter'][] = [
  { kind: 'CenterTargetPrice' },
  { kind: 'MinimumPrice', minimumEndPrice: 50n },
  { kind: 'Linear' },
  { kind: 'Fixed' },
]

/** Runs ops, checking the step invariants as it goes; returns the outcomes for replay comparison. */
const run = (adapter: Runtime['priceAdapter'], ops: Op[], checkEachStep: boolean) => {
  const { s, out } = setup(adapter)
  const start = total(s)
  const outcomes: string[] = []
  const pricesBySale = new Map<number, bigint>()
  for (const o of ops) {
    Broker.advanceTo(s, s.block + o.advance, out)
    const { origin, call } = toCall(s, o)
    const before = checkEachStep ? Broker.clone(s) : null
    const eventsBefore = out.events.length
    const r = Broker.execute(s, origin, call, out)
    outcomes.push(r.ok ? 'ok' : r.error.code)
    if (!checkEachStep) continue
    if (!r.ok) {
      expect(s, `failed ${call.call} (${r.error.code}) changed state`).toEqual(before)
      expect(out.events.length, `failed ${call.call} emitted events`).toBe(eventsBefore)
    }
    expect(total(s), 'planck conserved').toBe(start)
    expect(overlapping(s)).toBeNull()
    const sale = s.saleInfo!
    expect(sale.coresSold).toBeLessThanOrEqual(sale.coresOffered)
    const price = Broker.salePriceNow(s)!
    const last = pricesBySale.get(sale.regionBegin)
    if (last !== undefined) expect(price, 'lead-in price never rises within a sale').toBeLessThanOrEqual(last)
    pricesBySale.set(sale.regionBegin, price)
  }
  return { s, out, outcomes }
}

describe('Broker invariants (random call sequences)', () => {
  for (const adapter of ADAPTERS) {
    test(`behavior: ${adapter.kind} — planck conserved, no double-owned bit, failures change nothing, price monotone, coresSold ≤ coresOffered`, () => {
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
          run(adapter, ops, true)
        }),
        { numRuns: 150 },
      )
    })
  }

  test('behavior: replaying the same calls gives the same state, events and assignments', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 80 }), (ops) => {
        const a = run({ kind: 'CenterTargetPrice' }, ops, false)
        const b = run({ kind: 'CenterTargetPrice' }, ops, false)
        expect(b.outcomes).toEqual(a.outcomes)
        expect(b.s).toEqual(a.s)
        expect(b.out).toEqual(a.out)
      }),
      { numRuns: 60 },
    )
  })

  test('behavior: skipping idle blocks equals ticking every block', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const { s: fast, out: fastOut } = setup({ kind: 'CenterTargetPrice' })
        const { s: slow, out: slowOut } = setup({ kind: 'CenterTargetPrice' })
        for (const o of ops) {
          Broker.advanceTo(fast, fast.block + o.advance, fastOut)
          const target = slow.block + o.advance
          for (let b = slow.block + 1; b <= target; b++) Broker.advanceTo(slow, b, slowOut)
          const { origin, call } = toCall(fast, o)
          Broker.execute(fast, origin, call, fastOut)
          Broker.execute(slow, origin, call, slowOut)
        }
        Broker.advanceTo(fast, fast.block + 50, fastOut)
        for (let b = slow.block + 1; b <= fast.block; b++) Broker.advanceTo(slow, b, slowOut)
        expect(fast).toEqual(slow)
        expect(fastOut).toEqual(slowOut)
      }),
      { numRuns: 60 },
    )
  })

  test('behavior: a quietHistory sink fast-forwards idle timeslices to the same state and events', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.nat(400), (ops, tail) => {
        const { s: fast } = setup({ kind: 'CenterTargetPrice' })
        const { s: slow, out: slowOut } = setup({ kind: 'CenterTargetPrice' })
        const fastOut = Broker.sink({ quietHistory: true })
        slowOut.events.length = 0
        slowOut.assignments.length = 0
        for (const o of ops) {
          Broker.advanceTo(fast, fast.block + o.advance * 7, fastOut)
          const target = slow.block + o.advance * 7
          for (let b = slow.block + 1; b <= target; b++) Broker.advanceTo(slow, b, slowOut)
          const { origin, call } = toCall(fast, o)
          Broker.execute(fast, origin, call, fastOut)
          Broker.execute(slow, origin, call, slowOut)
        }
        Broker.advanceTo(fast, fast.block + tail, fastOut)
        const target = slow.block + tail
        for (let b = slow.block + 1; b <= target; b++) Broker.advanceTo(slow, b, slowOut)
        expect(fast).toEqual(slow)
        expect(fastOut.events).toEqual(slowOut.events.filter((e) => e.name !== 'HistoryInitialized'))
        expect(fastOut.assignments).toEqual(slowOut.assignments)
      }),
      { numRuns: 100 },
    )
  })

  test('behavior: a quietSchedules sink reaches the same state, without CoreAssigned or assignments', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.nat(400), (ops, tail) => {
        const { s: quiet } = setup({ kind: 'CenterTargetPrice' })
        const { s: full, out: fullOut } = setup({ kind: 'CenterTargetPrice' })
        const quietOut = Broker.sink({ quietHistory: true, quietSchedules: true })
        const loudOut = Broker.sink({ quietHistory: true })
        for (const o of ops) {
          Broker.advanceTo(quiet, quiet.block + o.advance * 7, quietOut)
          Broker.advanceTo(full, full.block + o.advance * 7, loudOut)
          const { origin, call } = toCall(quiet, o)
          Broker.execute(quiet, origin, call, quietOut)
          Broker.execute(full, origin, call, loudOut)
        }
        Broker.advanceTo(quiet, quiet.block + tail, quietOut)
        Broker.advanceTo(full, full.block + tail, loudOut)
        expect(quiet).toEqual(full)
        expect(quietOut.events).toEqual(loudOut.events.filter((e) => e.name !== 'CoreAssigned'))
        expect(quietOut.assignments).toEqual([])
        expect(fullOut).toBeDefined()
      }),
      { numRuns: 100 },
    )
  })

  test('behavior: a quietEvents sink reaches the same state and outcomes, recording no events', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.nat(400), (ops, tail) => {
        const { s: quiet } = setup({ kind: 'CenterTargetPrice' })
        const { s: loud } = setup({ kind: 'CenterTargetPrice' })
        const quietOut = Broker.sink({ quietHistory: true, quietSchedules: true, quietEvents: true })
        const loudOut = Broker.sink()
        for (const o of ops) {
          Broker.advanceTo(quiet, quiet.block + o.advance * 7, quietOut)
          Broker.advanceTo(loud, loud.block + o.advance * 7, loudOut)
          const { origin, call } = toCall(quiet, o)
          expect(Broker.execute(quiet, origin, call, quietOut)).toEqual(
            Broker.execute(loud, origin, call, loudOut),
          )
        }
        Broker.advanceTo(quiet, quiet.block + tail, quietOut)
        Broker.advanceTo(loud, loud.block + tail, loudOut)
        expect(quiet).toEqual(loud)
        expect(quietOut.events).toEqual([])
      }),
      { numRuns: 100 },
    )
  })

  test('error: the invariant checker itself catches a double-owned bit', () => {
    const { s } = setup({ kind: 'CenterTargetPrice' })
    const id = { begin: 4, core: 0, mask: CoreMask.complete }
    Broker.setRegion(s, id, { end: 7, owner: '1', paid: null })
    Broker.setRegion(
      s,
      { ...id, begin: 5, mask: CoreMask.fromChunk(0, 1) },
      {
        end: 6,
        owner: '2',
        paid: null,
      },
    )
    expect(overlapping(s)).toMatch(/overlaps/)
  })
})
