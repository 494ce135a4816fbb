import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { writeAtomic } from '@coretime/chain/node'
import { Oracle } from '@coretime/chain/oracle'
import { Trace } from '@coretime/core'
import type { Command } from 'commander'
import { exitAfterRuntime as exit, startingRuntime } from '../chain/runtimeOptions'
import { CliError, fsReason, UsageError } from '../errors'
import { parseCount } from '../flags'

type Options = { runs?: string; seed?: string; spec?: string; out?: string; record?: string }

/**
 * `coretime oracle`: the model checked against the compiled runtime, block by block (docs/oracle.md).
 * `N/N agree` and exit 0; a difference exits 1 and writes its shortest reproducer to --out.
 */
export const registerOracle = (program: Command): void => {
  program
    .command('oracle')
    .description('random scenarios on the real runtime (a devnet) and on the model; compare every block')
    .option('--runs <n>', 'scenarios', '20')
    .option('--seed <s>', 'seed of the scenarios', '1')
    .option('--spec <file>', 'raw chain spec of the Coretime runtime to check against')
    .option('--out <dir>', 'where reproducers of differences go', '.')
    .option('--record <dir>', 'also write each scenario that agrees as a trace of the runtime values')
    .action((opts: Options) => oracle(opts))
}

export const oracle = async (opts: Options): Promise<void> => {
  const runs = parseCount('--runs', opts.runs ?? '20', 1, 10_000)
  const seed = parseCount('--seed', opts.seed ?? '1', 0, 2 ** 32 - 1)
  const spec = opts.spec
  if (spec === undefined) throw new UsageError('oracle: --spec FILE is required (a raw Coretime chain spec)')
  const record = opts.record
  if (record !== undefined) makeDir('--record', record)
  const report = await startingRuntime(() =>
    Oracle.run({
      runs,
      seed,
      spec,
      ...(record !== undefined && {
        onRecord: (t: Trace.Trace) =>
          writeAtomic(join(record, `${t.name}.json`), `${JSON.stringify(Trace.toJson(t), null, 2)}\n`),
      }),
      onScenario: (i, agreed) =>
        process.stderr.write(`scenario ${i + 1}/${runs}: ${agreed ? 'agree' : 'DIFFER'}\n`),
    }),
  )
  process.stdout.write(`${report.agree}/${report.runs} agree\n`)
  if (report.differences.length === 0) return exit(0)
  const dir = opts.out ?? '.'
  makeDir('--out', dir)
  for (const d of report.differences) {
    const file = join(dir, `oracle-seed-${d.scenario.seed}.json`)
    writeAtomic(file, Oracle.reproducerFile(d))
    process.stdout.write(
      `scenario seed ${d.scenario.seed}: block ${d.block} (relay ${d.relay}) differs at ${d.path}: runtime ${JSON.stringify(d.runtime)}, model ${JSON.stringify(d.model)}; reproducer ${file} (coretime replay ${file} --check)\n`,
    )
  }
  return exit(1)
}

const makeDir = (flag: string, dir: string): void => {
  try {
    mkdirSync(dir, { recursive: true })
  } catch (e) {
    throw new CliError(`${flag}: cannot create ${dir}: ${fsReason(e, 'write')}`, { cause: e })
  }
}
