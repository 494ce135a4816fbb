import type { CoreIndex, Timeslice } from './types'

/**
 * A storage map keyed by (timeslice, core), held by timeslice and then by core in an array: what
 * a sale or a rotation touches is one or two timeslices' rows, so a read or a write is one
 * small-integer `Map` look-up and an array slot instead of hashing a composite key (a heap number
 * outside the small-integer range). `PotentialRenewals`, `Workplan` and the whole-core `Regions`
 * are such tables. Entries can be listed in insertion order, as a `Map` would list them.
 */
export interface CoreTable<V> {
  rows: Map<Timeslice, Row<V>>
  /** how many entries are held */
  size: number
  /** insertions so far: an entry's number orders `entries` (a replaced value keeps its place) */
  inserted: number
}

/** One timeslice's entries, by core (undefined: none). */
export interface Row<V> {
  values: (V | undefined)[]
  /** when each core's entry was inserted */
  order: number[]
  count: number
}

export const create = <V>(): CoreTable<V> => ({ rows: new Map(), size: 0, inserted: 0 })

export const get = <V>(t: CoreTable<V>, time: Timeslice, core: CoreIndex): V | undefined =>
  t.rows.get(time)?.values[core]

export const has = <V>(t: CoreTable<V>, time: Timeslice, core: CoreIndex): boolean =>
  t.rows.get(time)?.values[core] !== undefined

/** Whether any core has an entry at `time` (an emptied timeslice's row is dropped). */
export const hasTime = <V>(t: CoreTable<V>, time: Timeslice): boolean => t.rows.has(time)

export const set = <V>(t: CoreTable<V>, time: Timeslice, core: CoreIndex, value: V): void => {
  let row = t.rows.get(time)
  if (row === undefined) {
    row = { values: [], order: [], count: 0 }
    t.rows.set(time, row)
  }
  if (row.values[core] === undefined) {
    // the arrays grow by appending (a core past the end leaves undefined slots), so they stay packed
    while (row.values.length < core) {
      row.values.push(undefined)
      row.order.push(0)
    }
    row.order[core] = t.inserted++
    row.count++
    t.size++
  }
  row.values[core] = value
}

/** Removes and returns the entry (undefined if there was none); an emptied timeslice's row goes. */
export const take = <V>(t: CoreTable<V>, time: Timeslice, core: CoreIndex): V | undefined => {
  const row = t.rows.get(time)
  const value = row?.values[core]
  if (row === undefined || value === undefined) return undefined
  row.values[core] = undefined
  row.count--
  t.size--
  if (row.count === 0) t.rows.delete(time)
  return value
}

export interface Entry<V> {
  time: Timeslice
  core: CoreIndex
  value: V
  /** its insertion number */
  n: number
}

/** Every entry, by timeslice in the order rows were made, then by core. */
const collect = <V>(t: CoreTable<V>): Entry<V>[] => {
  const out: Entry<V>[] = []
  for (const [time, row] of t.rows)
    for (let core = 0; core < row.values.length; core++) {
      const value = row.values[core]
      if (value !== undefined) out.push({ time, core, value, n: row.order[core] as number })
    }
  return out
}

/** Every entry in insertion order. */
export const entries = <V>(t: CoreTable<V>): Entry<V>[] => collect(t).sort((x, y) => x.n - y.n)

/** Every entry by timeslice, then core. */
export const byTime = <V>(t: CoreTable<V>): Entry<V>[] =>
  collect(t).sort((x, y) => x.time - y.time || x.core - y.core)

/** The smallest timeslice with an entry at or after `from`, or Infinity. */
export const firstAtOrAfter = <V>(t: CoreTable<V>, from: Timeslice): number => {
  let min = Number.POSITIVE_INFINITY
  for (const time of t.rows.keys()) if (time >= from && time < min) min = time
  return min
}

/** A copy sharing no mutable part with `t` (values are never edited in place). */
export const clone = <V>(t: CoreTable<V>): CoreTable<V> => ({
  rows: new Map(
    [...t.rows].map(([time, r]) => [time, { values: [...r.values], order: [...r.order], count: r.count }]),
  ),
  size: t.size,
  inserted: t.inserted,
})
