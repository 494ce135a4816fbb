import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Shared } from '@coretime/chain/testing'
import { describe, expect, test } from 'vitest'
import { coretimeAsync } from '../chain/run.test-util'

const spec = Shared.devnetSpec()

describe('coretime oracle', () => {
  test('error: --spec is required', async () => {
    const r = await coretimeAsync(['oracle', '--runs', '1'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('coretime: oracle: --spec FILE is required (a raw Coretime chain spec)\n')
  })
  test('error: --runs must be at least 1', async () => {
    const r = await coretimeAsync(['oracle', '--runs', '0', '--spec', 'x.json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('coretime: --runs: must be at least 1, got 0\n')
  })
  test('error: --record into a path that cannot be a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oracle-'))
    writeFileSync(join(dir, 'file'), 'x')
    const r = await coretimeAsync(['oracle', '--spec', 'x.json', '--record', join(dir, 'file', 'sub')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^coretime: --record: cannot create .*file\/sub: /)
  })
  test.skipIf(!spec)(
    'default: one scenario on the real runtime agrees; no reproducer; --record writes the runtime values as a trace that replays',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'oracle-'))
      const r = await coretimeAsync([
        'oracle',
        '--runs',
        '1',
        '--seed',
        '5',
        '--spec',
        spec as string,
        '--out',
        out,
        '--record',
        join(out, 'recorded'),
      ])
      expect(r.stdout).toBe('1/1 agree\n')
      expect(r.code).toBe(0)
      expect(readdirSync(out)).toEqual(['recorded'])
      const [file] = readdirSync(join(out, 'recorded'))
      expect(file).toMatch(/^oracle-paseo-2000006-seed-\d+\.json$/)
      const replay = await coretimeAsync(['replay', join(out, 'recorded', file as string), '--check'])
      expect(replay.stdout).toMatch(/expectations: all \d+ hold/)
      expect(replay.code).toBe(0)
    },
    600_000,
  )
})
