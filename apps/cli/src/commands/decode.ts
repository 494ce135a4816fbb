import { Calls, Networks } from '@coretime/core'
import type { Command } from 'commander'
import { UsageError } from '../errors'
import { networkChoices, parseNetwork } from '../flags'
import { printJson } from '../print'

type Options = { json?: boolean; network?: string }

/** `coretime decode`: call data back into a readable call. */
export const registerDecode = (program: Command): void => {
  program
    .command('decode')
    .description('decode broker or on-demand call data (0x hex) into a readable call')
    .argument('<hex>', 'call data, e.g. 0x32153000d007000001cd000500')
    .option('--network <name>', `${networkChoices()}: the SS58 form used for accounts`, 'polkadot')
    .option('--json', 'machine-readable output')
    .action((hex: string, opts: Options) => decode(hex, opts))
}

export const decode = (hex: string, opts: Options): void => {
  const network = parseNetwork(opts.network)
  const prefix = Networks.get(network).ss58Prefix
  const r = Calls.decodeHex(hex)
  if (!r.ok) throw new UsageError(r.error.message)
  const pallet = Calls.pallets.find((p) => p.key === r.value.pallet)!
  if (opts.json) {
    printJson({ chain: pallet.chain, palletIndex: pallet.index, ...Calls.toJson(r.value, prefix) })
    return
  }
  process.stdout.write(
    `${Calls.render(r.value, prefix)}\n  ${pallet.chain === 'coretime' ? 'coretime chain' : 'relay chain'} pallet ${pallet.names[network]} (${pallet.index})\n`,
  )
}
