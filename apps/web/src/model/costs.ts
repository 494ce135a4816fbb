import { BulkVsOnDemand, OnDemand } from '@coretime/core'
import type { ViewState } from '../state'
import type { RunResult } from './types'
import { BLOCKS_PER_DAY, perbill, TIMESLICE_PERIOD } from './units'

/** Bulk against on-demand for the user's core, and the totals over all sales. */

export interface CostRow {
  index: number
  /** Renewing whole cores for the region, planck. */
  bulk: bigint
  /** On-demand orders (one block each) for the region. */
  orders: bigint
  /** Ordering `blocksPerDay` blocks a day at the floor spot price for the region's length, planck. */
  onDemand: bigint
}

export interface Costs {
  spot: bigint
  /** Whole cores bulk needs for `blocksPerDay`. */
  cores: number
  rows: CostRow[]
}

/**
 * Per region: bulk (renewing the user's core at its renewal price in that sale) against on-demand
 * orders at the spot price with the queue at its floor traffic (sdk default scheduler params,
 * labelled as such in the page). Each region is @coretime/core's BulkVsOnDemand.Compare over that
 * one region, priced at the sale's renewal price.
 */
export const bulkVsOnDemand = (v: ViewState, r: RunResult): Costs => {
  const od = OnDemand.Params.sdkDefaults(v.network)
  const base = {
    blocksPerDay: v.blocksPerDay,
    regions: 1,
    regionRelayBlocks: v.a.regionLength * TIMESLICE_PERIOD,
    relayBlocksPerDay: BLOCKS_PER_DAY,
    renewalBump: perbill(v.a.bumpPct),
    renewalRule: v.a.renewalRule,
    onDemandBaseFee: od.baseFee,
    traffic: od.trafficDefault,
  }
  // the spot price and the cores needed do not depend on the region: read them off a Compare over none
  const { spotPrice: spot, cores } = BulkVsOnDemand.Compare.compare({
    ...base,
    regions: 0,
    purchasePrice: 0n,
    endPrice: 0n,
    renewalSalePrice: 0n,
  })
  const rows = r.rows.map((row): CostRow => {
    const region = BulkVsOnDemand.Compare.compare({
      ...base,
      purchasePrice: row.userRenewal,
      endPrice: row.endPrice,
      renewalSalePrice: row.topPrice,
    }).perRegion[0]
    return {
      index: row.index,
      bulk: region?.bulk ?? 0n,
      orders: region?.orders ?? 0n,
      onDemand: region?.onDemand ?? 0n,
    }
  })
  return { spot, cores, rows }
}

export interface Totals {
  /** What renewing the user's core costs over all sales. */
  userRenewals: bigint
  /** Paid to the broker over all sales. */
  revenue: bigint
  /** On-demand for the same blocks over all regions. */
  onDemand: bigint
}

export const totals = (r: RunResult, costs: readonly CostRow[]): Totals => ({
  userRenewals: r.rows.reduce((a, x) => a + x.userRenewal, 0n),
  revenue: r.revenue,
  onDemand: costs.reduce((a, x) => a + x.onDemand, 0n),
})
