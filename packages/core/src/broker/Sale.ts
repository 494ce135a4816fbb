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
  const m = memo
  if (
    m.num === num &&
    m.leadinLength === sale.leadinLength &&
    m.endPrice === sale.endPrice &&
    m.adapter === adapter &&
    m.max === max
  )
    return m.price
  const through = throughLeadin(num, sale.leadinLength)
  const price = FixedU64.mulInt(leadinFactorAt(adapter, through), sale.endPrice, max)
  memo = { num, leadinLength: sale.leadinLength, endPrice: sale.endPrice, adapter, max, price }
  return price
}

/**
 * The last price computed (a pure function of these inputs, so reusing it is unobservable): every
 * renewal in an interlude, and every purchase at the fixed price, asks for the same one.
 */
let memo: {
  num: number
  leadinLength: number
  endPrice: Balance
  adapter: PriceAdapterConfig | null
  max: Balance
  price: Balance
} = { num: -1, leadinLength: -1, endPrice: -1n, adapter: null, max: -1n, price: 0n }

/** Largest lead-in for which num · 10^9 stays an exact double (< 2^53). */
const EXACT_LEADIN = 9_007_199

/**
 * `FixedU64::from_rational(num, leadin)` (round half down) for 0 ≤ num ≤ leadin. Lead-ins of
 * under ~9 million blocks (Polkadot's is 201,600) are computed exactly in doubles, which is
 * several times faster than bigint; longer ones take the bigint path.
 */
const throughLeadin = (num: number, leadin: number): FixedU64.FixedU64 => {
  if (leadin === 0 || leadin > EXACT_LEADIN) return FixedU64.fromRational(BigInt(num), BigInt(leadin))
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
  return BigInt(r > Math.floor(leadin / 2) ? q + 1 : q)
}

/** The sale's phase at `now`: before `saleStart` the interlude, then the lead-in, then the fixed price. */
export const phaseAt = (
  sale: Pick<SaleInfoRecord, 'saleStart' | 'leadinLength'>,
  now: BlockNumber,
): 'interlude' | 'leadin' | 'fixed' =>
  now < sale.saleStart ? 'interlude' : now < sale.saleStart + sale.leadinLength ? 'leadin' : 'fixed'
