import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const INDEX = join(ROOT, 'docs/conformance-index.md')
const TRACE_DIRS = ['test-fixtures/conformance', 'test-fixtures/pallet-tests']

type Step = { call?: string }
type Expected = { steps?: { index: number; ok: boolean; error?: string }[] }

/**
 * docs/conformance-index.md from the committed traces: for each broker call, the traces that make it
 * (each trace is one pallet-broker unit test, named as in tests.rs) and the errors they expect of it.
 * Regenerate with `UPDATE_INDEX=1 npx vitest run apps/cli/test/habits.test.ts`.
 */
export const conformanceIndex = (): string => {
  const byCall = new Map<string, { traces: Set<string>; errors: Set<string> }>()
  for (const dir of TRACE_DIRS)
    for (const file of readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const trace = JSON.parse(readFileSync(join(ROOT, dir, file), 'utf8')) as {
        steps: Step[]
        expect?: Expected
      }
      const link = `[${file.replace(/\.json$/, '')}](../${dir}/${file})`
      // the leading configure/startSales steps only set the scene: they are not what the trace tests
      const setup = trace.steps.findIndex((st) => st.call !== 'configure' && st.call !== 'startSales')
      trace.steps.forEach((step, i) => {
        if (!step.call) return
        const e = trace.expect?.steps?.find((s) => s.index === i)
        if (i < setup && (e === undefined || e.ok)) return
        const entry = byCall.get(step.call) ?? { traces: new Set(), errors: new Set() }
        entry.traces.add(link)
        if (e && !e.ok) entry.errors.add(e.error ?? '(any error)')
        byCall.set(step.call, entry)
      })
    }
  const rows = [...byCall]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([call, e]) =>
        `| \`${call}\` | ${[...e.errors].sort().join(', ') || '—'} | ${[...e.traces].join('<br>')} |`,
    )
  return [
    '# Conformance index: broker call → traces',
    '',
    'Generated from `test-fixtures/conformance/` (shared pallet-broker unit tests) and',
    '`test-fixtures/pallet-tests/` (our transcriptions); each trace is named after its `tests.rs` test and',
    'is replayed by `packages/core/src/trace/conformance.test.ts`. A trace is listed under a call when it makes\nthat call after its opening `configure`/`startSales` setup, or expects that call to fail. `apps/cli/test/habits.test.ts` fails when',
    'this file and the traces disagree; regenerate with',
    '`UPDATE_INDEX=1 npx vitest run apps/cli/test/habits.test.ts`.',
    '',
    '| call | errors the traces expect of it | traces |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

describe('docs/conformance-index.md', () => {
  test('behavior: matches the committed traces (regenerate with UPDATE_INDEX=1)', () => {
    const fresh = conformanceIndex()
    if (process.env.UPDATE_INDEX === '1') writeFileSync(INDEX, fresh)
    expect(readFileSync(INDEX, 'utf8'), 'docs/conformance-index.md is stale: regenerate it').toBe(fresh)
  })

  test('behavior: every call that a trace makes has a row, and purchase is among them', () => {
    const index = readFileSync(INDEX, 'utf8')
    expect(index).toContain('| `purchase` |')
    expect(index).toContain('cant_assign_unowned_region')
  })
})

/** Every skip in the suite, and the guard that makes it fail under CI=true instead. */
const CI_AWARE_GUARDS = [
  'haveMetadata', // packages/core/src/scale/sharedMetadata.test-util.ts, packages/chain/src/testing/Fixture.ts
  'have', // = haveMetadata(…)
  'metadata', // = present && Fixture.haveMetadata(…)
  'present', // = hasChromium() (apps/web/test/harness.ts)
  'spec', // = Shared.devnetSpec() (packages/chain/src/testing/Shared.ts)
  'absent', // Slurm: a separate describe fails under CI (apps/cli/test/slurm.test.ts)
  'sharedFiles', // conformance drift check: fails under CI (packages/core/src/trace/conformance.test.ts)
]

const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.name === 'node_modules' || d.name === 'dist'
      ? []
      : d.isDirectory()
        ? testFiles(join(dir, d.name))
        : d.name.endsWith('.test.ts')
          ? [join(dir, d.name)]
          : [],
  )

describe('skips fail under CI=true', () => {
  test('behavior: every skipIf/runIf in the suite is guarded by a CI-aware check', () => {
    const unguarded: string[] = []
    for (const file of [...testFiles(join(ROOT, 'packages')), ...testFiles(join(ROOT, 'apps'))]) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\.(?:skipIf|runIf)\(\s*!?\s*(?:\(\s*)?([A-Za-z_.]+)/g)) {
        const name = (m[1] ?? '').split('.')[0] ?? ''
        if (!CI_AWARE_GUARDS.includes(name)) unguarded.push(`${relative(ROOT, file)}: ${m[0]}`)
      }
      if (/\b(?:test|it|describe)\.skip\(/.test(text) && !/CI === 'true'/.test(text))
        unguarded.push(`${relative(ROOT, file)}: an unconditional .skip without a CI=true check`)
    }
    expect(unguarded).toEqual([])
  })

  test('error: a missing metadata file throws under CI=true and skips otherwise', async () => {
    const { presentOrSkip } = await import('../../../packages/core/src/scale/sharedMetadata.test-util')
    const previous = process.env.CI
    try {
      process.env.CI = 'true'
      expect(() => presentOrSkip(['/nonexistent/dot.scale'], 'metadata tests')).toThrow(
        'CI=true: failing instead of skipping',
      )
      process.env.CI = 'false'
      expect(presentOrSkip(['/nonexistent/dot.scale'], 'metadata tests')).toBe(false)
      expect(presentOrSkip([], 'metadata tests')).toBe(true)
    } finally {
      if (previous === undefined) delete process.env.CI
      else process.env.CI = previous
    }
  })
})
