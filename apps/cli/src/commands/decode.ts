import { Calls, Networks, type Token } from '@coretime/core'
import type { Command } from 'commander'
import { UsageError } from '../errors'
import { networkChoices, parseNetwork } from '../flags'
import { emit } from '../print'

type Options = { json?: boolean; network?: string }

/** `coretime decode`: call data back into a readable call. */
export const registerDecode = (program: Command): void => {
  program
    .command('decode')
    .description('decode broker or on-demand call data (0x hex) into a readable call')
    .argument('<hex>', 'call data, e.g. 0x32153000d007000001cd000500')
    .option('--network <name>', `${networkChoices()}: the SS58 form used for accounts`, 'polkadot')
    .option('--json', 'machine-readable output')
    .action((hex: string, opts: Options) => emit(decode(hex, opts), opts.json, renderDecode, decodeJson))
}

/** What `coretime decode` read: the call and where its pallet lives, accounts in the network's SS58 form. */
export type DecodeResult = { network: Token.Network; call: Calls.Call }

/** `coretime decode` as a function: call data in, the call out; data that is no known call throws a UsageError. */
export const decode = (hex: string, opts: Options): DecodeResult => {
  const network = parseNetwork(opts.network)
  const r = Calls.decodeHex(hex)
  if (!r.ok) throw new UsageError(r.error.message)
  return { network, call: r.value }
}

const palletOf = (r: DecodeResult) => Calls.pallets.find((p) => p.key === r.call.pallet)!

/** The `--json` form: the call with its chain and pallet index. */
export const decodeJson = (r: DecodeResult): unknown => {
  const pallet = palletOf(r)
  return {
    chain: pallet.chain,
    palletIndex: pallet.index,
    ...Calls.toJson(r.call, Networks.get(r.network).ss58Prefix),
  }
}

/** The call as `coretime decode` shows it. */
export const renderDecode = (r: DecodeResult): string => {
  const pallet = palletOf(r)
  return `${Calls.render(r.call, Networks.get(r.network).ss58Prefix)}\n  ${pallet.chain === 'coretime' ? 'coretime chain' : 'relay chain'} pallet ${pallet.names[r.network]} (${pallet.index})\n`
}
