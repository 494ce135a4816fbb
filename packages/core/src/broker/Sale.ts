import * as FixedU64 from '../fixed/FixedU64'
import { leadinFactorAt } from './PriceAdapter'
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
  const through = FixedU64.fromRational(BigInt(num), BigInt(sale.leadinLength))
  return FixedU64.mulInt(leadinFactorAt(adapter, through), sale.endPrice, max)
}

/** The sale's phase at `now`: before `saleStart` the interlude, then the lead-in, then the fixed price. */
export const phaseAt = (
  sale: Pick<SaleInfoRecord, 'saleStart' | 'leadinLength'>,
  now: BlockNumber,
): 'interlude' | 'leadin' | 'fixed' =>
  now < sale.saleStart ? 'interlude' : now < sale.saleStart + sale.leadinLength ? 'leadin' : 'fixed'
