/**
 * A parachain id (`polkadot_parachain_primitives::Id`, a u32). Ids below 2000 are system chains
 * (e.g. 1005 = the coretime chain); public parachains start at 2000.
 */
export type ParaId = number

export const MAX = 0xffff_ffff
export const FIRST_PUBLIC = 2000

export type ParaIdError = { readonly code: 'InvalidParaId'; readonly message: string }
export type ParaIdResult =
  | { readonly ok: true; readonly value: ParaId }
  | { readonly ok: false; readonly error: ParaIdError }

export const isValid = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= MAX

/** Text (a CLI argument, a file field) → para id: a whole number 0..4294967295, nothing else. */
export const parse = (input: string | number): ParaIdResult => {
  const text = String(input).trim()
  const fail = (why: string): ParaIdResult => ({
    ok: false,
    error: { code: 'InvalidParaId', message: `invalid para id "${text}": ${why}` },
  })
  if (!/^[+-]?\d+$/.test(text)) return fail('expected a whole number (e.g. 2000)')
  if (text.startsWith('-')) return fail('a para id cannot be negative')
  const n = Number(text)
  if (!isValid(n)) return fail(`a para id is a u32 (at most ${MAX})`)
  return { ok: true, value: n }
}

/** True for system parachains (id < 2000), whose coretime is reserved rather than bought. */
export const isSystem = (id: ParaId): boolean => id < FIRST_PUBLIC
