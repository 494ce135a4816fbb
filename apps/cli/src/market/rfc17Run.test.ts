import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'
import { coretime } from '../testing/spawn'

const dir = mkdtempSync(join(tmpdir(), 'coretime-rfc17-'))
let n = 0
const temp = (content: unknown): string => {
  const file = join(dir, `s${n++}.json`)
  writeFileSync(file, JSON.stringify(content))
  return file
}
// the issue's hand-checkable case: reserve 100 DOT, K = 2, target 90%, 10 cores, bidders worth 300 DOT
const teams = (
  count: number,
  market: Record<string, unknown> = { kind: 'rfc17', k: 2, targetConsumption: 90 },
) => ({
  horizon: 2,
  start: { endPrice: '100 DOT', extraCores: 10 },
  market,
  demand: {
    agents: [{ kind: 'buyer', name: 'teams', count, valuation: { dist: 'fixed', value: '300 DOT' } }],
  },
})

describe('coretime simulate FILE with market.kind: rfc17', () => {
  test('default: the scenario’s market is run — RFC-17 per sale, not today’s sale', async () => {
    const r = await run('simulate', temp(teams(5)))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^scenario \(seed 1\) — RFC-17's market/)
    // sale 1 clears at the 100 DOT reserve (5 bidders, 10 cores); sale 2's reserve is 100·e^-0.8
    // (the table is split to fit 80 columns: each part starts with the sale)
    expect(r.stdout).toMatch(/\n +1 +100 DOT +300 DOT +100 DOT +55 +100 DOT +no +10 +5\n/)
    expect(r.stdout).toMatch(/\n +1 +0 +5 +0 +100 DOT +— +500 DOT +44\.93 DOT\n/)
    expect(r.stdout).toMatch(/\n +2 +44\.93 DOT +150 DOT /)
    expect(r.stdout).toContain('who lost a core: nobody')
    expect(r.stdout).not.toContain('end price')
    // the same demand in today's market (the block's default) prints today's table
    const t = await run('simulate', temp(teams(5, { kind: 'today' })))
    expect(t.code).toBe(0)
    expect(t.stdout).toMatch(/^scenario \(seed 1\)\nend price /)
    expect(t.stdout).not.toContain('RFC-17')
  })

  test('args: --json carries reservePrice, openingPrice, clearingPrice, renewalPrice, penaltyApplied per sale', async () => {
    const file = temp(teams(10))
    const a = await run('simulate', file, '--json', '--seed', '3')
    const b = await run('simulate', file, '--json', '--seed', '3')
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    const j = JSON.parse(a.stdout)
    expect(j).toMatchObject({ market: 'rfc17', seed: 3, token: { symbol: 'DOT' } })
    // 10 bidders cover the 10 cores at the opening: it clears there, and the next reserve is +100 DOT
    expect(j.sales[0]).toMatchObject({
      reservePrice: '1000000000000',
      openingPrice: '3000000000000',
      clearingPrice: '3000000000000',
      renewalPrice: '3000000000000',
      penaltyApplied: false,
      nextReserve: '2000000000000',
      reserveRule: 'minIncrement',
    })
    expect(j.sales[1].reservePrice).toBe('2000000000000')
    expect(j.groups).toEqual([expect.objectContaining({ group: 'teams', kind: 'buyer', agents: 10 })])
  })

  test('args: --csv one row per sale; --runs bands equal the comparison’s RFC-17 bands', async () => {
    const file = temp(teams(7))
    const c = await run('simulate', file, '--csv')
    const lines = c.stdout.trim().split('\n')
    expect(lines[0]).toMatch(
      /^sale,reserve_price,opening_price,clearing_price,closed_at_level,lottery,renewal_price,penalty_applied,/,
    )
    expect(lines[1]).toMatch(
      /^1,1000000000000,3000000000000,1000000000000,55,false,1000000000000,false,10,7,/,
    )
    expect(lines).toHaveLength(3)

    const b = await run('simulate', file, '--runs', '4', '--json', '--seed', '2')
    expect(b.code).toBe(0)
    const j = JSON.parse(b.stdout)
    expect(j).toMatchObject({ market: 'rfc17', runs: 4, seed: 2 })
    expect(j.sales).toHaveLength(2)
    expect(j.sales[0].reservePrice).toEqual({
      p5: '1000000000000',
      p50: '1000000000000',
      p95: '1000000000000',
    })
    const cmp = JSON.parse(
      (await run('simulate', '--compare-market', 'rfc17', file, '--runs', '4', '--json', '--seed', '2'))
        .stdout,
    )
    for (const [i, s] of j.sales.entries()) {
      expect(s.price).toEqual(cmp.sales[i].rfc17.price)
      expect(s.revenue).toEqual(cmp.sales[i].rfc17.revenue)
    }
    const t = await run('simulate', file, '--runs', '3')
    expect(t.stdout).toMatch(/^scenario: 3 runs of RFC-17's market/)
    expect(t.stdout).toMatch(/\n +1 +100 \[100–100\] +100 \[100–100\] +100 \[100–100\]\n/)
    expect(t.stdout).toMatch(/\n +1 +0\/3 +100 \[100–100\] /)
    const tc = await run('simulate', file, '--runs', '3', '--csv')
    expect(tc.stdout.split('\n')[0]).toMatch(/^sale,reserve_price_p5,reserve_price_p50,reserve_price_p95,/)
  })

  test('error: a bad market block names the field; nothing on stdout, exit 2', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { kind: 'rfc17', levelHours: 5 },
        /market\.levelHours: expected a divisor of marketHours \(336\), got 5$/,
      ],
      [{ kind: 'rfc18' }, /market\.kind: expected "today" or "rfc17"$/],
      [
        { kind: 'rfc17', clearingRule: 'median' },
        /market\.clearingRule: expected "lastUnitBid" or "clockLevel"$/,
      ],
      [{ kind: 'rfc17', reservePrice: 'lots' }, /market\.reservePrice: expected an amount such as "10 DOT"/],
      [{ kind: 'rfc17', tenantBids: true }, /market: unknown field "tenantBids"$/],
    ]
    for (const [i, [market, message]] of cases.entries()) {
      // the first through the real binary (exit code, streams), the rest in-process
      const r =
        i === 0 ? coretime('simulate', temp(teams(5, market))) : await run('simulate', temp(teams(5, market)))
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr.trim()).toMatch(/^coretime: \S+\.json: /)
      expect(r.stderr.trim()).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
    }
  })

  test('error: flags RFC-17’s run does not have are refused by name', async () => {
    const file = temp(teams(5))
    const t = await run('simulate', file, '--trace', join(dir, 't.json'))
    expect(t.code).toBe(2)
    expect(t.stderr).toMatch(
      /^coretime: --trace: not available for RFC-17's market \(\S+ chooses market\.kind: rfc17\)/,
    )
    const s = await run('simulate', file, '--sweep', 'start.endPrice=10 DOT,20 DOT')
    expect(s.stderr).toMatch(/^coretime: --sweep: not available for RFC-17's market/)
    const h = await run('simulate', file, '--runs', '4', '--shard', '1/2')
    expect(h.stderr).toMatch(/^coretime: --shard: not available for RFC-17's market/)
    const r = await run('simulate', file, '--runs', '0')
    expect(r.stderr).toBe('coretime: --runs: expected a whole number ≥ 1, got "0"\n')
    const w = await run('simulate', file, '--runs', '4', '--workers', '2')
    expect(w.code).toBe(2)
    expect(w.stderr).toMatch(
      /^coretime: --workers: RFC-17's runs are computed in this process .*drop --workers\n$/,
    )
    for (const x of [t, s, h, r, w]) expect(x.stdout).toBe('')
  })
})
