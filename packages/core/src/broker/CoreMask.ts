import { InvariantError } from '../errors/BaseError'

/**
 * `CoreMask`: 80 bits of a core's time, one per 1/80 of a timeslice. Stored as a bigint whose
 * most significant of the 80 bits is the first 1/80 (pallet-broker core_mask.rs: `[u8; 10]`,
 * big-endian, bit i = byte[i/8] & (0x80 >> i%8)).
 */
export type CoreMask = bigint

export const BITS = 80
export const complete: CoreMask = (1n << 80n) - 1n
export const empty: CoreMask = 0n

export const isComplete = (m: CoreMask): boolean => m === complete
export const isVoid = (m: CoreMask): boolean => m === 0n

/** `CoreMask::from_chunk(from, to)`: bits from..to-1 set (bit 0 is the most significant). */
export const fromChunk = (from: number, to: number): CoreMask => {
  if (from < 0 || to > BITS || from > to)
    throw new InvariantError(`CoreMask.fromChunk: bad chunk ${from}..${to}`)
  const width = BigInt(to - from)
  return ((1n << width) - 1n) << BigInt(BITS - to)
}

/** `!mask` within 80 bits. */
export const not = (m: CoreMask): CoreMask => complete ^ m

const popcount32 = (x: number): number => {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** `count_ones`: number of set bits (0..80). */
export const countOnes = (m: CoreMask): number => {
  if (m === complete) return 80
  if (m === 0n) return 0
  const lo = Number(m & 0xffffffffn)
  const mid = Number((m >> 32n) & 0xffffffffn)
  const hi = Number(m >> 64n)
  return popcount32(lo) + popcount32(mid) + popcount32(hi)
}

const HEX_RE = /^0x[0-9a-fA-F]{20}$/

/** Parses the trace form `0x` + 20 hex digits; returns null when malformed. */
export const parse = (hex: string): CoreMask | null => (HEX_RE.test(hex) ? BigInt(hex) : null)

/** Formats as `0x` + 20 lowercase hex digits. */
export const toHex = (m: CoreMask): string => `0x${m.toString(16).padStart(20, '0')}`
