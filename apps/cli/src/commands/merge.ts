import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { fsReason, UsageError } from '../errors'
import * as Format from '../sim/format'
import * as Partial from '../sim/partial'

type Options = { json?: boolean; csv?: boolean }

/** `coretime merge FILES…` (docs/scale-out.md). */
export const registerMerge = (program: Command): void => {
  program
    .command('merge')
    .description(
      'combine the partial results of `coretime simulate --shard k/n` into exactly the output of the whole batch (docs/scale-out.md)',
    )
    .argument('<files...>', 'partial result files, one per shard, in any order')
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV output')
    .action((files: string[], opts: Options) => {
      process.stdout.write(merge(files, opts))
    })
}

/** Reads, checks and merges partial results; returns what `simulate` would have printed for the whole batch. */
export const merge = (files: readonly string[], opts: Options): string => {
  if (opts.json && opts.csv) throw new UsageError('--json and --csv: choose one')
  if (files.length === 0)
    throw new UsageError('merge: expected partial result files (coretime simulate --shard k/n)')
  const parts = files.map((file) => {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${fsReason(e)}`, { cause: e })
    }
    try {
      return { file, partial: Partial.fromJson(text, file) }
    } catch (e) {
      if (e instanceof Partial.PartialError) throw new UsageError(e.message, { cause: e })
      throw e
    }
  })
  let merged: Partial.Merged
  try {
    merged = Partial.merge(parts)
  } catch (e) {
    if (e instanceof Partial.PartialError) throw new UsageError(`merge: ${e.message}`, { cause: e })
    throw e
  }
  const style = Format.styleOf(opts)
  return merged.kind === 'runs'
    ? Format.bandsOutput(style, merged, merged.bands)
    : Format.sweepOutput(style, merged.result, merged.token)
}
