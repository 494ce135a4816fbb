import * as Networks from '../networks/Networks'

/**
 * Network tokens and their planck units, from the network entries (networks/Networks.ts): DOT has
 * 10 decimals (1 DOT = 10^10 planck), KSM has 12 (1 KSM = 10^12 planck).
 */
export type Network = Networks.Network

export type Token = {
  readonly network: Network
  readonly symbol: string
  readonly decimals: number
  /** planck in one whole token: 10^decimals */
  readonly unit: bigint
}

const tokens = Object.fromEntries(
  Networks.names.map((network) => {
    const { symbol, decimals } = Networks.get(network).token
    return [network, { network, symbol, decimals, unit: 10n ** BigInt(decimals) }]
  }),
) as Readonly<Record<Network, Token>>

/** The token of a relay network. */
export const of = (network: Network): Token => tokens[network]

export const DOT: Token = of('polkadot')
export const KSM: Token = of('kusama')

export const networks: readonly Network[] = Networks.names

/** Whole tokens → planck, e.g. `fromTokens(100n, DOT) = 1_000_000_000_000n`. */
export const fromTokens = (whole: bigint, token: Token): bigint => whole * token.unit

export type FormatOptions = {
  /** append the symbol (default true) */
  readonly symbol?: boolean
  /** fixed number of fraction digits, truncated toward zero; default: all significant digits */
  readonly digits?: number
}

/**
 * planck → decimal token string, exact by default: `format(15_000_000_000n, DOT) = '1.5 DOT'`.
 * With `digits`, the fraction is truncated (never rounded up) to that many digits.
 */
export const format = (planck: bigint, token: Token, options: FormatOptions = {}): string => {
  const sign = planck < 0n ? '-' : ''
  const abs = planck < 0n ? -planck : planck
  const whole = abs / token.unit
  let frac = (abs % token.unit).toString().padStart(token.decimals, '0')
  if (options.digits === undefined) frac = frac.replace(/0+$/, '')
  else frac = frac.slice(0, Math.max(0, Math.min(options.digits, token.decimals)))
  const number = `${sign}${whole}${frac ? `.${frac}` : ''}`
  return options.symbol === false ? number : `${number} ${token.symbol}`
}

export type ParseError = {
  readonly code: 'Empty' | 'NotANumber' | 'Negative' | 'TooManyDecimals' | 'WrongToken' | 'AmbiguousUnit'
  readonly message: string
}
export type ParseResult =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly error: ParseError }

const fail = (code: ParseError['code'], message: string): ParseResult => ({
  ok: false,
  error: { code, message },
})

/**
 * An amount typed by a person → planck. Accepts whole planck (`15000000000`, `15_000_000_000`,
 * `15000000000 planck`) or tokens with their symbol (`1.5 DOT`, `1.5DOT`, `0.001 dot`).
 * A decimal without a unit is refused as ambiguous; so are negatives, non-numbers, another
 * network's symbol, and more fraction digits than the token has.
 */
export const parse = (input: string, token: Token): ParseResult => {
  const text = input.trim()
  if (text === '') return fail('Empty', 'expected an amount, got an empty string')
  const m = /^([+-]?)([0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)\s*([A-Za-z]*)$/.exec(text)
  if (!m) {
    if (/^-/.test(text)) return fail('Negative', `expected a non-negative amount, got "${input}"`)
    return fail(
      'NotANumber',
      `expected a number of planck or of ${token.symbol} (e.g. "1.5 ${token.symbol}"), got "${input}"`,
    )
  }
  const [, sign = '', digits = '', rawUnit = ''] = m
  const unit = rawUnit.toUpperCase()
  if (sign === '-' && /[1-9]/.test(digits))
    return fail('Negative', `expected a non-negative amount, got "${input}"`)
  const [intPart = '', fracPart = ''] = digits.replaceAll('_', '').split('.')
  if (unit === '' || unit === 'PLANCK') {
    if (digits.includes('.')) {
      if (unit === 'PLANCK' || /[1-9]/.test(fracPart))
        return fail(
          unit === 'PLANCK' ? 'TooManyDecimals' : 'AmbiguousUnit',
          unit === 'PLANCK'
            ? `planck is the smallest unit and has no decimals, got "${input}"`
            : `"${input}" has decimals but no unit: write "${text} ${token.symbol}" for tokens or a whole number for planck`,
        )
    }
    return { ok: true, value: BigInt(intPart === '' ? '0' : intPart) }
  }
  if (unit !== token.symbol) {
    const known = Object.values(tokens).some((t) => t.symbol === unit)
    return fail(
      known ? 'WrongToken' : 'NotANumber',
      known
        ? `"${input}" is in ${unit} but this network's token is ${token.symbol}`
        : `unknown unit "${rawUnit}" in "${input}": use ${token.symbol} or planck`,
    )
  }
  if (fracPart.length > token.decimals && /[1-9]/.test(fracPart.slice(token.decimals)))
    return fail(
      'TooManyDecimals',
      `${token.symbol} has ${token.decimals} decimals, "${input}" has ${fracPart.replace(/0+$/, '').length}`,
    )
  const frac = fracPart.slice(0, token.decimals).padEnd(token.decimals, '0')
  return { ok: true, value: BigInt(intPart === '' ? '0' : intPart) * token.unit + BigInt(frac) }
}
