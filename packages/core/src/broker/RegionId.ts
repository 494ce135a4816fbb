import type { CoreMask } from './CoreMask'

/** `RegionId {begin, core, mask}`. */
export interface RegionId {
  begin: number
  core: number
  mask: CoreMask
}

/** The region's NFT item id, `begin << 96 | core << 80 | mask` (pallet-broker types.rs `From<RegionId> for u128`). */
export const toKey = (id: RegionId): bigint => (BigInt(id.begin * 65536 + id.core) << 80n) | id.mask

export const fromKey = (key: bigint): RegionId => ({
  begin: Number(key >> 96n),
  core: Number((key >> 80n) & 0xffffn),
  mask: key & ((1n << 80n) - 1n),
})
