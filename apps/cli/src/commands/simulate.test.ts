import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Replay, Trace } from '@coretime/core'
import { Defaults, Scenario } from '@coretime/sim'
import { describe, expect, test } from 'vitest'
import { MAX_BATCH_SALE_RUNS, MAX_TIMESLICES } from '../limits'
import { coretime } from '../testing/spawn'
import { checkTraceSpan, type Io, simulate } from './simulate'

const dir = mkdtempSync(join(tmpdir(), 'coretime-simulate-'))
let n = 0
const temp = (content: string, ext = '.json'): string => {
  const file = join(dir, `s${n++}${ext}`)
  writeFileSync(file, content)
  return file
}
const small = { horizon: 3, start: { extraCores: 6 }, demand: { table: { renewals: 6, purchases: [4, 2] } } }

describe('coretime simulate', () => {
  test('default: a Polkadot projection with real dates and a sparkline', () => {
    const r = coretime('simulate')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^polkadot-projection \(seed 1\)/)
    expect(r.stdout).toMatch(/end price +[▁▂▃▄▅▆▇█]{13} +50 DOT → /)
    expect(r.stdout).toContain('2026-12-08') // sale 1 opens after the 7-day interlude from 2026-12-01
    expect(r.stdout).toMatch(/\n13 +2027-11-08 /)
    expect(r.stdout).toMatch(/revenue burned over 13 sales: [\d.]+ DOT/)
  })

  test('args: a YAML file, --json byte-identical for the same seed, --csv', () => {
    const file = temp(
      'horizon: 3\nstart: { extraCores: 6 }\ndemand:\n  table: { renewals: 6, purchases: [4, 2] }\n',
      '.yaml',
    )
    const a = coretime('simulate', file, '--json', '--seed', '5')
    const b = coretime('simulate', file, '--json', '--seed', '5')
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    const j = JSON.parse(a.stdout)
    // sale 3: the 6 holders renew first and fill the 6 cores; the 2 new buyers find it sold out
    expect(j.sales.map((s: { purchased: number }) => s.purchased)).toEqual([4, 2, 0])
    expect(j.sales[2].failed.map((f: { reason: string }) => f.reason)).toEqual(['SoldOut', 'SoldOut'])
    expect(j.sales[0].endPrice).toBe('100000000000')
    const c = coretime('simulate', file, '--csv')
    expect(c.stdout.split('\n')[0]).toMatch(/^sale,sale_start,region_begin,/)
    expect(c.stdout.trim().split('\n')).toHaveLength(4)
  })

  test('args: --trace saves a coretime-trace/1 file that replays to the same revenue', () => {
    const out = join(dir, 'run.trace.json')
    const r = coretime('simulate', temp(JSON.stringify(small)), '--trace', out, '--json')
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout)
    const parsed = Trace.parse(JSON.parse(readFileSync(out, 'utf8')))
    if (!parsed.ok) throw new Error(parsed.error.issues.map(Trace.formatIssue).join('; '))
    const run = Replay.replay(parsed.trace)
    expect(String(run.state.balances.get('burn'))).toBe(result.revenue)
  })

  test('args: --runs over worker threads gives the same bands as one thread', () => {
    const file = temp(JSON.stringify(small))
    const w2 = coretime('simulate', file, '--runs', '6', '--workers', '2', '--json', '--seed', '3')
    const w1 = coretime('simulate', file, '--runs', '6', '--workers', '1', '--json', '--seed', '3')
    expect(w2.code).toBe(0)
    expect(w2.stdout).toBe(w1.stdout)
    const j = JSON.parse(w2.stdout)
    expect(j.runs).toBe(6)
    expect(Object.keys(j.sales[0].endPrice)).toEqual(['p5', 'p50', 'p95'])
  })

  test('args: --sweep over two parameters prints a grid', () => {
    const r = coretime(
      'simulate',
      temp(JSON.stringify(small)),
      '--sweep',
      'start.endPrice=10 DOT,100 DOT',
      '--sweep',
      'demand.table.purchases=1,3',
      '--metric',
      'revenue',
      '--sale',
      '1',
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('mean revenue in sale 1 over 1 run(s)')
    // sale 1: purchases × the end price (bought at the end of the lead-in)
    expect(r.stdout).toMatch(/"10 DOT" +10 DOT +30 DOT/)
    expect(r.stdout).toMatch(/"100 DOT" +100 DOT +300 DOT/)
  })

  test('error: a malformed scenario is refused before anything runs, naming the field', () => {
    const bad = temp(JSON.stringify({ ...small, horizon: -2, extra: 1 }))
    const r = coretime('simulate', bad)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('2 problems, nothing was run')
    expect(r.stderr).toContain('horizon: expected a positive whole number of sales')
    expect(r.stderr).toContain('unknown field "extra"')
    const v = coretime(
      'simulate',
      temp(
        JSON.stringify({
          horizon: 1,
          demand: { agents: [{ kind: 'buyer', count: 1, valuation: { dist: 'fixed', value: '-1 DOT' } }] },
        }),
      ),
    )
    expect(v.code).toBe(2)
    expect(v.stderr).toMatch(
      /^coretime: \S+\.json: demand\.agents\[0\]\.valuation\.value: expected a non-negative amount, got "-1 DOT"\n$/,
    )
  })

  test('error: bad flags and files, one line each', () => {
    expect(coretime('simulate', '--runs', '0').stderr).toBe(
      'coretime: --runs: expected a whole number ≥ 1, got "0"\n',
    )
    expect(coretime('simulate', '--sweep', 'nonsense').stderr).toMatch(
      /^coretime: --sweep: expected path=v1,v2/,
    )
    expect(coretime('simulate', join(dir, 'missing.json')).stderr).toMatch(
      /cannot read .*missing\.json: no such file/,
    )
    expect(coretime('simulate', temp('{ nope', '.json')).stderr).toMatch(/is not valid JSON/)
    expect(coretime('simulate', '--runs', '2', '--trace', join(dir, 'x.json')).stderr).toBe(
      'coretime: --trace records a single run; drop --runs\n',
    )
  })

  test('error: files named in words, and --trace never leaves a file behind', () => {
    const scenario = temp(JSON.stringify(small))
    expect(coretime('simulate', dir).stderr).toBe(`coretime: cannot read ${dir}: it is a directory\n`)
    expect(coretime('simulate', temp('horizon: [\n', '.yaml')).stderr).toMatch(
      /^coretime: \S+\.yaml is not valid YAML: .* at line 2, column 1\n$/,
    )
    const trace = (out: string) => coretime('simulate', scenario, '--trace', out)
    expect(trace('').stderr).toBe('coretime: --trace: expected a file name, got an empty string\n')
    const missing = join(dir, 'no-such-dir', 'run.json')
    const r = trace(missing)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`coretime: --trace: cannot write ${missing}: no such directory\n`)
    const sub = mkdtempSync(join(dir, 'sub-'))
    expect(trace(sub).stderr).toBe(`coretime: --trace: cannot write ${sub}: it is a directory\n`)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('simulate() work limits', () => {
  const quiet: Io = { progress: () => () => {}, note: () => {} }

  test('error: --trace over more sales than replay accepts is refused up front; nothing is written', async () => {
    const out = join(dir, 'long.trace.json')
    // Polkadot: 100 sales of 5040 timeslices pass replay's 500,000; 99 fit (a 99-sale trace spans 497,700)
    await expect(simulate(undefined, { sales: '100', trace: out }, quiet)).rejects.toThrow(
      `--trace: 100 sales of 5040 timeslices span more than the ${MAX_TIMESLICES} timeslices \`coretime replay\` accepts; record at most 99 sales (--sales 99) or drop --trace; nothing was written`,
    )
    expect(readdirSync(dir).filter((f) => f.startsWith('long.trace'))).toEqual([])
  })

  test('behavior: a recorded trace that still overruns is refused before it is written, naming the sales that fit', () => {
    const scenario = validScenario()
    const steps = [{ block: scenario.chain.startBlock + (MAX_TIMESLICES + 10) * 80 }]
    const trace = { format: 'coretime-trace/1', name: 'x', runtime: {}, balances: {}, steps } as const
    expect(() => checkTraceSpan({ ...scenario, horizon: 3 }, { ...trace, steps: [...steps] })).toThrow(
      'record at most 2 sales (--sales 2)',
    )
    expect(() =>
      checkTraceSpan(scenario, { ...trace, steps: [{ block: scenario.chain.startBlock + 80 }] }),
    ).not.toThrow()
  })

  test('error: a sharded --runs batch is bounded as a whole, not only per shard', async () => {
    // 1,000 shards of 1,000 runs × 13 sales: each shard is within one process's limit, the batch is not
    await expect(
      simulate(undefined, { runs: '1000000', shard: '1/1000', out: join(dir, 'p.json') }, quiet),
    ).rejects.toThrow(
      `--runs: 1000000 runs × 13 sales = 13000000 simulated sales in the whole batch; at most ${MAX_BATCH_SALE_RUNS} across all shards`,
    )
    expect(readdirSync(dir).filter((f) => f.startsWith('p.json'))).toEqual([])
  })
})

const validScenario = () => {
  const p = Scenario.parse(Defaults.polkadotProjection)
  if (!p.ok) throw new Error('the default scenario is valid')
  return p.scenario
}
