import { spawnSync } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { merge } from '../src/commands/merge'
import { type Io, simulate } from '../src/commands/simulate'
import * as Slurm from './slurm-cluster'

/**
 * The shards of a Monte Carlo batch and of a sweep submitted as a real Slurm job array
 * (deploy/slurm/coretime-shards.sbatch) on a one-node cluster this test starts and stops; the
 * merge equals the unsharded run byte for byte. Without slurm-wlm and munge it skips with a
 * message — and fails under CI=true (.ci/run installs them).
 */
const SCRIPT = fileURLToPath(new URL('../../../deploy/slurm/coretime-shards.sbatch', import.meta.url))
const CORETIME = `${process.execPath} ${fileURLToPath(new URL('../bin/coretime.js', import.meta.url))}`
const absent = Slurm.missing()
if (absent) console.warn(`Slurm job-array tests SKIPPED: ${absent}`)
const io: Io = { progress: () => () => {}, note: () => {} }

describe.runIf(absent !== null && process.env.CI === 'true')('Slurm under CI', () => {
  test('error: slurm-wlm and munge must be installed under CI=true', () => {
    expect.fail(`Slurm job-array tests cannot run: ${absent}`)
  })
})

describe.skipIf(absent !== null)('Slurm job array (one-node cluster)', () => {
  let cluster: Slurm.Cluster
  beforeAll(async () => {
    cluster = await Slurm.start()
  }, 60_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  /** Submits the repository's job script as an array of `n` tasks and waits for all of them. */
  const submit = (n: number, scenario: string, args: string, out: string) => {
    const r = spawnSync(
      '/usr/bin/sbatch',
      ['--wait', `--array=1-${n}`, `--output=${join(out, 'task-%a.log')}`, SCRIPT],
      {
        cwd: out,
        env: { ...cluster.env, SCENARIO: scenario, OUT_DIR: out, CORETIME_ARGS: args, CORETIME },
        encoding: 'utf8',
        timeout: 180_000,
      },
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    return readdirSync(out)
      .filter((f) => /^part-\d+\.json$/.test(f))
      .sort()
      .map((f) => join(out, f))
  }

  test('default: a Monte Carlo batch as 3 array tasks merges to the unsharded output', async () => {
    const scenario = join(cluster.dir, 'mc.json')
    writeFileSync(
      scenario,
      JSON.stringify({
        horizon: 3,
        start: { extraCores: 6 },
        demand: { table: { renewals: 4, purchases: [5, 2] } },
      }),
    )
    const parts = submit(3, scenario, '--runs 60 --seed 4 --workers 1', cluster.dir)
    expect(parts.map((p) => p.slice(-11))).toEqual(['part-1.json', 'part-2.json', 'part-3.json'])
    for (const style of [{}, { json: true }, { csv: true }])
      expect(merge(parts, style)).toBe(
        await simulate(scenario, { runs: '60', seed: '4', workers: '1', ...style }, io),
      )
  }, 240_000)

  test('error: a task that fails makes the array fail and leaves no partial file', () => {
    const out = join(cluster.dir, 'bad')
    spawnSync('mkdir', [out])
    const r = spawnSync(
      '/usr/bin/sbatch',
      ['--wait', '--array=1-2', `--output=${join(out, 'task-%a.log')}`, SCRIPT],
      {
        cwd: out,
        env: {
          ...cluster.env,
          SCENARIO: join(out, 'missing.yaml'),
          OUT_DIR: out,
          CORETIME_ARGS: '--runs 4',
          CORETIME,
        },
        encoding: 'utf8',
        timeout: 120_000,
      },
    )
    expect(r.status).not.toBe(0)
    expect(readdirSync(out).filter((f) => f.startsWith('part-'))).toEqual([])
  }, 150_000)
})
