import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { writeAtomic } from '@coretime/chain/node'
import { Defaults, MonteCarlo, simulate as run, Scenario, type SimResult, Sweep } from '@coretime/sim'
import type { Command } from 'commander'
import { parse as parseYaml } from 'yaml'
import { simulateFrom } from '../chain/simulateFrom'
import { fsReason, UsageError } from '../errors'
import * as Format from '../sim/format'
import { runParallel } from '../sim/pool'

type Options = {
  seed?: string
  runs?: string
  workers?: string
  sweep?: string[]
  metric?: string
  sale?: string
  sales?: string
  json?: boolean
  csv?: boolean
  trace?: string
  from?: string
}

/** `coretime simulate [FILE]` (docs/simulator.md). */
export const registerSimulate = (program: Command): void => {
  program
    .command('simulate')
    .description(
      'simulate coretime sales through the exact broker engine (no FILE: a one-year Polkadot projection; see docs/simulator.md)',
    )
    .argument('[file]', 'a scenario file, JSON or YAML')
    .option('--seed <n>', 'seed of the random source (same seed, same output)', '1')
    .option('--sales <n>', 'override the horizon (number of sales)')
    .option('--runs <n>', 'Monte Carlo: this many seeded runs, p5/p50/p95 per sale, over worker threads')
    .option('--workers <n>', 'worker threads for --runs (default: available cores)')
    .option(
      '--sweep <path=v1,v2,…>',
      'sweep a scenario parameter (give twice for a grid), e.g. start.endPrice="10 DOT,50 DOT"',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option(`--metric <name>`, `outcome of a sweep: ${Sweep.METRICS.join(', ')}`, 'endPrice')
    .option('--sale <k>', 'the sale a sweep reads its outcome from (default: the last)')
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV output')
    .option('--trace <out>', 'save the run as a coretime-trace/1 file (replay it with `coretime replay`)')
    .option(
      '--from <snapshot>',
      'start from a chain snapshot (`coretime snapshot`): its sale, state and rules',
    )
    .action((file: string | undefined, opts: Options) => simulate(file, opts))
}

const positiveInt = (flag: string, v: string, min = 1): number => {
  if (!/^\d+$/.test(v.trim()) || Number(v) < min)
    throw new UsageError(`${flag}: expected a whole number ≥ ${min}, got "${v}"`)
  return Number(v)
}
const seedOf = (v: string | undefined): number => {
  const s = (v ?? '1').trim()
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s)))
    throw new UsageError(`--seed: expected a whole number ≥ 0, got "${v}"`)
  return Number(s)
}

/** Reads a scenario file as JSON or YAML (by extension; otherwise JSON, then YAML). */
const readScenario = (file: string): unknown => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${fsReason(e)}`, { cause: e })
  }
  if (text.trim() === '') throw new UsageError(`${file} is empty; expected a scenario (JSON or YAML)`)
  const ext = extname(file).toLowerCase()
  try {
    if (ext === '.json') return JSON.parse(text)
    return parseYaml(text) // YAML is a superset of JSON
  } catch (e) {
    const why = (e as Error).message.split('\n')[0]?.replace(/:$/, '')
    throw new UsageError(`${file} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${why}`, { cause: e })
  }
}

const validate = (raw: unknown, where: string): Scenario.Scenario => {
  const p = Scenario.parse(raw)
  if (p.ok) return p.scenario
  const lines = p.issues.map(Scenario.formatIssue)
  throw new UsageError(
    lines.length === 1
      ? `${where}: ${lines[0]}`
      : `${where}: ${lines.length} problems, nothing was run\n${lines.map((l) => `  ${l}`).join('\n')}`,
  )
}

/** "path=a,b,c" → values; each value is JSON if it parses (numbers, null, lists), else a string. */
const parseSweep = (spec: string): Sweep.Axis => {
  const i = spec.indexOf('=')
  if (i <= 0 || i === spec.length - 1)
    throw new UsageError(`--sweep: expected path=v1,v2,… (e.g. demand.table.purchases=2,5,10), got "${spec}"`)
  const values = spec
    .slice(i + 1)
    .split(',')
    .map((v) => v.trim())
    .map((v) => {
      try {
        return JSON.parse(v) as unknown
      } catch {
        return v
      }
    })
  return { path: spec.slice(0, i).trim(), values }
}

/** A progress bar on stderr, only on a terminal. */
const progress = (total: number, label: string) => {
  const tty = process.stderr.isTTY === true
  const t0 = performance.now()
  let last = 0
  return {
    tick: (done: number) => {
      if (!tty) return
      const now = performance.now()
      if (done < total && now - last < 100) return
      last = now
      const w = 30
      const filled = Math.round((done / total) * w)
      const secs = ((now - t0) / 1000).toFixed(1)
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(w - filled)}] ${done}/${total} ${secs} s`,
      )
      if (done >= total) process.stderr.write('\n')
    },
  }
}

export const simulate = async (file: string | undefined, opts: Options): Promise<void> => {
  if (opts.json && opts.csv) throw new UsageError('--json and --csv: choose one')
  if (opts.trace?.trim() === '') throw new UsageError('--trace: expected a file name, got an empty string')
  const seed = seedOf(opts.seed)
  if (opts.from !== undefined) {
    const runs = opts.runs === undefined ? undefined : positiveInt('--runs', opts.runs)
    return simulateFrom(file === undefined ? undefined : readScenario(file), file ?? '--from', {
      ...opts,
      seed,
      runs,
      workers: opts.workers === undefined ? undefined : positiveInt('--workers', opts.workers),
      ...(opts.sales === undefined ? {} : { horizon: positiveInt('--sales', opts.sales) }),
      ...(runs !== undefined && { onRun: progress(runs, 'runs').tick }),
    })
  }
  let raw: unknown = file === undefined ? Defaults.polkadotProjection : readScenario(file)
  if (opts.sales !== undefined) raw = Sweep.setPath(raw, 'horizon', positiveInt('--sales', opts.sales))
  const where = file ?? 'default scenario'

  if (opts.sweep && opts.sweep.length > 0) {
    if (opts.sweep.length > 2) throw new UsageError('--sweep: at most two parameters')
    if (opts.trace) throw new UsageError('--trace records a single run; drop --sweep')
    const metric = opts.metric ?? 'endPrice'
    if (!(Sweep.METRICS as readonly string[]).includes(metric))
      throw new UsageError(`--metric: expected one of ${Sweep.METRICS.join(', ')}, got "${metric}"`)
    const axes = opts.sweep.map(parseSweep)
    const runs = opts.runs === undefined ? 1 : positiveInt('--runs', opts.runs)
    const base = validate(raw, where)
    const sale = opts.sale === undefined ? undefined : positiveInt('--sale', opts.sale)
    const total = runs * axes.reduce((n, a) => n * a.values.length, 1)
    const bar = progress(total, 'sweep')
    let result: Sweep.SweepResult
    try {
      result = Sweep.sweep(raw, axes, {
        metric: metric as Sweep.Metric,
        runs,
        seed,
        ...(sale !== undefined && { sale }),
        onRun: (d) => bar.tick(d),
      })
    } catch (e) {
      if (e instanceof Sweep.SweepError) throw new UsageError(e.message, { cause: e })
      throw e
    }
    const token = base.chain.token
    process.stdout.write(
      opts.json
        ? Format.json(result)
        : opts.csv
          ? Format.sweepCsv(result)
          : `${Format.sweepTable(result, token)}\n`,
    )
    return
  }

  const scenario = validate(raw, where)
  if (opts.runs !== undefined) {
    const runs = positiveInt('--runs', opts.runs)
    if (opts.trace) throw new UsageError('--trace records a single run; drop --runs')
    const workers = opts.workers === undefined ? undefined : positiveInt('--workers', opts.workers)
    const bar = progress(runs, 'runs')
    const summaries =
      runs < 4 || workers === 1
        ? MonteCarlo.runs(scenario, { seed, to: runs, onRun: (d) => bar.tick(d) })
        : await runParallel(scenario, {
            runs,
            seed,
            ...(workers !== undefined && { workers }),
            onRun: (d) => bar.tick(d),
          })
    const bands = MonteCarlo.bands(summaries)
    if (opts.json) process.stdout.write(Format.json({ name: scenario.name, seed, ...bands }))
    else if (opts.csv) process.stdout.write(Format.bandsCsv(bands))
    else {
      // dates do not depend on the seed: take them from the first run
      const dates = run(scenario, { seed }).sales.map((s) => s.dates.saleStart.slice(0, 10))
      process.stdout.write(`${Format.bandsTable(scenario.name, bands, scenario.chain.token, dates)}\n`)
    }
    return
  }

  const result: SimResult = run(scenario, { seed, trace: opts.trace !== undefined })
  if (opts.trace !== undefined) {
    try {
      writeAtomic(opts.trace, Format.json(result.trace))
    } catch (e) {
      throw new UsageError(`--trace: cannot write ${opts.trace}: ${fsReason(e, 'write')}`, { cause: e })
    }
  }
  const { trace: _, ...rest } = result
  if (opts.json) process.stdout.write(Format.json(rest))
  else if (opts.csv) process.stdout.write(Format.runCsv(result))
  else process.stdout.write(`${Format.runTable(result, scenario.description)}\n`)
  if (opts.trace !== undefined && !opts.json && !opts.csv)
    process.stdout.write(`trace saved to ${opts.trace} (${result.trace?.steps.length ?? 0} steps)\n`)
}
