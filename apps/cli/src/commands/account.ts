import { Hex, Networks, ParaId, Sovereign, Ss58 } from '@coretime/core'
import type { Command } from 'commander'
import { UsageError } from '../errors'
import { printJson, table } from '../print'

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
    .action((input: string, opts: Options) => account(input, opts))
}

/** Digits (with an optional sign or fraction) are a para id attempt; 0x is hex; anything else SS58. */
const looksLikeParaId = (s: string): boolean => /^[+-]?[\d.,_]+$/.test(s.trim()) && s.trim().length <= 15

export const account = (input: string, opts: Options): void => {
  if (input.trim() === '')
    throw new UsageError('expected a para id (e.g. 2000), an SS58 address or 0x hex, got an empty string')
  if (looksLikeParaId(input)) {
    paraAccounts(input, opts)
    return
  }
  let bytes: Uint8Array
  let prefix: number | undefined
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
  const f = forms(bytes)
  const sovereign = Sovereign.paraOf(bytes)
  if (opts.json) {
    printJson({
      input,
      ss58Prefix: prefix ?? null,
      ...f,
      sovereign: sovereign ? { kind: sovereign.kind, paraId: sovereign.paraId } : null,
    })
    return
  }
  const lines = [
    `account ${input}${prefix === undefined ? '' : ` (SS58 prefix ${prefix}, ${Ss58.prefixName(prefix)})`}`,
  ]
  lines.push(table(rows(f)))
  if (sovereign)
    lines.push(
      `  = ${sovereign.kind === 'sibling' ? 'sibling (sibl)' : 'child (para)'} sovereign account of para ${sovereign.paraId}`,
    )
  process.stdout.write(`${lines.join('\n')}\n`)
}

const paraAccounts = (input: string, opts: Options): void => {
  const id = ParaId.parse(input)
  if (!id.ok) throw new UsageError(id.error.message)
  const para = id.value
  const sibling = forms(Sovereign.sibling(para))
  const child = forms(Sovereign.child(para))
  if (opts.json) {
    printJson({ paraId: para, sibling, child })
    return
  }
  const note = ParaId.isSystem(para) ? ' (a system chain id: below 2000)' : ''
  process.stdout.write(
    [
      `para ${para}${note}`,
      `sibling (b"sibl") — its account on the coretime chain and other parachains; broker SovereignAccountOf(${para})`,
      table(rows(sibling)),
      `child (b"para") — its account on the relay chain`,
      table(rows(child)),
      '',
    ].join('\n'),
  )
}
