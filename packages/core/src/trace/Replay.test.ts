import { describe, expect, test } from 'vitest'
import * as Broker from '../broker/Broker'
import * as Replay from './Replay'
import * as Result from './Result'
import * as Trace from './Trace'
import { configureStep, runtimeJson } from './unitTest.test-util'

const runtime = runtimeJson()
const full = '0xffffffffffffffffffff'
const configure = configureStep()
const parse = (steps: unknown[]): Trace.Trace => {
  const r = Trace.parse({ format: 'coretime-trace/1', runtime, balances: { '1': '100000' }, steps })
  if (!r.ok) throw new Error(r.error.issues.map(Trace.formatIssue).join('\n'))
  return r.trace
}
// the spec's renewal example (pallet-broker `renewal_works`)
const renewal = () =>
  parse([
    configure,
    { block: 0, origin: 'root', call: 'startSales', args: { endPrice: '100', extraCores: 1 } },
    { block: 2, origin: '1', call: 'purchase', args: { priceLimit: '100000' } },
    {
      block: 2,
      origin: '1',
      call: 'assign',
      args: { regionId: { begin: 4, core: 0, mask: full }, task: 1001, finality: 'Final' },
    },
    { block: 5 },
    { block: 6, origin: '1', call: 'purchase', args: { priceLimit: '100000' } },
    { block: 6, origin: '1', call: 'renew', args: { core: 0 } },
  ])

describe('Replay.replay', () => {
  test('default', () => {
    const run = Replay.replay(renewal())
    const j = Result.toJson(run)
    expect(j.steps).toEqual([
      { index: 0, block: 0, ok: true },
      { index: 1, block: 0, ok: true },
      { index: 2, block: 2, ok: true },
      { index: 3, block: 2, ok: true },
      { index: 5, block: 6, ok: false, error: 'TooEarly' },
      { index: 6, block: 6, ok: true },
    ])
    expect(j.state.block).toBe(6)
    expect(j.state.balances['1']).toBe('99800')
    expect(run.events).toHaveLength(run.eventBlocks.length)
    expect(run.events).toHaveLength(run.eventSteps.length)
  })

  test('behavior: events carry their block and step; hook events have step null', () => {
    const j = Result.toJson(Replay.replay(renewal()))
    const purchased = j.events.find((e) => e.name === 'Purchased')
    expect(purchased).toMatchObject({ block: 2, step: 2, data: { who: '1', price: '100' } })
    const renewed = j.events.find((e) => e.name === 'Renewed')
    expect(renewed).toMatchObject({ block: 6, step: 6, data: { price: '100', oldCore: 0, core: 0 } })
    // the hook at block 6 sends core 0's schedule for timeslice 4 (relay block 8): between two steps
    expect(j.events).toContainEqual({
      block: 6,
      step: null,
      name: 'CoreAssigned',
      data: { core: 0, when: 8, assignment: [[{ task: 1001 }, 57600]] },
    })
    expect(j.assignments).toContainEqual({
      block: 6,
      core: 0,
      begin: 8,
      assignment: [[{ task: 1001 }, 57600]],
      endHint: null,
    })
    // hook events are stamped with the block whose hook emitted them, not the step's block
    const hook = j.events.filter((e) => e.step === null)
    expect(hook.length).toBeGreaterThan(0)
    for (const e of hook) expect(e.block).toBeLessThanOrEqual(6)
    expect(new Set(hook.map((e) => e.block)).size).toBeGreaterThan(1)
    // a failed call (step 5, TooEarly) emits nothing
    expect(j.events.filter((e) => e.step === 5)).toEqual([])
  })

  test('behavior: snapshots after a call and after a pause', () => {
    const run = Replay.replay(renewal(), { snapshots: [2, 4] })
    expect([...run.snapshots.keys()]).toEqual([2, 4])
    expect(run.snapshots.get(2)!.balances['1']).toBe('99900')
    expect(run.snapshots.get(2)!.block).toBe(2)
    expect(run.snapshots.get(4)!.block).toBe(5)
    expect(Replay.snapshotSteps(renewal())).toEqual([])
  })

  test('behavior: the same trace gives byte-identical results', () => {
    const a = JSON.stringify(Result.toJson(Replay.replay(renewal())))
    const b = JSON.stringify(Result.toJson(Replay.replay(renewal())))
    expect(a).toBe(b)
  })

  test('error: a rejected call changes nothing and the replay goes on', () => {
    const run = Replay.replay(
      parse([
        configure,
        { block: 0, origin: '1', call: 'startSales', args: { endPrice: '100', extraCores: 1 } },
        { block: 1, origin: '1', call: 'purchase', args: { priceLimit: '100' } },
        { block: 1, origin: 'root', call: 'startSales', args: { endPrice: '100', extraCores: 1 } },
      ]),
    )
    expect(run.outcomes).toEqual([
      { ok: true },
      { ok: false, error: { code: 'BadOrigin', call: 'startSales' } },
      { ok: false, error: { code: 'Uninitialized' } },
      { ok: true },
    ])
    expect(Result.stateToJson(run.state).balances).toEqual({ '1': '100000' })
  })
})

describe('Replay.replay clock: parachain', () => {
  // a sale, then relay parents 20 and 40 timeslices later: one parachain block each
  const steps = [
    configure,
    { block: 0, origin: 'root', call: 'startSales', args: { endPrice: '100', extraCores: 1 } },
    { block: 40 },
    { block: 80, origin: '1', call: 'purchase', args: { priceLimit: '100000' } },
  ]
  const traceWith = (clock?: 'relay' | 'parachain') => {
    const r = Trace.parse({
      format: 'coretime-trace/1',
      ...(clock && { clock }),
      runtime,
      balances: { '1': '100000' },
      steps,
    })
    if (!r.ok) throw new Error(r.error.message)
    return r.trace
  }

  test('default: each later step block is one parachain block (Broker.paraBlock), as driving the engine by hand', () => {
    const run = Replay.replay(traceWith('parachain'))
    const s = Broker.create(run.trace.runtime, new Map([['1', 100000n]]), 0)
    const out = Broker.sink()
    for (const c of [steps[0], steps[1]] as { origin: string; call: string; args: unknown }[]) {
      const t = Trace.parse({ format: 'coretime-trace/1', runtime, steps: [{ block: 0, ...c }] })
      if (!t.ok) throw new Error(t.error.message)
      Broker.execute(s, 'root', t.trace.steps[0]!.call!, out)
    }
    Broker.paraBlock(s, 40, out)
    Broker.paraBlock(s, 80, out)
    Broker.execute(s, '1', { call: 'purchase', args: { priceLimit: 100000n } }, out)
    expect(Result.stateToJson(run.state)).toEqual(Result.stateToJson(s))
    expect(run.events.map((e) => e.name)).toEqual(out.events.map((e) => e.name))
    // one tick per parachain block: the hook committed two timeslices, not forty
    expect(run.state.status?.lastCommittedTimeslice).toBe(2)
    // the hook's events belong to the parachain block (its relay parent), not the number it saw
    const hookBlocks = new Set(run.eventBlocks.filter((_, k) => run.eventSteps[k] === null))
    expect([...hookBlocks].every((b) => b === 40 || b === 80)).toBe(true)
  })

  test('behavior: the relay clock (the default) ticks every relay block, so the same steps differ', () => {
    const relay = Replay.replay(traceWith())
    expect(Result.stateToJson(relay.state)).toEqual(
      Result.stateToJson(Replay.replay(traceWith('relay')).state),
    )
    expect(relay.state.status?.lastCommittedTimeslice).toBeGreaterThan(2)
    expect(Result.stateToJson(relay.state)).not.toEqual(
      Result.stateToJson(Replay.replay(traceWith('parachain')).state),
    )
  })
})

describe('Replay.replay testHooks', () => {
  test('error: the test-only broken renewal rounding changes the renewal price the trace expects', () => {
    // renewal_works with a 3% bump on a price of 1050: the pallet's 1081, the broken rule's 1082
    const t = parse([
      { ...configure, args: { ...configure.args, renewalBump: '30000000' } },
      { block: 0, origin: 'root', call: 'startSales', args: { endPrice: '1050', extraCores: 1 } },
      { block: 2, origin: '1', call: 'purchase', args: { priceLimit: '100000' } },
      {
        block: 2,
        origin: '1',
        call: 'assign',
        args: { regionId: { begin: 4, core: 0, mask: full }, task: 1001, finality: 'Final' },
      },
      { block: 6, origin: '1', call: 'renew', args: { core: 0 } },
    ])
    const renewable = (run: ReturnType<typeof Replay.replay>) =>
      Result.toJson(run)
        .events.filter((e) => e.name === 'Renewable' && e.step === 4)
        .map((e) => e.data.price)
    expect(renewable(Replay.replay(t))).toEqual(['1081'])
    expect(renewable(Replay.replay(t, { testHooks: { renewalBumpRoundsUp: true } }))).toEqual(['1082'])
  })
})

describe('Replay.replay keepEvents: false', () => {
  test('behavior: events and assignments are counted, not kept; the end state is the same', () => {
    const kept = Replay.replay(renewal())
    const counted = Replay.replay(renewal(), { keepEvents: false })
    expect(counted.events).toHaveLength(0)
    expect(counted.assignments).toHaveLength(0)
    expect(counted.counts?.eventTotal).toBe(kept.events.length)
    expect(counted.counts?.assignments).toBe(kept.assignments.length)
    const byName = new Map<string, number>()
    for (const e of kept.events) byName.set(e.name, (byName.get(e.name) ?? 0) + 1)
    expect(counted.counts?.events).toEqual(byName)
    expect(Result.stateToJson(counted.state)).toEqual(Result.stateToJson(kept.state))
    expect(counted.outcomes).toEqual(kept.outcomes)
  })

  test('default: kept unless asked (no counts)', () => {
    expect(Replay.replay(renewal()).counts).toBeUndefined()
    expect(Replay.replay(renewal()).events.length).toBeGreaterThan(0)
  })
})
