import type { InstaPoolHistoryRecord, Timeslice } from './types'

/**
 * `InstaPoolHistory` storage, `timeslice → {private, system, maybe_payout}`. The pallet writes one
 * record per committed timeslice; long stretches of them are identical and unpaid, so they are
 * held as runs. Reading, writing and listing behave exactly as the per-timeslice map.
 */
export interface PoolHistory {
  /** Sorted, disjoint runs: every timeslice in [from, to) holds {private, system, maybePayout: null}. */
  runs: Run[]
  /** Records outside every run. */
  records: Map<Timeslice, InstaPoolHistoryRecord>
}

export interface Run {
  from: Timeslice
  to: Timeslice
  privateContributions: number
  systemContributions: number
}

export const create = (): PoolHistory => ({ runs: [], records: new Map() })

/** Index of the run holding `t`, or -1. */
const runIndex = (h: PoolHistory, t: Timeslice): number => {
  const runs = h.runs
  let lo = 0
  let hi = runs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const r = runs[mid]!
    if (t < r.from) hi = mid - 1
    else if (t >= r.to) lo = mid + 1
    else return mid
  }
  return -1
}

export const get = (h: PoolHistory, t: Timeslice): InstaPoolHistoryRecord | undefined => {
  const rec = h.records.get(t)
  if (rec) return rec
  const i = runIndex(h, t)
  if (i < 0) return undefined
  const r = h.runs[i]!
  return {
    privateContributions: r.privateContributions,
    systemContributions: r.systemContributions,
    maybePayout: null,
  }
}

/** Takes `t` out of whatever run holds it (splitting the run). */
const cut = (h: PoolHistory, t: Timeslice): void => {
  const i = runIndex(h, t)
  if (i < 0) return
  const r = h.runs[i]!
  const parts: Run[] = []
  if (r.from < t) parts.push({ ...r, to: t })
  if (t + 1 < r.to) parts.push({ ...r, from: t + 1 })
  h.runs.splice(i, 1, ...parts)
}

export const set = (h: PoolHistory, t: Timeslice, record: InstaPoolHistoryRecord): void => {
  cut(h, t)
  h.records.set(t, record)
}

export const remove = (h: PoolHistory, t: Timeslice): void => {
  cut(h, t)
  h.records.delete(t)
}

/**
 * Writes the unpaid records of `count` consecutive timeslices from `from` (what `process_pool`
 * writes for each timeslice it commits), extending the last run when it continues it.
 */
export const append = (
  h: PoolHistory,
  from: Timeslice,
  count: number,
  privateContributions: number,
  systemContributions: number,
): void => {
  const to = from + count
  for (let t = from; t < to && h.records.size > 0; t++) h.records.delete(t)
  const last = h.runs[h.runs.length - 1]
  if (last && last.to > from) {
    // Rewriting timeslices a run already holds: the general path.
    for (let t = from; t < to; t++)
      set(h, t, { privateContributions, systemContributions, maybePayout: null })
    return
  }
  if (
    last &&
    last.to === from &&
    last.privateContributions === privateContributions &&
    last.systemContributions === systemContributions
  ) {
    last.to = to
  } else {
    h.runs.push({ from, to, privateContributions, systemContributions })
  }
}

/** Number of records. */
export const size = (h: PoolHistory): number => {
  let n = h.records.size
  for (const r of h.runs) n += r.to - r.from
  return n
}

/** Every record, sorted by timeslice. */
export const entries = (h: PoolHistory): [Timeslice, InstaPoolHistoryRecord][] => {
  const out: [Timeslice, InstaPoolHistoryRecord][] = [...h.records]
  for (const r of h.runs)
    for (let t = r.from; t < r.to; t++)
      out.push([
        t,
        {
          privateContributions: r.privateContributions,
          systemContributions: r.systemContributions,
          maybePayout: null,
        },
      ])
  return out.sort((a, b) => a[0] - b[0])
}

export const clone = (h: PoolHistory): PoolHistory => ({
  runs: h.runs.map((r) => ({ ...r })),
  records: new Map(h.records),
})
