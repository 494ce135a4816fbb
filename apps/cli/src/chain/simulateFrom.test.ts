import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Snapshot } from '@coretime/chain'
import { sample } from '@coretime/chain/testing'
import { describe, expect, test } from 'vitest'
import { coretime } from '../testing/spawn'

const dir = mkdtempSync(join(tmpdir(), 'coretime-simulate-from-'))
const snap = join(dir, 'dot.json')
writeFileSync(snap, Snapshot.toJson(sample))
/** Buyers drawn from the seed: the runs of a batch differ. */
const demand = join(dir, 'buyers.json')
writeFileSync(
  demand,
  JSON.stringify({
    horizon: 3,
    demand: {
      agents: [
        {
          kind: 'buyer',
          count: 12,
          arrival: [1, 3],
          valuation: { dist: 'uniform', min: '20 DOT', max: '900 DOT' },
        },
      ],
    },
  }),
)
const sale = sample.broker.saleInfo!
type Band = { p5: string; p50: string; p95: string }
type Bands = {
  runs: number
  sales: { endPrice: Band; coresSold: { p5: number; p95: number }; meanPurchasePrice: Band | null }[]
}

describe('coretime simulate --from --runs', () => {
  test('default: a Monte Carlo batch over the worker pool, every run from the snapshot’s sale', () => {
    const r = coretime(
      'simulate',
      demand,
      '--from',
      snap,
      '--runs',
      '8',
      '--workers',
      '2',
      '--json',
      '--seed',
      '4',
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const b = JSON.parse(r.stdout) as Bands
    expect(b.runs).toBe(8)
    expect(b.sales).toHaveLength(3)
    // sale 1 is the chain's sale in progress: its end price is the chain's in every run
    expect(b.sales[0]!.endPrice).toEqual({
      p5: String(sale.endPrice),
      p50: String(sale.endPrice),
      p95: String(sale.endPrice),
    })
    // …and it already has the chain's cores sold
    expect(b.sales[0]!.coresSold.p5).toBeGreaterThanOrEqual(sale.coresSold)
    // the buyers' draws differ between runs
    expect(
      b.sales.some((s) => s.meanPurchasePrice && s.meanPurchasePrice.p5 !== s.meanPurchasePrice.p95),
    ).toBe(true)
    // the same batch on one thread (no workers) gives the same bands: the workers got the chain state
    const serial = coretime(
      'simulate',
      demand,
      '--from',
      snap,
      '--runs',
      '8',
      '--workers',
      '1',
      '--json',
      '--seed',
      '4',
    )
    expect(serial.stdout).toBe(r.stdout)
  })

  test('args: the table shows the bands with the sale dates from the chain', () => {
    const r = coretime('simulate', '--from', snap, '--runs', '2', '--sales', '2')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^from-snapshot/)
    // the chain's sale in progress opened at its saleStart relay block (6 s blocks from the clock read)
    const opened = new Date(sample.relay.timestamp + (sale.saleStart - sample.relay.block) * 6000)
    expect(r.stdout).toMatch(new RegExp(`\\n1 +${opened.toISOString().slice(0, 10)} `))
  })

  test('error: --runs must be a whole number ≥ 1', () => {
    const r = coretime('simulate', '--from', snap, '--runs', '0')
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('coretime: --runs: expected a whole number ≥ 1, got "0"\n')
  })

  test('error: --trace and --sweep are refused with the reason', () => {
    const t = coretime('simulate', '--from', snap, '--trace', join(dir, 't.json'))
    expect(t.code).toBe(2)
    expect(t.stderr).toMatch(
      /^coretime: --trace cannot record a run from a chain snapshot: a coretime-trace\/1 file replays from empty storage/,
    )
    expect(t.stderr.trim().split('\n')).toHaveLength(1)
    const s = coretime('simulate', '--from', snap, '--sweep', 'horizon=2,3')
    expect(s.code).toBe(2)
    expect(s.stderr).toMatch(/^coretime: --sweep varies scenario parameters, and with --from /)
  })
})
