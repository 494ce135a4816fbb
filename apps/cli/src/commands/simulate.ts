import { extname } from 'node:path'
import { readText, writeAtomic } from '@coretime/chain/node'
import {
  Aggregate,
  Defaults,
  MonteCarlo,
  simulate as run,
  Scenario,
  Shard,
  type SimResult,
  Sweep,
} from '@coretime/sim'
import type { Command } from 'commander'
import { parse as parseYaml } from 'yaml'
import { simulateFrom } from '../chain/simulateFrom'
import { fsReason, UsageError } from '../errors'
import { checkBatch, checkWork, MAX_TIMESLICES, timeslicesFrom } from '../limits'
import { compareMarket, marketOf } from '../market/compareMarket'
import { rfc17Run } from '../market/rfc17Run'
import * as Format from '../sim/format'
import * as Partial from '../sim/partial'
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
  shard?: string
  out?: string
  compareMarket?: string
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
    .option(
      '--shard <k/n>',
      'with --runs or --sweep: compute shard k of n and write a partial result (`coretime merge` combines them); `auto` reads a Slurm array task or a Kubernetes Indexed Job (docs/scale-out.md)',
    )
    .option('--out <file>', 'with --shard: write the partial result to this file (default: stdout)')
    .option(
      '--compare-market <market>',
      'also run the same demand and seeds through another market and compare per sale: rfc17 (docs/markets.md)',
    )
    .action(async (file: string | undefined, opts: Options) => {
      process.stdout.write(await simulate(file, opts))
    })
}

const positiveInt = (flag: string, v: string, min = 1, max = LIMITS[flag]): number => {
  if (!/^\d+$/.test(v.trim()) || Number(v) < min)
    throw new UsageError(`${flag}: expected a whole number ≥ ${min}, got "${v}"`)
  if (max !== undefined && Number(v) > max) throw new UsageError(`${flag}: at most ${max}, got ${v.trim()}`)
  return Number(v)
}

/** What this machine can do, refused before any work (issue 17): flags' maxima. */
const LIMITS: Record<string, number> = {
  '--workers': 64,
  // the scenario's horizon bound (packages/sim Scenario: at most 10000 sales)
  '--sales': 10_000,
  '--sale': 10_000,
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
    text = readText(file)
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
  const lines = p.error.issues.map(Scenario.formatIssue)
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

/** Where a command reports progress (stderr); tests pass their own. */
export interface Io {
  /** a progress bar of `total` steps; the returned function is called with the steps done */
  progress: (total: number, label: string) => (done: number) => void
  /** one line of progress or status */
  note: (line: string) => void
}

/** A progress bar on stderr, only on a terminal. */
const progress = (total: number, label: string) => {
  const tty = process.stderr.isTTY === true
  const t0 = performance.now()
  let last = 0
  return (done: number) => {
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
  }
}

export const stderrIo: Io = { progress, note: (line) => process.stderr.write(`${line}\n`) }

/** The shard `--shard` asks for: k/n, or `auto` from a batch scheduler's environment. */
const shardOf = (v: string): Shard.Shard => {
  const r = v.trim() === 'auto' ? Shard.fromEnv(process.env) : Shard.parse(v)
  if (r === null)
    throw new UsageError(
      '--shard auto: no SLURM_ARRAY_TASK_ID (Slurm job array) or JOB_COMPLETION_INDEX (Kubernetes Indexed Job) in the environment',
    )
  if (!r.ok) throw new UsageError(`--shard: ${r.error.message}`)
  return r.shard
}

/** Runs [from, to) of a batch aggregated, over worker threads when there are enough runs. */
const aggregateOf = async (
  scenario: Scenario.Scenario,
  o: { seed: number; from: number; to: number; workers: number | undefined; tick: (done: number) => void },
): Promise<Aggregate.Aggregate> => {
  const runs = o.to - o.from
  if (runs < 4 || o.workers === 1)
    return MonteCarlo.aggregate(scenario, { seed: o.seed, from: o.from, to: o.to, onRun: o.tick })
  return runParallel(scenario, {
    runs,
    first: o.from,
    seed: o.seed,
    ...(o.workers !== undefined && { workers: o.workers }),
    onRun: o.tick,
  })
}

/** A shard's partial result: to `--out` (atomically), else to stdout; one progress line on stderr. */
const emitPartial = (
  p: Partial.Partial,
  out: string | undefined,
  io: Io,
  what: string,
  t0: number,
): string => {
  const secs = ((performance.now() - t0) / 1000).toFixed(1)
  const text = Partial.toJson(p)
  if (out !== undefined) {
    try {
      writeAtomic(out, text)
    } catch (e) {
      throw new UsageError(`--out: cannot write ${out}: ${fsReason(e, 'write')}`, { cause: e })
    }
  }
  io.note(`shard ${Shard.format(p.shard)}: ${what} in ${secs} s${out === undefined ? '' : ` → ${out}`}`)
  return out === undefined ? text : ''
}

const tokenOf = (s: Scenario.Scenario) => ({ symbol: s.chain.token.symbol, decimals: s.chain.token.decimals })
/** Sale opening days; they do not depend on the seed: taken from one run. */
const datesOf = (s: Scenario.Scenario, seed: number): string[] =>
  run(s, { seed }).sales.map((x) => x.dates.saleStart.slice(0, 10))

/** `coretime simulate`: returns what to print on stdout (progress goes to `io`). */
export const simulate = async (
  file: string | undefined,
  opts: Options,
  io: Io = stderrIo,
): Promise<string> => {
  if (opts.json && opts.csv) throw new UsageError('--json and --csv: choose one')
  if (opts.trace?.trim() === '') throw new UsageError('--trace: expected a file name, got an empty string')
  const seed = seedOf(opts.seed)
  if (opts.compareMarket !== undefined) return compare(file, opts, seed, io)
  const shard = opts.shard === undefined ? undefined : shardOf(opts.shard)
  if (opts.out !== undefined && shard === undefined)
    throw new UsageError("--out writes a shard's partial result; give --shard k/n too")
  if (opts.out?.trim() === '') throw new UsageError('--out: expected a file name, got an empty string')
  if (shard && opts.runs === undefined && !(opts.sweep && opts.sweep.length > 0))
    throw new UsageError('--shard splits a batch: give --runs N or --sweep too')
  const style = Format.styleOf(opts)
  if (opts.from !== undefined) {
    if (shard)
      throw new UsageError('--shard cannot split a run from a chain snapshot (--from); drop one of them')
    const runs = opts.runs === undefined ? undefined : positiveInt('--runs', opts.runs)
    const fromFile = file === undefined ? undefined : readScenario(file)
    if (choosesRfc17(fromFile))
      throw new UsageError(
        `--from starts today's sale from a chain snapshot, but ${file} chooses market.kind: rfc17; drop one of them`,
      )
    return simulateFrom(fromFile, file ?? '--from', {
      ...opts,
      seed,
      runs,
      workers: opts.workers === undefined ? undefined : positiveInt('--workers', opts.workers),
      ...(opts.sales === undefined ? {} : { horizon: positiveInt('--sales', opts.sales) }),
      ...(runs !== undefined && { onRun: io.progress(runs, 'runs') }),
    })
  }
  let raw: unknown = file === undefined ? Defaults.polkadotProjection : readScenario(file)
  if (opts.sales !== undefined) raw = Sweep.setPath(raw, 'horizon', positiveInt('--sales', opts.sales))
  const where = file ?? 'default scenario'
  if (choosesRfc17(raw)) return rfc17(raw, where, opts, seed, shard, io)

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
    const t0 = performance.now()
    let plan: Sweep.Plan
    try {
      plan = Sweep.plan(raw, axes, {
        metric: metric as Sweep.Metric,
        runs,
        seed,
        ...(sale !== undefined && { sale }),
      })
    } catch (e) {
      if (e instanceof Sweep.SweepError) throw new UsageError(e.message, { cause: e })
      throw e
    }
    const points = plan.combos.length
    const { from, to } = shard ? Shard.range(points, shard) : { from: 0, to: points }
    checkWork((to - from) * runs, base.horizon, '--sweep')
    const bar = io.progress((to - from) * runs, shard ? `sweep ${Shard.format(shard)}` : 'sweep')
    const cells = Sweep.cells(plan, from, to, (d) => bar(d))
    if (shard) {
      const p: Partial.SweepPartial = {
        format: Partial.FORMAT,
        kind: 'sweep',
        shard,
        identity: {
          scenario: Partial.digest({
            scenarios: plan.scenarios,
            axes: plan.axes,
            metric: plan.metric,
            sale: plan.sale,
          }),
          seed,
          runs,
        },
        token: tokenOf(base),
        axes: plan.axes,
        metric: plan.metric,
        sale: plan.sale,
        points,
        from,
        to,
        cells,
      }
      const what = `grid points ${from + 1}–${to} of ${points} (${runs} run${runs === 1 ? '' : 's'} each)`
      return emitPartial(p, opts.out, io, to > from ? what : `no grid points (of ${points})`, t0)
    }
    return Format.sweepOutput(style, Sweep.result(plan, cells), tokenOf(base))
  }

  const scenario = validate(raw, where)
  if (opts.runs !== undefined) {
    const runs = positiveInt('--runs', opts.runs)
    if (opts.trace) throw new UsageError('--trace records a single run; drop --runs')
    const workers = opts.workers === undefined ? undefined : positiveInt('--workers', opts.workers)
    // a shard bounds its own part, and the batch as a whole must stay mergeable
    if (shard) checkBatch(runs, scenario.horizon)
    const { from, to } = shard ? Shard.range(runs, shard) : { from: 0, to: runs }
    checkWork(to - from, scenario.horizon)
    const t0 = performance.now()
    const tick = io.progress(to - from, shard ? `runs ${Shard.format(shard)}` : 'runs')
    const aggregate = await aggregateOf(scenario, { seed, from, to, workers, tick })
    if (shard) {
      const p: Partial.RunsPartial = {
        format: Partial.FORMAT,
        kind: 'runs',
        shard,
        identity: { scenario: Partial.digest(scenario), seed, runs },
        token: tokenOf(scenario),
        name: scenario.name,
        dates: datesOf(scenario, seed),
        from,
        to,
        aggregate,
      }
      const what = to > from ? `runs ${from + 1}–${to} of ${runs}` : `no runs (of ${runs})`
      return emitPartial(p, opts.out, io, what, t0)
    }
    const bands = Aggregate.bands(aggregate)
    const meta = {
      name: scenario.name,
      seed,
      token: tokenOf(scenario),
      dates: style === 'table' ? datesOf(scenario, seed) : [],
    }
    return Format.bandsOutput(style, meta, bands)
  }

  if (opts.trace !== undefined) checkTraceSpan(scenario)
  const result: SimResult = run(scenario, { seed, trace: opts.trace !== undefined })
  if (opts.trace !== undefined) {
    checkTraceSpan(scenario, result.trace)
    try {
      writeAtomic(opts.trace, Format.json(result.trace))
    } catch (e) {
      throw new UsageError(`--trace: cannot write ${opts.trace}: ${fsReason(e, 'write')}`, { cause: e })
    }
  }
  const { trace: _, ...rest } = result
  if (style === 'json') return Format.json(rest)
  if (style === 'csv') return Format.runCsv(result)
  const saved =
    opts.trace === undefined
      ? ''
      : `trace saved to ${opts.trace} (${result.trace?.steps.length ?? 0} steps)\n`
  return `${Format.runTable(result, scenario.description)}\n${saved}`
}

/** Whether a scenario file chooses RFC-17's market (`market: { kind: rfc17 }`; validated later). */
const choosesRfc17 = (raw: unknown): boolean => {
  if (typeof raw !== 'object' || raw === null) return false
  const m = (raw as { market?: unknown }).market
  return typeof m === 'object' && m !== null && (m as { kind?: unknown }).kind === 'rfc17'
}

/** A scenario with `market.kind: rfc17`: RFC-17's market alone (apps/cli/src/market/rfc17Run.ts). */
const rfc17 = (
  raw: unknown,
  where: string,
  opts: Options,
  seed: number,
  shard: Shard.Shard | undefined,
  io: Io,
): string => {
  for (const [flag, given] of [
    ['--sweep', (opts.sweep?.length ?? 0) > 0],
    ['--trace', opts.trace !== undefined],
    ['--shard', shard !== undefined],
  ] as const)
    if (given)
      throw new UsageError(
        `${flag}: not available for RFC-17's market (${where} chooses market.kind: rfc17); use --runs, or --compare-market rfc17`,
      )
  if (opts.workers !== undefined)
    throw new UsageError(
      `--workers: RFC-17's runs are computed in this process (${where} chooses market.kind: rfc17); drop --workers`,
    )
  const scenario = validate(raw, where)
  const runs = opts.runs === undefined ? undefined : positiveInt('--runs', opts.runs)
  if (runs !== undefined) checkWork(runs, scenario.horizon)
  return rfc17Run(scenario, {
    seed,
    runs,
    style: Format.styleOf(opts),
    ...(runs !== undefined && { onRun: io.progress(runs, 'runs') }),
  })
}

/**
 * `--trace` records only what `coretime replay` can replay (`MAX_TIMESLICES` from the start block):
 * refused up front from the scenario (its sales × region length), and once more from the recorded
 * trace's last step before anything is written.
 */
export const checkTraceSpan = (scenario: Scenario.Scenario, trace?: SimResult['trace']): void => {
  const { timeslicePeriod } = scenario.chain.runtime
  const { regionLength } = scenario.chain.configuration
  const lastBlock = trace?.steps.at(-1)?.block
  const last = typeof lastBlock === 'number' ? lastBlock : undefined
  const span =
    last === undefined
      ? scenario.horizon * regionLength
      : timeslicesFrom(scenario.chain.startBlock, last, timeslicePeriod)
  if (span <= MAX_TIMESLICES) return
  // the sales that fit: by the estimate, or the recorded run less the sales it overran by
  const most =
    last === undefined
      ? Math.floor(MAX_TIMESLICES / regionLength)
      : scenario.horizon - Math.ceil((span - MAX_TIMESLICES) / regionLength)
  throw new UsageError(
    `--trace: ${scenario.horizon} sales of ${regionLength} timeslices span more than the ${MAX_TIMESLICES} timeslices \`coretime replay\` accepts; record at most ${most} sales (--sales ${most}) or drop --trace; nothing was written`,
  )
}

/** `--compare-market`: both markets side by side (apps/cli/src/market/compareMarket.ts). */
const compare = (file: string | undefined, opts: Options, seed: number, io: Io): string => {
  const market = marketOf(opts.compareMarket ?? '')
  for (const [flag, given] of [
    ['--sweep', (opts.sweep?.length ?? 0) > 0],
    ['--trace', opts.trace !== undefined],
    ['--from', opts.from !== undefined],
    ['--shard', opts.shard !== undefined],
    // both markets' runs are computed in this process
    ['--workers', opts.workers !== undefined],
  ] as const)
    if (given) throw new UsageError(`--compare-market: cannot be combined with ${flag}`)
  let raw: unknown = file === undefined ? Defaults.polkadotProjection : readScenario(file)
  if (opts.sales !== undefined) raw = Sweep.setPath(raw, 'horizon', positiveInt('--sales', opts.sales))
  const scenario = validate(raw, file ?? 'default scenario')
  const runs = opts.runs === undefined ? undefined : positiveInt('--runs', opts.runs)
  if (runs !== undefined) checkWork(runs, scenario.horizon)
  return compareMarket(scenario, {
    market,
    seed,
    runs,
    json: opts.json,
    csv: opts.csv,
    ...(runs !== undefined && { onRun: io.progress(runs, 'runs') }),
  })
}
