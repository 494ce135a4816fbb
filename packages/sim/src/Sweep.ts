import { BaseError } from '@coretime/core'
import * as MonteCarlo from './MonteCarlo'
import * as Scenario from './Scenario'

/**
 * A sweep over one or two scenario parameters: every combination of values is validated as a
 * scenario, run `runs` times, and reduced to one chosen outcome (e.g. the minimum end price ×
 * demand growth → mean renewal price in sale 12).
 */

export const METRICS = [
  'endPrice',
  'selloutPrice',
  'revenue',
  'coresSold',
  'failed',
  'meanRenewalPrice',
  'meanPurchasePrice',
] as const
export type Metric = (typeof METRICS)[number]

export interface Axis {
  /** dotted path in the scenario file, e.g. `chain.configuration.renewalBump` or `demand.agents[0].count` */
  path: string
  values: readonly unknown[]
}

export interface SweepOptions {
  metric: Metric
  /** the sale whose outcome is read (1-based); default: the last sale */
  sale?: number
  runs?: number
  seed?: number
  onRun?: (done: number, total: number) => void
}

export interface Cell {
  values: unknown[]
  /** over runs: floor of the mean, and the bands */
  mean: bigint | null
  band: MonteCarlo.Band<bigint> | null
}

export interface SweepResult {
  axes: Axis[]
  metric: Metric
  sale: number
  runs: number
  cells: Cell[]
}

/** A sweep that cannot be built: a bad parameter path or value list. */
export class SweepError extends BaseError {
  override name = 'SweepError'
}

const TOKEN_RE = /([^.[\]]+)|\[(\d+)\]/g

/** A copy of `raw` with the value at `path` replaced (objects on the way are created if missing). */
export const setPath = (raw: unknown, path: string, value: unknown): unknown => {
  const keys: (string | number)[] = []
  for (const m of path.matchAll(TOKEN_RE)) keys.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string))
  if (keys.length === 0) throw new SweepError(`sweep: empty parameter path "${path}"`)
  const copy = JSON.parse(JSON.stringify(raw ?? {})) as Record<string | number, unknown>
  let node: Record<string | number, unknown> = copy
  for (const [i, k] of keys.entries()) {
    if (i === keys.length - 1) {
      node[k] = value
      break
    }
    const next = node[k]
    if (next === undefined || next === null || typeof next !== 'object') {
      if (typeof keys[i + 1] === 'number') throw new SweepError(`sweep: ${path}: no list at "${String(k)}"`)
      node[k] = {}
    }
    node = node[k] as Record<string | number, unknown>
  }
  return copy
}

const metricOf = (s: MonteCarlo.RunSummary['sales'][number], m: Metric): bigint | null => {
  const v = s[m]
  return v === null ? null : typeof v === 'bigint' ? v : BigInt(v)
}

/** A validated sweep: every combination of values (first axis outermost) as a scenario. */
export interface Plan {
  axes: Axis[]
  combos: unknown[][]
  scenarios: Scenario.Scenario[]
  metric: Metric
  /** the sale whose outcome is read (1-based) */
  sale: number
  runs: number
  seed: number | undefined
}

/** Validates every combination before any runs (a bad one is a `SweepError` naming its values). */
export const plan = (raw: unknown, axes: readonly Axis[], options: SweepOptions): Plan => {
  if (axes.length < 1 || axes.length > 2) throw new SweepError('sweep: expected one or two parameters')
  for (const a of axes)
    if (a.values.length === 0) throw new SweepError(`sweep: ${a.path}: expected at least one value`)
  const combos: unknown[][] =
    axes.length === 1
      ? (axes[0]?.values ?? []).map((v) => [v])
      : (axes[0]?.values ?? []).flatMap((a) => (axes[1]?.values ?? []).map((b) => [a, b]))
  const scenarios = combos.map((values) => {
    let r = raw
    values.forEach((v, i) => {
      r = setPath(r, axes[i]?.path ?? '', v)
    })
    const p = Scenario.parse(r)
    if (!p.ok)
      throw new SweepError(
        `sweep: ${axes.map((a, i) => `${a.path}=${JSON.stringify(values[i])}`).join(', ')}: ${p.error.issues.map(Scenario.formatIssue).join('; ')}`,
      )
    return p.scenario
  })
  const sale = options.sale ?? scenarios[0]?.horizon ?? 1
  for (const sc of scenarios)
    if (sale > sc.horizon) throw new SweepError(`sweep: sale ${sale} is beyond the horizon (${sc.horizon})`)
  return {
    axes: [...axes],
    combos,
    scenarios,
    metric: options.metric,
    sale,
    runs: options.runs ?? 1,
    seed: options.seed,
  }
}

/** Grid points [from, to) of a plan, each run `runs` times (`onRun` counts runs done in this call). */
export const cells = (
  p: Plan,
  from: number,
  to: number,
  onRun?: (done: number, total: number) => void,
): Cell[] => {
  const total = (to - from) * p.runs
  let done = 0
  const out: Cell[] = []
  for (let ci = from; ci < to; ci++) {
    const sc = p.scenarios[ci] as Scenario.Scenario
    const sums = MonteCarlo.runs(sc, {
      to: p.runs,
      ...(p.seed !== undefined && { seed: p.seed }),
      onRun: () => onRun?.(++done, total),
    })
    const xs = sums.flatMap((r) => {
      const s = r.sales[p.sale - 1]
      const v = s ? metricOf(s, p.metric) : null
      return v === null ? [] : [v]
    })
    out.push({
      values: p.combos[ci] ?? [],
      mean: xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0n) / BigInt(xs.length),
      band: xs.length === 0 ? null : MonteCarlo.band(xs),
    })
  }
  return out
}

/** The result of a plan from its cells (all of them, in grid order). */
export const result = (p: Plan, all: Cell[]): SweepResult => ({
  axes: p.axes,
  metric: p.metric,
  sale: p.sale,
  runs: p.runs,
  cells: all,
})

/** Runs every combination of the axes' values (first axis outermost). */
export const sweep = (raw: unknown, axes: readonly Axis[], options: SweepOptions): SweepResult => {
  const p = plan(raw, axes, options)
  return result(p, cells(p, 0, p.combos.length, options.onRun))
}
