import { describe, expect, test } from 'vitest'
import * as FixedU128 from '../fixed/FixedU128'
import * as Perbill from '../fixed/Perbill'
import * as Market from './Market'
import * as Params from './Params'
import * as Traffic from './Traffic'

// polkadot-sdk polkadot/runtime/parachains/src/on_demand/tests.rs (fizyk20 master 96f90ea558),
// transcribed where the model has the behaviour; named after the Rust tests.

const params = { ...Params.sdkDefaults('polkadot'), baseFee: 10n, existentialDeposit: 100n }
const U32_MAX = 4_294_967_295
const U128_MAX = (1n << 128n) - 1n

describe('on_demand tests.rs', () => {
  test('spot_traffic_calculation_u32_traffic_max', () => {
    // traffic u128::MAX as a FixedU128 integer (inner saturates), a full u32 queue, 1% and 1%
    const r = Traffic.next(FixedU128.fromInt(U128_MAX), {
      queueCapacity: U32_MAX,
      queueSize: U32_MAX,
      targetQueueUtilization: Perbill.fromPercent(1n),
      feeVariability: Perbill.fromPercent(1n),
    })
    expect(r).toEqual({ ok: true, value: FixedU128.fromInt(U128_MAX) })
  })

  test('affinity_prohibits_parallel_scheduling', () => {
    let s = Market.initialize(Market.initial({ now: 11, balances: { x: 1_000_000n } }), params, 11).state
    const place = (paraId: number) => {
      const r = Market.apply(s, params, {
        type: 'placeOrderAllowDeath',
        who: 'x',
        maxAmount: 1_000_000n,
        paraId,
      })
      if (!r.ok) throw new Error(r.error.code)
      s = r.state
    }
    const pop = (now: number, cores: number) => {
      const r = Market.popAssignmentsForCores(s, now, cores)
      s = r.state
      return r.paraIds
    }
    let block = 11
    // 2 cores, 3 orders, a twice: a and b, then the second a
    place(111)
    place(111)
    place(222)
    block += 2
    expect(pop(block, 2)).toEqual([111, 222])
    block += 1
    expect(pop(block, 2)).toEqual([111])
    block += 1
    // 3 cores, 3 orders, a twice: the third core stays empty
    s = { ...s, now: block }
    place(111)
    place(111)
    place(222)
    block += 2
    expect(pop(block, 3)).toEqual([111, 222])
    block += 1
    expect(pop(block, 3)).toEqual([111])
    // 3 cores, 3 orders, no duplicates
    s = { ...s, now: block }
    place(111)
    place(222)
    place(333)
    block += 2
    expect(pop(block, 3)).toEqual([111, 222, 333])
    block += 1
    expect(pop(block, 3)).toEqual([])
  })

  test('pot_account_is_immortal', () => {
    // The pot has a provider (the pallet's genesis `inc_providers`), so it takes payments below the
    // existential deposit and stays when emptied: orders of 10 planck with an ED of 100 land in it.
    let s = Market.initialize(Market.initial({ now: 10, balances: { x: 10_000n } }), params, 10).state
    const r1 = Market.apply(s, params, {
      type: 'placeOrderAllowDeath',
      who: 'x',
      maxAmount: 1_000n,
      paraId: 111,
    })
    if (!r1.ok) throw new Error(r1.error.code)
    s = r1.state
    const revenue = s.pot
    expect(revenue).toBeGreaterThan(0n)
    expect(revenue).toBeLessThan(params.existentialDeposit)
    s = { ...s, pot: 0n } // the Rust test withdraws it all (AllowDeath)
    const r2 = Market.apply(s, params, {
      type: 'placeOrderAllowDeath',
      who: 'x',
      maxAmount: 1_000n,
      paraId: 111,
    })
    if (!r2.ok) throw new Error(r2.error.code)
    expect(r2.state.pot).toBeGreaterThan(0n)
    expect(r2.events.some((e) => e.type === 'DustLost' && e.account === 'pot')).toBe(false)
  })
})
