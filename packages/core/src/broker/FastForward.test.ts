import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Broker from './Broker'
import { fastForward, nextActiveBlock } from './FastForward'
import * as Runtimes from './Runtimes'
import { tick } from './Tick'
import type { BrokerCall, BrokerState } from './types'

// FastForward.ts is our optimisation, not the pallet's: these tests hold it to ticking every block.

const ACCOUNTS = ['1', '2', '3']

/** A chain with a lease, three cores on sale, and some history of purchases, assignments and pool. */
const chain = (ops: { kind: number; advance: number; who: number }[]): BrokerState => {
  const s = Broker.create(Runtimes.unitTest, new Map(ACCOUNTS.map((a) => [a, 1_000_000n])))
  const out = Broker.sink()
  const root: BrokerCall[] = [
    {
      call: 'configure',
      args: { ...Runtimes.unitTestConfig, leadinLength: 3, idealBulkProportion: 500_000_000n },
    },
    { call: 'setLease', args: { task: 2000, until: 12 } },
    { call: 'startSales', args: { endPrice: 100n, extraCores: 3 } },
  ]
  for (const call of root) expect(Broker.execute(s, 'root', call, out)).toEqual({ ok: true })
  for (const o of ops) {
    Broker.advanceTo(s, s.block + o.advance, out)
    const who = ACCOUNTS[o.who % ACCOUNTS.length]!
    const regions = Broker.regionsInOrder(s)
    const held = regions[o.who % Math.max(1, regions.length)]
    const region = held?.record
    const regionId = held === undefined ? null : held.id
    if (o.kind === 0) Broker.execute(s, who, { call: 'purchase', args: { priceLimit: 10_000n } }, out)
    else if (o.kind === 1 && regionId && region?.owner)
      Broker.execute(
        s,
        region.owner,
        { call: 'assign', args: { regionId, task: 1001, finality: 'Final' } },
        out,
      )
    else if (o.kind === 2 && regionId && region?.owner)
      Broker.execute(
        s,
        region.owner,
        { call: 'pool', args: { regionId, payee: who, finality: 'Final' } },
        out,
      )
    else if (o.kind === 3)
      Broker.execute(
        s,
        'root',
        { call: 'notifyRevenue', args: { revenue: { until: s.block, amount: 50n } } },
        out,
      )
  }
  return s
}

const ops = fc.array(fc.record({ kind: fc.nat(4), advance: fc.nat(9), who: fc.nat(10) }), { maxLength: 12 })

/** Records, beside each event the engine pushes, the block it was pushed in (as replay's sink does). */
const stampBlocks = (s: BrokerState, out: ReturnType<typeof Broker.sink>): number[] => {
  const blocks: number[] = []
  const push = out.events.push.bind(out.events)
  const stamped = (...items: typeof out.events): number => {
    for (const _ of items) blocks.push(s.block)
    return push(...items)
  }
  // not enumerable: the sinks are compared with toEqual
  Object.defineProperty(out.events, 'push', { value: stamped, enumerable: false })
  Object.defineProperty(out, 'blocks', { value: blocks, enumerable: false })
  return blocks
}

/** `do_tick` once for each block up to `block`, with no skipping at all. */
const tickEachBlock = (s: BrokerState, block: number, out = Broker.sink({ quietHistory: true })) => {
  stampBlocks(s, out)
  while (s.block < block) {
    s.block += 1
    tick(s, out)
  }
  return out
}

describe('FastForward.fastForward', () => {
  test('behavior: the state it reaches equals ticking every block to the same block', () => {
    let skipped = 0
    fc.assert(
      fc.property(ops, fc.nat(200), (o, ahead) => {
        const fast = chain(o)
        const slow = Broker.clone(fast)
        const target = fast.block + 1 + ahead
        if (!fastForward(fast, target, Broker.sink({ quietHistory: true }))) return
        skipped++
        expect(fast.block).toBeLessThanOrEqual(target)
        const out = tickEachBlock(slow, fast.block)
        expect(fast).toEqual(slow)
        // the skipped blocks had nothing to say beyond their history records
        expect(out.events).toEqual([])
        expect(out.assignments).toEqual([])
      }),
      { numRuns: 150 },
    )
    expect(skipped).toBeGreaterThan(20) // the property was exercised, not vacuously true
  })

  test('behavior: with a loud sink it emits the HistoryInitialized events ticking would, in order', () => {
    let skipped = 0
    fc.assert(
      fc.property(ops, fc.nat(200), (o, ahead) => {
        const fast = chain(o)
        const slow = Broker.clone(fast)
        const fastOut = Broker.sink()
        const fastBlocks = stampBlocks(fast, fastOut)
        if (!fastForward(fast, fast.block + 1 + ahead, fastOut)) return
        if (fastOut.events.length > 1) skipped++
        const slowOut = tickEachBlock(slow, fast.block, Broker.sink())
        expect(fast).toEqual(slow)
        expect(fastOut.events).toEqual(slowOut.events)
        // each event in the block that emitted it (replay stamps events with the block)
        expect(fastBlocks).toEqual((slowOut as { blocks?: number[] }).blocks)
        expect(fastOut.events.every((e) => e.name === 'HistoryInitialized')).toBe(true)
        expect(fastOut.assignments).toEqual(slowOut.assignments)
        // a sink that leaves events out gets none
        const quiet = Broker.sink({ quietEvents: true })
        const again = chain(o)
        fastForward(again, fast.block, quiet)
        expect(quiet.events).toEqual([])
      }),
      { numRuns: 150 },
    )
    expect(skipped).toBeGreaterThan(20)
  })

  test('behavior: it stops short of the next block with work (a rotation is never skipped)', () => {
    const s = chain([])
    const sale = s.saleInfo!
    const rotationBlock = sale.regionBegin * s.runtime.timeslicePeriod - s.configuration!.advanceNotice
    while (fastForward(s, rotationBlock + 50, Broker.sink())) {
      // each step ends before the block that commits the sale's first timeslice
    }
    expect(s.block).toBeLessThan(rotationBlock)
    expect(s.saleInfo).toBe(sale)
  })

  test('error: refuses (and changes nothing) while an inbox waits or before sales start', () => {
    const before = Broker.create(Runtimes.unitTest)
    expect(fastForward(before, 100, Broker.sink())).toBe(false)
    expect(before.block).toBe(0)
    const s = chain([])
    Broker.execute(s, 'root', { call: 'notifyCoreCount', args: { coreCount: 9 } }, Broker.sink())
    const copy = Broker.clone(s)
    expect(fastForward(s, s.block + 100, Broker.sink())).toBe(false)
    expect(s).toEqual(copy)
  })
})

describe('FastForward.nextActiveBlock', () => {
  test('behavior: ticking the blocks it skips changes nothing', () => {
    let gaps = 0
    fc.assert(
      fc.property(ops, (o) => {
        const s = chain(o)
        const next = nextActiveBlock(s)
        if (!Number.isFinite(next)) return
        if (next - 1 > s.block) gaps++
        const copy = Broker.clone(s)
        tickEachBlock(copy, next - 1)
        expect({ ...copy, block: s.block }).toEqual(s)
      }),
      { numRuns: 150 },
    )
    expect(gaps).toBeGreaterThan(20)
  })

  test('error: never (infinity) before sales start; the next block while the relay has answered', () => {
    expect(nextActiveBlock(Broker.create(Runtimes.unitTest))).toBe(Number.POSITIVE_INFINITY)
    const s = chain([])
    Broker.execute(s, 'root', { call: 'notifyCoreCount', args: { coreCount: 9 } }, Broker.sink())
    expect(nextActiveBlock(s)).toBe(s.block + 1)
  })
})
