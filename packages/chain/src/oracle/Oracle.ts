import {
  BROKER_ERRORS,
  type BrokerErrorCode,
  type BrokerEventName,
  SYSTEM_ERRORS,
  type TestHooks,
  Trace,
} from '@coretime/core'
import { Rng } from '@coretime/sim'
import type { Devnet } from '../devnet'
import { Devnet as D } from '../devnet'
import * as Model from './Model'
import { firstDifference, type Plain } from './Normal'
import * as Runtime from './Runtime'
import {
  accountOf,
  allBlocks,
  FUNDS,
  fundedAccounts,
  generate,
  RUNTIME,
  type Scenario,
  sovereignOf,
  TASKS,
} from './Scenario'

/**
 * The differential check (docs/oracle.md): random scenarios run on the compiled runtime (a devnet)
 * and on the model with the same relay numbers; after every block each call's outcome, the
 * broker's events, its storage and the tracked balances (net of fees) are compared. A difference
 * is shrunk (blocks and calls dropped while it stays) into a `coretime-trace/1` reproducer whose
 * expectations are the runtime's observed values.
 */
export type Difference = {
  readonly scenario: Scenario
  /** the relay number the scenario started from (the trace's startBlock) */
  readonly base: number
  /** index of the block (0: the opening block with configure + start_sales) */
  readonly block: number
  readonly relay: number
  /** where the values first differ, e.g. `state.saleInfo.endPrice`, `outcomes[1]` */
  readonly path: string
  readonly runtime: Plain
  readonly model: Plain
  /** what the runtime showed after each block up to the differing one */
  readonly observed: readonly Runtime.Observed[]
}

export type Report = {
  readonly runs: number
  readonly agree: number
  readonly differences: readonly Difference[]
}

export type Options = {
  readonly runs: number
  readonly seed: number
  /** a raw chain spec (path) to start the devnet from; or a devnet already running */
  readonly spec?: string
  readonly devnet?: Devnet.Devnet
  /** test-only: deliberately broken rules in the model (core `TestHooks`), to show they are caught */
  readonly testHooks?: TestHooks
  /** try to shorten a difference (default true) */
  readonly shrink?: boolean
  /** each scenario that agrees, recorded as a trace of the runtime's values (`toTrace`) */
  readonly onRecord?: (trace: Trace.Trace) => void
  readonly onScenario?: (i: number, agreed: boolean) => void
}

export type Base = { readonly hash: string; readonly relay: number }

/** Compares one scenario; the first difference, or null. */
export const check = async (
  net: Devnet.Devnet,
  base: Base,
  scenario: Scenario,
  testHooks?: TestHooks,
  cache?: Runtime.Cache,
): Promise<Difference | null> => (await compare(net, base, scenario, testHooks, cache)).difference

/** Plays one scenario on both sides: what the runtime showed, and the first difference or null. */
export const compare = async (
  net: Devnet.Devnet,
  base: Base,
  scenario: Scenario,
  testHooks?: TestHooks,
  cache?: Runtime.Cache,
): Promise<{ observed: readonly Runtime.Observed[]; difference: Difference | null }> => {
  const rt = await Runtime.play(net, base.hash, scenario, cache)
  return { observed: rt, difference: firstOf(rt, base, scenario, testHooks) }
}

const firstOf = (
  rt: readonly Runtime.Observed[],
  base: Base,
  scenario: Scenario,
  testHooks?: TestHooks,
): Difference | null => {
  const md = Model.play(base.relay, scenario, testHooks)
  for (let i = 0; i < rt.length; i++) {
    const a = rt[i] as Runtime.Observed
    const b = md[i] as Model.Modelled
    // an item the runtime does not have (ForceReservations before #10792) is not compared
    const mine = Object.fromEntries(Object.keys(a.state).map((k) => [k, b.state[k] ?? null]))
    const ra = { outcomes: a.outcomes, events: a.events, state: a.state } as Plain
    const rb = { outcomes: b.outcomes, events: b.events, state: mine } as Plain
    const path = firstDifference(ra, rb)
    if (path)
      return {
        scenario,
        base: base.relay,
        block: i,
        relay: a.relay,
        path,
        runtime: at(ra, path),
        model: at(rb, path),
        observed: rt.slice(0, i + 1),
      }
  }
  return null
}

const at = (v: Plain, path: string): Plain => {
  let x: Plain = v
  for (const part of path.split(/\.|\[|\]/).filter((p) => p !== '' && p !== 'length')) {
    if (x === null || typeof x !== 'object') return x
    x = (Array.isArray(x) ? (x as Plain[])[Number(part)] : (x as Record<string, Plain>)[part]) ?? null
  }
  return x
}

/**
 * Shortens a difference while it stays (anywhere): blocks after the differing one go, then whole
 * earlier blocks (their relay blocks added to the next, so every later block keeps its relay
 * parent), then single calls.
 */
export const shrink = async (
  net: Devnet.Devnet,
  base: Base,
  d: Difference,
  testHooks?: TestHooks,
): Promise<Difference> => {
  let best = d
  // candidates share long prefixes with the best so far: each prefix is played once
  const cache: Runtime.Cache = new Map()
  const attempt = async (blocks: Scenario['blocks']) => {
    const c = await check(net, base, { ...best.scenario, blocks }, testHooks, cache)
    if (c) best = c
    return c !== null
  }
  // blocks after the one that differs cannot matter (block i of the scenario is allBlocks' i + 1)
  await attempt(best.scenario.blocks.slice(0, Math.max(0, best.block)))
  for (let b = best.block - 2; b >= 0; b--) {
    const blocks = best.scenario.blocks
    const next = blocks[b + 1]
    if (!next) continue
    await attempt([
      ...blocks.slice(0, b),
      { ...next, relayStep: next.relayStep + (blocks[b]?.relayStep ?? 0) },
      ...blocks.slice(b + 2),
    ])
  }
  for (let b = best.scenario.blocks.length - 1; b >= 0; b--) {
    for (let k = (best.scenario.blocks[b]?.calls.length ?? 0) - 1; k >= 0; k--) {
      await attempt(
        best.scenario.blocks.map((x, i) =>
          i === b ? { ...x, calls: x.calls.filter((_, j) => j !== k) } : x,
        ),
      )
    }
  }
  return best
}

/** The sibling sovereign accounts sign calls too: fund them at the base, as the model is told. */
export const fundSiblings = async (net: Devnet.Devnet): Promise<void> => {
  await net.setStorage({
    System: {
      Account: TASKS.map((t) => [
        [sovereignOf(t)],
        {
          nonce: 0,
          consumers: 0,
          providers: 1,
          sufficients: 0,
          data: { free: FUNDS, reserved: 0, frozen: 0 },
        },
      ]),
    },
  })
}

export const run = async (options: Options): Promise<Report> => {
  const net = options.devnet ?? (await D.start({ spec: options.spec as string }))
  try {
    await fundSiblings(net)
    const base = { hash: net.head().hash, relay: await net.relayNumber() }
    const differences: Difference[] = []
    for (let i = 0; i < options.runs; i++) {
      const scenario = generate(Rng.derive(options.seed, i), base.relay)
      const played = await compare(net, base, scenario, options.testHooks)
      let d = played.difference
      if (!d && options.onRecord) options.onRecord(recordOf(scenario, base.relay, played.observed))
      if (d && options.shrink !== false) d = await shrink(net, base, d, options.testHooks)
      if (d) differences.push(d)
      options.onScenario?.(i, d === null)
    }
    await net.setHead(base.hash)
    return { runs: options.runs, agree: options.runs - differences.length, differences }
  } finally {
    if (!options.devnet) await net.close()
  }
}

const ERRORS = new Set<string>([...BROKER_ERRORS, ...SYSTEM_ERRORS])
const EVENTS = new Set<string>(Trace.EVENT_NAMES)

/**
 * A scenario as a `coretime-trace/1` file on the parachain clock (docs/trace-format.md "Clocks")
 * whose expectations are what the runtime showed: every call's outcome, and after each block the
 * names of its broker events and (`after` its last step) every compared storage item and balance.
 * `observed` covers the first `observed.length` blocks, the trace holds those blocks.
 */
export const toTrace = (
  name: string,
  scenario: Scenario,
  base: number,
  observed: readonly Runtime.Observed[],
): Trace.Trace => {
  const steps: Trace.Step[] = []
  const expectSteps: Trace.ExpectStep[] = []
  const events: Trace.ExpectEvent[] = []
  const after: Trace.ExpectAfter[] = []
  let relay = base
  allBlocks(scenario)
    .slice(0, observed.length)
    .forEach((b, i) => {
      const seen = observed[i] as Runtime.Observed
      relay += b.relayStep
      if (b.calls.length === 0) steps.push({ block: relay, origin: null, call: null })
      b.calls.forEach((c, k) => {
        const outcome = seen.outcomes[k] ?? 'ok'
        expectSteps.push(
          outcome === 'ok'
            ? { index: steps.length, ok: true }
            : ERRORS.has(outcome)
              ? { index: steps.length, ok: false, error: outcome as BrokerErrorCode }
              : { index: steps.length, ok: false },
        )
        steps.push({ block: relay, origin: c.origin === 'root' ? 'root' : accountOf(c.origin), call: c.call })
      })
      for (const e of seen.events as readonly Plain[]) {
        const key = Object.keys(e as object)[0] ?? ''
        const name = key.charAt(0).toUpperCase() + key.slice(1)
        if (EVENTS.has(name)) events.push({ name: name as BrokerEventName, block: relay })
      }
      after.push({ step: steps.length - 1, state: seen.state as Trace.ExpectState })
    })
  return {
    name,
    clock: 'parachain',
    runtime: RUNTIME,
    startBlock: base,
    balances: new Map(fundedAccounts().map((a) => [a, FUNDS])),
    steps,
    expect: { steps: expectSteps, events, state: null, after },
  }
}

/**
 * The reproducer of a difference: the scenario up to the differing block as a trace whose
 * expectations are the runtime's values (`toTrace`). `coretime replay FILE --check` fails on a
 * model that differs and passes once the model agrees.
 */
export const reproducer = (d: Difference): Trace.Trace =>
  toTrace(`oracle-seed-${d.scenario.seed}`, d.scenario, d.base, d.observed)

/** The reproducer as the file `coretime replay` reads. */
export const reproducerFile = (d: Difference): string =>
  `${JSON.stringify(Trace.toJson(reproducer(d)), null, 2)}\n`

/**
 * A scenario recorded on the runtime as a trace (`toTrace`) of the whole scenario: the runtime's
 * observed values as expectations, replayable without a devnet (test-fixtures/oracle/, checked by
 * the normal tests).
 */
export const recordOf = (
  scenario: Scenario,
  base: number,
  observed: readonly Runtime.Observed[],
): Trace.Trace => toTrace(`oracle-paseo-2000006-seed-${scenario.seed}`, scenario, base, observed)
