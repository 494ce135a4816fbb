import { InvariantError } from '../errors/BaseError'
import { isValid, type ParaId } from './ParaId'

/**
 * Sovereign accounts of a parachain: ASCII prefix ‖ para id as u32 little-endian ‖ zero padding to 32 bytes.
 * `sibl`: the para as seen from another parachain, e.g. the coretime chain (xcm-builder location_conversion.rs
 * `SiblingParachainConvertsVia`); broker `SovereignAccountOf(task)` is this account (fellows coretime-{polkadot,kusama} src/coretime.rs).
 * `para`: the para as seen from the relay chain (xcm-builder `ChildParachainConvertsVia`).
 */
export type Kind = 'sibling' | 'child'

const PREFIX: Record<Kind, readonly number[]> = {
  sibling: [0x73, 0x69, 0x62, 0x6c], // b"sibl"
  child: [0x70, 0x61, 0x72, 0x61], // b"para"
}

export const kinds: readonly Kind[] = ['sibling', 'child']

/** The 32-byte AccountId32 of `paraId`'s sovereign account of the given kind. Throws on a non-u32 id (a bug: parse first). */
export const accountOf = (paraId: ParaId, kind: Kind): Uint8Array => {
  if (!isValid(paraId)) throw new InvariantError(`Sovereign.accountOf: para id ${paraId} is not a u32`)
  const out = new Uint8Array(32)
  out.set(PREFIX[kind], 0)
  new DataView(out.buffer).setUint32(4, paraId, true)
  return out
}

export const sibling = (paraId: ParaId): Uint8Array => accountOf(paraId, 'sibling')
export const child = (paraId: ParaId): Uint8Array => accountOf(paraId, 'child')

/** The reverse: which para's sovereign account is this, if any (prefix matches and the padding is zero). */
export const paraOf = (account: Uint8Array): { kind: Kind; paraId: ParaId } | undefined => {
  if (account.length !== 32) return undefined
  for (const kind of kinds) {
    const prefix = PREFIX[kind]
    if (!prefix.every((b, i) => account[i] === b)) continue
    if (!account.subarray(8).every((b) => b === 0)) return undefined
    return { kind, paraId: new DataView(account.buffer, account.byteOffset).getUint32(4, true) }
  }
  return undefined
}
