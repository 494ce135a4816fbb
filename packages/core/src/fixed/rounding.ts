/** Integer division helpers with the rounding modes sp-arithmetic uses. All arguments are non-negative. */

/** floor(n / d). */
export const divFloor = (n: bigint, d: bigint): bigint => n / d

/**
 * Round to nearest, ties down (sp-arithmetic `Rounding::NearestPrefDown`):
 * q = floor(n/d), r = n mod d; q + 1 iff r > floor(d/2). So exact halves go down; 2/3 rounds up.
 */
export const divRoundHalfDown = (n: bigint, d: bigint): bigint => {
  const q = n / d
  const r = n - q * d
  // r > floor(d/2) ⟺ 2r > d, for even and odd d alike; multiplications instead of two more divisions
  return 2n * r > d ? q + 1n : q
}

/** min(v, max): the saturating cap of an unsigned integer of the given maximum. */
export const saturate = (v: bigint, max: bigint): bigint => (v > max ? max : v)

/** Largest value of an unsigned integer with `bits` bits. */
export const maxOfBits = (bits: number): bigint => (1n << BigInt(bits)) - 1n

export const U64_MAX = maxOfBits(64)
export const U128_MAX = maxOfBits(128)
