import * as Broker from '../broker/Broker'
import type { BrokerEvent, BrokerState, Outcome, RelayAssignment, Sink, TestHooks } from '../broker/types'
import { type Run, type StateJson, stateToJson } from './Result'
import type { Trace } from './Trace'

export interface ReplayOptions {
  /** Step indices after which to record `stateToJson` (for `expect.after`). */
  snapshots?: Iterable<number>
  /**
   * `false`: count events (by name) and assignments instead of keeping them (`Run.counts`), so a long
   * replay whose events nobody reads (a summary) runs in constant memory. Default `true`.
   */
  keepEvents?: boolean
  /** test-only: deliberately broken rules (`TestHooks`), to show `--check` catches them */
  testHooks?: TestHooks
}

/** A sink list that keeps nothing and counts what is pushed (by event name for events). */
class Counted<T> extends Array<T> {
  static override get [Symbol.species]() {
    return Array
  }
  readonly byName = new Map<string, number>()
  total = 0
  override push(...items: T[]): number {
    for (const item of items) {
      const name = (item as { name?: unknown }).name
      if (typeof name === 'string') this.byName.set(name, (this.byName.get(name) ?? 0) + 1)
    }
    this.total += items.length
    return 0
  }
}

/**
 * The sink's event list. It stamps each event with the block it was emitted in and the step
 * that caused it (`null` inside the per-block hook), as the engine pushes it: `advanceTo` skips
 * idle blocks in one go, so the block cannot be recovered afterwards, and advancing one block
 * per call would throw that speed away.
 */
class StampedEvents extends Array<BrokerEvent> {
  static override get [Symbol.species]() {
    return Array
  }
  readonly blocks: number[] = []
  readonly steps: (number | null)[] = []
  step: number | null = null
  state!: BrokerState

  override push(...items: BrokerEvent[]): number {
    const block = this.state.block
    const step = this.step
    for (let k = 0; k < items.length; k++) {
      this.blocks.push(block)
      this.steps.push(step)
    }
    return super.push(...items)
  }

  /**
   * Keeps the stamps parallel to the list if the engine wrote past `push` or cut the list back
   * (a rejected call's events): cut to match, or stamp the missing ones with the current block.
   */
  sync(): void {
    const n = this.length
    if (this.blocks.length > n) {
      this.blocks.length = n
      this.steps.length = n
    }
    while (this.blocks.length < n) {
      this.blocks.push(this.state.block)
      this.steps.push(this.step)
    }
  }
}

/**
 * Replays a parsed trace: for each step, advance time to its block (the hook runs once per block
 * entered; under the parachain clock once per later step block, `Broker.paraBlock`), then dispatch
 * its call. Failed calls are recorded and the replay goes on.
 */
export const replay = (trace: Trace, options: ReplayOptions = {}): Run => {
  const state = Broker.create(
    trace.runtime,
    trace.balances,
    trace.startBlock,
    options.testHooks ? { testHooks: options.testHooks } : {},
  )
  const keep = options.keepEvents ?? true
  const events = new StampedEvents()
  events.state = state
  const counted = keep
    ? undefined
    : { events: new Counted<BrokerEvent>(), assignments: new Counted<RelayAssignment>() }
  const assignments: RelayAssignment[] = counted?.assignments ?? []
  const out: Sink = { events: counted?.events ?? events, assignments }
  const want = new Set(options.snapshots ?? [])
  const snapshots = new Map<number, StateJson>()
  const steps = trace.steps
  const parachain = trace.clock === 'parachain'
  const outcomes: (Outcome | null)[] = new Array(steps.length)

  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    if (step.block > state.block) {
      if (parachain) {
        // one parachain block at relay parent step.block: its hook's events belong to it
        const from = events.length
        Broker.paraBlock(state, step.block, out)
        if (events.blocks.length !== events.length) events.sync()
        for (let k = from; k < events.blocks.length; k++) events.blocks[k] = step.block
      } else {
        Broker.advanceTo(state, step.block, out)
        if (events.blocks.length !== events.length) events.sync()
      }
    }
    if (step.call === null) outcomes[i] = null
    else {
      events.step = i
      outcomes[i] = Broker.execute(state, step.origin, step.call, out)
      if (events.blocks.length !== events.length) events.sync()
      events.step = null
    }
    if (want.size > 0 && want.has(i)) snapshots.set(i, stateToJson(state))
  }

  return {
    trace,
    outcomes,
    events,
    eventBlocks: events.blocks,
    eventSteps: events.steps,
    assignments,
    state,
    snapshots,
    ...(counted && {
      counts: {
        events: counted.events.byName,
        eventTotal: counted.events.total,
        assignments: counted.assignments.total,
      },
    }),
  }
}

/** The step indices `expect.after` needs snapshots of. */
export const snapshotSteps = (trace: Trace): number[] => trace.expect?.after.map((a) => a.step) ?? []
