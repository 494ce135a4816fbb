import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'
import { renderCheck, renderReplay, replay } from './replay'

const FIXTURES = fileURLToPath(new URL('../../../../test-fixtures/conformance/', import.meta.url))
const fixture = (name: string): string => join(FIXTURES, name)
const dir = mkdtempSync(join(tmpdir(), 'coretime-replay-'))
let n = 0
/** Writes `content` (an object as JSON, or raw text) to a fresh temp file. */
const temp = (content: unknown): string => {
  const file = join(dir, `t${n++}.json`)
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}
const load = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8'))
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+/)

describe('coretime replay', () => {
  test('default: a readable summary of steps, events, sale and balances', () => {
    const r = replay(fixture('renewal_works.json'), {})
    expect(r.check).toBe(undefined)
    expect(r.result.state.balances['1']).toBe('99690')
    const text = renderReplay(r)
    expect(text).toMatch(/^renewal_works: 8 calls, blocks 0 to 12/)
    expect(text).toMatch(/steps +6 ok, 2 failed/)
    expect(text).toContain('step 4 (block 6) purchase by 1: TooEarly')
    expect(text).toContain('step 6 (block 8) purchase by 1: SoldOut')
    expect(text).toMatch(/events +\d+ \(/)
    expect(text).toMatch(/sale +timeslices \[\d+, \d+\), on sale from block \d+; end price /)
    expect(text).toContain('1: 99690')
  })

  test('args: --json prints the coretime-trace-result/1 object', async () => {
    const r = await run('replay', fixture('renewal_works.json'), '--json')
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(Object.keys(j)).toEqual(['format', 'steps', 'events', 'assignments', 'state'])
    expect(j.format).toBe('coretime-trace-result/1')
    expect(j.steps[4]).toEqual({ index: 4, block: 6, ok: false, error: 'TooEarly' })
    expect(j.events.find((e: { name: string }) => e.name === 'Renewed')).toMatchObject({ block: 6, step: 5 })
    expect(j.state.balances['1']).toBe('99690')
    expect(j.state.block).toBe(12)
  })

  test('behavior: long lists stay on one short line; the rest are counted', () => {
    const t = load('purchase_works.json')
    t.balances = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`account-${i}`, '1000000000000']))
    const line =
      renderReplay(replay(temp(t), {}))
        .split('\n')
        .find((l) => l.includes('balances')) ?? ''
    expect(line).toMatch(
      /^ {2}balances +account-0: 1000000000000, .* \(planck\), … \d+ more \(--json lists all\)$/,
    )
    expect(line.length).toBeLessThanOrEqual(110)
    expect(`${renderReplay(replay(fixture('renewal_works.json'), {}))}\n`).toMatch(
      /events +22 \(HistoryInitialized 7, Renewable 3, SaleInitialized 3, CoreAssigned 2, Renewed 2, … 5 more\)\n/,
    )
  })

  test('args: --check exits 0 when every expectation holds', async () => {
    const c = replay(fixture('renewal_works.json'), { check: true }).check
    expect(c?.kind === 'checked' && c.mismatches).toEqual([])
    expect(renderCheck('f', c!)).toMatch(/^expectations: all \d+ hold\n$/)
    const r = await run('replay', fixture('renewal_works.json'), '--check')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/expectations: all \d+ hold/)
  })

  test('behavior: --check on a file without expect says so and exits 0', () => {
    const t = load('purchase_works.json')
    delete t.expect
    const file = temp(t)
    const c = replay(file, { check: true }).check
    expect(c).toEqual({ kind: 'noExpectations' })
    expect(renderCheck(file, c!)).toBe(`expectations: ${file} has no expect section; nothing to check\n`)
  })

  test('error: --check exits 1 and prints each mismatch with its path', async () => {
    const t = load('renewal_works.json')
    t.expect.after[0].state.balances['1'] = '99901'
    t.expect.steps[4].error = 'SoldOut'
    const file = temp(t)
    const c = replay(file, { check: true }).check
    expect(c?.kind === 'checked' && c.mismatches.length).toBe(2)
    const text = renderCheck(file, c!)
    expect(text).toContain('steps[4].error: expected SoldOut, got TooEarly')
    expect(text).toContain('after[step 2].balances["1"]: expected "99901", got "99900"')
    expect(text).toContain('expectations: 2 mismatches')
    expect((await run('replay', file, '--check')).code).toBe(1)
  })

  test('error: --json --check keeps stdout pure JSON and reports on stderr', async () => {
    const t = load('purchase_works.json')
    t.expect.events = [{ name: 'CoreAssigned', block: 6, data: { core: 1 } }]
    const r = await run('replay', temp(t), '--json', '--check')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).format).toBe('coretime-trace-result/1')
    expect(r.stderr).toMatch(/^events\[0\]: expected CoreAssigned \(block 6, data \{"core":1\}\), got /)
  })

  test('error: a malformed step exits 2 naming the step and the field', async () => {
    const t = load('renewal_works.json')
    t.steps[2].args.priceLimit = 100000
    const r = await run('replay', temp(t))
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim()).toMatch(
      /^coretime: .*t\d+\.json: steps\[2\]\.args\.priceLimit: expected a decimal string of planck, got number 100000$/,
    )
    noStack(r.stderr)
  })

  test('error: several problems are all listed; nothing runs', async () => {
    const t = load('renewal_works.json')
    t.steps[1].call = 'startSale'
    t.steps[7].block = 3
    delete t.steps[3].args.finality
    const r = await run('replay', temp(t), '--check')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('3 problems, nothing was run')
    expect(r.stderr).toContain('steps[1].call: unknown call "startSale"')
    expect(r.stderr).toContain('steps[3].args.finality: missing, expected "Provisional" or "Final"')
    expect(r.stderr).toContain(
      'steps[7].block: block 3 is before steps[6] (block 8); blocks may not go backwards',
    )
    noStack(r.stderr)
  })

  test.each([
    ['not JSON', '{"format": "coretime-trace/1",', /is not valid JSON: /],
    ['empty', '', /is empty; expected a coretime-trace\/1 JSON file/],
    ['blank', '  \n', /is empty/],
    ['a JSON string', '"hello"', /: \(file\): expected a JSON object, got string "hello"/],
  ])('error: a file that is %s gets one clear line', (_, content, message) => {
    expect(() => replay(temp(content), {})).toThrow(message)
  })

  test('error: a file that does not exist', () => {
    expect(() => replay(join(dir, 'missing.json'), {})).toThrow(
      `cannot read ${join(dir, 'missing.json')}: no such file`,
    )
  })

  test('error: no file argument', async () => {
    const r = await run('replay')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("missing required argument 'file'")
  })
})
