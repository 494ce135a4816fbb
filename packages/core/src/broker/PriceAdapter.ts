import * as FixedU64 from '../fixed/FixedU64'
import { saturate } from '../fixed/rounding'
import type { Balance, PriceAdapterConfig } from './types'

const DIV = FixedU64.DIV
const HALF = DIV / 2n
const HUNDRED = 100n * DIV
const NINETEEN = 19n * DIV
const TWO = 2n * DIV

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
    case 'MinimumPriceWithFixedTargetPrice':
      return when <= HALF
        ? FixedU64.sub(HUNDRED, 180n * when) // 100 − 180·when
        : FixedU64.sub(NINETEEN, 18n * when) // 19 − 18·when
    case 'Linear':
      return FixedU64.sub(TWO, when)
    case 'Fixed':
      return DIV
  }
}

/**
 * `leadinFactorAt` for `when` given as a number (an integer in [0, 10^9], the FixedU64 inner): every
 * intermediate is an integer below 2^37, exact in a double, so the result is the same number
 * without bigint arithmetic (`Sale.priceAt`'s hot path; PriceAdapter.test.ts checks it equal).
 */
export const leadinFactorAtNumber = (adapter: PriceAdapterConfig, when: number): number => {
  switch (adapter.kind) {
    case 'CenterTargetPrice':
    case 'MinimumPrice':
    case 'MinimumPriceWithFixedTargetPrice':
      // adapt_price.rs CenterTargetPrice::leadin_factor_at, saturating at 0 as FixedU64::saturating_sub
      return when <= 500_000_000 ? satSub(100e9, 180 * when) : satSub(19e9, 18 * when)
    case 'Linear':
      return satSub(2e9, when)
    case 'Fixed':
      return 1e9
  }
}
const satSub = (a: number, b: number): number => (a > b ? a - b : 0)

/**
 * `leadinFactorAt(adapter, 0)` as a whole multiple of the end price (the interlude's price is
 * end × this, saturated): 100 for the CenterTargetPrice family, 2 for Linear, 1 for Fixed. Lets
 * `Sale.priceAt` skip the fixed-point product in the interlude, where every renewal asks for it.
 */
export const startMultiplier = (adapter: PriceAdapterConfig): bigint => {
  switch (adapter.kind) {
    case 'CenterTargetPrice':
    case 'MinimumPrice':
    case 'MinimumPriceWithFixedTargetPrice':
      return 100n
    case 'Linear':
      return 2n
    case 'Fixed':
      return 1n
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
 * The next sale's end price and renewal target from the sale that just ended, for every adapter
 * (E3+ `AdaptPrice::adapt_price`; E1/E2 `Linear`, see `linearNext`). Rotation calls only this,
 * so adding an adapter kind is a case here and in `leadinFactorAt` / `initialSellout`.
 */
export const next = (adapter: PriceAdapterConfig, perf: SalePerformance, max: Balance): AdaptedPrices => {
  switch (adapter.kind) {
    case 'CenterTargetPrice':
      return centerAdapt(perf, max)
    case 'MinimumPrice': {
      // adapt_price.rs `MinimumPrice::adapt_price` (E5, #8630): clamp the end price from below.
      const r = centerAdapt(perf, max)
      const endPrice = r.endPrice < adapter.minimumEndPrice ? adapter.minimumEndPrice : r.endPrice
      return { endPrice, targetPrice: r.targetPrice < endPrice ? endPrice : r.targetPrice }
    }
    case 'MinimumPriceWithFixedTargetPrice':
      // paseo-network/runtimes system-parachains/coretime-paseo coretime.rs `MinimumPriceWithFixedTargetPrice`:
      // the sale's performance is ignored (confirmed on the compiled runtime 2000006, docs/oracle.md)
      return { endPrice: adapter.minimumEndPrice, targetPrice: adapter.fixedTargetPrice }
    case 'Fixed': {
      // `impl AdaptPrice for ()`: the price never moves.
      const p = perf.selloutPrice ?? perf.endPrice
      return { endPrice: p, targetPrice: p }
    }
    case 'Linear':
      return linearNext(perf, max)
  }
}

/**
 * The sellout price a new sale starts with: E3+ pre-set it to the end price (tick_impls.rs
 * `rotate_sale`, `sellout_price: Some(end_price)` when cores are offered); the RFC-1 (Linear)
 * era had no pre-set sellout.
 */
export const initialSellout = (
  adapter: PriceAdapterConfig,
  endPrice: Balance,
  coresOffered: number,
): Balance | null => (adapter.kind !== 'Linear' && coresOffered > 0 ? endPrice : null)

/**
 * E1/E2 `rotate_sale` (RFC-1): a multiplier on the sellout price (or on the old price when fewer
 * than the ideal number sold); unchanged when nothing was offered or nothing sold. Renewals follow
 * the same price (end = target).
 */
const linearNext = (old: SalePerformance, max: Balance): AdaptedPrices => {
  let price = old.endPrice
  if (old.coresOffered > 0) {
    const purchase = old.coresSold >= old.idealCoresSold ? old.selloutPrice : old.endPrice
    if (purchase !== null) {
      const sold = old.coresSold < old.coresOffered ? old.coresSold : old.coresOffered
      price = FixedU64.mulInt(linearMultiplier(sold, old.idealCoresSold, old.coresOffered), purchase, max)
    }
  }
  return { endPrice: price, targetPrice: price }
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
