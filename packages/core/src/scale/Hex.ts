/** Hex ↔ bytes for call data and accounts. Input is what a person or a file typed, so it is validated. */

export type HexError = { readonly code: 'MalformedHex'; readonly message: string }
export type HexResult =
  | { readonly ok: true; readonly value: Uint8Array }
  | { readonly ok: false; readonly error: HexError }

/** bytes → `0x…` lower-case. */
export const toHex = (bytes: Uint8Array): string => {
  let out = '0x'
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

/** `0x…` (the prefix is required) → bytes; refuses odd length and non-hex digits with a message naming them. */
export const fromHex = (input: string): HexResult => {
  const text = input.trim()
  const fail = (why: string): HexResult => ({
    ok: false,
    error: { code: 'MalformedHex', message: `malformed hex "${short(text)}": ${why}` },
  })
  if (!/^0x/i.test(text)) return fail('expected a 0x prefix')
  const digits = text.slice(2)
  const bad = /[^0-9a-fA-F]/.exec(digits)
  if (bad) return fail(`"${bad[0]}" at position ${bad.index + 2} is not a hex digit`)
  if (digits.length % 2 !== 0) return fail(`odd number of hex digits (${digits.length})`)
  const out = new Uint8Array(digits.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16)
  return { ok: true, value: out }
}

const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s)
