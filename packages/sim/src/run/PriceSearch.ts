/** The sale price at block `b` (runtime API `sale_price`, evaluated at `b`). */
export type PriceAt = (b: number) => bigint

/**
 * The first block in [from, to] whose price is ≤ limit, or null. Prices only fall through a sale
 * (and are flat from the end of the lead-in), so that block is unique and any bracketing search
 * finds the same one. The lead-in is piecewise linear with a bend at `knot` (its middle, for the
 * CenterTargetPrice family), so after one probe there, interpolating between the bracket's prices
 * and probing the neighbour usually closes it in two or three evaluations instead of a
 * bisection's ~18; bisection takes over if interpolation stalls.
 */
export const firstBlockAtOrBelow = (
  priceAt: PriceAt,
  from: number,
  to: number,
  limit: bigint,
  knot: number,
  flatFrom: number,
): number | null => {
  if (from > to) return null
  let plo = priceAt(from)
  if (plo <= limit) return from
  let hi = to
  if (hi > flatFrom && from < flatFrom) hi = flatFrom // the same price as `to`
  let phi = priceAt(hi)
  if (phi > limit) return null
  let lo = from // price > limit
  if (knot > lo && knot < hi) {
    const p = priceAt(knot)
    if (p <= limit) {
      hi = knot
      phi = p
    } else {
      lo = knot
      plo = p
    }
  }
  for (let round = 0; hi - lo > 1 && round < 4; round++) {
    let g = lo + Math.round(((hi - lo) * Number(plo - limit)) / Number(plo - phi))
    if (!(g > lo)) g = lo + 1
    if (!(g < hi)) g = hi - 1
    const p = priceAt(g)
    if (p <= limit) {
      hi = g
      phi = p
      if (g - 1 > lo) {
        const q = priceAt(g - 1)
        if (q > limit) return g
        hi = g - 1
        phi = q
      }
    } else {
      lo = g
      plo = p
      if (g + 1 < hi) {
        const q = priceAt(g + 1)
        if (q <= limit) return g + 1
        lo = g + 1
        plo = q
      }
    }
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2)
    if (priceAt(mid) <= limit) hi = mid
    else lo = mid
  }
  return hi
}
