import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SaleInfo } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'

// Seed 002's broker.saleInfo (docs.polkadot.com "Coretime Renewal").
const SALEINFO = JSON.stringify(SaleInfo.seedExample)
const base = ['plan', '--para', '2000', '--saleinfo', SALEINFO, '--reference-time', '2025-04-29T00:00:00Z']

describe('coretime plan', () => {
  test("default: the seed's hints — 322845 when the core expires in the current sale, 327885 when renewed — and dated phases", async () => {
    const cur = await run(...base, '--current', '--json')
    expect(cur.code).toBe(0)
    const c = JSON.parse(cur.stdout)
    expect(c.workloadEndHint.timeslice).toBe(322845)
    const ren = JSON.parse((await run(...base, '--renewed', '--json')).stdout)
    expect(ren.workloadEndHint.timeslice).toBe(327885)
    expect(ren.phases).toHaveLength(8)
    for (const p of ren.phases) {
      expect(p.start.date).toMatch(/^20\d\d-\d\d-\d\dT/)
      expect(p.end.date).toMatch(/^20\d\d-\d\d-\d\dT/)
    }
    const text = await run(...base, '--renewed')
    expect(text.stdout).toContain('workload_end_hint: 327885')
    expect(text.stdout).toMatch(/current leadin\s+2025-04-29T00:00:00Z/)
  })

  test('args: a saved snapshot picks the core from the workplan and the hint from it (renewed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coretime-plan-'))
    const file = join(dir, 'snapshot.json')
    writeFileSync(
      file,
      JSON.stringify({
        network: 'polkadot',
        saleinfo: JSON.parse(SALEINFO),
        workplan: [{ timeslice: 322845, core: 48, task: 2000 }],
        workload: [{ core: 45, task: 2000 }],
        autoRenewals: [],
        potentialRenewals: [{ core: 48, when: 327885, price: '1000000000000' }],
        sovereignBalance: '500000000000',
        reference: { block: 1544949, time: '2025-04-29T00:00:00Z' },
      }),
    )
    const r = await run('plan', '--para', '2000', '--snapshot', file, '--json')
    expect(r.code).toBe(0)
    const p = JSON.parse(r.stdout)
    expect(p.core).toBe(48)
    expect(p.coreSource).toBe('broker.workplan')
    expect(p.workloadEndHint.timeslice).toBe(327885)
    expect(p.prices.renewalPrice).toBe('1000000000000')
    expect(p.prices.nextRenewalPrice).toBe('1030000000000')
    expect(p.warnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining(['AutoRenewalMissing', 'FundsShort']),
    )
  })

  test("behavior: the core it would renew holds another task's renewal record: warns and names the right core", async () => {
    // Para 2000 moved to core 50 for the next region; core 48 (where its workplan entry was read)
    // still holds task 3000's pending record at the same region begin.
    const dir = mkdtempSync(join(tmpdir(), 'coretime-plan-'))
    const file = join(dir, 'snapshot.json')
    writeFileSync(
      file,
      JSON.stringify({
        network: 'polkadot',
        saleinfo: JSON.parse(SALEINFO),
        workplan: [{ timeslice: 322845, core: 48, task: 2000 }],
        autoRenewals: [],
        potentialRenewals: [
          { core: 48, when: 327885, price: '900000000000', task: 3000 },
          { core: 50, when: 327885, price: '1000000000000', task: 2000 },
        ],
        reference: { block: 1544949, time: '2025-04-29T00:00:00Z' },
      }),
    )
    const r = await run('plan', '--para', '2000', '--snapshot', file)
    expect(r.code).toBe(0)
    // the text follows the terminal's width (80 columns here): read it with the line breaks undone
    const text = r.stdout.replace(/\n\s+/g, ' ')
    expect(text).toContain("ForeignRenewalRecord: core 48 at when=327885 holds task 3000's renewal record")
    expect(text).toContain('enable_auto_renew(core 50, task 2000, workload_end_hint 327885)')
    const j = JSON.parse((await run('plan', '--para', '2000', '--snapshot', file, '--json')).stdout)
    expect(j.warnings.find((w: { code: string }) => w.code === 'ForeignRenewalRecord').action).toEqual({
      call: 'enableAutoRenew',
      core: 50,
      task: 2000,
      workloadEndHint: 327885,
    })
  })

  test('error: missing reference time, malformed saleinfo, wrong para id, conflicting flags', async () => {
    const noRef = await run('plan', '--para', '2000', '--saleinfo', SALEINFO)
    expect(noRef.code).toBe(2)
    expect(noRef.stderr).toContain('--reference-time: required')
    const bad = await run(
      'plan',
      '--para',
      '2000',
      '--saleinfo',
      '{"saleStart": 1}',
      '--reference-time',
      '2025-04-29',
    )
    expect(bad.stderr).toBe('coretime: --saleinfo: saleinfo.leadinLength: missing\n')
    const para = await run(...base.map((a) => (a === '2000' ? '-1' : a)))
    expect(para.code).toBe(2)
    expect(para.stderr).toContain('--para')
    expect((await run(...base, '--renewed', '--current')).stderr).toContain('at most one of')
    expect((await run('plan', '--para', '2000', '--snapshot', '/nonexistent.json')).stderr).toContain(
      'cannot read',
    )
  })
})
