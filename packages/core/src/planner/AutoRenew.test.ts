import { describe, expect, test } from 'vitest'
import * as AutoRenew from './AutoRenew'

const DOT = 10_000_000_000n
const base: AutoRenew.Input = {
  network: 'polkadot',
  paraId: 2000,
  core: 48,
  workloadEndHint: 327885,
  weight: { refTime: 1_000_000_000n, proofSize: 100_000n },
  fee: DOT,
  renewalPrices: [100n * DOT, 103n * DOT],
}

describe('AutoRenew.setup', () => {
  test('default: the seed call, sent as XCM V5 from the para with its sibling account', () => {
    const r = AutoRenew.setup(base)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.callData).toBe('0x32153000d007000001cd000500')
    expect(r.value.sovereign.hex).toBe('0x7369626cd0070000000000000000000000000000000000000000000000000000')
    expect(r.value.sovereign.ss58).toBe('13cKp89Msu7M2PiaCuuGr1BzAsD5V3vaVbDMs3YtjMZHdGwR')
    expect(r.value.xcm.version).toBe(5)
    expect(r.value.xcm.message).toContain('32153000d007000001cd000500')
    expect(r.value.xcm.destination).toBe('0x05010100b50f')
    expect(r.value.xcm.sendCall).toBeUndefined()
  })
  test('args: funds = fee + renewals + existential deposit; send call with the para XCM pallet index', () => {
    const r = AutoRenew.setup({ ...base, xcmPalletIndex: 54 })
    expect(r.ok && r.value.funds.total).toBe(DOT + 203n * DOT + DOT / 10n)
    expect(r.ok && r.value.xcm.sendCall?.slice(0, 6)).toBe('0x3600')
    const ksm = AutoRenew.setup({ ...base, network: 'kusama', renewalPrices: [] })
    expect(ksm.ok && ksm.value.funds.total).toBe(DOT + 33_333_333n)
    expect(ksm.ok && ksm.value.sovereign.ss58).toBe('FBeL7EAeUroLWXW1yfKboiqTqVfbRBcsUKd6QqVf4kGBySS')
  })
  test('behavior: no hint sends None and warns', () => {
    const r = AutoRenew.setup({ ...base, workloadEndHint: undefined })
    expect(r.ok && r.value.callData).toBe('0x32153000d007000000')
    expect(r.ok && r.value.warnings.join(' ')).toContain('workload_end_hint is None')
  })
  test('error: a core beyond u16 and a zero fee', () => {
    expect(AutoRenew.setup({ ...base, core: 70_000 })).toMatchObject({
      ok: false,
      error: { code: 'InvalidArgument' },
    })
    expect(AutoRenew.setup({ ...base, fee: 0n })).toMatchObject({
      ok: false,
      error: { code: 'InvalidArgument' },
    })
  })
})
