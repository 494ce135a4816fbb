import { simulate } from '@coretime/sim'
import { describe, expect, test } from 'vitest'
import { fromSnapshot } from './Start'
import { sample } from './testing/sample'

describe('Start.fromSnapshot', () => {
  test('default: the simulation starts from exactly the snapshot sale', () => {
    const r = fromSnapshot(sample)
    if (!r.ok) throw new Error(r.error.message)
    const result = simulate(r.value.scenario, { seed: 1, from: r.value.state })
    const first = result.sales[0]!
    const sale = sample.broker.saleInfo!
    expect(first).toMatchObject({
      sale: 1,
      saleStartBlock: sale.saleStart,
      leadinEndBlock: sale.saleStart + sale.leadinLength,
      regionBegin: sale.regionBegin,
      regionEnd: sale.regionEnd,
      endPrice: sale.endPrice,
      coresOffered: sale.coresOffered,
      idealCoresSold: sale.idealCoresSold,
    })
    // the two complete renewals due (cores 11, 12) are taken; the partial one (core 20) cannot be
    expect(first.renewed).toBe(2)
    expect(first.coresSold).toBe(sale.coresSold + 2)
    // the next sale follows the chain's own rules: the sellout price is the last core sold (core 12's
    // renewal at 130 DOT) and the next end price a tenth of it (CenterTargetPrice, above the 10 DOT floor)
    expect(result.sales[0]!.renewalPrices).toMatchObject({ min: 950_000_000_000n, max: 1_300_000_000_000n })
    expect(result.sales[0]!.selloutPrice).toBe(1_300_000_000_000n)
    expect(result.sales[1]!.regionBegin).toBe(sale.regionEnd)
    expect(result.sales[1]!.endPrice).toBe(130_000_000_000n)
    expect(result.sales).toHaveLength(13)
  })

  test('args: a scenario file gives the demand and horizon', () => {
    const r = fromSnapshot(sample, { horizon: 2, demand: { table: { renewals: 0, purchases: 4 } } })
    if (!r.ok) throw new Error(r.error.message)
    const result = simulate(r.value.scenario, { seed: 1, from: r.value.state })
    expect(result.sales).toHaveLength(2)
    expect(result.sales[0]).toMatchObject({
      renewed: 0,
      purchased: 4,
      coresSold: sample.broker.saleInfo!.coresSold + 4,
    })
  })

  test('error: a bad scenario names the field', () => {
    const r = fromSnapshot(sample, { horizon: 0, demand: {} })
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('horizon') } })
  })

  test('error: a snapshot before sales started', () => {
    expect(() => fromSnapshot({ ...sample, broker: { ...sample.broker, saleInfo: null } })).toThrow(
      /sales have not started/,
    )
  })

  test('error: a run from a chain state cannot be recorded as a trace', () => {
    const r = fromSnapshot(sample)
    if (!r.ok) throw new Error(r.error.message)
    expect(() => simulate(r.value.scenario, { from: r.value.state, trace: true })).toThrow(/trace/)
  })
})
