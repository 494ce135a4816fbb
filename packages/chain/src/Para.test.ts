import { Networks } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import * as Para from './Para'
import { sample } from './testing/sample'

const fee = Networks.get(sample.network).coretime.assumedXcmFee

describe('Para.of funds', () => {
  test('default: without auto-renewal, what the plan says is needed is what enabling it must hold', () => {
    // para 2031 renews core 12 and has no auto-renewal record
    const v = Para.of(sample, 2031)
    if (!v.plan.ok) throw new Error(v.plan.error.message)
    const setup = Para.autoRenew(v)
    if (!setup.ok) throw new Error(setup.error.message)
    expect(v.plan.value.funds.needed).toBe(setup.value.funds.total)
    expect(setup.value.funds.fee).toBe(fee)
  })

  test('behavior: with auto-renewal on, the needed funds hold no XCM fee (nothing to send)', () => {
    // para 2030 renews core 11 and auto-renews already
    const v = Para.of(sample, 2030)
    if (!v.plan.ok) throw new Error(v.plan.error.message)
    const setup = Para.autoRenew(v)
    if (!setup.ok) throw new Error(setup.error.message)
    expect(v.plan.value.funds.needed).toBe(setup.value.funds.total - fee)
  })
})
