import { Token } from '@coretime/core'

/**
 * An amount for reading (summary cards): @coretime/core's Token.format, truncated toward zero, with
 * thousands separators on the whole part. Two decimals from 1 token up; below that, enough to show
 * three significant digits. Exact planck stays in the CSV.
 */
export const displayAmount = (
  planck: bigint,
  token: Token.Token,
  options: { symbol?: boolean } = {},
): string => {
  const abs = planck < 0n ? -planck : planck
  let digits = 2
  if (abs > 0n && abs < token.unit) {
    // leading zeros of the fraction + 3 significant digits
    const lead = token.decimals - abs.toString().length
    digits = Math.min(token.decimals, lead + 3)
  }
  const text = Token.format(planck, token, { symbol: false, digits })
  const [whole = '', frac] = text.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const shown = abs > 0n && abs < token.unit && frac ? frac.replace(/0+$/, '') : frac
  const number = `${grouped}${shown ? `.${shown}` : ''}`
  return options.symbol === false ? number : `${number} ${token.symbol}`
}
