import * as CoreMask from './CoreMask'
import type { RegionId } from './RegionId'
import * as RegionIdM from './RegionId'
import type { CoreIndex, RegionRecord, Timeslice } from './types'

/**
 * `Regions` storage, `RegionId → RegionRecord` (lib.rs). Whole-core regions (every region a sale
 * makes) are held by begin and then by core in an array, so a purchase, its assignment and its
 * drop read and write slots instead of hashing a key outside the small-integer range; regions of
 * part of a core (interlaced) are keyed by `RegionId.toKey`. Entries list in insertion order, as
 * the `Map` this replaced did (test and oracle generators pick from that list).
 */
export interface Regions {
  whole: Map<Timeslice, Slots>
  other: Map<bigint, RegionRecord>
  /** insertion numbers of `other`'s keys */
  otherOrder: Map<bigint, number>
  /** how many regions are held */
  size: number
  /** insertions so far: an entry's number orders `entries` */
  inserted: number
}

/** The whole-core regions that begin at one timeslice, by core. */
interface Slots {
  records: (RegionRecord | undefined)[]
  /** when each core's record was inserted (a replaced record keeps its place, as in a `Map`) */
  order: number[]
  count: number
}

export const create = (): Regions => ({
  whole: new Map(),
  other: new Map(),
  otherOrder: new Map(),
  size: 0,
  inserted: 0,
})

const otherKey = (id: RegionId): bigint => RegionIdM.toKey(id) as bigint

export const get = (r: Regions, id: RegionId): RegionRecord | undefined =>
  id.mask === CoreMask.complete ? r.whole.get(id.begin)?.records[id.core] : r.other.get(otherKey(id))

export const set = (r: Regions, id: RegionId, record: RegionRecord): void => {
  if (id.mask !== CoreMask.complete) {
    const key = otherKey(id)
    if (!r.other.has(key)) {
      r.otherOrder.set(key, r.inserted++)
      r.size++
    }
    r.other.set(key, record)
    return
  }
  let slots = r.whole.get(id.begin)
  if (slots === undefined) {
    slots = { records: [], order: [], count: 0 }
    r.whole.set(id.begin, slots)
  }
  const core: CoreIndex = id.core
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

/** Removes the region; false if there was none. */
export const remove = (r: Regions, id: RegionId): boolean => {
  if (id.mask !== CoreMask.complete) {
    const key = otherKey(id)
    if (!r.other.delete(key)) return false
    r.otherOrder.delete(key)
    r.size--
    return true
  }
  const slots = r.whole.get(id.begin)
  if (slots === undefined || slots.records[id.core] === undefined) return false
  slots.records[id.core] = undefined
  slots.count--
  r.size--
  if (slots.count === 0) r.whole.delete(id.begin)
  return true
}

export interface Entry {
  id: RegionId
  record: RegionRecord
}

/** Every region, in insertion order. */
export const entries = (r: Regions): Entry[] => {
  const out: (Entry & { n: number })[] = []
  for (const [begin, slots] of r.whole)
    for (let core = 0; core < slots.records.length; core++) {
      const record = slots.records[core]
      if (record !== undefined)
        out.push({ id: { begin, core, mask: CoreMask.complete }, record, n: slots.order[core] as number })
    }
  for (const [key, record] of r.other)
    out.push({ id: RegionIdM.fromKey(key), record, n: r.otherOrder.get(key) as number })
  return out.sort((x, y) => x.n - y.n).map(({ id, record }) => ({ id, record }))
}

/** Every region in item-id order (begin, core, mask: the order of the state's JSON). */
export const sorted = (r: Regions): Entry[] => entries(r).sort((x, y) => RegionIdM.compare(x.id, y.id))

/** A copy sharing no mutable part with `r` (records are never edited in place). */
export const clone = (r: Regions): Regions => ({
  whole: new Map(
    [...r.whole].map(([t, s]) => [t, { records: [...s.records], order: [...s.order], count: s.count }]),
  ),
  other: new Map(r.other),
  otherOrder: new Map(r.otherOrder),
  size: r.size,
  inserted: r.inserted,
})
