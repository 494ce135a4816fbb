import { Start } from '@coretime/chain'
import { Aggregate, MonteCarlo, simulate as run } from '@coretime/sim'
import { UsageError } from '../errors'
import { checkWork } from '../limits'
import * as Format from '../sim/format'
import { runParallel } from '../sim/pool'
import { loadSnapshot } from './live'

/**
 * `coretime simulate [FILE] --from SNAPSHOT`: the run starts from the snapshot's sale (the engine
 * state is the chain's); FILE, when given, supplies the demand and horizon. `--runs N` runs a
 * Monte Carlo batch in which every run starts from that same state.
 */
export type FromOptions = {
  from?: string | undefined
  seed: number
  horizon?: number | undefined
  /** already checked: a whole number ≥ 1 */
  runs?: number | undefined
  workers?: number | undefined
  sweep?: string[] | undefined
  trace?: string | undefined
  json?: boolean | undefined
  csv?: boolean | undefined
  onRun?: ((done: number) => void) | undefined
}

/** Why the two refused flags cannot apply to a chain state (docs/chain.md). */
export const REFUSED = {
  trace:
    '--trace cannot record a run from a chain snapshot: a coretime-trace/1 file replays from empty storage, not from a chain state; drop --trace (or simulate a scenario without --from to get a trace)',
  sweep:
    '--sweep varies scenario parameters, and with --from the chain, start and runtime come from the snapshot; run simulate --from once per scenario file (e.g. one per demand) instead',
} as const

export const simulateFrom = async (
  raw: unknown | undefined,
  where: string,
  opts: FromOptions,
): Promise<string> => {
  if (opts.trace !== undefined) throw new UsageError(REFUSED.trace)
  if ((opts.sweep?.length ?? 0) > 0) throw new UsageError(REFUSED.sweep)
  const snapshot = loadSnapshot('--from', opts.from!)
  let input = raw ?? Start.defaultDemand
  if (opts.horizon !== undefined) input = { ...(input as Record<string, unknown>), horizon: opts.horizon }
  let r: Start.StartResult
  try {
    r = Start.fromSnapshot(snapshot, input)
  } catch (e) {
    throw new UsageError(`--from: ${(e as Error).message}`, { cause: e })
  }
  if (!r.ok) throw new UsageError(`${where}: ${r.error.message}`)
  const { scenario, state } = r.value

  if (opts.runs !== undefined) {
    const runs = opts.runs
    checkWork(runs, scenario.horizon)
    const aggregate =
      runs < 4 || opts.workers === 1
        ? MonteCarlo.aggregate(scenario, {
            seed: opts.seed,
            to: runs,
            start: state,
            ...(opts.onRun && { onRun: opts.onRun }),
          })
        : await runParallel(scenario, {
            runs,
            seed: opts.seed,
            start: state,
            ...(opts.workers !== undefined && { workers: opts.workers }),
            ...(opts.onRun && { onRun: opts.onRun }),
          })
    const bands = Aggregate.bands(aggregate)
    // dates do not depend on the seed: take them from the first run
    const dates =
      opts.json || opts.csv
        ? []
        : run(scenario, { seed: opts.seed, from: state }).sales.map((s) => s.dates.saleStart.slice(0, 10))
    const token = { symbol: scenario.chain.token.symbol, decimals: scenario.chain.token.decimals }
    return Format.bandsOutput(
      Format.styleOf(opts),
      { name: scenario.name, seed: opts.seed, token, dates },
      bands,
    )
  }

  const result = run(scenario, { seed: opts.seed, from: state })
  const { trace: _, ...rest } = result
  if (opts.json) return Format.json(rest)
  if (opts.csv) return Format.runCsv(result)
  return `${Format.runTable(result, scenario.description)}\n`
}
