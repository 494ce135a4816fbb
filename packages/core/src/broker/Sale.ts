import * as FixedU64 from '../fixed/FixedU64'
import { leadinFactorAt, leadinFactorAtNumber, startMultiplier } from './PriceAdapter'
import type { Balance, BlockNumber, PriceAdapterConfig, SaleInfoRecord } from './types'

/**
 * The sale price at relay block `now` (utility_impls.rs `sale_price`): the lead-in factor at
 * `through = min(max(now − saleStart, 0), leadinLength) / leadinLength` (round half down) times the
 * end price, floored and saturated at `max`. Before the sale starts it is the lead-in's top price;
 * after the lead-in it is exactly the end price.
 */
export const priceAt = (
  sale: Pick<SaleInfoRecord, 'saleStart' | 'leadinLength' | 'endPrice'>,
  now: BlockNumber,
  adapter: PriceAdapterConfig,
  max: Balance,
): Balance => {
  let num = now > sale.saleStart ? now - sale.saleStart : 0
  if (num > sale.leadinLength) num = sale.leadinLength
  // After the lead-in the factor is exactly 1 for every adapter: the end price (saturated).
  if (num === sale.leadinLength && num > 0) return sale.endPrice > max ? max : sale.endPrice
  // Before and at the sale start the factor is the adapter's whole start multiplier.
  if (num === 0 && sale.leadinLength > 0) {
    const p = sale.endPrice * startMultiplier(adapter)
    return p > max ? max : p
  }
  const leadin = sale.leadinLength
  if (leadin === 0 || leadin > EXACT_LEADIN) {
    const through = FixedU64.fromRational(BigInt(num), BigInt(leadin))
    return FixedU64.mulInt(leadinFactorAt(adapter, through), sale.endPrice, max)
  }
  // the same factor computed in doubles, exactly, then applied to the end price in one-digit bigints
  const factor = leadinFactorAtNumber(adapter, throughLeadin(num, leadin))
  return FixedU64.mulIntNumber(factor, sale.endPrice, max)
}

/** Largest lead-in for which num · 10^9 stays an exact double (< 2^53). */
const EXACT_LEADIN = 9_007_199

/**
 * `FixedU64::from_rational(num, leadin)` (round half down) for 0 ≤ num ≤ leadin, 0 < leadin ≤
 * EXACT_LEADIN, as a number: lead-ins of under ~9 million blocks (Polkadot's is 201,600) are
 * computed exactly in doubles, several times faster than bigint; longer ones take the bigint path.
 */
const throughLeadin = (num: number, leadin: number): number => {
  const n = num * 1e9
  let q = Math.floor(n / leadin)
  let r = n - q * leadin
  // the double quotient may be one off; the remainder tells
  if (r < 0) {
    q -= 1
    r += leadin
  } else if (r >= leadin) {
    q += 1
    r -= leadin
  }
  return r > Math.floor(leadin / 2) ? q + 1 : q
}

/** The sale's phase at `now`: before `saleStart` the interlude, then the lead-in, then the fixed price. */
export const phaseAt = (
  sale: Pick<SaleInfoRecord, 'saleStart' | 'leadinLength'>,
  now: BlockNumber,
): 'interlude' | 'leadin' | 'fixed' =>
  now < sale.saleStart ? 'interlude' : now < sale.saleStart + sale.leadinLength ? 'leadin' : 'fixed'
