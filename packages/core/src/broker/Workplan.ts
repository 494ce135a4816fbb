import * as CoreTable from './CoreTable'
import type { CoreIndex, Schedule, Timeslice } from './types'

/**
 * `Workplan` storage, `(timeslice, core) → Schedule`, as a `CoreTable`: the per-block hook finds a
 * timeslice's entries (usually none) in one look-up, and a sale's renewals and a rotation write and
 * take each core's plan by index, not by hashing.
 */
export type Workplan = CoreTable.CoreTable<Schedule>

export const create = (): Workplan => CoreTable.create()

export const get = (w: Workplan, timeslice: Timeslice, core: CoreIndex): Schedule | undefined =>
  CoreTable.get(w, timeslice, core)

export const has = (w: Workplan, timeslice: Timeslice, core: CoreIndex): boolean =>
  CoreTable.has(w, timeslice, core)

/** Whether any core has a plan for `timeslice`. */
export const hasAny = (w: Workplan, timeslice: Timeslice): boolean => CoreTable.hasTime(w, timeslice)

export const set = (w: Workplan, timeslice: Timeslice, core: CoreIndex, schedule: Schedule): void =>
  CoreTable.set(w, timeslice, core, schedule)

export const remove = (w: Workplan, timeslice: Timeslice, core: CoreIndex): void => {
  CoreTable.take(w, timeslice, core)
}

/** Removes and returns the entry (`Workplan::take`). */
export const take = (w: Workplan, timeslice: Timeslice, core: CoreIndex): Schedule | undefined =>
  CoreTable.take(w, timeslice, core)

/** Every entry, sorted by timeslice then core (the storage map's key order). */
export const entries = (w: Workplan): { timeslice: Timeslice; core: CoreIndex; schedule: Schedule }[] =>
  CoreTable.byTime(w).map((e) => ({ timeslice: e.time, core: e.core, schedule: e.value }))

/** The smallest timeslice with an entry at or after `from`, or Infinity. */
export const firstAtOrAfter = (w: Workplan, from: Timeslice): number => CoreTable.firstAtOrAfter(w, from)

export const clone = (w: Workplan): Workplan => CoreTable.clone(w)
