import { Hex, Networks, ParaId, Sovereign, Ss58 } from '@coretime/core'
import type { Command } from 'commander'
import { UsageError } from '../errors'
import { emit, table } from '../print'

type Options = { json?: boolean }

/** hex, the generic SS58 form, then one SS58 form per network of core's `Networks`. */
type Forms = { hex: string; generic: string } & Partial<Record<Networks.Network, string>>

const forms = (account: Uint8Array): Forms => ({
  hex: Hex.toHex(account),
  generic: Ss58.encode(account, Ss58.GENERIC),
  ...Object.fromEntries(Networks.names.map((n) => [n, Ss58.encode(account, Networks.get(n).ss58Prefix)])),
})

const rows = (f: Forms): [string, string][] => [
  ['hex', f.hex],
  ['generic', `${f.generic}  (SS58 ${Ss58.GENERIC})`],
  ...Networks.names.map((n): [string, string] => [n, `${f[n]}  (SS58 ${Networks.get(n).ss58Prefix})`]),
]

/** `coretime account`: a para's sovereign accounts, or what an SS58/hex account is. */
export const registerAccount = (program: Command): void => {
  program
    .command('account')
    .description(
      "a para id's sovereign accounts (sibl on the coretime chain, para on the relay), or decode an address",
    )
    .argument('<para-id|address>', 'a para id (e.g. 2000), an SS58 address or a 32-byte 0x account')
    .option('--json', 'machine-readable output')
    .action((input: string, opts: Options) => emit(account(input), opts.json, renderAccount, accountJson))
}

/** What `coretime account` found: a para's two sovereign accounts, or what an address is. */
export type AccountResult =
  | { kind: 'para'; paraId: number; sibling: Forms; child: Forms }
  | {
      kind: 'address'
      input: string
      /** the SS58 prefix the address was written with; null for hex */
      ss58Prefix: number | null
      forms: Forms
      sovereign: { kind: 'sibling' | 'child'; paraId: number } | null
    }

/** Digits (with an optional sign or fraction) are a para id attempt; 0x is hex; anything else SS58. */
const looksLikeParaId = (s: string): boolean => /^[+-]?[\d.,_]+$/.test(s.trim()) && s.trim().length <= 15

/** `coretime account` as a function: a para id or an address in, its forms out; bad input throws a UsageError. */
export const account = (input: string): AccountResult => {
  if (input.trim() === '')
    throw new UsageError('expected a para id (e.g. 2000), an SS58 address or 0x hex, got an empty string')
  if (looksLikeParaId(input)) {
    const id = ParaId.parse(input)
    if (!id.ok) throw new UsageError(id.error.message)
    const para = id.value
    return {
      kind: 'para',
      paraId: para,
      sibling: forms(Sovereign.sibling(para)),
      child: forms(Sovereign.child(para)),
    }
  }
  let bytes: Uint8Array
  let prefix: number | null = null
  if (/^0x/i.test(input.trim())) {
    const r = Hex.fromHex(input)
    if (!r.ok) throw new UsageError(r.error.message)
    if (r.value.length !== 32) throw new UsageError(`expected a 32-byte account, got ${r.value.length} bytes`)
    bytes = r.value
  } else {
    const r = Ss58.decode(input)
    if (!r.ok) throw new UsageError(r.error.message)
    bytes = r.value.account
    prefix = r.value.prefix
  }
  const sovereign = Sovereign.paraOf(bytes)
  return {
    kind: 'address',
    input,
    ss58Prefix: prefix,
    forms: forms(bytes),
    sovereign: sovereign ? { kind: sovereign.kind, paraId: sovereign.paraId } : null,
  }
}

/** The `--json` form: `{ paraId, sibling, child }` for a para, the address's forms for an address. */
export const accountJson = (r: AccountResult): unknown =>
  r.kind === 'para'
    ? { paraId: r.paraId, sibling: r.sibling, child: r.child }
    : { input: r.input, ss58Prefix: r.ss58Prefix, ...r.forms, sovereign: r.sovereign }

/** The accounts as `coretime account` shows them. */
export const renderAccount = (r: AccountResult): string => {
  if (r.kind === 'para') {
    const note = ParaId.isSystem(r.paraId) ? ' (a system chain id: below 2000)' : ''
    return [
      `para ${r.paraId}${note}`,
      `sibling (b"sibl") — its account on the coretime chain and other parachains; broker SovereignAccountOf(${r.paraId})`,
      table(rows(r.sibling)),
      `child (b"para") — its account on the relay chain`,
      table(rows(r.child)),
      '',
    ].join('\n')
  }
  const p = r.ss58Prefix
  const lines = [`account ${r.input}${p === null ? '' : ` (SS58 prefix ${p}, ${Ss58.prefixName(p)})`}`]
  lines.push(table(rows(r.forms)))
  if (r.sovereign)
    lines.push(
      `  = ${r.sovereign.kind === 'sibling' ? 'sibling (sibl)' : 'child (para)'} sovereign account of para ${r.sovereign.paraId}`,
    )
  return `${lines.join('\n')}\n`
}
