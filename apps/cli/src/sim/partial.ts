import { createHash } from 'node:crypto'
import { Aggregate, type MonteCarlo, Shard, type Sweep } from '@coretime/sim'

/**
 * Partial results (`coretime simulate --runs N --shard k/n`, `--sweep … --shard k/n`) and their
 * merge (`coretime merge`): each shard writes the runs or grid points it computed together with
 * what identifies the batch (the scenario's digest, the seed, the shard count, the runs and the
 * grid), so a merge takes only shards of one batch and gives what one machine would have printed.
 */
export const FORMAT = 'coretime-partial/1'

/** What makes shards parts of the same batch. */
export interface Identity {
  /** SHA-256 (first 16 hex digits) of the scenario as resolved (runs) or as written with its grid (sweeps) */
  scenario: string
  seed: number
  /** runs in the whole batch (Monte Carlo) or per grid point (sweep) */
  runs: number
}

interface Common {
  format: typeof FORMAT
  shard: Shard.Shard
  identity: Identity
  token: { symbol: string; decimals: number }
}

export interface RunsPartial extends Common {
  kind: 'runs'
  name: string
  /** sale opening dates (they do not depend on the seed), for the human table */
  dates: string[]
  /** run index range [from, to) of this shard */
  from: number
  to: number
  /** the shard's runs, column by column (Aggregate) */
  aggregate: Aggregate.Aggregate
}

export interface SweepPartial extends Common {
  kind: 'sweep'
  axes: Sweep.Axis[]
  metric: Sweep.Metric
  sale: number
  /** grid points in the whole sweep, and this shard's [from, to) */
  points: number
  from: number
  to: number
  cells: Sweep.Cell[]
}

export type Partial = RunsPartial | SweepPartial

/** A digest of any JSON-able value with bigints (decimal strings), for identities. */
export const digest = (v: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x)))
    .digest('hex')
    .slice(0, 16)

// ------------------------------------------------------------------------------------------------
// File encoding: JSON, bigints as decimal strings
// ------------------------------------------------------------------------------------------------

const big = (v: bigint | null): string | null => (v === null ? null : v.toString())

/** An aggregate's columns as JSON: whole numbers below 2^53 as numbers, larger amounts as decimal strings, null. */
const columnsJson = (a: Aggregate.Aggregate) => ({
  runs: a.runs,
  sales: a.sales,
  cols: a.cols.map((c) =>
    'f64' in c ? Array.from(c.f64, (x) => (Number.isNaN(x) ? null : x)) : c.big.map((x) => big(x)),
  ),
})

export const toJson = (p: Partial): string => {
  const body =
    p.kind === 'runs'
      ? { ...p, aggregate: columnsJson(p.aggregate) }
      : {
          ...p,
          cells: p.cells.map((c) => ({
            values: c.values,
            mean: big(c.mean),
            band: c.band && {
              p5: c.band.p5.toString(),
              p50: c.band.p50.toString(),
              p95: c.band.p95.toString(),
            },
          })),
        }
  return `${JSON.stringify(body)}\n`
}

export class PartialError extends Error {
  override name = 'PartialError'
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const toBig = (v: unknown, where: string): bigint => {
  if (typeof v !== 'string' || !/^\d+$/.test(v))
    throw new PartialError(`${where}: expected an amount in planck`)
  return BigInt(v)
}
const toOptBig = (v: unknown, where: string): bigint | null => (v === null ? null : toBig(v, where))
const toInt = (v: unknown, where: string): number => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    throw new PartialError(`${where}: expected a whole number ≥ 0`)
  return v
}

/** Reads a partial result file's JSON (`where` names the file in messages). */
export const fromJson = (text: string, where: string): Partial => {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    throw new PartialError(`${where}: not JSON; expected a ${FORMAT} file (coretime simulate --shard)`)
  }
  if (!isObj(v) || v.format !== FORMAT)
    throw new PartialError(
      `${where}: not a partial result; expected "format": "${FORMAT}" (coretime simulate --shard)`,
    )
  const shard = isObj(v.shard)
    ? Shard.make(toInt(v.shard.k, `${where}: shard.k`), toInt(v.shard.n, `${where}: shard.n`))
    : null
  if (!shard?.ok) throw new PartialError(`${where}: shard: expected { k, n } with 1 ≤ k ≤ n`)
  const id = v.identity
  if (!isObj(id) || typeof id.scenario !== 'string')
    throw new PartialError(`${where}: identity: expected { scenario, seed, runs }`)
  const identity: Identity = {
    scenario: id.scenario,
    seed: toInt(id.seed, `${where}: identity.seed`),
    runs: toInt(id.runs, `${where}: identity.runs`),
  }
  const t = v.token
  if (!isObj(t) || typeof t.symbol !== 'string')
    throw new PartialError(`${where}: token: expected { symbol, decimals }`)
  const token = { symbol: t.symbol, decimals: toInt(t.decimals, `${where}: token.decimals`) }
  const from = toInt(v.from, `${where}: from`)
  const to = toInt(v.to, `${where}: to`)
  const common = { format: FORMAT, shard: shard.shard, identity, token, from, to } as const
  if (v.kind === 'runs') {
    const a = v.aggregate
    if (!isObj(a) || !Array.isArray(a.cols) || !Array.isArray(v.dates) || typeof v.name !== 'string')
      throw new PartialError(`${where}: expected name, dates and aggregate`)
    const runs = toInt(a.runs, `${where}: aggregate.runs`)
    const sales = toInt(a.sales, `${where}: aggregate.sales`)
    if (a.cols.length !== sales * Aggregate.METRICS.length + 1)
      throw new PartialError(`${where}: aggregate: expected ${sales * Aggregate.METRICS.length + 1} columns`)
    const cols = a.cols.map((c: unknown, i): Aggregate.Column => {
      const at = `${where}: aggregate.cols[${i}]`
      if (!Array.isArray(c) || c.length !== runs) throw new PartialError(`${at}: expected ${runs} values`)
      if (c.every((x) => x === null || (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0)))
        return { f64: Float64Array.from(c, (x: number | null) => (x === null ? Number.NaN : x)) }
      return { big: c.map((x) => toOptBig(x, at)) }
    })
    const aggregate: Aggregate.Aggregate = { runs, sales, cols }
    return { ...common, kind: 'runs', name: v.name, dates: v.dates.map(String), aggregate }
  }
  if (v.kind === 'sweep') {
    if (!Array.isArray(v.axes) || !Array.isArray(v.cells) || typeof v.metric !== 'string')
      throw new PartialError(`${where}: expected axes, metric and cells`)
    const cells = v.cells.map((c: unknown, i): Sweep.Cell => {
      const at = `${where}: cells[${i}]`
      if (!isObj(c) || !Array.isArray(c.values)) throw new PartialError(`${at}: expected a grid point`)
      const b = c.band
      return {
        values: c.values,
        mean: toOptBig(c.mean, at),
        band: isObj(b) ? { p5: toBig(b.p5, at), p50: toBig(b.p50, at), p95: toBig(b.p95, at) } : null,
      }
    })
    return {
      ...common,
      kind: 'sweep',
      axes: v.axes as Sweep.Axis[],
      metric: v.metric as Sweep.Metric,
      sale: toInt(v.sale, `${where}: sale`),
      points: toInt(v.points, `${where}: points`),
      cells,
    }
  }
  throw new PartialError(`${where}: kind: expected "runs" or "sweep"`)
}

// ------------------------------------------------------------------------------------------------
// Merge
// ------------------------------------------------------------------------------------------------

export type Merged =
  | {
      kind: 'runs'
      name: string
      seed: number
      token: Common['token']
      dates: string[]
      bands: MonteCarlo.Bands
    }
  | { kind: 'sweep'; token: Common['token']; result: Sweep.SweepResult }

/**
 * Combines the shards of one batch into its result. Refuses shards of different batches (kind,
 * scenario, seed, runs, grid, shard count), a shard given twice, and names the missing shards.
 */
export const merge = (files: readonly { file: string; partial: Partial }[]): Merged => {
  const first = files[0]
  if (!first) throw new PartialError('expected at least one partial result file')
  const a = first.partial
  const name = (f: { file: string; partial: Partial }) => `${f.file} (shard ${Shard.format(f.partial.shard)})`
  for (const f of files.slice(1)) {
    const b = f.partial
    const differ = (what: string) =>
      new PartialError(`${name(f)} is from another batch than ${name(first)}: ${what}`)
    if (b.kind !== a.kind)
      throw differ(
        `a ${b.kind === 'runs' ? 'Monte Carlo' : 'sweep'} shard among ${a.kind === 'runs' ? 'Monte Carlo' : 'sweep'} shards`,
      )
    if (b.identity.scenario !== a.identity.scenario)
      throw differ(
        `another scenario${a.kind === 'sweep' ? ' or grid' : ''} (${b.identity.scenario}, not ${a.identity.scenario})`,
      )
    if (b.identity.seed !== a.identity.seed) throw differ(`seed ${b.identity.seed}, not ${a.identity.seed}`)
    if (b.shard.n !== a.shard.n) throw differ(`${b.shard.n} shards, not ${a.shard.n}`)
    if (b.identity.runs !== a.identity.runs) throw differ(`${b.identity.runs} runs, not ${a.identity.runs}`)
  }
  const byK = new Map<number, { file: string; partial: Partial }>()
  for (const f of files) {
    const twice = byK.get(f.partial.shard.k)
    if (twice)
      throw new PartialError(
        `shard ${Shard.format(f.partial.shard)} given twice: ${twice.file} and ${f.file}`,
      )
    byK.set(f.partial.shard.k, f)
  }
  const n = a.shard.n
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byK.has(k))
  if (missing.length > 0)
    throw new PartialError(
      `missing shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${n} (have ${[...byK.keys()].sort((x, y) => x - y).join(', ')})`,
    )
  const ordered = Array.from({ length: n }, (_, i) => (byK.get(i + 1) as { partial: Partial }).partial)
  if (a.kind === 'runs') {
    const parts = ordered as RunsPartial[]
    const aggregate = Aggregate.merge(parts.map((p) => p.aggregate))
    if (aggregate.runs !== a.identity.runs)
      throw new PartialError(`the shards hold ${aggregate.runs} runs, expected ${a.identity.runs}`)
    return {
      kind: 'runs',
      name: a.name,
      seed: a.identity.seed,
      token: a.token,
      dates: a.dates,
      bands: Aggregate.bands(aggregate),
    }
  }
  const parts = ordered as SweepPartial[]
  const cells = parts.flatMap((p) => p.cells)
  if (cells.length !== a.points)
    throw new PartialError(`the shards hold ${cells.length} grid points, expected ${a.points}`)
  return {
    kind: 'sweep',
    token: a.token,
    result: { axes: a.axes, metric: a.metric, sale: a.sale, runs: a.identity.runs, cells },
  }
}
