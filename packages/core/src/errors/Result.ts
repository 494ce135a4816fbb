/**
 * The one shape of an expected failure (house style, zod): `{ ok: false, error: { code, … } }`.
 * `code` is a stable PascalCase name a caller can branch on (the pallet's error name where there is
 * one); `message` is one line for a person; anything else in `error` is a detail of that code.
 */
export type Failure<Code extends string = string> = { readonly code: Code; readonly message: string }

export type Result<T, E extends { readonly code: string } = Failure> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E }

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value })

export const fail = <E extends { readonly code: string }>(
  error: E,
): { readonly ok: false; readonly error: E } => ({
  ok: false,
  error,
})
