import type { CoreIndex, Schedule, Timeslice } from './types'

/**
 * `Workplan` storage, `(timeslice, core) → Schedule`, held by timeslice first so the per-block
 * hook finds a timeslice's entries (usually none) in one look-up, then by core in an array: a
 * sale's renewals and a rotation write and take each core's plan by index, not by hashing.
 */
export type Workplan = Map<Timeslice, Plans>

/** The plans of one timeslice, by core (undefined: none), and how many there are. */
export interface Plans {
  schedules: (Schedule | undefined)[]
  count: number
}

export const create = (): Workplan => new Map()

export const get = (w: Workplan, timeslice: Timeslice, core: CoreIndex): Schedule | undefined =>
  w.get(timeslice)?.schedules[core]

export const has = (w: Workplan, timeslice: Timeslice, core: CoreIndex): boolean =>
  w.get(timeslice)?.schedules[core] !== undefined

export const set = (w: Workplan, timeslice: Timeslice, core: CoreIndex, schedule: Schedule): void => {
  let plans = w.get(timeslice)
  if (plans === undefined) {
    plans = { schedules: [], count: 0 }
    w.set(timeslice, plans)
  }
  const s = plans.schedules
  if (s[core] === undefined) {
    // the array grows by appending (a core past its end leaves undefined slots), so it stays packed
    while (s.length < core) s.push(undefined)
    plans.count++
  }
  s[core] = schedule
}

export const remove = (w: Workplan, timeslice: Timeslice, core: CoreIndex): void => {
  const plans = w.get(timeslice)
  if (plans === undefined || plans.schedules[core] === undefined) return
  plans.schedules[core] = undefined
  plans.count--
  if (plans.count === 0) w.delete(timeslice)
}

/** Removes and returns the entry (`Workplan::take`). */
export const take = (w: Workplan, timeslice: Timeslice, core: CoreIndex): Schedule | undefined => {
  const plans = w.get(timeslice)
  const s = plans?.schedules[core]
  if (plans === undefined || s === undefined) return undefined
  plans.schedules[core] = undefined
  plans.count--
  if (plans.count === 0) w.delete(timeslice)
  return s
}

/** Every entry, sorted by timeslice then core (the storage map's key order). */
export const entries = (w: Workplan): { timeslice: Timeslice; core: CoreIndex; schedule: Schedule }[] => {
  const out: { timeslice: Timeslice; core: CoreIndex; schedule: Schedule }[] = []
  for (const timeslice of [...w.keys()].sort((a, b) => a - b)) {
    const s = w.get(timeslice)!.schedules
    for (let core = 0; core < s.length; core++) {
      const schedule = s[core]
      if (schedule !== undefined) out.push({ timeslice, core, schedule })
    }
  }
  return out
}

/** The smallest timeslice with an entry at or after `from`, or Infinity. */
export const firstAtOrAfter = (w: Workplan, from: Timeslice): number => {
  let min = Number.POSITIVE_INFINITY
  for (const t of w.keys()) if (t >= from && t < min) min = t
  return min
}

/** A copy sharing no mutable part with `w` (schedules are never mutated in place). */
export const clone = (w: Workplan): Workplan =>
  new Map([...w].map(([t, p]) => [t, { schedules: [...p.schedules], count: p.count }]))
