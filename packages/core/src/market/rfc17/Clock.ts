import { levels, type Params } from './Params'

/**
 * The descending clock of RFC-17's market period ("Market Period", "Details on some mechanics"):
 * it opens at `max(MIN_OPENING_PRICE, PRICE_MULTIPLIER × reserve)` and falls linearly to the
 * reserve in discrete levels, each held for `levelHours`. Level 0 is the opening price, level
 * `levels − 1` the reserve (choice: the reserve is held for the last interval).
 */

/** opening_price = max(MIN_OPENING_PRICE, PRICE_MULTIPLIER × reserve_price), the product floored. */
// RFC-17 text/0017 "Market Period": opening_price = max(MIN_OPENING_PRICE, PRICE_MULTIPLIER * reserve_price)
export const openingPrice = (p: Params, reserve: bigint): bigint => {
  const scaled = (p.priceMultiplier * reserve) / 1_000_000_000n
  return scaled > p.minOpeningPrice ? scaled : p.minOpeningPrice
}

/**
 * The clock price at `level` (0-based, clamped to the last level): opening − (opening − reserve) ·
 * level / (levels − 1), the decrease floored (so a level's price rounds up, never below the line).
 */
// RFC-17 "Details on some mechanics": linear descent, each discrete level held for an interval
export const priceAt = (p: Params, reserve: bigint, level: number): bigint => {
  const n = levels(p)
  const open = openingPrice(p, reserve)
  const i = Math.min(Math.max(0, Math.floor(level)), n - 1)
  return open - ((open - reserve) * BigInt(i)) / BigInt(n - 1)
}

/** The first level whose clock price is at or below `price`, or null if the clock never gets there. */
export const levelOf = (p: Params, reserve: bigint, price: bigint): number | null => {
  if (price < reserve) return null
  const n = levels(p)
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (priceAt(p, reserve, mid) <= price) hi = mid
    else lo = mid + 1
  }
  return lo
}
