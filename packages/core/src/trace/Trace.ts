import { z } from 'zod'
import {
  type AccountId,
  type Balance,
  BROKER_ERRORS,
  type BrokerCall,
  type BrokerCallName,
  type BrokerErrorCode,
  type BrokerEventName,
  type Origin,
  type Runtime,
  SYSTEM_ERRORS,
} from '../broker/types'
import * as Validation from '../validation/Validation'
import { compareAccounts, plainJson } from './Result'
import {
  ARGS_64,
  ARGS_128,
  blockNumber,
  CALL_NAMES,
  describe,
  expecting,
  isUint,
  leaf,
  obj,
  origin,
  planckUpTo,
  runtimeSchema,
  U32,
  U128_MAX,
} from './TraceSchemas'

export { CALL_NAMES }

/**
 * `coretime-trace/1` (docs/trace-format.md): a runtime, starting balances and a timed list of
 * broker extrinsics, validated once here and mapped to engine types.
 */

export const FORMAT = 'coretime-trace/1'

/** A JSON value as read from a file (expectations are compared as JSON). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export interface CallStep {
  block: number
  origin: Origin
  call: BrokerCall
}
/** `{ "block": B }`: only advances time. */
export interface PauseStep {
  block: number
  origin: null
  call: null
}
export type Step = CallStep | PauseStep

/** The top-level fields of the result's `state` (trace-format.md, Result). */
export const STATE_KEYS = [
  'block',
  'configuration',
  'status',
  'saleInfo',
  'balances',
  'credits',
  'regions',
  'potentialRenewals',
  'leases',
  'reservations',
  'workplan',
  'workload',
  'autoRenewals',
  'forceReservations',
  'instaPoolIo',
  'instaPoolContribution',
  'instaPoolHistory',
] as const
export type StateKey = (typeof STATE_KEYS)[number]
/** A partial end state: every key given must match. */
export type ExpectState = Partial<Record<StateKey, Json>>

export interface ExpectStep {
  index: number
  ok: boolean
  /** Only with `ok: false`; absent means any error. */
  error?: BrokerErrorCode
}
export interface ExpectEvent {
  name: BrokerEventName
  data?: JsonObject
  block?: number
  /** `null`: an event of the per-block hook. */
  step?: number | null
}
export interface ExpectAfter {
  step: number
  state: ExpectState
}
export interface Expect {
  steps: ExpectStep[]
  events: ExpectEvent[]
  state: ExpectState | null
  after: ExpectAfter[]
}

/**
 * What drives the hook (docs/trace-format.md "Clocks"): `relay` (default) runs it once per relay
 * block entered, as the pallet's unit tests do; `parachain` is the Coretime chain itself — each
 * later step block is one parachain block whose relay parent is that block (`Broker.paraBlock`).
 */
export type Clock = 'relay' | 'parachain'
export const CLOCKS: readonly Clock[] = ['relay', 'parachain']

export interface Trace {
  name: string | null
  /** Absent: `relay` (every trace written before the field keeps its meaning). */
  clock?: Clock
  runtime: Runtime
  /** Relay block before the first step. */
  startBlock: number
  balances: Map<AccountId, Balance>
  steps: Step[]
  expect: Expect | null
}

/** One problem with a trace file: where (`steps[3].args.priceLimit`) and what was expected. */
export interface Issue {
  path: string
  message: string
}

/** A trace file the schema refused: every issue, and all of them as one line. */
export type ParseError = { code: 'InvalidTrace'; message: string; issues: Issue[] }
export type ParseResult = { ok: true; trace: Trace } | { ok: false; error: ParseError }

const invalid = (issues: Issue[]): ParseResult => ({
  ok: false,
  error: { code: 'InvalidTrace', message: issues.map(formatIssue).join('; '), issues },
})

/** `steps[3].args.priceLimit: expected a decimal string of planck, got number 5` */
export const formatIssue = (issue: Issue): string => `${issue.path}: ${issue.message}`

/** Loose objects whose unknown keys are reported on their own, so the rest is still checked. */
const loose = <S extends z.core.$ZodLooseShape>(what: string, shape: S) =>
  z.looseObject(shape, { error: expecting(what) })

const unknownKeys = (
  value: object,
  shape: Record<string, unknown>,
  prefix: readonly PropertyKey[],
  issues: Issue[],
): void => {
  for (const k of Object.keys(value))
    if (!Object.hasOwn(shape, k)) issues.push({ path: formatPath([...prefix, k]), message: 'unknown field' })
}

const topShape = {
  format: leaf<string>(`"${FORMAT}"`, (v) => v === FORMAT),
  name: leaf<string>('a string', (v) => typeof v === 'string').optional(),
  clock: leaf<Clock>('"relay" or "parachain"', (v) => CLOCKS.includes(v as Clock)).optional(),
  runtime: z.unknown(),
  balances: z
    .record(z.string(), z.unknown(), { error: expecting('an object of account → decimal string of planck') })
    .optional(),
  steps: z.array(z.unknown(), { error: expecting('a list of steps') }),
  expect: z.unknown().optional(),
}
const topSchema = loose('a JSON object', topShape)

const stepShape = {
  block: blockNumber,
  origin: z.unknown().optional(),
  call: z.unknown().optional(),
  args: z.unknown().optional(),
}
const stepSchema = loose('a step: {block, origin, call, args} or a pause {block}', stepShape)

const EVENT_NAMES_RECORD: Record<BrokerEventName, true> = {
  Purchased: true,
  Renewable: true,
  Renewed: true,
  Transferred: true,
  Partitioned: true,
  Interlaced: true,
  Assigned: true,
  AssignmentRemoved: true,
  Pooled: true,
  CoreCountRequested: true,
  CoreCountChanged: true,
  ReservationMade: true,
  ReservationCancelled: true,
  SaleInitialized: true,
  Leased: true,
  LeaseRemoved: true,
  LeaseEnding: true,
  SalesStarted: true,
  RevenueClaimBegun: true,
  RevenueClaimItem: true,
  RevenueClaimPaid: true,
  CreditPurchased: true,
  RegionDropped: true,
  ContributionDropped: true,
  RegionUnpooled: true,
  HistoryInitialized: true,
  HistoryDropped: true,
  HistoryIgnored: true,
  ClaimsReady: true,
  CoreAssigned: true,
  PotentialRenewalDropped: true,
  AutoRenewalEnabled: true,
  AutoRenewalDisabled: true,
  AutoRenewalFailed: true,
  AutoRenewalLimitReached: true,
  ForceReservationFailed: true,
  PotentialRenewalRemoved: true,
}
export const EVENT_NAMES = Object.keys(EVENT_NAMES_RECORD) as BrokerEventName[]

const ERROR_CODES: readonly string[] = [...BROKER_ERRORS, ...SYSTEM_ERRORS]

const json = z.json({ error: expecting('a JSON value') }) as z.ZodType<Json>
const jsonObject = z.record(z.string(), json, { error: expecting('an object') }) as z.ZodType<JsonObject>

const expectState = obj(
  `a partial state (keys: ${STATE_KEYS.join(', ')})`,
  Object.fromEntries(STATE_KEYS.map((k) => [k, json.optional()])) as Record<
    StateKey,
    z.ZodOptional<typeof json>
  >,
) as unknown as z.ZodType<ExpectState>

const expectSchema = obj('an object {steps, events, state, after}', {
  steps: z
    .array(
      obj('{index, ok, error}', {
        index: leaf<number>('a step index', isUint(U32)),
        ok: leaf<boolean>('true or false', (v) => typeof v === 'boolean'),
        error: leaf<BrokerErrorCode>('an error name of the pallet (e.g. "SoldOut")', (v) =>
          ERROR_CODES.includes(v as string),
        ).optional(),
      }),
      { error: expecting('a list of {index, ok, error}') },
    )
    .optional(),
  events: z
    .array(
      obj('{name, data, block, step}', {
        name: leaf<BrokerEventName>('an event name of the pallet (e.g. "Renewed")', (v) =>
          Object.hasOwn(EVENT_NAMES_RECORD, v as string),
        ),
        data: jsonObject.optional(),
        block: blockNumber.optional(),
        step: leaf<number | null>(
          'a step index or null (hook)',
          (v) => v === null || isUint(U32)(v),
        ).optional(),
      }),
      { error: expecting('a list of {name, data, block, step}') },
    )
    .optional(),
  state: expectState.optional(),
  after: z
    .array(obj('{step, state}', { step: leaf<number>('a step index', isUint(U32)), state: expectState }), {
      error: expecting('a list of {step, state}'),
    })
    .optional(),
})

// ---------------------------------------------------------------------------------------------

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const formatPath = (path: readonly PropertyKey[]): string => {
  let out = ''
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`
    else if (typeof k === 'string' && IDENT.test(k)) out += out === '' ? k : `.${k}`
    else out += `[${JSON.stringify(String(k))}]`
  }
  return out === '' ? '(file)' : out
}

/** Collects zod issues under `prefix`; an unknown key becomes its own issue at its own path. */
const collect = (issues: Issue[], prefix: readonly PropertyKey[], error: z.ZodError): void => {
  for (const iss of error.issues) {
    const path = [...prefix, ...iss.path]
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) issues.push({ path: formatPath([...path, key]), message: 'unknown field' })
    } else if (iss.code === 'invalid_union' && iss.path.length > 0 && iss.message === 'Invalid input') {
      issues.push({ path: formatPath(path), message: 'invalid value' })
    } else {
      issues.push({ path: formatPath(path), message: Validation.describe(iss) })
    }
  }
}

const run = <T>(
  schema: z.ZodType<T>,
  input: unknown,
  issues: Issue[],
  prefix: readonly PropertyKey[],
): T | undefined => {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  collect(issues, prefix, r.error)
  return undefined
}

/** Issues past this many are summarised in one line. */
const MAX_ISSUES = 50

/**
 * Validates a parsed JSON value as a `coretime-trace/1` file. Every problem is returned with the
 * step index and field it concerns; nothing is thrown for bad input.
 */
export const parse = (input: unknown): ParseResult => {
  const issues: Issue[] = []
  const top = run(topSchema, input, issues, [])
  if (top === undefined) return invalid(issues)
  unknownKeys(top, topShape, [], issues)

  const runtimeParsed = run(runtimeSchema, top.runtime, issues, ['runtime'])
  const bits = runtimeParsed?.balanceBits ?? 128
  const maxBalance = bits === 64 ? (1n << 64n) - 1n : U128_MAX
  const calls = bits === 64 ? ARGS_64 : ARGS_128

  const balances = new Map<AccountId, Balance>()
  const balance = planckUpTo(maxBalance)
  for (const [who, amount] of Object.entries(top.balances ?? {})) {
    if (who === '' || who === 'root') {
      issues.push({
        path: formatPath(['balances', who]),
        message: 'expected an account id other than "root"',
      })
      continue
    }
    const v = run(balance, amount, issues, ['balances', who])
    if (v !== undefined) balances.set(who, v)
  }

  const startBlock = runtimeParsed?.startBlock ?? 0
  const steps: Step[] = []
  let lastBlock = startBlock
  let lastBlockFrom = 'runtime.startBlock'
  for (let i = 0; i < top.steps.length && issues.length < MAX_ISSUES; i++) {
    const raw = top.steps[i]
    const s = run(stepSchema, raw, issues, ['steps', i])
    if (s === undefined) continue
    unknownKeys(s, stepShape, ['steps', i], issues)
    if (s.block < lastBlock) {
      issues.push({
        path: formatPath(['steps', i, 'block']),
        message: `block ${s.block} is before ${lastBlockFrom} (block ${lastBlock}); blocks may not go backwards`,
      })
    } else {
      lastBlock = s.block
      lastBlockFrom = `steps[${i}]`
    }
    const hasOrigin = s.origin !== undefined
    const hasCall = s.call !== undefined
    if (!hasOrigin && !hasCall && s.args === undefined) {
      steps.push({ block: s.block, origin: null, call: null })
      continue
    }
    if (!hasCall) {
      issues.push({
        path: formatPath(['steps', i, 'call']),
        message: 'missing, expected a call name (or a pause {block} alone)',
      })
      continue
    }
    if (typeof s.call !== 'string' || !Object.hasOwn(calls, s.call)) {
      issues.push({
        path: formatPath(['steps', i, 'call']),
        message:
          typeof s.call === 'string'
            ? `unknown call ${JSON.stringify(s.call)}, expected one of ${CALL_NAMES.join(', ')}`
            : `expected a call name, got ${describe(s.call)}`,
      })
      continue
    }
    const name = s.call as BrokerCallName
    const o = run(origin, s.origin, issues, ['steps', i, 'origin'])
    const args = run(calls[name] as z.ZodType<unknown>, s.args, issues, ['steps', i, 'args'])
    if (o === undefined || args === undefined) continue
    steps.push({ block: s.block, origin: o, call: { call: name, args } as BrokerCall })
  }
  if (issues.length >= MAX_ISSUES) {
    issues.push({ path: '(file)', message: `too many issues; stopped after ${MAX_ISSUES}` })
    return invalid(issues)
  }

  let expect: Expect | null = null
  if (top.expect !== undefined) {
    const e = run(expectSchema, top.expect, issues, ['expect'])
    if (e !== undefined) {
      expect = {
        steps: (e.steps ?? []) as ExpectStep[],
        events: (e.events ?? []) as ExpectEvent[],
        state: e.state ?? null,
        after: e.after ?? [],
      }
      checkExpectIndices(expect, top.steps, issues)
    }
  }

  if (issues.length > 0 || runtimeParsed === undefined) return invalid(issues)
  const { startBlock: _, ...runtime } = runtimeParsed
  return {
    ok: true,
    trace: {
      name: top.name ?? null,
      ...(top.clock !== undefined && { clock: top.clock }),
      runtime: runtime as Runtime,
      startBlock,
      balances,
      steps,
      expect,
    },
  }
}

/** Expectations must point at steps that exist; outcomes only at calls. */
const checkExpectIndices = (expect: Expect, rawSteps: readonly unknown[], issues: Issue[]): void => {
  const n = rawSteps.length
  const isPause = (i: number) => {
    const s = rawSteps[i]
    return typeof s === 'object' && s !== null && !('call' in s)
  }
  expect.steps.forEach((s, k) => {
    const path = formatPath(['expect', 'steps', k, 'index'])
    if (s.index >= n)
      issues.push({ path, message: `step ${s.index} does not exist (the trace has ${n} steps)` })
    else if (isPause(s.index))
      issues.push({ path, message: `step ${s.index} is a pause; only calls have an outcome` })
    if (s.ok && s.error !== undefined)
      issues.push({
        path: formatPath(['expect', 'steps', k, 'error']),
        message: 'an error only goes with "ok": false',
      })
  })
  expect.events.forEach((e, k) => {
    if (typeof e.step === 'number' && e.step >= n)
      issues.push({
        path: formatPath(['expect', 'events', k, 'step']),
        message: `step ${e.step} does not exist (the trace has ${n} steps)`,
      })
  })
  expect.after.forEach((a, k) => {
    if (a.step >= n)
      issues.push({
        path: formatPath(['expect', 'after', k, 'step']),
        message: `step ${a.step} does not exist (the trace has ${n} steps)`,
      })
  })
}

/** A trace back to its `coretime-trace/1` JSON (what `parse` reads): for saving simulated runs. */
export const toJson = (trace: Trace): JsonObject => {
  const { priceAdapter, minimumCreditPurchase, ...rest } = trace.runtime
  const balances: JsonObject = Object.create(null)
  for (const who of [...trace.balances.keys()].sort(compareAccounts))
    balances[who] = trace.balances.get(who)!.toString()
  const out: JsonObject = { format: FORMAT }
  if (trace.name !== null) out.name = trace.name
  if (trace.clock !== undefined) out.clock = trace.clock
  out.runtime = {
    ...(plainJson(rest) as JsonObject),
    priceAdapter: plainJson(priceAdapter),
    minimumCreditPurchase: minimumCreditPurchase.toString(),
    startBlock: trace.startBlock,
  }
  out.balances = balances
  out.steps = trace.steps.map(
    (s): Json =>
      s.call === null
        ? { block: s.block }
        : { block: s.block, origin: s.origin, call: s.call.call, args: plainJson(s.call.args) },
  )
  const e = trace.expect
  if (e !== null) {
    const expect: JsonObject = {}
    if (e.steps.length) expect.steps = e.steps as unknown as Json
    if (e.events.length) expect.events = e.events as unknown as Json
    if (e.state !== null) expect.state = e.state as Json
    if (e.after.length) expect.after = e.after as unknown as Json
    out.expect = expect
  }
  return out
}
