import { InvariantError } from '../errors/BaseError'
import { divRoundHalfDown, saturate, U64_MAX } from './rounding'

/**
 * `sp_arithmetic::FixedU64`: an unsigned fixed-point number stored as its inner u64, DIV = 10^9.
 * Values here are the inner integer (a `bigint`), so `FixedU64.one === 1_000_000_000n`.
 */
export type FixedU64 = bigint

export const DIV = 1_000_000_000n
export const one: FixedU64 = DIV

/** `FixedU64::from(n)`: n · DIV, saturating at u64::MAX inner. */
export const fromInt = (n: bigint): FixedU64 => saturate(n * DIV, U64_MAX)

/**
 * `FixedU64::from_rational(a, b)` (the inherent const fn): round_half_down(a · DIV / b).
 * Source: sp-arithmetic fixed_point.rs `from_rational` → `from_rational_with_rounding(NearestPrefDown)`.
 * Throws on b = 0, where the chain panics.
 */
export const fromRational = (a: bigint, b: bigint): FixedU64 => {
  if (b === 0n) throw new InvariantError('FixedU64.fromRational: division by zero')
  return saturate(divRoundHalfDown(a * DIV, b), U64_MAX)
}

/** `x.saturating_mul_int(n)`: floor(x · n / DIV), saturating at `max` (the Balance width). */
export const mulInt = (x: FixedU64, n: bigint, max: bigint): bigint => saturate((x * n) / DIV, max)

/**
 * `mulInt` for an inner `x` given as a whole number below 2^53 (a price factor computed in doubles):
 * with x = h·DIV + l and n = a·DIV + b, floor(x·n / DIV) = h·n + l·a + floor(l·b / DIV), so every
 * product but h·n stays within one 64-bit digit, which V8's bigint arithmetic does fastest.
 */
export const mulIntNumber = (x: number, n: bigint, max: bigint): bigint => {
  const h = Math.floor(x / 1e9) // exact: x < 2^53 is a whole number
  const l = BigInt(x - h * 1e9)
  const a = n / DIV
  const p = BigInt(h) * n + l * a + (l * (n - a * DIV)) / DIV
  return p > max ? max : p
}

/** `saturating_sub`: floors at 0. */
export const sub = (a: FixedU64, b: FixedU64): FixedU64 => (a > b ? a - b : 0n)

/** `saturating_add`: caps at u64::MAX inner. */
export const add = (a: FixedU64, b: FixedU64): FixedU64 => saturate(a + b, U64_MAX)

/** Fixed × fixed, `saturating_mul`: floor(a · b / DIV) (rounding Minor for non-negative values). */
export const mul = (a: FixedU64, b: FixedU64): FixedU64 => saturate((a * b) / DIV, U64_MAX)

/** Decimal rendering, e.g. `1.5`; for display and messages only. */
export const format = (x: FixedU64): string => {
  const int = x / DIV
  const frac = (x % DIV).toString().padStart(9, '0').replace(/0+$/, '')
  return frac ? `${int}.${frac}` : `${int}`
}
