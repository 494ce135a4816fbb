import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Snapshot } from '@coretime/chain'
import { sample } from '@coretime/chain/testing'
import { SaleInfo } from '@coretime/core'
import { Defaults } from '@coretime/sim'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parse as parseYaml, stringify as toYaml } from 'yaml'
import { program } from './main'
import { type Run, run } from './testing/inProcess'

/**
 * Fuzz suite (issue 17): random and mutated inputs for every command that reads a file or a flag —
 * random flags drawn from each command's own option list, fast-check records over the scenario,
 * snapshot and saleinfo shapes, mutated conformance traces and snapshots, damaged file text. Every
 * case must end with a documented exit code (0, 1, 2, 3, and 4 only for `plan --fail-if-due`, whose
 * deadline alert it is), an error as one `coretime: …` line (or the
 * documented "N problems, nothing was run" list), no stack trace, within a time bound; the process's
 * memory stays bounded. Cases run in-process through `main` (fast enough for >1000 on 2 cores); a
 * sample is spawned through the real bin to check that the edge behaves the same. Seeded: the same
 * cases every run, and a failure names its arguments.
 */

const SEED = 1717
const CASE_MS = 20_000
const RSS_LIMIT = 1.5 * 1024 ** 3
const dir = mkdtempSync(join(tmpdir(), 'coretime-fuzz-'))
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

let cases = 0
let peakRss = 0
const codes = new Map<string, number>()
const byCommand = new Map<string, number>()
/** A few cases per category, re-run through the real bin at the end. */
const spawnSample: string[][] = []

let fileNo = 0
const file = (text: string, ext = '.json'): string => {
  const f = join(dir, `in${fileNo++}${ext}`)
  writeFileSync(f, text)
  return f
}

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m
const ERROR_CLASS = /^(\w*Error|Uncaught|node:internal)/m

/** Asserts the contract of one run; returns it for more checks. */
const wellBehaved = (args: readonly string[], r: Run, ms: number): Run => {
  const what = `coretime ${args.map((a) => (a.length > 80 ? `${a.slice(0, 80)}…` : a)).join(' ')}`
  if (r.code === 'crash') throw new Error(`${what}: escaped main: ${(r.error as Error)?.stack ?? r.error}`)
  // 4: plan --fail-if-due found the renewal deadline closer than asked (docs/cli.md); no other case
  const allowed = args[0] === 'plan' && args.includes('--fail-if-due') ? [0, 1, 2, 3, 4] : [0, 1, 2, 3]
  expect(allowed, `${what}: exit code\n${r.stderr}`).toContain(r.code)
  expect(r.stderr, `${what}: stack trace`).not.toMatch(STACK)
  expect(r.stderr, `${what}: error class on stderr`).not.toMatch(ERROR_CLASS)
  if (r.code === 2 || r.code === 3) {
    const lines = r.stderr.replace(/\n$/, '').split('\n')
    expect(lines[0], `${what}: first line`).toMatch(/^coretime: \S/)
    if (lines.length > 1) {
      // the documented multi-problem form: "…: N problems, nothing was run" and one indented line each
      expect(lines[0], `${what}: several lines on stderr\n${r.stderr}`).toMatch(
        /\d+ problems, nothing was run$/,
      )
      for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}\S/)
    }
    expect(r.stderr.endsWith('\n')).toBe(true)
  }
  expect(ms, `${what}: took ${Math.round(ms)} ms`).toBeLessThan(CASE_MS)
  return r
}

const exec = async (args: string[]): Promise<Run> => {
  const t0 = performance.now()
  const r = await run(...args)
  const ms = performance.now() - t0
  cases++
  codes.set(String(r.code), (codes.get(String(r.code)) ?? 0) + 1)
  byCommand.set(args[0]!, (byCommand.get(args[0]!) ?? 0) + 1)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  return wellBehaved(args, r, ms)
}

// ------------------------------------------------------------------------------------------------
// values
// ------------------------------------------------------------------------------------------------

const NASTY = [
  '',
  ' ',
  '0',
  '1',
  '2',
  '-1',
  '+3',
  '1.5',
  '0.0000000000001',
  '1e3',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '255',
  '256',
  '65535',
  '65536',
  '4294967295',
  '4294967296',
  '9007199254740993',
  '18446744073709551616',
  '340282366920938463463374607431768211455',
  '340282366920938463463374607431768211456',
  '1.5 DOT',
  '1 KSM',
  '0.1 ksm',
  '5 planck',
  '1.5 planck',
  '-5 DOT',
  '1,000 DOT',
  '3%',
  '100%',
  '101%',
  'polkadot',
  'kusama',
  'westend',
  'rfc149',
  'bump-only',
  'relay',
  'parachain',
  'max-code-size',
  'actual-bytes',
  'current',
  'before-1.3.4',
  'credits',
  'endPrice',
  'rfc17',
  '2025-02-30',
  '2025-04-29T00:00:00Z',
  '2024-02-29',
  'yesterday',
  '{}',
  '[]',
  'null',
  '{"a":1}',
  '"x"',
  'ééé',
  '\u0000',
  '--json',
  'x'.repeat(3000),
  '1/2',
  '0/0',
  '3/2',
]

const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 2_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 1n << 130n }).map(String) },
)

/** Values that must stay harmless whatever the generator picks: no network, no files outside `dir`. */
const SAFE: Record<string, fc.Arbitrary<string>> = {
  '--coretime-url': fc.constantFrom('ws://127.0.0.1:1', 'wss://127.0.0.1:1', 'http://127.0.0.1:1', 'x', ''),
  '--relay-url': fc.constantFrom('ws://127.0.0.1:1', 'ws://[::1]:1', 'ftp://x', ''),
  '--timeout': fc.constantFrom('1', '0', 'x', '99999'),
  '--retries': fc.constantFrom('0', '-1', '11', 'x'),
  '--output': fc.constantFrom(join(dir, 'snap.json'), join(dir, 'nodir', 'x.json'), dir, ''),
  '--out': fc.constantFrom(join(dir, 'part.json'), join(dir, 'nodir', 'p.json'), dir, ''),
  '--trace': fc.constantFrom(join(dir, 'trace.json'), join(dir, 'nodir', 't.json'), dir, ''),
  '--ics': fc.constantFrom(join(dir, 'plan.ics'), join(dir, 'nodir', 'p.ics'), dir, ''),
  '--fail-if-due': fc.constantFrom('14d', '0m', '9999w', '1d12h', 'x', '14', ''),
  // work flags: the bounds are what is tested; a legal value stays small enough for a unit test
  '--runs': fc.constantFrom('0', '1', '2', '3', '-1', 'x', '1e3', '100000', '100000000'),
  '--workers': fc.constantFrom('0', '1', '2', '1000', 'x'),
  '--sales': fc.constantFrom('0', '1', '2', '3', '20000', 'x'),
  '--sale': fc.constantFrom('0', '1', '2', '99', 'x'),
  '--blocks': fc.constantFrom('0', '1', '50', '1000001', '4294967295', 'x'),
  '--per-block': fc.constantFrom('0', '1', '3', '100000', 'x'),
  '--sweep': fc.constantFrom(
    'start.extraCores=1,2',
    'horizon=1,2',
    'x',
    '=1',
    'demand.table.purchases=1,"a"',
    'a=b',
  ),
  '--shard': fc.constantFrom('1/2', '2/2', '0/0', '3/2', 'x', 'auto'),
  '--compare-market': fc.constantFrom('rfc17', 'x'),
  '--periods': fc.constantFrom('0', '1', '3', '101', 'x'),
  '--renewals': fc.constantFrom('0', '1', '2', '101', 'x'),
  '--regions': fc.constantFrom('0', '1', '12', '1001', 'x'),
  '--orders': fc.constantFrom('0', '1', '100', '100001', 'x'),
}

// ------------------------------------------------------------------------------------------------
// files
// ------------------------------------------------------------------------------------------------

const snapshotText = Snapshot.toJson(sample)
const snapshotPath = file(snapshotText)
const traceDir = join(ROOT, 'test-fixtures/conformance')
const traces = readdirSync(traceDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(join(traceDir, f), 'utf8'))
const tracePath = file(traces[0]!)
const scenarioPath = file(toYaml(Defaults.polkadotProjection), '.yaml')
const garbage = [
  file(''),
  file('{'),
  file('[]'),
  file('null'),
  file('"coretime"'),
  file('\u0000\u0001\u0002'),
  file(`${snapshotText.slice(0, snapshotText.length / 2)}`),
  '/nonexistent/x.json',
  dir,
]
const FILES = fc.constantFrom(snapshotPath, tracePath, scenarioPath, ...garbage)
const FILE_FLAGS = new Set(['--snapshot', '--from', '--saleinfo', '--spec'])

/** Random JSON-ish value to put where a field was. */
const jsonValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 32 - 1,
    2 ** 32,
    2 ** 53 + 2,
    Number.POSITIVE_INFINITY,
    65_536,
    '',
  ),
  fc.constantFrom('0', '-1', '1e3', '0x10', 'abc', '1 DOT', '340282366920938463463374607431768211456'),
  fc.constantFrom([], {}, [1], { x: 1 }),
  fc.integer({ min: 0, max: 100_000 }),
  fc.string({ maxLength: 8 }),
)

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Every path to a value in a JSON document. */
const pathsOf = (v: Json, at: (string | number)[] = [], out: (string | number)[][] = []) => {
  if (at.length > 0) out.push(at)
  if (Array.isArray(v)) for (const [i, x] of v.entries()) pathsOf(x, [...at, i], out)
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out)
  return out
}

/** A mutation of a JSON document: replace, delete or duplicate the value at a path, or add a field. */
const mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add', 'swapType'),
  value: jsonValue,
})
type Mutation = { pick: number; op: string; value: unknown }

const mutate = (doc: Json, ms: readonly Mutation[]): Json => {
  const copy = structuredClone(doc)
  for (const m of ms) {
    const paths = pathsOf(copy)
    if (paths.length === 0) break
    const path = paths[m.pick % paths.length]!
    const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string, Json>)[k as string]!, copy)
    const key = path.at(-1)!
    const obj = parent as Record<string | number, Json>
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete obj[key]
    } else if (m.op === 'add' && !Array.isArray(parent)) obj.unexpectedField = m.value as Json
    else if (m.op === 'swapType') {
      const v = obj[key]
      obj[key] =
        typeof v === 'number' ? String(v) : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : [v!]
    } else obj[key] = m.value as Json
  }
  return copy
}

/** Damaged file text: cut at a byte, or a byte changed. */
const damage = fc.record({ at: fc.nat(), kind: fc.constantFrom('cut', 'flip', 'none', 'none', 'none') })
const damaged = (text: string, d: { at: number; kind: string }): string => {
  if (d.kind === 'none' || text.length === 0) return text
  const i = d.at % text.length
  return d.kind === 'cut' ? text.slice(0, i) : `${text.slice(0, i)}\u0007${text.slice(i + 1)}`
}

// ------------------------------------------------------------------------------------------------
// cases
// ------------------------------------------------------------------------------------------------

const prop = async <T>(arb: fc.Arbitrary<T>, numRuns: number, body: (t: T) => Promise<void>) =>
  fc.assert(fc.asyncProperty(arb, body), { seed: SEED, numRuns, endOnFailure: true })

/** Commands and the options each registers (from the program itself, so new flags are fuzzed too). */
const COMMANDS = program()
  .commands.filter((c) => c.name() !== 'devnet' && c.name() !== 'help')
  .map((c) => ({
    name: c.name(),
    options: c.options.map((o) => ({
      flag: o.long ?? o.short!,
      takesValue: o.required || o.optional,
    })),
    args: c.registeredArguments.map((a) => ({ required: a.required, variadic: a.variadic })),
  }))

const LIVE = new Set(['status', 'plan', 'snapshot'])
/** Whatever the generator picked, never a real network read: a dead local port, one attempt. */
const offline = (name: string, args: string[]): string[] => {
  if (!LIVE.has(name) || args.includes('--snapshot') || args.includes('--saleinfo')) return args
  return [
    ...args,
    '--coretime-url',
    'ws://127.0.0.1:1',
    '--relay-url',
    'ws://127.0.0.1:1',
    '--timeout',
    '1',
    '--retries',
    '0',
  ]
}

const POSITIONAL: Record<string, fc.Arbitrary<string[]>> = {
  account: fc.array(
    fc.oneof(
      value,
      fc.constantFrom('2000', '5Ec4AhPZk8STuex8Wsi9TwDtJQxKqzPJRCH7348Xtcs9vZLJ', '0x7369626cd0070000'),
    ),
    { maxLength: 2 },
  ),
  decode: fc.array(
    fc.oneof(value, fc.constantFrom('0x32153000d007000001cd000500', '0x3205', '0x00', '0xzz')),
    { maxLength: 2 },
  ),
  encode: fc.array(
    fc.oneof(
      value,
      fc.constantFrom(
        'purchase',
        'renew',
        'enable_auto_renew',
        'core=1',
        'task=2000',
        'price_limit=5 DOT',
        'assign',
      ),
    ),
    { maxLength: 4 },
  ),
  replay: fc.array(FILES, { maxLength: 1 }),
  simulate: fc.array(FILES, { maxLength: 1 }),
  merge: fc.array(FILES, { maxLength: 2 }),
}

describe('fuzz (issue 17)', () => {
  test.each(COMMANDS.map((c) => [c.name, c] as const))('behavior: random flags for %s', async (name, c) => {
    const opt = fc.constantFrom(...c.options)
    const argv = fc
      .tuple(
        fc.array(
          opt.chain((o) =>
            !o.takesValue
              ? fc.constant<string[]>([o.flag])
              : (SAFE[o.flag] ?? (FILE_FLAGS.has(o.flag) ? fc.oneof(FILES, value) : value)).map(
                  (v): string[] => [o.flag, v],
                ),
          ),
          { maxLength: 6 },
        ),
        POSITIONAL[name] ?? fc.constant<string[]>([]),
      )
      .map(([flags, pos]) =>
        offline(name, [name, ...pos, ...flags.flat(), ...(name === 'simulate' ? ['--sales', '2'] : [])]),
      )
    let n = 0
    await prop(argv, name === 'simulate' ? 60 : 45, async (args) => {
      await exec(args)
      if (n++ < 2) spawnSample.push(args)
    })
  })

  // the same, starting from a valid command line, so a random flag meets a run that would succeed
  const SALE = JSON.stringify(SaleInfo.seedExample)
  const BASELINE: Record<string, string[]> = {
    ondemand: ['ondemand'],
    deposit: ['deposit'],
    account: ['account', '2000'],
    encode: ['encode', 'renew', '48'],
    decode: ['decode', '0x32153000d007000001cd000500'],
    plan: ['plan', '--para', '2000', '--saleinfo', SALE, '--reference-time', '2025-04-29T00:00:00Z'],
    autorenew: ['autorenew', '--para', '2000', '--core', '48', '--saleinfo', SALE, '--renewed'],
    costs: ['costs'],
    compare: ['compare'],
    replay: ['replay', tracePath],
    simulate: ['simulate', '--sales', '2'],
    status: ['status', '--snapshot', snapshotPath],
  }
  test.each(COMMANDS.filter((c) => BASELINE[c.name]).map((c) => [c.name, c] as const))(
    'behavior: random flags added to a valid %s',
    async (name, c) => {
      const flag = fc
        .constantFrom(...c.options)
        .chain((o) =>
          !o.takesValue
            ? fc.constant<string[]>([o.flag])
            : (SAFE[o.flag] ?? (FILE_FLAGS.has(o.flag) ? fc.oneof(FILES, value) : value)).map(
                (v): string[] => [o.flag, v],
              ),
        )
      const argv = fc
        .array(flag, { minLength: 1, maxLength: 3 })
        .map((flags) => offline(name, [...BASELINE[name]!, ...flags.flat()]))
      await prop(argv, 40, async (args) => {
        await exec(args)
      })
    },
  )

  test('behavior: mutated conformance traces (replay, --json, --check)', async () => {
    const arb = fc.record({
      trace: fc.nat({ max: traces.length - 1 }),
      ms: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      damage,
      flags: fc.constantFrom([], ['--json'], ['--check'], ['--json', '--check']),
    })
    let n = 0
    await prop(arb, 260, async ({ trace, ms, damage: d, flags }) => {
      const doc = mutate(JSON.parse(traces[trace]!) as Json, ms)
      const args = ['replay', file(damaged(JSON.stringify(doc, null, 1), d)), ...flags]
      await exec(args)
      if (n++ < 3) spawnSample.push(args)
    })
  })

  test('behavior: mutated snapshots (status, plan, autorenew, simulate --from)', async () => {
    const plain = Snapshot.toPlain(sample) as Json
    const arb = fc.record({
      ms: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      damage,
      command: fc.constantFrom(
        ['status', '--snapshot'],
        ['status', '--json', '--snapshot'],
        ['plan', '--para', '2031', '--snapshot'],
        ['autorenew', '--para', '2030', '--snapshot'],
        ['simulate', '--sales', '2', '--from'],
      ),
    })
    let n = 0
    await prop(arb, 220, async ({ ms, damage: d, command }) => {
      const args = [...command, file(damaged(JSON.stringify(mutate(plain, ms)), d))]
      await exec(args)
      if (n++ < 3) spawnSample.push(args)
    })
  })

  test('behavior: scenarios from fast-check records and mutations (simulate, JSON and YAML)', async () => {
    const base = Defaults.polkadotProjection as unknown as Json
    const bundled = readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(join(ROOT, 'scenarios', f), 'utf8'))
    const agent = fc.record(
      {
        kind: fc.constantFrom('renewer', 'buyer', 'speculator', 'largeActor', 'onDemand', 'trader'),
        count: fc.oneof(fc.nat({ max: 5 }), fc.constantFrom(-1, 1.5, 100_001, 1e9)),
        valuation: fc.oneof(
          fc.record({
            dist: fc.constantFrom('fixed', 'uniform', 'lognormal', 'x'),
            value: fc.constantFrom('10 DOT', '1 KSM', 5, -1),
          }),
          fc.constant(undefined),
        ),
        timing: fc.constantFrom(
          'end',
          'atValuation',
          'random',
          'soon',
          { strategy: 'fraction', at: 0.5 },
          { strategy: 'fraction', at: 2 },
        ),
        maxPrice: fc.constantFrom('100 DOT', 0, 'x'),
        ordersPerSale: fc.constantFrom(1, [1, 3], [3, 1], 1e9),
        renewInSale: fc.constantFrom(2, [2, 5], 1, 0),
        buyBelow: fc.constantFrom('50 DOT', -1),
      },
      { requiredKeys: ['kind'] },
    )
    const scenario = fc.record(
      {
        horizon: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constantFrom(10_001, 1.5, '2')),
        chain: fc.record({ preset: fc.constantFrom('polkadot', 'kusama', 'x') }, { requiredKeys: [] }),
        start: fc.record(
          {
            extraCores: fc.oneof(fc.nat({ max: 10 }), fc.constantFrom(65_535, 65_536, 100_000, -1)),
            reservations: fc.nat({ max: 3 }),
            endPrice: fc.constantFrom('10 DOT', '1 KSM', 5, 'x'),
          },
          { requiredKeys: [] },
        ),
        demand: fc.record(
          {
            table: fc.record({
              renewals: fc.oneof(
                fc.nat({ max: 5 }),
                fc.constantFrom([1, 2], { start: 1, growth: 0.5 }, { start: 1, growth: 1e6 }),
              ),
              purchases: fc.oneof(fc.nat({ max: 5 }), fc.constantFrom(65_536, 1e9)),
            }),
            agents: fc.array(agent, { maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['horizon'] },
    )
    const arb = fc.record({
      from: fc.constantFrom('record', 'mutated', 'bundled'),
      record: scenario,
      ms: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      bundled: fc.nat({ max: bundled.length - 1 }),
      yaml: fc.boolean(),
      damage,
    })
    let n = 0
    await prop(arb, 170, async (c) => {
      let doc: Json
      if (c.from === 'record') doc = c.record as Json
      else {
        const source =
          c.from === 'mutated' ? base : (JSON.parse(JSON.stringify(parseYaml(bundled[c.bundled]!))) as Json)
        doc = mutate(source, c.ms)
        // keep unit-test time: a long legal horizon is cut to 2 sales (a bad one stays to be refused)
        if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
          const h = (doc as { horizon?: Json }).horizon
          if (typeof h === 'number' && Number.isInteger(h) && h > 3 && h <= 10_000)
            (doc as { horizon: Json }).horizon = 2
        }
      }
      const text = c.yaml ? toYaml(doc) : JSON.stringify(doc)
      const args = ['simulate', file(damaged(text, c.damage), c.yaml ? '.yaml' : '.json'), '--json']
      await exec(args)
      if (n++ < 2) spawnSample.push(args)
    })
  })

  test('behavior: saleinfo records (plan --saleinfo, autorenew --saleinfo)', async () => {
    const field = fc.oneof(
      fc.integer({ min: 0, max: 500_000 }),
      fc.constantFrom(0, -1, 1.5, 65_535, 65_536, 2 ** 32 - 1, 2 ** 32, '1,544,949', '1e3', null, 'x'),
    )
    const sale = fc.record(
      Object.fromEntries(Object.keys(SaleInfo.seedExample).map((k) => [k, field])) as Record<
        keyof typeof SaleInfo.seedExample,
        typeof field
      >,
      { requiredKeys: [] },
    )
    const arb = fc.record({
      sale: fc.oneof(sale, fc.constant(SaleInfo.seedExample as unknown as Record<string, unknown>)),
      command: fc.constantFrom(
        ['plan', '--para', '2000', '--reference-time', '2025-04-29T00:00:00Z', '--json'],
        ['plan', '--para', '2000', '--reference-time', '2025-04-29T00:00:00Z', '--renewed'],
        ['autorenew', '--para', '2000', '--core', '48', '--renewal-price', '10 DOT', '--renewals', '3'],
      ),
    })
    await prop(arb, 120, async ({ sale: s, command }) => {
      await exec([...command, '--saleinfo', JSON.stringify(s)])
    })
  })

  test('edge: a sample through the real bin behaves as in-process (exit code, stderr, no stack)', async () => {
    const sampled = spawnSample.filter((_, i) => i % 5 === 0).slice(0, 8)
    expect(sampled.length).toBe(8)
    // four at a time: each start of the bin costs about a second of CPU
    for (let i = 0; i < sampled.length; i += 4) {
      const batch = sampled.slice(i, i + 4)
      const edges = await Promise.all(batch.map((args) => bin(args)))
      for (const [k, args] of batch.entries()) {
        const inProcess = await run(...args)
        const edge = edges[k]!
        const what = `coretime ${args.join(' ').slice(0, 200)}`
        expect(edge.code, what).toBe(inProcess.code)
        expect(edge.stderr, what).not.toMatch(STACK)
        if (edge.code !== 0) expect(edge.stderr, what).toBe(inProcess.stderr)
      }
    }
  }, 180_000)

  test('behavior: ≥ 1000 cases reached every command, some ran to the end, memory stayed bounded', () => {
    // the suite's size and memory bound
    expect(cases).toBeGreaterThanOrEqual(1000)
    // every command was reached, and the inputs were not all refused: some ran to the end
    for (const c of COMMANDS) expect(byCommand.get(c.name), c.name).toBeGreaterThan(0)
    expect(codes.get('0') ?? 0).toBeGreaterThan(100)
    expect(codes.get('2') ?? 0).toBeGreaterThan(100)
    expect(peakRss).toBeLessThan(RSS_LIMIT)
  })
})

const BIN = fileURLToPath(new URL('../bin/coretime.js', import.meta.url))
const bin = (args: readonly string[]): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += d
    })
    const t = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('close', (code) => {
      clearTimeout(t)
      resolve({ code, stderr })
    })
  })
