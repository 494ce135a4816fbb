import { Start } from '@coretime/chain'
import { simulate as run } from '@coretime/sim'
import { UsageError } from '../errors'
import * as Format from '../sim/format'
import { loadSnapshot } from './live'

/**
 * `coretime simulate [FILE] --from SNAPSHOT`: the run starts from the snapshot's sale (the engine
 * state is the chain's); FILE, when given, supplies the demand and horizon. Single runs only.
 */
export type FromOptions = {
  from?: string | undefined
  seed: number
  horizon?: number | undefined
  runs?: string | undefined
  sweep?: string[] | undefined
  trace?: string | undefined
  json?: boolean | undefined
  csv?: boolean | undefined
}

export const simulateFrom = (raw: unknown | undefined, where: string, opts: FromOptions): void => {
  if (opts.runs !== undefined || (opts.sweep?.length ?? 0) > 0 || opts.trace !== undefined)
    throw new UsageError(
      '--from runs a single simulation from the chain state; drop --runs, --sweep and --trace',
    )
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
  const result = run(r.value.scenario, { seed: opts.seed, from: r.value.state })
  const { trace: _, ...rest } = result
  if (opts.json) process.stdout.write(Format.json(rest))
  else if (opts.csv) process.stdout.write(Format.runCsv(result))
  else process.stdout.write(`${Format.runTable(result, r.value.scenario.description)}\n`)
}
