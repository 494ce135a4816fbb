import { InvariantError } from '../errors/BaseError'
/**
 * An exact non-negative rational `num / den` of bigints, for model inputs that are not chain types
 * (USD prices, MB/s, month lengths). Nothing rounds until `floor`/`format` says so.
 */
export type Ratio = { readonly num: bigint; readonly den: bigint }

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b]
  return a < 0n ? -a : a
}

/** num/den reduced; throws on a zero denominator (a bug, never user input). */
export const of = (num: bigint, den = 1n): Ratio => {
  if (den === 0n) throw new InvariantError('Ratio.of: zero denominator')
  if (den < 0n) return of(-num, -den)
  const g = gcd(num, den) || 1n
  return { num: num / g, den: den / g }
}

export const int = (n: bigint | number): Ratio => of(BigInt(n))

/** Exact decimal text ("0.83", "1.710784", "12") → Ratio; undefined when it is not a plain decimal. */
export const parse = (text: string): Ratio | undefined => {
  const m = /^\s*(-?)(\d+)?(?:\.(\d+))?\s*$/.exec(text)
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined
  const frac = m[3] ?? ''
  const num = BigInt(`${m[2] ?? '0'}${frac}`)
  return of(m[1] === '-' ? -num : num, 10n ** BigInt(frac.length))
}

export const mul = (...rs: Ratio[]): Ratio => rs.reduce((a, b) => of(a.num * b.num, a.den * b.den), int(1))
export const div = (a: Ratio, b: Ratio): Ratio => of(a.num * b.den, a.den * b.num)
export const add = (a: Ratio, b: Ratio): Ratio => of(a.num * b.den + b.num * a.den, a.den * b.den)
export const sub = (a: Ratio, b: Ratio): Ratio => of(a.num * b.den - b.num * a.den, a.den * b.den)

/** floor(r) (toward −∞). */
export const floor = (r: Ratio): bigint => {
  const q = r.num / r.den
  return r.num < 0n && q * r.den !== r.num ? q - 1n : q
}

/** Decimal text with `digits` fraction digits, rounded half up (display only). */
export const format = (r: Ratio, digits = 2): string => {
  const scale = 10n ** BigInt(digits)
  const neg = r.num < 0n
  const abs = neg ? -r.num : r.num
  const scaled = (abs * scale * 2n + r.den) / (2n * r.den)
  const whole = scaled / scale
  const frac = digits > 0 ? `.${(scaled % scale).toString().padStart(digits, '0')}` : ''
  return `${neg && scaled !== 0n ? '-' : ''}${whole}${frac}`
}

/** Lossy, for comparisons in tests and charts only. */
export const toNumber = (r: Ratio): number => Number(r.num) / Number(r.den)
