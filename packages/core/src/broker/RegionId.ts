import type { CoreMask } from './CoreMask'

/** `RegionId {begin, core, mask}`. */
export interface RegionId {
  begin: number
  core: number
  mask: CoreMask
}

const MASK_BITS = (1n << 80n) - 1n

/** The region's NFT item id, `begin << 96 | core << 80 | mask` (pallet-broker types.rs `From<RegionId> for u128`). */
export const toItemId = (id: RegionId): bigint => (BigInt(id.begin * 65536 + id.core) << 80n) | id.mask

export const fromItemId = (item: bigint): RegionId => ({
  begin: Number(item >> 96n),
  core: Number((item >> 80n) & 0xffffn),
  mask: item & MASK_BITS,
})

const WHOLE = (1n << 80n) - 1n

/**
 * The key `regions` and `instaPoolContribution` are stored under (never the item id: V8 hashes a
 * bigint by its low 64 bits, and every whole-core region has the same low 64 bits of mask, so
 * item-id keys all collide and a Map of them turns linear):
 * - a whole-core region (nearly every region): the number `begin · 2^16 + core` (< 2^48), which a
 *   Map hashes about twice as fast as any bigint;
 * - any other mask: the bigint `mask << 48 | begin << 16 | core`.
 * A number and a bigint are never the same Map key, so the two forms cannot collide.
 */
export type RegionKey = number | bigint

export const toKey = (id: RegionId): RegionKey =>
  id.mask === WHOLE ? id.begin * 65536 + id.core : (id.mask << 48n) | BigInt(id.begin * 65536 + id.core)

export const fromKey = (key: RegionKey): RegionId => {
  if (typeof key === 'number') return { begin: Math.floor(key / 65536), core: key % 65536, mask: WHOLE }
  const low = Number(key & 0xffffffffffffn)
  return { begin: Math.floor(low / 65536), core: low % 65536, mask: key >> 48n }
}

/** Storage order of regions: by item id, i.e. begin, then core, then mask. */
export const compare = (a: RegionId, b: RegionId): number =>
  a.begin - b.begin || a.core - b.core || (a.mask < b.mask ? -1 : a.mask > b.mask ? 1 : 0)

/** The keys of a region-keyed map in storage order. */
export const sortedKeys = (m: ReadonlyMap<RegionKey, unknown>): RegionKey[] =>
  [...m.keys()].sort((a, b) => compare(fromKey(a), fromKey(b)))
