import * as Exp from './Exp'
import { ONE, type Params } from './Params'

/**
 * RFC-17 "Reserve Price Adjustment":
 *   candidate = reserve · exp(K · (consumption − TARGET_CONSUMPTION_RATE))
 *   candidate = max(candidate, P_MIN)
 *   if consumption = 100% and candidate − reserve < MIN_INCREMENT: next = reserve + MIN_INCREMENT
 * consumption = cores sold (market and renewals) / cores available, kept as an exact fraction; the
 * exponent K·(sold/supply − target) is the exact rational K·(sold·1e9 − target·supply) /
 * (supply·1e18) and e^x is integer fixed point (Exp.ts), so the result is the same planck everywhere.
 */

export type Rule = 'exp' | 'floor' | 'minIncrement' | 'noSupply'

export interface Next {
  /** the reserve of the next sale (planck) */
  reserve: bigint
  /** reserve · e^x before the floor and the minimum increment (planck, floored) */
  candidate: bigint
  /** sold / supply in parts of 1e9, floored (reporting only; the update uses the exact fraction) */
  consumption: bigint
  /** which line decided: the exponential, the P_MIN floor, the +MIN_INCREMENT, or no cores offered (unchanged) */
  rule: Rule
}

// RFC-17 "Reserve Price Adjustment": price_candidate, max(·, P_MIN), then the MIN_INCREMENT rule
export const next = (p: Params, reserve: bigint, sold: number, supply: number): Next => {
  // choice: with no cores offered the consumption is undefined; the reserve is kept
  if (supply <= 0) return { reserve, candidate: reserve, consumption: 0n, rule: 'noSupply' }
  const s = BigInt(Math.min(sold, supply))
  const n = BigInt(supply)
  const num = p.k * (s * ONE - p.targetConsumption * n)
  const den = n * ONE * ONE
  const candidate = Exp.mulExp(reserve, num, den)
  let rule: Rule = 'exp'
  let out = candidate
  if (candidate < p.pMin) {
    out = p.pMin
    rule = 'floor'
  }
  if (s === n && out - reserve < p.minIncrement) {
    out = reserve + p.minIncrement
    rule = 'minIncrement'
  }
  return { reserve: out, candidate, consumption: (s * ONE) / n, rule }
}
