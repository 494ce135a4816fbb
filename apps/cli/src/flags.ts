import { FixedU128, Networks, Perbill, Ratio, Token } from '@coretime/core'
import { UsageError } from './errors'

/**
 * Flag parsing shared by the commands: each helper turns one flag's text into a value or throws a
 * `UsageError` whose one line names the flag. Nothing here does arithmetic on money.
 */

/** The `--network` choices, one per entry of core's `Networks`: `polkadot or kusama`. */
export const networkChoices = (quote = false): string => {
  return Networks.choice(Networks.names.map((n) => (quote ? `"${n}"` : n)))
}

const U128_MAX = (1n << 128n) - 1n

export const parseNetwork = (value: string | undefined): Token.Network => {
  const v = (value ?? 'polkadot').toLowerCase()
  const found = Networks.names.find((n) => n === v)
  if (found !== undefined) return found
  throw new UsageError(`--network: expected ${networkChoices(true)}, got "${value}"`)
}

/** An amount in tokens ("1.5 DOT") or planck ("15000000000"). */
export const parseAmount = (flag: string, value: string, token: Token.Token): bigint => {
  const r = Token.parse(value, token)
  if (!r.ok) throw new UsageError(`${flag}: ${r.error.message}`)
  // balances are u128 on both chains (frame Balance); a larger amount cannot exist
  if (r.value > U128_MAX)
    throw new UsageError(`${flag}: at most ${U128_MAX} planck (a u128 balance), got "${value}"`)
  return r.value
}

/**
 * An amount whose unit must be written ("1170 DOT" or "11700000000000 planck"): for inputs whose
 * bare number would read as planck where a user means tokens.
 */
export const parseAmountWithUnit = (flag: string, value: string, token: Token.Token): bigint => {
  const amount = parseAmount(flag, value, token)
  if (!/[A-Za-z]\s*$/.test(value.trim()))
    throw new UsageError(
      `${flag}: give the unit, e.g. "${value.trim()} ${token.symbol}" for tokens or "${value.trim()} planck", got "${value}"`,
    )
  return amount
}

const DECIMAL = /^\+?(\d+(?:\.\d*)?|\.\d+)$/

/** A non-negative decimal → exact integer scaled by 10^scale; refuses more digits than the scale holds. */
const parseScaled = (flag: string, value: string, scale: number, what: string): bigint => {
  const text = value.trim()
  if (text.startsWith('-')) throw new UsageError(`${flag}: expected a non-negative ${what}, got "${value}"`)
  if (!DECIMAL.test(text)) throw new UsageError(`${flag}: expected a ${what}, got "${value}"`)
  const [int = '', frac = ''] = text.replace('+', '').split('.')
  if (frac.replace(/0+$/, '').length > scale)
    throw new UsageError(`${flag}: at most ${scale} decimal places, got "${value}"`)
  return BigInt(int || '0') * 10n ** BigInt(scale) + BigInt(frac.slice(0, scale).padEnd(scale, '0') || '0')
}

/** A percentage "3", "3%" or "2.5%" → Perbill parts; refuses negatives and values above 100%. */
export const parsePercent = (flag: string, value: string): bigint => {
  const text = value.trim().replace(/%$/, '')
  const parts = parseScaled(flag, text, 7, 'percentage (e.g. 3 or 2.5%)')
  if (parts > Perbill.ACCURACY)
    throw new UsageError(`${flag}: a percentage must be at most 100%, got "${value}"`)
  return parts
}

/** Perbill parts → "2.5%". */
export const showPercent = (parts: bigint): string => Perbill.format(parts)

/** A decimal multiplier → FixedU128 inner (exact to 18 decimals). */
export const parseFixed = (flag: string, value: string): FixedU128.FixedU128 =>
  parseScaled(flag, value, 18, 'decimal number (e.g. 1.5)')

/** The on-demand traffic multiplier: a FixedU128 from 1.0 (TrafficDefaultValue) to u128::MAX inner. */
export const parseTraffic = (flag: string, value: string): FixedU128.FixedU128 => {
  const traffic = parseFixed(flag, value)
  if (traffic < FixedU128.one)
    throw new UsageError(`${flag}: the multiplier never goes below 1.0, got "${value}"`)
  if (traffic > U128_MAX)
    throw new UsageError(`${flag}: at most ${FixedU128.format(U128_MAX)} (a FixedU128), got "${value}"`)
  return traffic
}

/** A decimal → exact rational `num / 10^scale`, for non-money inputs such as prices in USD. */
export const parseDecimal = (flag: string, value: string, scale = 9): bigint =>
  parseScaled(flag, value, scale, 'decimal number')

/** A whole count within [min, max]. */
export const parseCount = (flag: string, value: string, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
  const text = value.trim()
  if (text.startsWith('-'))
    throw new UsageError(`${flag}: expected a non-negative whole number, got "${value}"`)
  if (!/^\+?\d+$/.test(text)) throw new UsageError(`${flag}: expected a whole number, got "${value}"`)
  const n = Number(text)
  if (n < min) throw new UsageError(`${flag}: must be at least ${min}, got ${value}`)
  if (n > max) throw new UsageError(`${flag}: must be at most ${max}, got ${value}`)
  return n
}

/** A non-negative exact decimal ("0.83", "6.5") → Ratio; `positive` also refuses 0. */
export const parseRatio = (flag: string, value: string, positive = false): Ratio.Ratio => {
  const text = value.trim()
  if (text.startsWith('-')) throw new UsageError(`${flag}: expected a non-negative number, got "${value}"`)
  const r = Ratio.parse(text.replace(/^\+/, ''))
  if (!r) throw new UsageError(`${flag}: expected a decimal number, got "${value}"`)
  if (positive && r.num === 0n) throw new UsageError(`${flag}: must be greater than 0, got "${value}"`)
  return r
}

/** A percentage "1.8" or "1.8%" → Ratio in [0, 1]. */
export const parsePercentRatio = (flag: string, value: string): Ratio.Ratio => {
  const r = parseRatio(flag, value.trim().replace(/%$/, ''))
  if (r.num > 100n * r.den) throw new UsageError(`${flag}: a percentage must be at most 100%, got "${value}"`)
  return Ratio.div(r, Ratio.int(100))
}
