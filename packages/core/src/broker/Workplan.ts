import type { CoreIndex, Schedule, Timeslice } from './types'

/**
 * `Workplan` storage, `(timeslice, core) → Schedule`, held by timeslice first so the per-block
 * hook finds a timeslice's entries (usually none) in one look-up instead of one per core.
 */
export type Workplan = Map<Timeslice, Map<CoreIndex, Schedule>>

export const create = (): Workplan => new Map()

export const get = (w: Workplan, timeslice: Timeslice, core: CoreIndex): Schedule | undefined =>
  w.get(timeslice)?.get(core)

export const has = (w: Workplan, timeslice: Timeslice, core: CoreIndex): boolean =>
  w.get(timeslice)?.has(core) ?? false

export const set = (w: Workplan, timeslice: Timeslice, core: CoreIndex, schedule: Schedule): void => {
  let cores = w.get(timeslice)
  if (!cores) {
    cores = new Map()
    w.set(timeslice, cores)
  }
  cores.set(core, schedule)
}

export const remove = (w: Workplan, timeslice: Timeslice, core: CoreIndex): void => {
  const cores = w.get(timeslice)
  if (!cores) return
  cores.delete(core)
  if (cores.size === 0) w.delete(timeslice)
}

/** Removes and returns the entry (`Workplan::take`). */
export const take = (w: Workplan, timeslice: Timeslice, core: CoreIndex): Schedule | undefined => {
  const s = get(w, timeslice, core)
  if (s !== undefined) remove(w, timeslice, core)
  return s
}

/** Every entry, sorted by timeslice then core (the storage map's key order). */
export const entries = (w: Workplan): { timeslice: Timeslice; core: CoreIndex; schedule: Schedule }[] => {
  const out: { timeslice: Timeslice; core: CoreIndex; schedule: Schedule }[] = []
  for (const timeslice of [...w.keys()].sort((a, b) => a - b)) {
    const cores = w.get(timeslice)!
    for (const core of [...cores.keys()].sort((a, b) => a - b))
      out.push({ timeslice, core, schedule: cores.get(core)! })
  }
  return out
}

/** The smallest timeslice with an entry at or after `from`, or Infinity. */
export const firstAtOrAfter = (w: Workplan, from: Timeslice): number => {
  let min = Number.POSITIVE_INFINITY
  for (const t of w.keys()) if (t >= from && t < min) min = t
  return min
}

/** A copy sharing no mutable map with `w` (schedules are never mutated in place). */
export const clone = (w: Workplan): Workplan => new Map([...w].map(([t, cores]) => [t, new Map(cores)]))
