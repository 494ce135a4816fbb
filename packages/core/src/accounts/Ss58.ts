import { blake2b } from '@noble/hashes/blake2.js'
import { base58 } from '@scure/base'
import { InvariantError } from '../errors/BaseError'
import * as Networks from '../networks/Networks'
import { toHex } from '../scale/Hex'

/**
 * SS58 addresses of 32-byte accounts: base58(prefix ‖ account ‖ blake2b-512("SS58PRE" ‖ prefix ‖ account)[0..2]).
 * Prefix < 64 is one byte; 64..16383 two bytes (sp-core crypto.rs `to_ss58check_with_version`).
 * Networks: 0 Polkadot (relay and coretime chain), 2 Kusama, 42 generic Substrate (ss58-registry).
 */
export const POLKADOT = Networks.get('polkadot').ss58Prefix
export const KUSAMA = Networks.get('kusama').ss58Prefix
export const GENERIC = 42

export type PrefixName = Networks.Network | 'generic'
export const prefixes: Readonly<Record<PrefixName, number>> = {
  ...(Object.fromEntries(Networks.names.map((n) => [n, Networks.get(n).ss58Prefix])) as Record<
    Networks.Network,
    number
  >),
  generic: GENERIC,
}

export type Ss58ErrorCode = 'BadBase58' | 'BadLength' | 'BadChecksum' | 'BadPrefix' | 'WrongNetwork'
export type Ss58Error = { readonly code: Ss58ErrorCode; readonly message: string }
export type Decoded = { readonly account: Uint8Array; readonly prefix: number }
export type DecodeResult =
  | { readonly ok: true; readonly value: Decoded }
  | { readonly ok: false; readonly error: Ss58Error }

const PRE = Uint8Array.from([0x53, 0x53, 0x35, 0x38, 0x50, 0x52, 0x45]) // b"SS58PRE"
const CHECKSUM_LENGTH = 2 // for 32-byte payloads (sp-core crypto.rs `CHECKSUM_LEN`)

const checksum = (body: Uint8Array): Uint8Array => {
  const input = new Uint8Array(PRE.length + body.length)
  input.set(PRE, 0)
  input.set(body, PRE.length)
  return blake2b(input, { dkLen: 64 }).subarray(0, CHECKSUM_LENGTH)
}

/** 46 and 47 are reserved and refused by sp-core; anything ≥ 16384 does not fit the two-byte form. */
export const isValidPrefix = (prefix: number): boolean =>
  Number.isInteger(prefix) && prefix >= 0 && prefix < 16384 && prefix !== 46 && prefix !== 47

const prefixBytes = (prefix: number): number[] =>
  prefix < 64
    ? [prefix]
    : [((prefix & 0b1111_1100) >> 2) | 0b0100_0000, (prefix >> 8) | ((prefix & 0b11) << 6)]

/** 32-byte account → SS58 string. Throws on a bad length or prefix (a bug: the caller holds a real account). */
export const encode = (account: Uint8Array, prefix: number): string => {
  if (account.length !== 32) throw new InvariantError(`Ss58.encode: expected 32 bytes, got ${account.length}`)
  if (!isValidPrefix(prefix)) throw new InvariantError(`Ss58.encode: invalid prefix ${prefix}`)
  const pre = prefixBytes(prefix)
  const body = new Uint8Array(pre.length + 32)
  body.set(pre, 0)
  body.set(account, pre.length)
  const out = new Uint8Array(body.length + CHECKSUM_LENGTH)
  out.set(body, 0)
  out.set(checksum(body), body.length)
  return base58.encode(out)
}

const fail = (code: Ss58ErrorCode, message: string): DecodeResult => ({ ok: false, error: { code, message } })

/**
 * SS58 string → account and prefix, validating base58, length, prefix and checksum.
 * With `expectedPrefix`, an address of another network is refused (`WrongNetwork`).
 */
export const decode = (address: string, expectedPrefix?: number): DecodeResult => {
  const text = address.trim()
  let raw: Uint8Array
  try {
    raw = base58.decode(text)
  } catch {
    const bad = [...text].find((c) => !/[1-9A-HJ-NP-Za-km-z]/.test(c))
    return fail(
      'BadBase58',
      `invalid SS58 address "${text}": ${bad === undefined ? 'not base58' : `"${bad}" is not a base58 character`}`,
    )
  }
  if (raw.length === 0) return fail('BadLength', 'invalid SS58 address: empty')
  const first = raw[0]!
  if (first >= 128) return fail('BadPrefix', `invalid SS58 address "${text}": reserved prefix byte ${first}`)
  const preLength = first < 64 ? 1 : 2
  if (raw.length !== preLength + 32 + CHECKSUM_LENGTH)
    return fail(
      'BadLength',
      `invalid SS58 address "${text}": ${raw.length} bytes, expected ${preLength + 32 + CHECKSUM_LENGTH} for a 32-byte account`,
    )
  const prefix =
    preLength === 1 ? first : ((first & 0b0011_1111) << 2) | (raw[1]! >> 6) | ((raw[1]! & 0b0011_1111) << 8)
  if (!isValidPrefix(prefix))
    return fail('BadPrefix', `invalid SS58 address "${text}": reserved prefix ${prefix}`)
  const body = raw.subarray(0, preLength + 32)
  const sum = raw.subarray(preLength + 32)
  const want = checksum(body)
  if (sum[0] !== want[0] || sum[1] !== want[1])
    return fail('BadChecksum', `invalid SS58 address "${text}": checksum mismatch (mistyped character?)`)
  if (expectedPrefix !== undefined && prefix !== expectedPrefix)
    return fail(
      'WrongNetwork',
      `SS58 address "${text}" has prefix ${prefix}, expected ${expectedPrefix} (${prefixName(expectedPrefix)})`,
    )
  return { ok: true, value: { account: raw.slice(preLength, preLength + 32), prefix } }
}

/** A prefix's network name for messages: 0 polkadot, 2 kusama, 42 generic, else `prefix N`. */
export const prefixName = (prefix: number): string =>
  (Object.entries(prefixes).find(([, p]) => p === prefix)?.[0] as string | undefined) ?? `prefix ${prefix}`

/**
 * An account as people and nodes write one — SS58 of any prefix, or 0x and 64 hex digits — as
 * lower-case 0x-hex, the form the model names accounts by; undefined when it is neither.
 */
export const accountHex = (input: string): string | undefined => {
  if (/^0x[0-9a-fA-F]{64}$/.test(input)) return input.toLowerCase()
  const d = decode(input)
  return d.ok ? toHex(d.value.account) : undefined
}
