import { describe, expect, test } from 'vitest'
import * as Plan from './Plan'
import * as SaleInfo from './SaleInfo'

const parsed = SaleInfo.parse(SaleInfo.seedExample)
if (!parsed.ok) throw new Error(parsed.error.message)
const sale = parsed.value
const DOT = 10_000_000_000n
// Reference: the sale's lead-in start, dated to the docs page (an assumption for the test; the seed has no date).
const reference = { block: sale.saleStart, timestamp: Date.UTC(2025, 3, 29) }
const base: Plan.Input = {
  network: 'polkadot',
  paraId: 2000,
  core: 48,
  sale,
  reference,
  coverage: { kind: 'currentSale' },
}

const run = (over: Partial<Plan.Input> = {}) => {
  const r = Plan.plan({ ...base, ...over })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('Plan.plan', () => {
  test("default: the seed's workload_end_hint answers and a date for every phase", () => {
    expect(run().workloadEndHint.timeslice).toBe(322845)
    const renewed = run({ coverage: { kind: 'renewed' } })
    expect(renewed.workloadEndHint.timeslice).toBe(327885)
    expect(renewed.phases.map((p) => `${p.sale} ${p.name}`)).toEqual([
      'current interlude',
      'current leadin',
      'current fixed',
      'current region',
      'next interlude',
      'next leadin',
      'next fixed',
      'next region',
    ])
    for (const p of renewed.phases) {
      expect(p.start.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
      expect(p.end.timestamp).toBeGreaterThan(p.start.timestamp)
    }
  })

  test('behavior: seed blocks are coretime-chain blocks (12 s): lead-in 100800 blocks = 14 days, region = 5040 × 80 relay blocks', () => {
    const p = run()
    expect(p.units).toEqual({ saleBlocks: 'parachain', blockMs: 12_000 })
    expect(p.warnings.map((w) => w.code)).toContain('ParachainBlocks')
    const leadin = p.phases.find((x) => x.sale === 'current' && x.name === 'leadin')!
    expect(leadin.start.date).toBe('2025-04-29T00:00:00Z')
    expect(leadin.end.timestamp - leadin.start.timestamp).toBe(14 * 86_400_000)
    const region = p.phases.find((x) => x.sale === 'current' && x.name === 'region')!
    expect(region.start.relayBlock).toBe(322845 * 80)
    expect(region.end.timestamp - region.start.timestamp).toBe(5040 * 80 * 6000) // 28 days
    const interlude = p.phases.find((x) => x.sale === 'current' && x.name === 'interlude')!
    expect(interlude.end.timestamp - interlude.start.timestamp).toBe(7 * 86_400_000)
  })

  test('behavior: relay-block sale info uses one clock', () => {
    const relaySale = { ...sale, saleStart: 25_500_000, leadinLength: 201_600 }
    const p = run({ sale: relaySale, reference: { block: 25_500_000, timestamp: 0 } })
    expect(p.units.saleBlocks).toBe('relay')
    const region = p.phases.find((x) => x.name === 'region')!
    expect(region.start.block).toBe(region.start.relayBlock)
    expect(region.start.timestamp).toBe((322845 * 80 - 25_500_000) * 6000)
  })

  test('behavior: renewal window and deadline follow the sale that the hint points at', () => {
    const cur = run()
    expect(cur.renewal.sale).toBe('current')
    expect(cur.renewal.safeWindow.end.block).toBe(sale.saleStart)
    expect(cur.renewal.deadline.relayBlock).toBe(322845 * 80 - 10)
    expect(cur.warnings.map((w) => w.code)).toContain('SoldOut') // 18/18 sold
    const renewed = run({ coverage: { kind: 'renewed' } })
    expect(renewed.renewal.sale).toBe('next')
    expect(renewed.renewal.deadline.relayBlock).toBe(327885 * 80 - 10)
    expect(renewed.warnings.map((w) => w.code)).not.toContain('SoldOut')
  })

  test('behavior: next renewal price = min(sale price, max(paid + 3%, end price)) and the projection compounds', () => {
    const p = run({ coverage: { kind: 'renewed' }, renewalPrice: 100n * DOT, periods: 3 })
    // 100 DOT + 3% = 103 DOT (above the 10 DOT floor, far below the lead-in top of 1000 DOT)
    expect(p.prices.nextRenewalPrice).toBe(103n * DOT)
    expect(p.prices.projection.map((x) => x.price)).toEqual([100n * DOT, 103n * DOT, (10609n * DOT) / 100n])
    expect(p.prices.projection[0]).toMatchObject({ regionBegin: 327885, regionEnd: 332925 })
    // a cheap record is lifted to the live 10 DOT floor (RFC-149)
    expect(run({ coverage: { kind: 'renewed' }, renewalPrice: DOT }).prices.nextRenewalPrice).toBe(10n * DOT)
    // the seed era's rule (bump only) keeps it at paid + 3%
    expect(
      run({ coverage: { kind: 'renewed' }, renewalPrice: DOT, rule: 'bumpOnly' }).prices.nextRenewalPrice,
    ).toBe(DOT + (3n * DOT) / 100n)
  })

  test('behavior: the sale price now follows the lead-in (seed sellout at 2 blocks in)', () => {
    const p = run({ now: sale.saleStart + 2, adapter: { kind: 'CenterTargetPrice' } })
    expect(p.prices.salePriceNow).toBe(sale.selloutPrice)
    expect(p.phaseNow).toBe('leadin')
  })

  test('behavior: warnings for missing auto-renewal, short funds and a passed interlude', () => {
    const p = run({
      coverage: { kind: 'renewed' },
      renewalPrice: 100n * DOT,
      periods: 2,
      autoRenewals: [{ core: 47, task: 3000, nextRenewal: 327885 }],
      balance: 50n * DOT,
      fee: DOT,
      now: sale.saleStart + 200_000,
    })
    const codes = p.warnings.map((w) => w.code)
    expect(codes).toEqual(expect.arrayContaining(['AutoRenewalMissing', 'FundsShort']))
    // 100 + 103 DOT + the 1 DOT fee + 0.1 DOT existential deposit
    expect(p.funds.needed).toBe(204n * DOT + DOT / 10n)
    const late = run({ now: sale.saleStart + 1 })
    expect(late.warnings.map((w) => w.code)).toContain('InterludeOver')
    const ok = run({
      coverage: { kind: 'renewed' },
      autoRenewals: [{ core: 48, task: 2000, nextRenewal: 327885 }],
    })
    expect(ok.warnings.map((w) => w.code)).not.toContain('AutoRenewalMissing')
  })

  test('behavior: the renewal price comes from potentialRenewals at (core, hint); none there = not possible', () => {
    const records = [{ core: 48, when: 327885, price: 100n * DOT }]
    const found = run({ coverage: { kind: 'renewed' }, potentialRenewals: records })
    expect(found.prices.renewalPrice).toBe(100n * DOT)
    const other = run({ coverage: { kind: 'renewed' }, core: 47, potentialRenewals: records })
    expect(other.prices.renewalPrice).toBeUndefined()
    expect(other.warnings.map((w) => w.code)).toContain('RenewalNotPossible')
    expect(run().warnings.map((w) => w.code)).toContain('NoRenewalRecord')
  })

  test('error: bad inputs are refused as data', () => {
    expect(Plan.plan({ ...base, periods: 0 })).toMatchObject({
      ok: false,
      error: { code: 'InvalidPlanInput' },
    })
    expect(Plan.plan({ ...base, paraId: -1 })).toMatchObject({
      ok: false,
      error: { code: 'InvalidPlanInput' },
    })
    expect(Plan.plan({ ...base, blockMs: 0 })).toMatchObject({
      ok: false,
      error: { code: 'InvalidPlanInput' },
    })
  })
})

describe("Plan.plan: another task's renewal record on the core the para would renew", () => {
  // The para's workload moved to core 50 at the renewal; core 48 still holds task 3000's record
  // for the same region (live do_renew renews whatever sits at (core, region begin)).
  const H = 327885
  const records = [
    { core: 48, when: H, price: 90n * DOT, task: 3000 },
    { core: 50, when: H, price: 100n * DOT, task: 2000 },
  ]

  test("behavior: warns and names enable_auto_renew on the para's own core and hint", () => {
    const p = run({ coverage: { kind: 'renewed' }, potentialRenewals: records, autoRenewals: [] })
    const w = p.warnings.find((x) => x.code === 'ForeignRenewalRecord')
    expect(w?.message).toContain("core 48 at when=327885 holds task 3000's renewal record")
    expect(w?.message).toContain('enable_auto_renew(core 50, task 2000, workload_end_hint 327885)')
    expect(w?.action).toEqual({ call: 'enableAutoRenew', core: 50, task: 2000, workloadEndHint: H })
    // the price shown is the para's own record's, not task 3000's
    expect(p.prices.renewalPrice).toBe(100n * DOT)
  })

  test('behavior: an auto-renewal record on the foreign core is caught too, and disabling it is named first', () => {
    const p = run({
      core: 50,
      coverage: { kind: 'renewed' },
      potentialRenewals: records,
      autoRenewals: [{ core: 48, task: 2000, nextRenewal: H }],
    })
    const w = p.warnings.find((x) => x.code === 'ForeignRenewalRecord')
    expect(w?.message).toContain('the auto-renewal of core 48')
    expect(w?.message).toContain('disable_auto_renew(core 48, task 2000), then enable_auto_renew(core 50')
  })

  test('behavior: with no record of its own, the advice is not to renew that core but to buy', () => {
    const p = run({ coverage: { kind: 'renewed' }, potentialRenewals: [records[0]!] })
    const w = p.warnings.find((x) => x.code === 'ForeignRenewalRecord')
    expect(w?.message).toContain('has no renewal record: do not renew core 48')
    expect(w?.action).toBeUndefined()
  })

  test("error: no warning when the record at (core, hint) is the para's own, or its task is not known", () => {
    const own = run({ core: 50, coverage: { kind: 'renewed' }, potentialRenewals: records })
    expect(own.warnings.map((w) => w.code)).not.toContain('ForeignRenewalRecord')
    const unknown = run({
      coverage: { kind: 'renewed' },
      potentialRenewals: records.map(({ task: _, ...r }) => r),
    })
    expect(unknown.warnings.map((w) => w.code)).not.toContain('ForeignRenewalRecord')
  })
})
