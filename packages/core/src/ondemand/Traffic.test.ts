import { describe, expect, test } from 'vitest'
import * as FixedU128 from '../fixed/FixedU128'
import * as Perbill from '../fixed/Perbill'
import * as Traffic from './Traffic'

const fx = (n: bigint) => FixedU128.fromInt(n)
const U32_MAX = 4_294_967_295

const iterate = (start: bigint, times: number, inputs: Traffic.TrafficInputs): bigint => {
  let t = start
  for (let i = 0; i < times; i++) {
    const r = Traffic.next(t, inputs)
    if (!r.ok) throw new Error(r.error.code)
    t = r.value
  }
  return t
}

// Upstream vectors: polkadot-sdk on_demand/tests.rs (spec relay-and-data.md A.5)
describe('Traffic.next', () => {
  test('default: sustained above target for 50 updates approaches e', () => {
    const t = iterate(FixedU128.one, 50, {
      queueCapacity: 100,
      queueSize: 12,
      targetQueueUtilization: Perbill.fromPercent(10n),
      feeVariability: Perbill.fromPercent(100n),
    })
    expect(t).toBe(2_718_103_312_071_174_015n)
  })

  test('behavior: single decrease halves 100 → 50 on an empty queue with target 100%', () => {
    const inputs = {
      queueCapacity: 100,
      queueSize: 0,
      targetQueueUtilization: Perbill.fromPercent(100n),
      feeVariability: Perbill.fromPercent(100n),
    }
    expect(iterate(fx(100n), 1, inputs)).toBe(50_000_000_000_000_000_000n)
    expect(iterate(fx(100n), 5, inputs)).toBe(3_125_000_000_000_000_000n)
  })

  test('behavior: identity at target, and at the u32 maximum', () => {
    expect(
      iterate(FixedU128.one, 1, {
        queueCapacity: 1000,
        queueSize: 100,
        targetQueueUtilization: Perbill.fromPercent(10n),
        feeVariability: Perbill.fromPercent(3n),
      }),
    ).toBe(FixedU128.one)
    expect(
      iterate(FixedU128.one, 1, {
        queueCapacity: U32_MAX,
        queueSize: U32_MAX,
        targetQueueUtilization: Perbill.fromPercent(100n),
        feeVariability: Perbill.fromPercent(3n),
      }),
    ).toBe(FixedU128.one)
  })

  test('behavior: idle decay reaches exactly 1.0 on the second block', () => {
    const idle = {
      queueCapacity: 100,
      queueSize: 0,
      targetQueueUtilization: Perbill.fromPercent(25n),
      feeVariability: Perbill.fromPercent(1n),
    }
    const one = iterate(fx(10n), 1, idle)
    expect(one).toBeLessThan(fx(10n))
    expect(one).toBeGreaterThan(FixedU128.one)
    expect(iterate(one, 1, idle)).toBe(FixedU128.one)
  })

  test('args: sdk defaults (cap 10 000, target 25%, v 3%) one step from 1.0', () => {
    const at = (queueSize: number) =>
      iterate(FixedU128.one, 1, {
        queueCapacity: 10_000,
        queueSize,
        targetQueueUtilization: Perbill.fromPercent(25n),
        feeVariability: Perbill.fromPercent(3n),
      })
    expect(at(0)).toBe(FixedU128.one)
    expect(at(2_500)).toBe(FixedU128.one)
    expect(FixedU128.format(at(2_501))).toBe('1.0001000000045')
    expect(FixedU128.format(at(3_000))).toBe('1.050001125')
    expect(FixedU128.format(at(5_000))).toBe('1.250028125')
    expect(FixedU128.format(at(10_000))).toBe('1.750253125')
    const tenFull = iterate(FixedU128.one, 10, {
      queueCapacity: 10_000,
      queueSize: 10_000,
      targetQueueUtilization: Perbill.fromPercent(25n),
      feeVariability: Perbill.fromPercent(3n),
    })
    expect(Number(tenFull) / 1e18).toBeCloseTo(269.78, 2)
  })

  test('error: queue capacity 0', () => {
    expect(
      Traffic.next(FixedU128.one, {
        queueCapacity: 0,
        queueSize: 0,
        targetQueueUtilization: 0n,
        feeVariability: 0n,
      }),
    ).toEqual({ ok: false, error: { code: 'QueueCapacityIsZero' } })
  })

  test('error: queue size larger than capacity', () => {
    expect(
      Traffic.next(FixedU128.one, {
        queueCapacity: 1,
        queueSize: 2,
        targetQueueUtilization: 0n,
        feeVariability: 0n,
      }),
    ).toEqual({ ok: false, error: { code: 'QueueSizeLargerThanCapacity' } })
  })
})

describe('Traffic.spotPrice', () => {
  test('default: traffic 1.0 gives the base fee', () => {
    expect(Traffic.spotPrice(FixedU128.one, 10_000_000n)).toBe(10_000_000n)
  })
  test('behavior: floors and saturates', () => {
    // 1.0001000000045 × 10_000_000 = 10_001_000.000045 → 10_001_000
    expect(Traffic.spotPrice(1_000_100_000_004_500_000n, 10_000_000n)).toBe(10_001_000n)
    expect(Traffic.spotPrice(2n ** 128n - 1n, 2n ** 100n)).toBe(2n ** 128n - 1n)
  })
})
