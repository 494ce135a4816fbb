import { Token } from '@coretime/core'
import { wrap } from './width'

/**
 * The CLI's edge: commands return data, these helpers turn it into text on stdout. `toJson` is the
 * one JSON form (bigints as decimal strings of planck); `emit` prints a command's result as JSON or
 * through its renderer.
 */

/** JSON with bigints as decimal strings (planck), indented, with a final newline. */
export const toJson = (value: unknown): string =>
  `${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`

/** JSON with bigints as decimal strings (planck), one document on stdout. */
export const printJson = (value: unknown): void => {
  process.stdout.write(toJson(value))
}

/**
 * A command's result on stdout: with `--json` its JSON form (`asJson`, by default the result
 * itself), else its renderer's text.
 */
export const emit = <R>(
  result: R,
  json: boolean | undefined,
  render: (r: R) => string,
  asJson: (r: R) => unknown = (r) => r,
): void => {
  // human output within the terminal's width (80 off a terminal); a renderer that wrapped already is unchanged
  process.stdout.write(json ? toJson(asJson(result)) : wrap(render(result)))
}

/** "1.5 DOT (15000000000 planck)" */
export const showAmount = (planck: bigint, token: Token.Token): string =>
  `${Token.format(planck, token)} (${planck} planck)`

/** Left-aligned two-column rows for human output. */
export const table = (rows: readonly (readonly [string, string])[]): string => {
  const width = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')
}
