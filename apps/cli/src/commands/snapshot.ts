import { writeSnapshot } from '@coretime/chain/node'
import type { Command } from 'commander'
import { addLiveOptions, type LiveOptions, readLive } from '../chain/live'
import { BaseError } from '../errors'

type Options = LiveOptions & { output?: string }

/** `coretime snapshot --network polkadot -o FILE`: read everything once, write it atomically. */
export const registerSnapshot = (program: Command): void => {
  addLiveOptions(
    program
      .command('snapshot')
      .description('read the live coretime state (broker storage, constants, relay on-demand) into a file')
      .option('--network <name>', 'polkadot or kusama', 'polkadot')
      .requiredOption('-o, --output <file>', 'the coretime-snapshot/1 JSON file to write'),
  ).action((opts: Options) => snapshot(opts))
}

export const snapshot = async (opts: Options): Promise<void> => {
  const s = await readLive(opts)
  const out = opts.output!
  try {
    writeSnapshot(out, s)
  } catch (e) {
    throw new BaseError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? e}`, { cause: e })
  }
  const sale = s.broker.saleInfo
  process.stdout.write(
    `snapshot of ${s.network} at relay block ${s.relay.block} (coretime #${s.coretime.block}) written to ${out}` +
      `${sale ? `: sale of region ${sale.regionBegin}–${sale.regionEnd}, ${sale.coresSold}/${sale.coresOffered} cores sold` : ''}\n`,
  )
}
