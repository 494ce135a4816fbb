import { Networks, SaleInfo } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { toJson } from '../print'
import { opts } from '../testing/opts'
import { run } from '../testing/run'
import { autorenew, autorenewJson, renderAutorenew } from './autorenew'

const json = (r: Parameters<typeof autorenewJson>[0]) => JSON.parse(toJson(autorenewJson(r)))

// Seed 002's broker.saleInfo (docs.polkadot.com "Coretime Renewal").
const SALEINFO = JSON.stringify(SaleInfo.seedExample)

describe('coretime autorenew', () => {
  test('default: core 48, para 2000, already renewed → the seed call inside an XCM V5 Transact', async () => {
    const s = json(autorenew(opts('--para', '2000', '--core', '48', '--saleinfo', SALEINFO, '--renewed')))
    expect(s.callData).toBe('0x32153000d007000001cd000500')
    expect(s.workloadEndHint).toBe(327885)
    expect(s.sovereign.hex).toBe('0x7369626cd0070000000000000000000000000000000000000000000000000000')
    expect(s.xcm.program.value.map((i: { type: string }) => i.type)).toEqual([
      'WithdrawAsset',
      'BuyExecution',
      'Transact',
      'RefundSurplus',
      'DepositAsset',
    ])
    expect(s.xcm.program.value[2].value.origin_kind).toEqual({ type: 'SovereignAccount' })
    expect(s.xcm.message).toContain('32153000d007000001cd000500')
  })

  test('args: current-sale hint, explicit weight and fee, funds for 2 renewals, send call', async () => {
    const s = json(
      autorenew(
        opts(
          '--para',
          '2000',
          '--core',
          '48',
          '--saleinfo',
          SALEINFO,
          '--current',
          '--ref-time',
          '500000000',
          '--proof-size',
          '20000',
          '--fee',
          '0.5 DOT',
          '--renewal-price',
          '100 DOT',
          '--renewals',
          '2',
          '--xcm-pallet',
          '54',
        ),
      ),
    )
    expect(s.callData).toBe('0x32153000d0070000011ded0400') // Some(322845): 0x0004ed1d little-endian
    expect(s.workloadEndHint).toBe(322845)
    expect(s.xcm.program.value[2].value.fallback_max_weight).toEqual({
      ref_time: '500000000',
      proof_size: '20000',
    })
    // Renewing in the seed sale caps the next record at that sale's price then (do_renew: min(sale price, cap)),
    // the lead-in top = 100 × endPrice = 9.2276 DOT, below 100 DOT + 3%. Total: 0.5 fee + 100 + 9.2276 + 0.1 ED.
    expect(s.funds.renewals).toEqual(['1000000000000', String(100n * 922_760_076n)])
    expect(s.funds.total).toBe(
      String(5_000_000_000n + 1_000_000_000_000n + 100n * 922_760_076n + 1_000_000_000n),
    )
    expect(s.xcm.sendCall.startsWith('0x3600')).toBe(true)
    const text = renderAutorenew(autorenew(opts('--para', '2000', '--core', '48', '--hint', '359280')), 80)
    expect(text).toContain('enable_auto_renew(48, 2000, Some(359280))')
  })

  test('error: no core, no hint source, core out of range, bad fee', () => {
    const refused =
      (...flags: string[]) =>
      () =>
        autorenew(opts(...flags))
    expect(refused('--para', '2000', '--hint', '1')).toThrow('--core: required')
    expect(refused('--para', '2000', '--core', '48')).toThrow('--hint: give it')
    expect(refused('--para', '2000', '--core', '70000', '--hint', '1')).toThrow(
      '--core: must be at most 65535',
    )
    expect(refused('--para', '2000', '--core', '1', '--hint', '1', '--fee', '1 KSM')).toThrow(
      '--fee: "1 KSM" is in KSM but this network\'s token is DOT',
    )
  })

  test('error: --hint with a coverage flag, and a bad --reference-time, even where it would not be used', async () => {
    const both = await run('autorenew', '--para', '2000', '--core', '48', '--hint', '5', '--current')
    expect(both.code).toBe(2)
    expect(both.stdout).toBe('')
    expect(both.stderr).toBe(
      'coretime: --hint: give the hint or one of --renewed, --current, --lease-until, not both\n',
    )
    expect(() =>
      autorenew(opts('--para', '2000', '--core', '48', '--hint', '5', '--reference-time', 'soon')),
    ).toThrow('--reference-time: expected an ISO date/time')
  })

  test('behavior: the enable_auto_renew call data with its polkadot.js Apps decode link on the Coretime chain', async () => {
    const args = ['autorenew', '--para', '2000', '--core', '48', '--saleinfo', SALEINFO, '--renewed']
    for (const network of ['polkadot', 'kusama'] as const) {
      const j = json(autorenew(opts(...args.slice(1), '--network', network)))
      expect(j.callData).toBe('0x32153000d007000001cd000500')
      const url = new URL(j.decodeUrl)
      expect(url.searchParams.get('rpc')).toBe(Networks.get(network).endpoints.coretime[0])
      expect(url.hash).toBe('#/extrinsics/decode/0x32153000d007000001cd000500')
    }
    const text = await run(...args)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(
      `https://polkadot.js.org/apps/?rpc=${encodeURIComponent('wss://polkadot-coretime-rpc.polkadot.io')}#/extrinsics/decode/0x32153000d007000001cd000500`,
    )
  })

  test('error: refused before any call data is made — no link', async () => {
    const r = await run('autorenew', '--para', '2000', '--hint', '5')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      'coretime: --core: required (or a --snapshot whose workplan/workload holds the para)\n',
    )
  })
})
