import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { UsageError } from '../errors'
import { merge } from './merge'
import { type Io, simulate } from './simulate'

const dir = mkdtempSync(join(tmpdir(), 'coretime-merge-'))
const notes: string[] = []
const io: Io = { progress: () => () => {}, note: (l) => notes.push(l) }
const scenario = join(dir, 'mc.json')
writeFileSync(
  scenario,
  JSON.stringify({
    name: 'shards',
    horizon: 4,
    start: { extraCores: 6 },
    demand: {
      agents: [
        {
          kind: 'buyer',
          count: 10,
          arrival: [1, 3],
          valuation: { dist: 'uniform', min: '20 DOT', max: '400 DOT' },
        },
      ],
    },
  }),
)
const sweepArgs = {
  sweep: ['start.endPrice=10 DOT,50 DOT,100 DOT', 'start.extraCores=3,6,9'],
  metric: 'revenue',
  runs: '2',
}
const STYLES = [{}, { json: true }, { csv: true }] as const

/** Runs the batch as 3 shards into files and returns their paths (in a scrambled order). */
const shards = async (opts: Record<string, unknown>, tag: string): Promise<string[]> => {
  const files: string[] = []
  for (const k of [3, 1, 2]) {
    const out = join(dir, `${tag}-${k}.json`)
    expect(await simulate(scenario, { seed: '7', ...opts, shard: `${k}/3`, out }, io)).toBe('')
    files.push(out)
  }
  return files
}

describe('coretime merge', () => {
  test('default: a 200-run Monte Carlo as 3 shards merges to the unsharded output, byte for byte', async () => {
    const files = await shards({ runs: '200', workers: '1' }, 'mc')
    expect(notes.filter((l) => l.startsWith('shard '))).toHaveLength(3)
    expect(notes).toContain(
      `shard 2/3: runs 67–133 of 200 in ${notes.find((l) => l.startsWith('shard 2/3'))?.split(' in ')[1]}`,
    )
    for (const style of STYLES) {
      const whole = await simulate(scenario, { seed: '7', runs: '200', workers: '2', ...style }, io)
      expect(merge(files, style)).toBe(whole)
    }
    expect(merge(files, {})).toMatch(/^shards: 200 runs\n/)
  })

  test('behavior: a 3×3 sweep as 3 shards merges to the unsharded output, byte for byte', async () => {
    const files = await shards(sweepArgs, 'sweep')
    const part = JSON.parse(readFileSync(files[1] as string, 'utf8'))
    expect([part.shard, part.from, part.to, part.cells.length]).toEqual([{ k: 1, n: 3 }, 0, 3, 3])
    for (const style of STYLES) {
      const whole = await simulate(scenario, { seed: '7', ...sweepArgs, ...style }, io)
      expect(merge(files, style)).toBe(whole)
    }
  })

  test('error: a missing shard is named', async () => {
    const files = await shards({ runs: '30', workers: '1' }, 'gap')
    const without2 = files.filter((f) => !f.endsWith('-2.json'))
    expect(() => merge(without2, {})).toThrow(new UsageError('merge: missing shard 2 of 3 (have 1, 3)'))
    expect(() => merge([files[0] as string], {})).toThrow(/missing shards 1, 2 of 3 \(have 3\)/)
  })

  test('error: a shard of another batch (scenario, seed, shard count) or given twice is refused, naming it', async () => {
    const files = await shards({ runs: '30', workers: '1' }, 'mine')
    const other = join(dir, 'other-seed.json')
    await simulate(scenario, { seed: '8', runs: '30', workers: '1', shard: '2/3', out: other }, io)
    const mine = files.filter((f) => !f.endsWith('-2.json'))
    expect(() => merge([...mine, other], {})).toThrow(
      `merge: ${other} (shard 2/3) is from another batch than ${mine[0]} (shard 3/3): seed 8, not 7`,
    )
    const four = join(dir, 'four.json')
    await simulate(scenario, { seed: '7', runs: '30', workers: '1', shard: '2/4', out: four }, io)
    expect(() => merge([...mine, four], {})).toThrow(
      /four\.json \(shard 2\/4\) is from another batch .*: 4 shards, not 3/,
    )
    const sweep = join(dir, 'a-sweep.json')
    await simulate(scenario, { seed: '7', ...sweepArgs, shard: '2/3', out: sweep }, io)
    expect(() => merge([...mine, sweep], {})).toThrow(/a sweep shard among Monte Carlo shards/)
    const changed = join(dir, 'changed.json')
    writeFileSync(changed, readFileSync(scenario, 'utf8').replace('"horizon":4', '"horizon":5'))
    const foreign = join(dir, 'foreign.json')
    await simulate(changed, { seed: '7', runs: '30', workers: '1', shard: '2/3', out: foreign }, io)
    expect(() => merge([...mine, foreign], {})).toThrow(
      /foreign\.json \(shard 2\/3\) is from another batch .*: another scenario/,
    )
    expect(() => merge([...files, files[0] as string], {})).toThrow(/shard 3\/3 given twice/)
  })

  test('error: files that are not partial results, and bad --shard / --out', async () => {
    const junk = join(dir, 'junk.json')
    writeFileSync(junk, '{"format":"coretime-trace/1"}')
    expect(() => merge([junk], {})).toThrow(
      `${junk}: not a partial result; expected "format": "coretime-partial/1"`,
    )
    expect(() => merge([join(dir, 'none.json')], {})).toThrow(/cannot read .*none\.json: no such file/)
    await expect(simulate(scenario, { runs: '4', shard: '4/3' }, io)).rejects.toThrow(
      '--shard: expected a shard number k from 1 to 3, got 4',
    )
    await expect(simulate(scenario, { shard: '1/3' }, io)).rejects.toThrow('--shard splits a batch')
    await expect(simulate(scenario, { runs: '4', out: 'x.json' }, io)).rejects.toThrow('--out writes a shard')
  })
})
