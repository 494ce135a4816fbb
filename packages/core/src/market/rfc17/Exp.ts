import { InvariantError } from '../../errors/BaseError'
/**
 * e^x in integers, so that a reserve price update gives the same planck on every machine (no
 * floating point anywhere). x is the exact rational `num / den`; the result is e^x scaled by
 * `SCALE` (10^40), computed by range reduction x = n·ln2 + r (|r| ≤ ln2/2, n the nearest integer)
 * and the Taylor series of e^r summed in 40-digit fixed point until a term truncates to zero, then
 * shifted by n bits; e^-x is computed as SCALE² / e^x. Every division truncates toward zero
 * except the reduction, which floors. The error is below 10^-36 relative for x ≥ 0 and below
 * 10^-39 absolute for x < 0: a floored planck result can differ from the true floor only when the
 * true value lies that close to a whole planck. Either way, the same inputs give the same integer.
 */

export const SCALE = 10n ** 40n
/** ln 2 · 10^40, truncated (ln 2 = 0.6931471805599453094172321214581765680755 00134…). */
export const LN2 = 6931471805599453094172321214581765680755n

/** floor(a / b) for any signs (bigint division truncates toward zero). */
export const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q
}

/** Largest |x| accepted: e^±4096 already has more than 1700 digits. */
export const MAX_ABS = 4096n

/** e^(num/den) · SCALE, truncated. `den` > 0; |num/den| ≤ 4096. */
export const expScaled = (num: bigint, den: bigint): bigint => {
  if (den <= 0n) throw new InvariantError('Exp.expScaled: den must be positive')
  // e^-x = 1 / e^x keeps the relative error of the positive side (a right shift would lose digits)
  if (num < 0n) return (SCALE * SCALE) / expScaled(-num, den)
  const x = floorDiv(num * SCALE, den)
  if (x > MAX_ABS * SCALE || x < -MAX_ABS * SCALE) throw new InvariantError('Exp.expScaled: |x| > 4096')
  // n = round(x / ln2), halves away from −∞ (floor(x/ln2 + 1/2))
  const n = floorDiv(2n * x + LN2, 2n * LN2)
  const r = x - n * LN2
  let sum = SCALE
  let term = SCALE
  for (let i = 1n; ; i++) {
    term = (term * r) / (SCALE * i)
    if (term === 0n) break
    sum += term
  }
  return n >= 0n ? sum << n : sum >> -n
}

/** floor(amount · e^(num/den)) for a non-negative amount. */
export const mulExp = (amount: bigint, num: bigint, den: bigint): bigint =>
  (amount * expScaled(num, den)) / SCALE
