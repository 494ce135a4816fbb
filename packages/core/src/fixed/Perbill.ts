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
  // n = a·10^9 + b, so n·parts / 10^9 = a·parts + b·parts / 10^9 exactly, and only b·parts is
  // divided and rounded: below 10^18 for a valid Perbill, one 64-bit digit, which V8 multiplies and
  // divides several times faster than the 128-bit n·parts (Perbill.test.ts holds it to the rule)
  const a = n / ACCURACY
  const b = n - a * ACCURACY
  const x = b * parts
  const q = x / ACCURACY
  return a * parts + (x - q * ACCURACY > HALF ? q + 1n : q)
}

/** `Perbill * n` rounded up: not a chain rule (the chain rounds to nearest); the test-only broken rule of `TestHooks`. */
export const mulCeil = (parts: Perbill, n: bigint): bigint => (n * parts + ACCURACY - 1n) / ACCURACY

/** Display as a percentage, e.g. `3%` or `12.5%`. */
export const format = (parts: Perbill): string => {
  const int = parts / 10_000_000n
  const frac = (parts % 10_000_000n).toString().padStart(7, '0').replace(/0+$/, '')
  return frac ? `${int}.${frac}%` : `${int}%`
}
