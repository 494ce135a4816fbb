import * as Perbill from '../fixed/Perbill'
import type { Balance, RenewalPriceRule } from './types'

/**
 * The price recorded for the next renewal after renewing at `paid` (dispatchable_impls.rs
 * `do_renew`): `min(price now, cap)` with cap = paid + bump·paid, and under RFC-149
 * (`floorAtEndPrice`, E5 #8630) never below the sale's end price: cap = max(paid + bump·paid, end).
 */
export const nextPrice = (
  rule: RenewalPriceRule,
  paid: Balance,
  renewalBump: Perbill.Perbill,
  saleEndPrice: Balance,
  salePriceNow: Balance,
  /** test-only (`TestHooks.renewalBumpRoundsUp`): the bump rounded up, a deliberately wrong rule */
  bumpRoundsUp = false,
): Balance => {
  const bumped = paid + (bumpRoundsUp ? Perbill.mulCeil(renewalBump, paid) : Perbill.mul(renewalBump, paid))
  const cap = rule === 'floorAtEndPrice' && saleEndPrice > bumped ? saleEndPrice : bumped
  return salePriceNow < cap ? salePriceNow : cap
}
