import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SaleInfo } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { toJson } from '../print'
import { opts } from '../testing/opts'
import { run } from '../testing/run'
import { plan, planJson, renderPlan } from './plan'

/** `coretime plan FLAGS…` as the function (no live read: --saleinfo or --snapshot) and its JSON. */
const planOf = (...flags: string[]) => plan(opts(...flags), false)
const json = (r: ReturnType<typeof plan>) => JSON.parse(toJson(planJson(r)))

// Seed 002's broker.saleInfo (docs.polkadot.com "Coretime Renewal").
const SALEINFO = JSON.stringify(SaleInfo.seedExample)
const base = ['plan', '--para', '2000', '--saleinfo', SALEINFO, '--reference-time', '2025-04-29T00:00:00Z']

describe('coretime plan', () => {
  test("default: the seed's hints — 322845 when the core expires in the current sale, 327885 when renewed — and dated phases", async () => {
    const cur = await run(...base, '--current', '--json')
    expect(cur.code).toBe(0)
    const c = JSON.parse(cur.stdout)
    expect(c.workloadEndHint.timeslice).toBe(322845)
    const ren = json(planOf(...base.slice(1), '--renewed'))
    expect(ren.workloadEndHint.timeslice).toBe(327885)
    expect(ren.phases).toHaveLength(8)
    for (const p of ren.phases) {
      expect(p.start.date).toMatch(/^20\d\d-\d\d-\d\dT/)
      expect(p.end.date).toMatch(/^20\d\d-\d\d-\d\dT/)
    }
    const text = renderPlan(planOf(...base.slice(1), '--renewed'), 200)
    expect(text).toContain('workload_end_hint: 327885')
    expect(text).toMatch(/current leadin\s+2025-04-29T00:00:00Z/)
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
    const p = json(planOf('--para', '2000', '--snapshot', file))
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
    const r = planOf('--para', '2000', '--snapshot', file)
    // the text follows the terminal's width (80 columns here): read it with the line breaks undone
    const text = renderPlan(r, 80).replace(/\n\s+/g, ' ')
    expect(text).toContain("ForeignRenewalRecord: core 48 at when=327885 holds task 3000's renewal record")
    expect(text).toContain('enable_auto_renew(core 50, task 2000, workload_end_hint 327885)')
    const j = json(r)
    expect(j.warnings.find((w: { code: string }) => w.code === 'ForeignRenewalRecord').action).toEqual({
      call: 'enableAutoRenew',
      core: 50,
      task: 2000,
      workloadEndHint: 327885,
    })
  })

  test('error: missing reference time, malformed saleinfo, wrong para id, conflicting flags', async () => {
    expect(() => planOf('--para', '2000', '--saleinfo', SALEINFO)).toThrow('--reference-time: required')
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
    expect(() => planOf(...base.slice(1).map((a) => (a === '2000' ? '-1' : a)))).toThrow('--para')
    expect(() => planOf(...base.slice(1), '--renewed', '--current')).toThrow('at most one of')
    expect(() => planOf('--para', '2000', '--snapshot', '/nonexistent.json')).toThrow('cannot read')
  })
})
