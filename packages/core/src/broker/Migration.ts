import type { BrokerState } from './types'

// Storage migrations of pallet-broker (migration.rs) that change what the model holds.

/**
 * migration.rs `v5::MigrateToV5Impl` (#10188): gives the stored sale a `sale_index`, counted from
 * the first sale's `region_begin` (historical data the runtime supplies): completed regions
 * `(region_begin − first) / region_length` (saturating, 0 without a Configuration) plus one.
 * Returns what it did; a missing Configuration is logged upstream as an error and falls back to 1.
 */
export const v5 = (
  s: BrokerState,
  firstRegionBegin: number,
): { migrated: false } | { migrated: true; saleIndex: number; configurationMissing: boolean } => {
  const sale = s.saleInfo
  if (!sale) return { migrated: false }
  const regionLength = s.configuration?.regionLength ?? 0
  const elapsed = sale.regionBegin > firstRegionBegin ? sale.regionBegin - firstRegionBegin : 0
  const completed = regionLength > 0 ? Math.floor(elapsed / regionLength) : 0
  const saleIndex = Math.min(completed + 1, 0xffff_ffff)
  s.saleInfo = { ...sale, saleIndex }
  return { migrated: true, saleIndex, configurationMissing: s.configuration === null }
}
