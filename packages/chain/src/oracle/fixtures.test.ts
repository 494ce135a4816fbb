import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Expect, Replay, type TestHooks, Trace, TraceResult } from '@coretime/core'
import { describe, expect, test } from 'vitest'

/**
 * Scenarios recorded on the compiled Paseo runtime (coretime-paseo 2000006) by the oracle
 * (`Oracle.record`): traces on the parachain clock whose expectations are the runtime's observed
 * outcomes, events and storage after every block. They run without a devnet, so every `npm test`
 * checks the model against the runtime's own values (docs/oracle.md).
 */
const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../test-fixtures/oracle')
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'))

const mismatches = (file: string, testHooks?: TestHooks, runtime?: Record<string, unknown>) => {
  const json = JSON.parse(readFileSync(join(DIR, file), 'utf8'))
  if (runtime) json.runtime = { ...json.runtime, ...runtime }
  const parsed = Trace.parse(json)
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`)
  const run = Replay.replay(parsed.trace, {
    snapshots: Replay.snapshotSteps(parsed.trace),
    ...(testHooks && { testHooks }),
  })
  return Expect.check(parsed.trace.expect!, TraceResult.toJson(run), run.snapshots)
}

describe('test-fixtures/oracle (the runtime’s recorded values)', () => {
  test('default: there are recordings', () => {
    expect(files.length).toBeGreaterThan(0)
  })
  for (const file of files)
    test(`default: ${file} holds on the model, block by block`, () => {
      expect(mismatches(file)).toEqual([])
    })
  test('error: the reproducers of a real difference fail on the model without its setting (force_reserve before ForceReservations)', () => {
    const reproducers = files.filter((f) => f.startsWith('reproducer-force-reserve-'))
    expect(reproducers.length).toBeGreaterThan(0)
    for (const f of reproducers) {
      const found = mismatches(f, undefined, { forceReservations: true })
      expect(found.map((m) => m.path).join(' ')).toMatch(/workplan/)
    }
  })
  test('error: the reproducer of the auto-renewal core fails on the model without its setting (enable_auto_renew before #10767)', () => {
    const reproducers = files.filter((f) => f.startsWith('reproducer-auto-renew-core-'))
    expect(reproducers.length).toBeGreaterThan(0)
    for (const f of reproducers) {
      const found = mismatches(f, undefined, { autoRenewFollowsCore: true })
      expect(found.map((m) => m.path).join(' ')).toMatch(/autoRenewals\[0\]\.core/)
    }
  })
  test('error: a broken rule (the renewal bump rounded up) fails a recording that renews', () => {
    const failing = files.filter((f) => mismatches(f, { renewalBumpRoundsUp: true }).length > 0)
    expect(failing.length).toBeGreaterThan(0)
  })
})
