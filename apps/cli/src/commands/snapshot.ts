import { existsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { Snapshot } from '@coretime/chain'
import { writeSnapshot } from '@coretime/chain/node'
import type { Command } from 'commander'
import { addLiveOptions, type LiveOptions, readLive } from '../chain/live'
import { CliError, fsReason, UsageError } from '../errors'
import { networkChoices } from '../flags'

type Options = LiveOptions & { output?: string }

/** `coretime snapshot --network polkadot -o FILE`: read everything once, write it atomically. */
export const registerSnapshot = (program: Command): void => {
  addLiveOptions(
    program
      .command('snapshot')
      .description('read the live coretime state (broker storage, constants, relay on-demand) into a file')
      .option('--network <name>', networkChoices(), 'polkadot')
      .requiredOption('-o, --output <file>', 'the coretime-snapshot/1 JSON file to write'),
  ).action(async (opts: Options) => {
    process.stdout.write(renderSnapshot(await snapshot(opts)))
  })
}

/** What `coretime snapshot` wrote: the file and the state read into it. */
export type SnapshotResult = { file: string; snapshot: Snapshot.Snapshot }

/**
 * `coretime snapshot` as a function: reads the chain once and writes the file atomically. A bad
 * `-o` throws a UsageError before any read; an unreadable chain a ChainError; a failed write a CliError.
 */
export const snapshot = async (opts: Options): Promise<SnapshotResult> => {
  const out = opts.output!
  checkOutput(out) // before the read, which can take a while
  const s = await readLive(opts)
  try {
    writeSnapshot(out, s)
  } catch (e) {
    throw new CliError(`-o: cannot write ${out}: ${fsReason(e, 'write')}`, { cause: e })
  }
  return { file: out, snapshot: s }
}

/** The one line `coretime snapshot` prints once the file is written. */
export const renderSnapshot = (r: SnapshotResult): string => {
  const s = r.snapshot
  const out = r.file
  const sale = s.broker.saleInfo
  return (
    `snapshot of ${s.network} at relay block ${Snapshot.relayClock(s).block} (coretime #${s.coretime.block}) written to ${out}` +
    `${sale ? `: sale of region ${sale.regionBegin}–${sale.regionEnd}, ${sale.coresSold}/${sale.coresOffered} cores sold` : ''}\n`
  )
}

/** The refusals that need no chain: an empty name, a directory, a folder that does not exist. */
const checkOutput = (out: string): void => {
  if (out.trim() === '') throw new UsageError('-o: expected a file name, got an empty string')
  if (existsSync(out) && statSync(out).isDirectory())
    throw new UsageError(`-o: cannot write ${out}: it is a directory`)
  if (!existsSync(dirname(out))) throw new UsageError(`-o: cannot write ${out}: no such directory`)
}
