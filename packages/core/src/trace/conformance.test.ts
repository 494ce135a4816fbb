import { describe, expect, test } from 'vitest'
import * as Expect from './Expect'
import * as Replay from './Replay'
import * as Result from './Result'
import * as Trace from './Trace'

// Vite's import.meta.glob reads the files at transform time, so this test needs no Node types
// (the core has none: it is pure). Paths are relative to this file.
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { eager: true; query: '?raw'; import: 'default' }): Record<string, T>
  }
}

/** The committed copy: the suite must pass without ../shared. */
const fixtures = import.meta.glob<string>('../../../../test-fixtures/conformance/*', {
  eager: true,
  query: '?raw',
  import: 'default',
})
/** The shared originals, when this checkout sits beside ../shared. */
const shared = import.meta.glob<string>('../../../../../shared/conformance/*', {
  eager: true,
  query: '?raw',
  import: 'default',
})

/** Our own transcriptions of more pallet tests (test-fixtures/pallet-tests/README.md); no shared original. */
const palletTests = import.meta.glob<string>('../../../../test-fixtures/pallet-tests/*', {
  eager: true,
  query: '?raw',
  import: 'default',
})

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)
const byName = (files: Record<string, string>): Map<string, string> =>
  new Map(Object.entries(files).map(([path, text]) => [baseName(path), text]))

const fixtureFiles = byName(fixtures)
const sharedFiles = byName(shared)
const jsonFiles = (files: Map<string, string>): [string, string][] =>
  [...files].filter(([name]) => name.endsWith('.json')).sort(([a], [b]) => (a < b ? -1 : 1))
const traces = jsonFiles(fixtureFiles)
const palletTestFiles = byName(palletTests)
const palletTraces = jsonFiles(palletTestFiles)

/**
 * Pallet-test traces the engine does not pass yet, each with the reason (see the README's
 * "Known failures"). They run as `test.fails`, so a fix shows up as a failure to un-list.
 */
const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map([])

const replayChecks = (text: string): string[] => {
  const parsed = Trace.parse(JSON.parse(text))
  if (!parsed.ok) expect.fail(parsed.error.issues.map(Trace.formatIssue).join('\n'))
  const trace = parsed.trace
  expect(trace.expect).not.toBeNull()
  const run = Replay.replay(trace, { snapshots: Replay.snapshotSteps(trace) })
  return Expect.check(trace.expect!, Result.toJson(run), run.snapshots).map(Expect.formatMismatch)
}

describe('conformance (pallet-broker unit tests as traces)', () => {
  test('default: the fixtures are there', () => {
    expect(traces.length).toBeGreaterThanOrEqual(30)
    expect(fixtureFiles.has('README.md')).toBe(true)
  })

  for (const [name, text] of traces) {
    test(name, () => {
      expect(replayChecks(text)).toEqual([])
    })
  }
})

describe('pallet tests (more pallet-broker unit tests as traces, test-fixtures/pallet-tests)', () => {
  test('default: the fixtures are there', () => {
    expect(palletTraces.length).toBeGreaterThan(0)
    expect(palletTestFiles.has('README.md')).toBe(true)
  })

  for (const [name, text] of palletTraces) {
    const reason = KNOWN_FAILURES.get(name)
    if (reason === undefined) test(name, () => expect(replayChecks(text)).toEqual([]))
    else test.fails(`${name} (known engine failure: ${reason})`, () => expect(replayChecks(text)).toEqual([]))
  }
})

/** The engine tests that transcribe tests.rs where a trace cannot (NFT calls, storage writes, migrations). */
const engineTests = import.meta.glob<string>('../broker/palletTests.test.ts', {
  eager: true,
  query: '?raw',
  import: 'default',
})

describe("tests.rs coverage (how many of the pallet's unit tests are transcribed)", () => {
  const list = palletTestFiles.get('tests-rs.txt') ?? ''
  const names = list
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  const engineSource = Object.values(engineTests).join('\n')
  const where = (name: string): string | null =>
    fixtureFiles.has(`${name}.json`)
      ? 'test-fixtures/conformance'
      : palletTestFiles.has(`${name}.json`)
        ? 'test-fixtures/pallet-tests'
        : engineSource.includes(`test('${name}',`)
          ? 'packages/core/src/broker/palletTests.test.ts'
          : null

  const missing = names.filter((n) => where(n) === null)
  const byPlace = new Map<string, number>()
  for (const n of names) {
    const w = where(n)
    if (w) byPlace.set(w, (byPlace.get(w) ?? 0) + 1)
  }
  const report = `${names.length - missing.length} of ${names.length} tests transcribed (${[...byPlace]
    .map(([w, k]) => `${k} in ${w}`)
    .join(', ')})`

  // the title is the report: `npm test` prints how many of tests.rs's tests have a transcription
  test(`behavior: tests.rs — ${report}`, () => {
    expect(names.length).toBeGreaterThanOrEqual(72)
    expect(missing).toEqual([])
  })

  test('error: a name with no transcription is reported missing', () => {
    expect(where('no_such_pallet_test')).toBeNull()
    expect(where('force_transfer_works')).toBe('test-fixtures/pallet-tests')
    expect(where('mutate_operations_work')).toBe('packages/core/src/broker/palletTests.test.ts')
  })
})

describe('conformance fixtures', () => {
  test.skipIf(sharedFiles.size === 0)(
    'behavior: identical to ../shared/conformance (skipped when absent)',
    () => {
      expect([...fixtureFiles.keys()].sort()).toEqual([...sharedFiles.keys()].sort())
      for (const [name, text] of sharedFiles) expect(fixtureFiles.get(name), name).toBe(text)
    },
  )
  if (sharedFiles.size === 0) {
    // under CI=true the drift check may not be skipped
    const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process
      .env
    if (env.CI === 'true')
      test('error: ../shared/conformance is absent under CI=true', () =>
        expect.fail('../shared/conformance is absent: the fixture copy cannot be checked for drift'))
    else test.skip('../shared/conformance is absent: the fixture copy cannot be checked for drift', () => {})
  }
})

describe('Trace.toJson on the conformance traces', () => {
  for (const [name, text] of [...traces, ...palletTraces]) {
    test(`behavior: ${name} round-trips`, () => {
      const json = JSON.parse(text)
      const parsed = Trace.parse(json)
      if (!parsed.ok) expect.fail(parsed.error.issues.map(Trace.formatIssue).join('\n'))
      expect(Trace.toJson(parsed.trace)).toEqual(json)
    })
  }
})
