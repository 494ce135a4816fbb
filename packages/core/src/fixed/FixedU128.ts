import { InvariantError } from '../errors/BaseError'
import { divRoundHalfDown, saturate, U128_MAX } from './rounding'

/**
 * `sp_arithmetic::FixedU128`: an unsigned fixed-point number stored as its inner u128, DIV = 10^18.
 * Values here are the inner integer, so `FixedU128.one === 10n ** 18n`.
 */
export type FixedU128 = bigint

export const DIV = 1_000_000_000_000_000_000n
export const one: FixedU128 = DIV

/** `FixedU128::from(n)`: n · DIV, saturating. */
export const fromInt = (n: bigint): FixedU128 => saturate(n * DIV, U128_MAX)

/** `FixedU128::from_rational(a, b)` (inherent const fn): round half down. Throws on b = 0. */
export const fromRational = (a: bigint, b: bigint): FixedU128 => {
  if (b === 0n) throw new InvariantError('FixedU128.fromRational: division by zero')
  return saturate(divRoundHalfDown(a * DIV, b), U128_MAX)
}

/** `From<Perbill>`: exact, parts · 10^9. */
export const fromPerbill = (parts: bigint): FixedU128 => parts * 1_000_000_000n

/** `saturating_mul` of two fixed values: floor(a · b / DIV), capped at u128::MAX inner. */
export const mul = (a: FixedU128, b: FixedU128): FixedU128 => saturate((a * b) / DIV, U128_MAX)

/** `saturating_mul_int(n)`: floor(x · n / DIV), saturating at `max` (default u128::MAX). */
export const mulInt = (x: FixedU128, n: bigint, max: bigint = U128_MAX): bigint =>
  saturate((x * n) / DIV, max)

/** `const_checked_div(2.0)`-style division by an integer with NearestPrefLow rounding (ties down). */
export const divIntRoundHalfDown = (x: FixedU128, n: bigint): FixedU128 => divRoundHalfDown(x, n)

/** `saturating_add`: capped at u128::MAX inner. */
export const add = (a: FixedU128, b: FixedU128): FixedU128 => saturate(a + b, U128_MAX)

/** `saturating_sub`: floors at 0. */
export const sub = (a: FixedU128, b: FixedU128): FixedU128 => (a > b ? a - b : 0n)

/** Decimal rendering, for display and messages only. */
export const format = (x: FixedU128): string => {
  const int = x / DIV
  const frac = (x % DIV).toString().padStart(18, '0').replace(/0+$/, '')
  return frac ? `${int}.${frac}` : `${int}`
}
