import type { EventJson, ResultJson, StateJson } from './Result'
import type { Expect, ExpectEvent, ExpectState } from './Trace'

/**
 * A trace's `expect` section checked against a replay (docs/trace-format.md, Expectations):
 * step outcomes; events as an in-order subsequence with partial data; a partial end state and
 * partial states after given steps (objects: the keys given; lists: the whole list).
 */

/** One difference, printed as `path: expected X, got Y`. */
export interface Mismatch {
  path: string
  expected: string
  got: string
}

export const formatMismatch = (m: Mismatch): string => `${m.path}: expected ${m.expected}, got ${m.got}`

/** Differences reported inside one list before the rest are summarised. */
const MAX_LIST_DIFFS = 8

const show = (v: unknown): string => {
  if (v === undefined) return 'nothing'
  const s = JSON.stringify(v)
  return s.length > 300 ? `${s.slice(0, 300)}…` : s
}

const items = (n: number): string => (n === 1 ? '1 item' : `${n} items`)

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const key = (path: string, k: string): string =>
  IDENT.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const get = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined)

/** Exact equality of JSON values (object key order ignored). */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false
    return true
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    if (ka.length !== Object.keys(b).length) return false
    for (const k of ka) if (!Object.hasOwn(b, k) || !jsonEqual(a[k], b[k])) return false
    return true
  }
  return false
}

/** Partial match: an object matches when every key it gives matches; anything else must be equal. */
export const jsonMatches = (expected: unknown, actual: unknown): boolean => {
  if (isObject(expected)) {
    if (!isObject(actual)) return false
    for (const k of Object.keys(expected)) if (!jsonMatches(expected[k], get(actual, k))) return false
    return true
  }
  return jsonEqual(expected, actual)
}

/**
 * Reports where `actual` differs from `expected`. `partial`: objects compare only the keys given
 * (the state and event data); inside a list everything is compared.
 */
const diff = (expected: unknown, actual: unknown, path: string, partial: boolean, out: Mismatch[]): void => {
  if (isObject(expected)) {
    if (!isObject(actual)) {
      out.push({ path, expected: show(expected), got: show(actual) })
      return
    }
    for (const k of Object.keys(expected)) diff(expected[k], get(actual, k), key(path, k), partial, out)
    if (!partial)
      for (const k of Object.keys(actual))
        if (!Object.hasOwn(expected, k))
          out.push({ path: key(path, k), expected: 'nothing', got: show(actual[k]) })
    return
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path, expected: show(expected), got: show(actual) })
      return
    }
    if (jsonEqual(expected, actual)) return
    const inner: Mismatch[] = []
    if (expected.length !== actual.length)
      inner.push({ path, expected: items(expected.length), got: `${items(actual.length)}: ${show(actual)}` })
    const n = Math.min(expected.length, actual.length)
    for (let i = 0; i < n; i++) diff(expected[i], actual[i], `${path}[${i}]`, false, inner)
    out.push(...inner.slice(0, MAX_LIST_DIFFS))
    if (inner.length > MAX_LIST_DIFFS)
      out.push({ path, expected: 'the list above', got: `${inner.length - MAX_LIST_DIFFS} more differences` })
    return
  }
  if (!jsonEqual(expected, actual)) out.push({ path, expected: show(expected), got: show(actual) })
}

/** Balances and credits list only accounts not at zero: an absent account has "0". */
const LEDGERS = new Set(['balances', 'credits'])

const diffState = (expected: ExpectState, actual: StateJson, path: string, out: Mismatch[]): void => {
  const a = actual as unknown as Record<string, unknown>
  for (const [k, v] of Object.entries(expected)) {
    if (v === undefined) continue
    const got = get(a, k)
    if (LEDGERS.has(k) && isObject(v) && isObject(got)) {
      for (const [who, amount] of Object.entries(v))
        diff(amount, get(got, who) ?? '0', key(key(path, k), who), true, out)
    } else diff(v, got, key(path, k), true, out)
  }
}

const eventMatches = (e: ExpectEvent, got: EventJson): boolean =>
  got.name === e.name &&
  (e.block === undefined || got.block === e.block) &&
  (e.step === undefined || got.step === e.step) &&
  (e.data === undefined || jsonMatches(e.data, got.data))

const eventLabel = (e: ExpectEvent): string => {
  const parts: string[] = []
  if (e.block !== undefined) parts.push(`block ${e.block}`)
  if (e.step !== undefined) parts.push(`step ${e.step}`)
  if (e.data !== undefined) parts.push(`data ${show(e.data)}`)
  return parts.length ? `${e.name} (${parts.join(', ')})` : e.name
}

const gotLabel = (e: EventJson): string =>
  `${e.name} (block ${e.block}, step ${e.step}, data ${show(e.data)})`

/** Why an expected event was not found at or after `from`: the nearest candidates. */
const explainMissing = (e: ExpectEvent, events: readonly EventJson[], from: number): string => {
  const before = events.findIndex((x, i) => i < from && eventMatches(e, x))
  if (before >= 0) return `it only at events[${before}], before the previous expected event`
  const same = events.filter((x, i) => i >= from && x.name === e.name)
  const where = from > 0 ? ' after the previous expected event' : ''
  if (same.length === 0) return `no ${e.name} event${where}`
  // prefer a candidate at the expected step or block
  const near =
    same.find(
      (x) => (e.step === undefined || x.step === e.step) && (e.block === undefined || x.block === e.block),
    ) ?? same[0]!
  return `${same.length} ${e.name} event${same.length > 1 ? 's' : ''}${where}, none matching; e.g. ${gotLabel(near)}`
}

/** Every difference between `expect` and a replay's result; empty when all expectations hold. */
export const check = (
  expect: Expect,
  result: ResultJson,
  snapshots: ReadonlyMap<number, StateJson> = new Map(),
): Mismatch[] => {
  const out: Mismatch[] = []

  const outcomes = new Map(result.steps.map((s) => [s.index, s]))
  for (const e of expect.steps) {
    const path = `steps[${e.index}]`
    const want = e.ok ? 'ok' : `error ${e.error ?? '(any)'}`
    const got = outcomes.get(e.index)
    if (got === undefined) out.push({ path, expected: want, got: 'no outcome (not a call step)' })
    else if (got.ok !== e.ok) out.push({ path, expected: want, got: got.ok ? 'ok' : `error ${got.error}` })
    else if (!e.ok && e.error !== undefined && got.error !== e.error)
      out.push({ path: `${path}.error`, expected: e.error, got: got.error ?? 'nothing' })
  }

  let from = 0
  expect.events.forEach((e, k) => {
    for (let j = from; j < result.events.length; j++) {
      if (eventMatches(e, result.events[j]!)) {
        from = j + 1
        return
      }
    }
    out.push({ path: `events[${k}]`, expected: eventLabel(e), got: explainMissing(e, result.events, from) })
  })

  if (expect.state !== null) diffState(expect.state, result.state, 'state', out)

  for (const a of expect.after) {
    const path = `after[step ${a.step}]`
    const snap = snapshots.get(a.step)
    if (snap === undefined)
      out.push({ path, expected: 'a state snapshot', got: 'none (replayed without it)' })
    else diffState(a.state, snap, path, out)
  }
  return out
}
