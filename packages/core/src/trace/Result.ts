import * as CoreMask from '../broker/CoreMask'
import * as PoolHistory from '../broker/PoolHistory'
import * as PotentialRenewals from '../broker/PotentialRenewals'
import * as RegionId from '../broker/RegionId'
import * as Regions from '../broker/Regions'
import type {
  AccountId,
  AssignmentPart,
  Balance,
  BrokerEvent,
  BrokerState,
  CompletionStatus,
  CoreAssignment,
  Outcome,
  RelayAssignment,
  Schedule,
} from '../broker/types'
import * as Workplan from '../broker/Workplan'
import type { Json, JsonObject, Trace } from './Trace'

/**
 * `coretime-trace-result/1` (docs/trace-format.md, Result): a replayed run as JSON, with the
 * documented orderings so that equal runs give byte-identical output.
 */

export const FORMAT = 'coretime-trace-result/1'

/** What `Replay.replay` records; serialized by `toJson`. Indexed by step, events in emission order. */
export interface Run {
  trace: Trace
  /** The outcome of each step by index; `null` for pauses. */
  outcomes: (Outcome | null)[]
  events: readonly BrokerEvent[]
  /** The block each event was emitted in (parallel to `events`). */
  eventBlocks: readonly number[]
  /** The step that caused each event, `null` for the per-block hook (parallel to `events`). */
  eventSteps: readonly (number | null)[]
  assignments: readonly RelayAssignment[]
  /** The end state. */
  state: BrokerState
  /** `stateToJson` right after each requested step. */
  snapshots: Map<number, StateJson>
  /** With `keepEvents: false`: what was emitted, counted (`events` and `assignments` are then empty). */
  counts?: { events: ReadonlyMap<string, number>; eventTotal: number; assignments: number }
}

export type AssignmentJson = 'Idle' | 'Pool' | { task: number }
export type ScheduleJson = { mask: string; assignment: AssignmentJson }[]
export interface RegionIdJson {
  begin: number
  core: number
  mask: string
}

export interface StepJson {
  index: number
  block: number
  ok: boolean
  error?: string
}
export interface EventJson {
  block: number
  step: number | null
  name: string
  data: JsonObject
}
export interface RelayAssignmentJson {
  block: number
  core: number
  begin: number
  assignment: [AssignmentJson, number][]
  endHint: number | null
}

export interface StateJson {
  block: number
  configuration: {
    advanceNotice: number
    interludeLength: number
    leadinLength: number
    regionLength: number
    idealBulkProportion: string
    limitCoresOffered: number | null
    renewalBump: string
    contributionTimeout: number
  } | null
  status: {
    coreCount: number
    privatePoolSize: number
    systemPoolSize: number
    lastCommittedTimeslice: number
    lastTimeslice: number
  } | null
  saleInfo: {
    saleStart: number
    leadinLength: number
    endPrice: string
    regionBegin: number
    regionEnd: number
    idealCoresSold: number
    coresOffered: number
    firstCore: number
    selloutPrice: string | null
    coresSold: number
  } | null
  balances: Record<AccountId, string>
  credits: Record<AccountId, string>
  regions: { id: RegionIdJson; end: number; owner: string | null; paid: string | null }[]
  potentialRenewals: {
    core: number
    when: number
    price: string
    completion: { complete: ScheduleJson } | { partial: string }
  }[]
  leases: { until: number; task: number }[]
  reservations: ScheduleJson[]
  workplan: { timeslice: number; core: number; schedule: ScheduleJson }[]
  workload: { core: number; schedule: ScheduleJson }[]
  autoRenewals: { core: number; task: number; nextRenewal: number }[]
  forceReservations: ScheduleJson[]
  instaPoolIo: { timeslice: number; private: number; system: number }[]
  instaPoolContribution: { regionId: RegionIdJson; length: number; payee: string }[]
  instaPoolHistory: {
    timeslice: number
    privateContributions: number
    systemContributions: number
    maybePayout: string | null
  }[]
}

export interface ResultJson {
  format: typeof FORMAT
  steps: StepJson[]
  events: EventJson[]
  assignments: RelayAssignmentJson[]
  state: StateJson
}

// ---------------------------------------------------------------------------------------------

const assignmentJson = (a: CoreAssignment): AssignmentJson => (typeof a === 'string' ? a : { task: a.task })
const scheduleJson = (s: Schedule): ScheduleJson =>
  s.map((i) => ({ mask: CoreMask.toHex(i.mask), assignment: assignmentJson(i.assignment) }))
const regionIdJson = (id: RegionId.RegionId): RegionIdJson => ({
  begin: id.begin,
  core: id.core,
  mask: CoreMask.toHex(id.mask),
})
const partsJson = (parts: readonly AssignmentPart[]): [AssignmentJson, number][] =>
  parts.map(([a, n]) => [assignmentJson(a), n])
const optBalance = (b: Balance | null): string | null => (b === null ? null : b.toString())

const INDEX_KEY = /^(0|[1-9][0-9]{0,9})$/
const isIndexKey = (k: string): boolean => INDEX_KEY.test(k) && Number(k) < 0xffff_ffff

/**
 * Account order: ids that are array indices ("0", "1", "1001") numerically first, then the others
 * by code unit. JavaScript objects enumerate index keys that way whatever the insertion order,
 * so the written JSON follows the same rule.
 */
export const compareAccounts = (a: string, b: string): number => {
  const ia = isIndexKey(a)
  const ib = isIndexKey(b)
  if (ia && ib) return Number(a) - Number(b)
  if (ia !== ib) return ia ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** Accounts not at zero, sorted (a null-prototype object: any account id is a safe key). */
const ledgerJson = (m: ReadonlyMap<AccountId, Balance>): Record<AccountId, string> => {
  const out: Record<AccountId, string> = Object.create(null)
  const keys = [...m.keys()].sort(compareAccounts)
  for (const k of keys) {
    const v = m.get(k)!
    if (v !== 0n) out[k] = v.toString()
  }
  return out
}

const sortedKeys = <K extends number | bigint>(m: ReadonlyMap<K, unknown>): K[] =>
  [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

const completionJson = (c: CompletionStatus): { complete: ScheduleJson } | { partial: string } =>
  'complete' in c ? { complete: scheduleJson(c.complete) } : { partial: CoreMask.toHex(c.partial) }

/** The state as documented JSON: maps sorted by key, vectors in storage order, zero accounts left out. */
export const stateToJson = (s: BrokerState): StateJson => {
  const c = s.configuration
  const st = s.status
  const sale = s.saleInfo
  return {
    block: s.block,
    configuration: c && {
      advanceNotice: c.advanceNotice,
      interludeLength: c.interludeLength,
      leadinLength: c.leadinLength,
      regionLength: c.regionLength,
      idealBulkProportion: c.idealBulkProportion.toString(),
      limitCoresOffered: c.limitCoresOffered,
      renewalBump: c.renewalBump.toString(),
      contributionTimeout: c.contributionTimeout,
    },
    status: st && {
      coreCount: st.coreCount,
      privatePoolSize: st.privatePoolSize,
      systemPoolSize: st.systemPoolSize,
      lastCommittedTimeslice: st.lastCommittedTimeslice,
      lastTimeslice: st.lastTimeslice,
    },
    saleInfo: sale && {
      saleStart: sale.saleStart,
      leadinLength: sale.leadinLength,
      endPrice: sale.endPrice.toString(),
      regionBegin: sale.regionBegin,
      regionEnd: sale.regionEnd,
      idealCoresSold: sale.idealCoresSold,
      coresOffered: sale.coresOffered,
      firstCore: sale.firstCore,
      selloutPrice: optBalance(sale.selloutPrice),
      coresSold: sale.coresSold,
    },
    balances: ledgerJson(s.balances),
    credits: ledgerJson(s.credits),
    regions: Regions.sorted(s.regions).map(({ id, record: r }) => ({
      id: regionIdJson(id),
      end: r.end,
      owner: r.owner,
      paid: optBalance(r.paid),
    })),
    potentialRenewals: PotentialRenewals.sorted(s.potentialRenewals).map(({ core, when, record: r }) => ({
      core,
      when,
      price: r.price.toString(),
      completion: completionJson(r.completion),
    })),
    leases: s.leases.map((l) => ({ until: l.until, task: l.task })),
    reservations: s.reservations.map(scheduleJson),
    workplan: Workplan.entries(s.workplan).map((w) => ({
      timeslice: w.timeslice,
      core: w.core,
      schedule: scheduleJson(w.schedule),
    })),
    workload: sortedKeys(s.workload).map((core) => ({ core, schedule: scheduleJson(s.workload.get(core)!) })),
    autoRenewals: s.autoRenewals.map((a) => ({ core: a.core, task: a.task, nextRenewal: a.nextRenewal })),
    forceReservations: s.forceReservations.map(scheduleJson),
    instaPoolIo: sortedKeys(s.instaPoolIo).map((t) => {
      const r = s.instaPoolIo.get(t)!
      return { timeslice: t, private: r.private, system: r.system }
    }),
    instaPoolContribution: RegionId.sortedKeys(s.instaPoolContribution).map((k) => {
      const r = s.instaPoolContribution.get(k)!
      return { regionId: regionIdJson(RegionId.fromKey(k)), length: r.length, payee: r.payee }
    }),
    instaPoolHistory: PoolHistory.entries(s.instaPoolHistory).map(([t, r]) => {
      return {
        timeslice: t,
        privateContributions: r.privateContributions,
        systemContributions: r.systemContributions,
        maybePayout: optBalance(r.maybePayout),
      }
    }),
  }
}

/** Fields that hold a `CoreMask` (every other bigint is a balance or a Perbill). */
const MASK_FIELDS = new Set(['mask', 'partial', 'pivot'])

/**
 * Event data (and call arguments) to JSON: bigint → decimal string (a mask → 0x-hex), tuples →
 * arrays, `RegionId` → `{begin, core, mask}`, assignments → `"Idle"`/`"Pool"`/`{task}`. Every
 * event's and call's fields are plain records of these, so one walk serves them all.
 */
export const plainJson = (v: unknown, key = ''): Json => {
  switch (typeof v) {
    case 'bigint':
      return MASK_FIELDS.has(key) ? CoreMask.toHex(v) : v.toString()
    case 'number':
    case 'string':
    case 'boolean':
      return v
    case 'undefined':
      return null
    case 'object': {
      if (v === null) return null
      if (Array.isArray(v)) return v.map((x) => plainJson(x, key))
      const out: JsonObject = {}
      for (const [k, x] of Object.entries(v)) out[k] = plainJson(x, k)
      return out
    }
    default:
      throw new TypeError(`Result: cannot serialize a ${typeof v} in event field ${key}`)
  }
}

export const eventDataToJson = (e: BrokerEvent): JsonObject => plainJson(e.data, '') as JsonObject

export const assignmentToJson = (a: RelayAssignment): RelayAssignmentJson => ({
  block: a.block,
  core: a.core,
  begin: a.begin,
  assignment: partsJson(a.assignment),
  endHint: a.endHint,
})

/** The step entries: one per call step (pauses have none), in order. */
export const stepsToJson = (run: Run): StepJson[] => {
  const out: StepJson[] = []
  const steps = run.trace.steps
  for (let i = 0; i < steps.length; i++) {
    const o = run.outcomes[i]
    if (o === null || o === undefined) continue
    out.push(
      o.ok
        ? { index: i, block: steps[i]!.block, ok: true }
        : { index: i, block: steps[i]!.block, ok: false, error: o.error.code },
    )
  }
  return out
}

export const eventsToJson = (run: Run): EventJson[] =>
  run.events.map((e, i) => ({
    block: run.eventBlocks[i]!,
    step: run.eventSteps[i] ?? null,
    name: e.name,
    data: eventDataToJson(e),
  }))

/** The whole `coretime-trace-result/1` object, ready for `JSON.stringify`. */
export const toJson = (run: Run): ResultJson => ({
  format: FORMAT,
  steps: stepsToJson(run),
  events: eventsToJson(run),
  assignments: run.assignments.map(assignmentToJson),
  state: stateToJson(run.state),
})
