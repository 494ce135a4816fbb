/** `sp_arithmetic::Perbill`: parts per billion, an integer in [0, 10^9]. */
export type Perbill = bigint

export const ACCURACY = 1_000_000_000n
export const one: Perbill = ACCURACY
export const zero: Perbill = 0n
/** floor(10^9 / 2): a remainder above it rounds up */
const HALF = ACCURACY / 2n

/** `Perbill::from_percent(p)`: p · 10^7 parts (p is capped at 100 by the chain). */
export const fromPercent = (p: bigint): Perbill => (p > 100n ? 100n : p) * 10_000_000n

/** True iff `parts` is a valid Perbill (0 ≤ parts ≤ 10^9). */
export const isValid = (parts: bigint): boolean => parts >= 0n && parts <= ACCURACY

/**
 * `Perbill * n` (Mul<N> for PerThing): round_half_down(n · parts / 10^9) (`Rounding::NearestPrefDown`).
 * Source: sp-arithmetic per_things.rs `overflow_prune_mul`. Examples: 3% of 1050 = 31, 3% of 1051 = 32.
 */
export const mul = (parts: Perbill, n: bigint): bigint => {
  if (n <= MAX_SAFE && parts <= ACCURACY) return BigInt(mulSafe(Number(parts), Number(n)))
  // divRoundHalfDown(n · parts, 10^9) with floor(10^9 / 2) computed once: q + 1 iff r > HALF
  const x = n * parts
  const q = x / ACCURACY
  return x - q * ACCURACY > HALF ? q + 1n : q
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * `mul` for n < 2^53 in doubles, exactly (a planck price is far below that): with n = a·10^9 + b
 * and b = b1·10^5 + b0, n·p / 10^9 = a·p + (b1·p·10^5 + b0·p) / 10^9, and every product and sum
 * below stays under 2^53 (a·p ≤ n, b1·p < 10^13, b0·p < 10^14). Property-tested against the bigint path.
 */
const mulSafe = (p: number, n: number): number => {
  // n / 10^9 < 2^24 is never rounded up to an integer: below one, a quotient is at least 10^-9
  // from it, more than half its ulp (≤ 2^-29); so a = floor(n / 10^9) exactly
  const a = Math.floor(n / 1e9)
  const b = n - a * 1e9
  const b1 = Math.floor(b / 1e5)
  const b0 = b - b1 * 1e5
  const u = b1 * p // < 10^13
  const uHigh = Math.floor(u / 1e4)
  // the part below 10^9: (u mod 10^4)·10^5 + b0·p < 1.01·10^14
  const low = (u - uHigh * 1e4) * 1e5 + b0 * p
  const lowQ = Math.floor(low / 1e9)
  const r = low - lowQ * 1e9
  const q = a * p + uHigh + lowQ
  return r > 500_000_000 ? q + 1 : q
}

/** `Perbill * n` rounded up: not a chain rule (the chain rounds to nearest); the test-only broken rule of `TestHooks`. */
export const mulCeil = (parts: Perbill, n: bigint): bigint => (n * parts + ACCURACY - 1n) / ACCURACY

/** Display as a percentage, e.g. `3%` or `12.5%`. */
export const format = (parts: Perbill): string => {
  const int = parts / 10_000_000n
  const frac = (parts % 10_000_000n).toString().padStart(7, '0').replace(/0+$/, '')
  return frac ? `${int}.${frac}%` : `${int}%`
}
