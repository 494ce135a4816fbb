import * as Renewal from '../broker/Renewal'
import type { RenewalPriceRule } from '../broker/types'
import type * as FixedU128 from '../fixed/FixedU128'
import type { Perbill } from '../fixed/Perbill'
import * as Ratio from '../fixed/Ratio'
import * as Networks from '../networks/Networks'
import * as Traffic from '../ondemand/Traffic'
import type { Network } from '../units/Token'

/**
 * Bulk versus on-demand for a parachain that needs `blocksPerDay` blocks: bulk buys whole cores for
 * whole regions (a purchase, then renewals under the broker's renewal rule); on-demand pays the spot
 * price for every block it orders. All money is planck; one order buys one block.
 */
export type Inputs = {
  /** parachain blocks needed per day */
  readonly blocksPerDay: number
  /** regions (bulk periods) to compare over */
  readonly regions: number
  /** relay blocks in one region: region_length × timeslice period (5040 × 80 = 403 200, 28 days) */
  readonly regionRelayBlocks: number
  /** relay blocks per day (14 400 at 6 s); also the most blocks one core gives a para per day */
  readonly relayBlocksPerDay: number
  /** what the first region's core costs (the sale price when bought) */
  readonly purchasePrice: bigint
  /** the end price of each later sale (constant; today's floor is 10 DOT / 1 KSM) */
  readonly endPrice: bigint
  /** the sale price when renewing; in the interlude it is the lead-in's top (100 × end price today) */
  readonly renewalSalePrice: bigint
  /** broker `renewal_bump` */
  readonly renewalBump: Perbill
  /** `floorAtEndPrice` (RFC-149, live since fellows 1.6.0) or `bumpOnly` (before) */
  readonly renewalRule: RenewalPriceRule
  /** relay `on_demand_base_fee`, planck */
  readonly onDemandBaseFee: bigint
  /** the traffic multiplier orders meet (1.0 unless the queue is above target) */
  readonly traffic: FixedU128.FixedU128
}

export type RegionCost = {
  readonly region: number
  readonly kind: 'purchase' | 'renewal'
  /** price of one core for this region */
  readonly corePrice: bigint
  /** cores × core price */
  readonly bulk: bigint
  readonly orders: bigint
  readonly onDemand: bigint
}

export type Comparison = {
  /** whole cores bulk needs: ceil(blocksPerDay / relayBlocksPerDay) */
  readonly cores: number
  readonly spotPrice: bigint
  /** on-demand orders per region: ceil(blocksPerDay × regionRelayBlocks / relayBlocksPerDay) */
  readonly ordersPerRegion: bigint
  readonly perRegion: readonly RegionCost[]
  readonly totalBulk: bigint
  readonly totalOnDemand: bigint
  readonly cheaper: 'bulk' | 'onDemand' | 'equal'
  /**
   * blocks per day at which on-demand costs as much as one core of bulk over the horizon
   * (totalBulk of one core / (spot price × days)); above it bulk is cheaper, for demand up to one core
   */
  readonly breakEvenBlocksPerDay: Ratio.Ratio | undefined
  /** the same as a share of one core's blocks */
  readonly breakEvenShare: Ratio.Ratio | undefined
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b

/** The renewal price sequence for one core: purchase, then each renewal pays the recorded price. */
export const bulkPrices = (i: Inputs): bigint[] => {
  const prices: bigint[] = []
  let price = i.purchasePrice
  for (let r = 0; r < i.regions; r++) {
    prices.push(price)
    // the first renewal pays what the purchase paid (assign records `paid`); each renewal records the next
    if (r >= 1) price = Renewal.nextPrice(i.renewalRule, price, i.renewalBump, i.endPrice, i.renewalSalePrice)
  }
  return prices
}

export const compare = (i: Inputs): Comparison => {
  const cores = Math.ceil(i.blocksPerDay / i.relayBlocksPerDay)
  const spotPrice = Traffic.spotPrice(i.traffic, i.onDemandBaseFee)
  const ordersPerRegion = ceilDiv(
    BigInt(i.blocksPerDay) * BigInt(i.regionRelayBlocks),
    BigInt(i.relayBlocksPerDay),
  )
  const perRegion = bulkPrices(i).map(
    (corePrice, r): RegionCost => ({
      region: r + 1,
      kind: r === 0 ? 'purchase' : 'renewal',
      corePrice,
      bulk: corePrice * BigInt(cores),
      orders: ordersPerRegion,
      onDemand: ordersPerRegion * spotPrice,
    }),
  )
  const totalBulk = perRegion.reduce((a, x) => a + x.bulk, 0n)
  const totalOnDemand = perRegion.reduce((a, x) => a + x.onDemand, 0n)
  const oneCore = perRegion.reduce((a, x) => a + x.corePrice, 0n)
  const days = Ratio.of(BigInt(i.regions * i.regionRelayBlocks), BigInt(i.relayBlocksPerDay))
  const breakEvenBlocksPerDay =
    spotPrice === 0n || i.regions === 0
      ? undefined
      : Ratio.div(Ratio.int(oneCore), Ratio.mul(Ratio.int(spotPrice), days))
  return {
    cores,
    spotPrice,
    ordersPerRegion,
    perRegion,
    totalBulk,
    totalOnDemand,
    cheaper: totalBulk < totalOnDemand ? 'bulk' : totalBulk > totalOnDemand ? 'onDemand' : 'equal',
    breakEvenBlocksPerDay,
    breakEvenShare:
      breakEvenBlocksPerDay === undefined
        ? undefined
        : Ratio.div(breakEvenBlocksPerDay, Ratio.int(i.relayBlocksPerDay)),
  }
}

/**
 * Defaults: a full core's demand over 12 regions; purchase and end price at today's minimum end
 * price (10 DOT / 1 KSM, fellows #754); renewing in the interlude, where the sale price is the lead-in
 * top (100 × end, CenterTargetPrice/MinimumPrice); the RFC-149 rule. The 3% renewal bump and the
 * on-demand base fee (sdk default 10 000 000 planck) are assumptions, not live values: read
 * `broker.configuration` and the relay's `configuration.activeConfig`.
 */
export const defaults = (network: Network): Inputs => {
  const n = Networks.get(network)
  const endPrice = n.sale.endPrice
  const perDay = Networks.relayBlocksPerDay(network)
  return {
    blocksPerDay: perDay,
    regions: 12,
    regionRelayBlocks: n.sale.configuration.regionLength * n.runtime.timeslicePeriod,
    relayBlocksPerDay: perDay,
    purchasePrice: endPrice,
    endPrice,
    renewalSalePrice: 100n * endPrice,
    renewalBump: n.sale.configuration.renewalBump,
    renewalRule: 'floorAtEndPrice',
    onDemandBaseFee: 10_000_000n,
    traffic: 1_000_000_000_000_000_000n,
  }
}
