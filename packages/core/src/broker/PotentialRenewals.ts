import type { CoreIndex, PotentialRenewalRecord, Timeslice } from './types'

/**
 * `PotentialRenewals` storage, `(core, when) → record` (lib.rs), held by `when` and then by core in
 * an array. A sale's renewals read and write the rights of two timeslices (its region's begin and
 * end), so a renewal costs two small-integer look-ups instead of hashing a core·2^32 + when key
 * (a heap number) four times. Entries list in insertion order, as the `Map` this replaced did.
 */
export interface PotentialRenewals {
  byWhen: Map<Timeslice, Slots>
  /** how many rights are held */
  size: number
  /** insertions so far: an entry's number orders `entries` */
  inserted: number
}

/** The rights into the region that begins at one timeslice, by core. */
interface Slots {
  records: (PotentialRenewalRecord | undefined)[]
  /** when each core's record was inserted (a replaced record keeps its place, as in a `Map`) */
  order: number[]
  count: number
}

export const create = (): PotentialRenewals => ({ byWhen: new Map(), size: 0, inserted: 0 })

export const get = (
  r: PotentialRenewals,
  core: CoreIndex,
  when: Timeslice,
): PotentialRenewalRecord | undefined => r.byWhen.get(when)?.records[core]

export const has = (r: PotentialRenewals, core: CoreIndex, when: Timeslice): boolean =>
  r.byWhen.get(when)?.records[core] !== undefined

export const set = (
  r: PotentialRenewals,
  core: CoreIndex,
  when: Timeslice,
  record: PotentialRenewalRecord,
): void => {
  let slots = r.byWhen.get(when)
  if (slots === undefined) {
    slots = { records: [], order: [], count: 0 }
    r.byWhen.set(when, slots)
  }
  if (slots.records[core] === undefined) {
    // a fresh array grows by appending; a core past its end leaves holes, read as undefined
    while (slots.records.length < core) {
      slots.records.push(undefined)
      slots.order.push(0)
    }
    slots.order[core] = r.inserted++
    slots.count++
    r.size++
  }
  slots.records[core] = record
}

/** Removes the right; false if there was none. */
export const remove = (r: PotentialRenewals, core: CoreIndex, when: Timeslice): boolean => {
  const slots = r.byWhen.get(when)
  if (slots === undefined || slots.records[core] === undefined) return false
  slots.records[core] = undefined
  slots.count--
  r.size--
  if (slots.count === 0) r.byWhen.delete(when)
  return true
}

export interface Entry {
  core: CoreIndex
  when: Timeslice
  record: PotentialRenewalRecord
}

/** Every right, in insertion order. */
export const entries = (r: PotentialRenewals): Entry[] => {
  const out: (Entry & { n: number })[] = []
  for (const [when, slots] of r.byWhen)
    for (let core = 0; core < slots.records.length; core++) {
      const record = slots.records[core]
      if (record !== undefined) out.push({ core, when, record, n: slots.order[core] as number })
    }
  return out.sort((x, y) => x.n - y.n).map(({ core, when, record }) => ({ core, when, record }))
}

/** Every right in key order: core, then when (the order of the state's JSON). */
export const sorted = (r: PotentialRenewals): Entry[] =>
  entries(r).sort((x, y) => x.core - y.core || x.when - y.when)

/** A copy sharing no mutable part with `r` (records are never edited in place). */
export const clone = (r: PotentialRenewals): PotentialRenewals => ({
  byWhen: new Map(
    [...r.byWhen].map(([when, s]) => [
      when,
      { records: [...s.records], order: [...s.order], count: s.count },
    ]),
  ),
  size: r.size,
  inserted: r.inserted,
})
