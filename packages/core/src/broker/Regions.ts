import * as CoreMask from './CoreMask'
import * as CoreTable from './CoreTable'
import type { RegionId } from './RegionId'
import * as RegionIdM from './RegionId'
import type { RegionRecord } from './types'

/**
 * `Regions` storage, `RegionId → RegionRecord` (lib.rs). Whole-core regions (every region a sale
 * makes) are a `CoreTable` by begin, so a purchase, its assignment and its drop read and write
 * array slots; regions of part of a core (interlaced) are keyed by `RegionId.toKey`. Entries list
 * in insertion order, as the `Map` this replaced did (test and oracle generators pick from that
 * list): both parts draw their insertion numbers from the table's counter.
 */
export interface Regions {
  whole: CoreTable.CoreTable<RegionRecord>
  other: Map<bigint, { record: RegionRecord; n: number }>
}

export const create = (): Regions => ({ whole: CoreTable.create(), other: new Map() })

/** How many regions are held. */
export const size = (r: Regions): number => r.whole.size + r.other.size

const otherKey = (id: RegionId): bigint => RegionIdM.toKey(id) as bigint

export const get = (r: Regions, id: RegionId): RegionRecord | undefined =>
  id.mask === CoreMask.complete
    ? CoreTable.get(r.whole, id.begin, id.core)
    : r.other.get(otherKey(id))?.record

export const set = (r: Regions, id: RegionId, record: RegionRecord): void => {
  if (id.mask === CoreMask.complete) {
    CoreTable.set(r.whole, id.begin, id.core, record)
    return
  }
  const key = otherKey(id)
  const had = r.other.get(key)
  if (had) had.record = record
  else r.other.set(key, { record, n: r.whole.inserted++ })
}

/** Removes and returns the region (undefined if there was none). */
export const take = (r: Regions, id: RegionId): RegionRecord | undefined => {
  if (id.mask === CoreMask.complete) return CoreTable.take(r.whole, id.begin, id.core)
  const key = otherKey(id)
  const had = r.other.get(key)
  if (had) r.other.delete(key)
  return had?.record
}

export interface Entry {
  id: RegionId
  record: RegionRecord
}

/** Every region, in insertion order. */
export const entries = (r: Regions): Entry[] => {
  const out: (Entry & { n: number })[] = CoreTable.entries(r.whole).map((e) => ({
    id: { begin: e.time, core: e.core, mask: CoreMask.complete },
    record: e.value,
    n: e.n,
  }))
  for (const [key, { record, n }] of r.other) out.push({ id: RegionIdM.fromKey(key), record, n })
  return out.sort((x, y) => x.n - y.n).map(({ id, record }) => ({ id, record }))
}

/** Every region in item-id order (begin, core, mask: the order of the state's JSON). */
export const sorted = (r: Regions): Entry[] => entries(r).sort((x, y) => RegionIdM.compare(x.id, y.id))

/** A copy sharing no mutable part with `r` (records are never edited in place). */
export const clone = (r: Regions): Regions => ({
  whole: CoreTable.clone(r.whole),
  other: new Map([...r.other].map(([k, v]) => [k, { ...v }])),
})
