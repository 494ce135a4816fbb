import { createHash } from 'node:crypto'
import { MonteCarlo, Shard, type Sweep } from '@coretime/sim'

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
  summaries: MonteCarlo.RunSummary[]
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

/** Run summaries as rows: [index, seed, revenue, [[endPrice, selloutPrice, coresSold, renewed, purchased, failed, revenue, meanRenewalPrice, meanPurchasePrice], …]] */
type RunRow = [number, number, string, (string | number | null)[][]]

export const toJson = (p: Partial): string => {
  const body =
    p.kind === 'runs'
      ? {
          ...p,
          summaries: p.summaries.map(
            (r): RunRow => [
              r.index,
              r.seed,
              r.revenue.toString(),
              r.sales.map((s) => [
                s.endPrice.toString(),
                big(s.selloutPrice),
                s.coresSold,
                s.renewed,
                s.purchased,
                s.failed,
                s.revenue.toString(),
                big(s.meanRenewalPrice),
                big(s.meanPurchasePrice),
              ]),
            ],
          ),
        }
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
    if (!Array.isArray(v.summaries) || !Array.isArray(v.dates) || typeof v.name !== 'string')
      throw new PartialError(`${where}: expected name, dates and summaries`)
    const summaries = v.summaries.map((row: unknown, i): MonteCarlo.RunSummary => {
      const at = `${where}: summaries[${i}]`
      if (!Array.isArray(row) || row.length !== 4 || !Array.isArray(row[3]))
        throw new PartialError(`${at}: expected a run`)
      return {
        index: toInt(row[0], at),
        seed: toInt(row[1], at),
        revenue: toBig(row[2], at),
        sales: (row[3] as unknown[]).map((s) => {
          if (!Array.isArray(s) || s.length !== 9)
            throw new PartialError(`${at}: expected a sale of 9 values`)
          return {
            endPrice: toBig(s[0], at),
            selloutPrice: toOptBig(s[1], at),
            coresSold: toInt(s[2], at),
            renewed: toInt(s[3], at),
            purchased: toInt(s[4], at),
            failed: toInt(s[5], at),
            revenue: toBig(s[6], at),
            meanRenewalPrice: toOptBig(s[7], at),
            meanPurchasePrice: toOptBig(s[8], at),
          }
        }),
      }
    })
    return { ...common, kind: 'runs', name: v.name, dates: v.dates.map(String), summaries }
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
    const summaries = parts.flatMap((p) => p.summaries)
    if (summaries.length !== a.identity.runs)
      throw new PartialError(`the shards hold ${summaries.length} runs, expected ${a.identity.runs}`)
    return {
      kind: 'runs',
      name: a.name,
      seed: a.identity.seed,
      token: a.token,
      dates: a.dates,
      bands: MonteCarlo.bands(summaries),
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
