import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Scenario } from '@coretime/sim'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { run } from '../testing/run'
import { coretime } from '../testing/spawn'

const SCENARIOS = fileURLToPath(new URL('../../../../scenarios/', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'coretime-compare-'))
let n = 0
const temp = (content: unknown): string => {
  const file = join(dir, `s${n++}.json`)
  writeFileSync(file, JSON.stringify(content))
  return file
}
const teams = (count: number) => ({
  horizon: 2,
  start: { endPrice: '100 DOT', extraCores: 10 },
  market: { kind: 'rfc17', k: 2, targetConsumption: 90 },
  demand: {
    agents: [{ kind: 'buyer', name: 'teams', count, valuation: { dist: 'fixed', value: '300 DOT' } }],
  },
})

describe('coretime simulate --compare-market rfc17', () => {
  test('default: both markets per sale, the RFC-17 prices and who lost a core', () => {
    const r = coretime('simulate', '--compare-market', 'rfc17', temp(teams(5)))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^scenario \(seed 1\): the same demand through today's sale and RFC-17's market/)
    expect(r.stdout).toContain("today's market")
    // sale 1 clears at the 100 DOT reserve; sale 2's reserve is 100·e^-0.8 = 44.93 DOT
    expect(r.stdout).toMatch(/\n +1 +100 DOT +300 DOT +100 DOT +100 DOT +no /)
    expect(r.stdout).toMatch(/\n +2 +44\.93 DOT +150 DOT /)
    expect(r.stdout).toContain('who lost a core: nobody, in either market')
    expect(r.stdout).toMatch(/revenue over 2 sales: today [\d.]+ DOT, RFC-17 [\d.]+ DOT/)
  })

  test('args: --json carries reservePrice, openingPrice, clearingPrice, renewalPrice, penaltyApplied per sale', () => {
    const a = coretime('simulate', '--compare-market', 'rfc17', temp(teams(10)), '--json', '--seed', '3')
    const b = coretime('simulate', '--compare-market', 'rfc17', temp(teams(10)), '--json', '--seed', '3')
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    const j = JSON.parse(a.stdout)
    expect(j.seed).toBe(3)
    expect(j.sales[0].rfc17).toMatchObject({
      reservePrice: '1000000000000',
      openingPrice: '3000000000000',
      clearingPrice: '3000000000000',
      renewalPrice: '3000000000000',
      penaltyApplied: false,
    })
    expect(j.sales[1].rfc17.reservePrice).toBe('2000000000000') // +100 DOT after the sell-out
    expect(Object.keys(j.sales[0].today)).toEqual(
      expect.arrayContaining([
        'newBuyerPrice',
        'renewerPrice',
        'largeActorCores',
        'revenue',
        'idle',
        'lostCore',
      ]),
    )
  })

  test('args: --runs gives bands for both markets; --csv one row per sale', () => {
    const r = coretime('simulate', '--compare-market', 'rfc17', temp(teams(7)), '--runs', '3', '--json')
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.runs).toBe(3)
    expect(j.sales[0].rfc17.price).toEqual({
      p5: '1000000000000',
      p50: '1000000000000',
      p95: '1000000000000',
    })
    expect(j.sales[0].today.price.p50).toBeDefined()
    const t = coretime('simulate', '--compare-market', 'rfc17', temp(teams(7)), '--runs', '2')
    expect(t.stdout).toMatch(/^scenario: 2 runs through both markets \(p50 \[p5–p95\] per sale/)
    const c = coretime('simulate', '--compare-market', 'rfc17', temp(teams(7)), '--csv')
    const lines = c.stdout.trim().split('\n')
    expect(lines[0]).toMatch(
      /^sale,today_end_price,.*,rfc17_reserve_price,rfc17_opening_price,rfc17_clearing_price/,
    )
    expect(lines).toHaveLength(3)
  })

  test('error: another market, or flags it cannot combine with, one line each', async () => {
    const file = temp(teams(5))
    const a = coretime('simulate', '--compare-market', 'rfc18', file)
    expect(a.code).toBe(2)
    expect(a.stdout).toBe('')
    expect(a.stderr).toBe('coretime: --compare-market: expected rfc17, got "rfc18"\n')
    const b = coretime('simulate', '--compare-market', 'rfc17', file, '--trace', join(dir, 't.json'))
    expect(b.stderr).toBe('coretime: --compare-market: cannot be combined with --trace\n')
    const w = await run('simulate', '--compare-market', 'rfc17', file, '--runs', '4', '--workers', '2')
    expect(w.code).toBe(2)
    expect(w.stderr).toBe('coretime: --compare-market: cannot be combined with --workers\n')
    const c = coretime(
      'simulate',
      '--compare-market',
      'rfc17',
      temp({ ...teams(5), market: { kind: 'rfc17', levelHours: 5 } }),
    )
    expect(c.code).toBe(2)
    expect(c.stderr).toMatch(
      /^coretime: \S+\.json: market\.levelHours: expected a divisor of marketHours \(336\), got 5\n$/,
    )
  })
})

describe('the comparison over every bundled scenario', () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'))
  test('default: there are RFC-17 scenarios for the RFC’s cases', () => {
    for (const c of ['low-demand', 'high-demand', 'volatile-demand', 'surge-after-low', 'collusion-opening'])
      expect(files).toContain(`rfc17-${c}.yaml`)
  })
  const big = (v: string) => BigInt(v)
  for (const file of files)
    test(`behavior: ${file} runs through --compare-market, one seed and Monte Carlo bands`, async () => {
      const path = join(SCENARIOS, file)
      const p = Scenario.parse(parse(readFileSync(path, 'utf8')))
      if (!p.ok) throw new Error(p.error.issues.map(Scenario.formatIssue).join('; '))
      const r = await run('simulate', '--compare-market', 'rfc17', path, '--json')
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      const c = JSON.parse(r.stdout)
      expect(c.sales).toHaveLength(p.scenario.horizon)
      for (const s of c.sales) {
        // both markets offer the same cores (extra cores + ended leases)
        expect(s.rfc17.coresOffered).toBe(s.today.coresOffered)
        expect(big(s.rfc17.clearingPrice) >= big(s.rfc17.reservePrice)).toBe(true)
        expect(big(s.rfc17.openingPrice) >= big(s.rfc17.clearingPrice)).toBe(true)
        expect(big(s.rfc17.renewalPrice) >= big(s.rfc17.clearingPrice)).toBe(true)
        expect(s.rfc17.idle).toBeGreaterThanOrEqual(0)
        expect(s.today.idle).toBeGreaterThanOrEqual(0)
      }
      // bands of both markets, per sale (the first 4 sales of 2 runs keep this quick)
      const b = await run(
        'simulate',
        '--compare-market',
        'rfc17',
        path,
        '--runs',
        '2',
        '--sales',
        '4',
        '--json',
      )
      expect(b.code).toBe(0)
      const j = JSON.parse(b.stdout)
      expect(j.runs).toBe(2)
      expect(j.sales).toHaveLength(Math.min(4, p.scenario.horizon))
      for (const s of j.sales)
        for (const m of [s.today, s.rfc17]) {
          expect(big(m.price.p5) <= big(m.price.p50) && big(m.price.p50) <= big(m.price.p95)).toBe(true)
          expect(big(m.revenue.p5) <= big(m.revenue.p95)).toBe(true)
          expect(m.idle.p5).toBeLessThanOrEqual(m.idle.p95)
        }
      expect(Object.keys(j.revenue)).toEqual(['today', 'rfc17'])
    })
})
