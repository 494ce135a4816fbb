import * as FixedU64 from '../fixed/FixedU64'
import { saturate } from '../fixed/rounding'
import type { Balance, PriceAdapterConfig } from './types'

const DIV = FixedU64.DIV

/** `SalePerformance`, copied from the sale that just ended (pallet-broker adapt_price.rs). */
export interface SalePerformance {
  selloutPrice: Balance | null
  endPrice: Balance
  idealCoresSold: number
  coresOffered: number
  coresSold: number
}

/** `AdaptedPrices`: the next sale's end price and the price leases renew at. */
export interface AdaptedPrices {
  endPrice: Balance
  targetPrice: Balance
}

/**
 * Lead-in factor at `when` ∈ [0, 1] (FixedU64 inner), by adapter.
 * CenterTargetPrice: 100 → 10 at ½ → 1 (adapt_price.rs `CenterTargetPrice::leadin_factor_at`);
 * Linear: saturating 2 − when (E2, adapt_price.rs `Linear::leadin_factor_at`); Fixed (`()`): 1.
 */
export const leadinFactorAt = (adapter: PriceAdapterConfig, when: FixedU64.FixedU64): FixedU64.FixedU64 => {
  switch (adapter.kind) {
    case 'CenterTargetPrice':
    case 'MinimumPrice':
      return when <= DIV / 2n
        ? FixedU64.sub(100n * DIV, 180n * when) // 100 − 180·when
        : FixedU64.sub(19n * DIV, 18n * when) // 19 − 18·when
    case 'Linear':
      return FixedU64.sub(2n * DIV, when)
    case 'Fixed':
      return DIV
  }
}

/** CenterTargetPrice::adapt_price (adapt_price.rs): end = sellout/10 (or sellout if that is 0), target = sellout. */
const centerAdapt = (perf: SalePerformance, max: Balance): AdaptedPrices => {
  if (perf.selloutPrice === null) {
    return { endPrice: perf.endPrice, targetPrice: saturate(10n * perf.endPrice, max) }
  }
  const s = perf.selloutPrice
  const p = FixedU64.mulInt(100_000_000n, s, max) // FixedU64::from_rational(1, 10) · sellout, floored
  return { endPrice: p === 0n ? s : p, targetPrice: s }
}

/**
 * Next sale's prices from the last one (E3+ `AdaptPrice::adapt_price`). Not used for `Linear`,
 * whose era computes a multiplier instead (see `linearMultiplier`).
 */
export const adaptPrice = (
  adapter: PriceAdapterConfig,
  perf: SalePerformance,
  max: Balance,
): AdaptedPrices => {
  switch (adapter.kind) {
    case 'CenterTargetPrice':
      return centerAdapt(perf, max)
    case 'MinimumPrice': {
      // adapt_price.rs `MinimumPrice::adapt_price` (E5, #8630): clamp the end price from below.
      const r = centerAdapt(perf, max)
      const endPrice = r.endPrice < adapter.minimumEndPrice ? adapter.minimumEndPrice : r.endPrice
      return { endPrice, targetPrice: r.targetPrice < endPrice ? endPrice : r.targetPrice }
    }
    case 'Fixed': {
      // `impl AdaptPrice for ()`: the price never moves.
      const p = perf.selloutPrice ?? perf.endPrice
      return { endPrice: p, targetPrice: p }
    }
    case 'Linear':
      throw new Error('PriceAdapter.adaptPrice: Linear uses linearMultiplier (E2 rotation)')
  }
}

/**
 * RFC-1 `Linear::adapt_price(sold, target, limit)` (E2, #3636): a multiplier in [½, 1] when
 * sold ≤ target, else in (1, 2]. FixedU64 inner.
 */
export const linearMultiplier = (sold: number, target: number, limit: number): FixedU64.FixedU64 => {
  if (sold <= target) {
    return FixedU64.add(DIV / 2n, FixedU64.fromRational(BigInt(sold), 2n * BigInt(target)))
  }
  return FixedU64.add(DIV, FixedU64.fromRational(BigInt(sold - target), BigInt(limit - target)))
}
