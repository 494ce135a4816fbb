import { mkdtempSync, readdirSync } from 'node:fs'
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
  test.skipIf(!spec)(
    'default: one scenario on the real runtime agrees; nothing is written',
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
      ])
      expect(r.stdout).toBe('1/1 agree\n')
      expect(r.code).toBe(0)
      expect(readdirSync(out)).toEqual([])
    },
    600_000,
  )
})
