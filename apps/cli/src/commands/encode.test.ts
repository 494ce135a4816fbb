import { Networks } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'
import { encode, encodeJson, renderEncode } from './encode'

describe('coretime encode', () => {
  test('default: enable_auto_renew for core 48, task 2000, hint 327885 gives the seed call data', async () => {
    const r = await run('encode', 'enable_auto_renew', 'core=48', 'task=2000', 'workload_end_hint=327885')
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('0x32153000d007000001cd000500')
  })

  test('args: positional, --json, on-demand order and a struct argument', async () => {
    const j = await run('encode', 'broker.enable_auto_renew', '48', '2000', '327885', '--json')
    expect(j.code).toBe(0)
    expect(JSON.parse(j.stdout)).toMatchObject({
      callData: '0x32153000d007000001cd000500',
      chain: 'coretime',
      palletIndex: 50,
      callIndex: 21,
      args: { core: 48, task: 2000, workload_end_hint: 327885 },
    })
    const od = await run(
      'encode',
      'on_demand.place_order_keep_alive',
      'max_amount=1000000000',
      'para_id=2000',
      '--json',
    )
    expect(JSON.parse(od.stdout)).toMatchObject({
      chain: 'relay',
      palletIndex: 64,
      callIndex: 1,
      args: { max_amount: '1000000000' },
    })
    const assign = await run(
      'encode',
      'assign',
      'region_id={"begin":322845,"core":48,"mask":"0xffffffffffffffffffff"}',
      'task=2000',
      'finality=Final',
    )
    expect(assign.stdout.split('\n')[0]).toBe('0x320a1ded04003000ffffffffffffffffffffd007000001')
    expect((await run('encode', '--list')).stdout).toContain('Broker.swap_leases(id: u32, other: u32)')
  })

  test('error: a call that does not exist, a bad value, mixed argument styles', async () => {
    const unknown = await run('encode', 'enable_auto_renewal', '48')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe(
      'coretime: unknown call "enable_auto_renewal" (did you mean enable_auto_renew?); see `coretime encode --list`\n',
    )
    expect(() => encode('renew', ['core=65536'], {})).toThrow(
      'broker.renew: core: expected an integer 0..65535 (u16), got "65536"',
    )
    expect(() => encode('renew', ['core=1', '2'], {})).toThrow('not mixed')
    expect(() => encode('assign', ['region_id={bad'], {})).toThrow(
      'assign: region_id: cannot parse "{bad" as JSON',
    )
    expect(() => encode('assign', ['{bad', '2000', 'Final'], {})).toThrow(
      'assign: argument 1: cannot parse "{bad" as JSON',
    )
    const twice = await run(
      'encode',
      'enable_auto_renew',
      'core=48',
      'task=2000',
      'workloadEndHint=1',
      'workload_end_hint=2',
    )
    expect(twice.code).toBe(2)
    expect(twice.stdout).toBe('')
    expect(twice.stderr).toBe('coretime: enable_auto_renew: workload_end_hint is given twice\n')
  })

  test('behavior: a polkadot.js Apps decode link with the exact call data and the endpoint of the chain the call is for', async () => {
    const hex = '0x32153000d007000001cd000500'
    const text = await run('encode', 'enable_auto_renew', 'core=48', 'task=2000', 'workload_end_hint=327885')
    // the link is longer than 80 columns: it has a line of its own, whole, under its label
    const lines = text.stdout.split('\n')
    const at = lines.findIndex((l) => l.includes('polkadot.js Apps'))
    expect(lines[at]).toBe('  decode on polkadot.js Apps:')
    expect(lines[at + 1]?.trim()).toBe(
      `https://polkadot.js.org/apps/?rpc=${encodeURIComponent(Networks.get('polkadot').endpoints.coretime[0])}#/extrinsics/decode/${hex}`,
    )
    // --json: the same link as a field; an on-demand order links to the relay of the network asked for
    const od = JSON.parse(
      (await run('encode', 'place_order_keep_alive', '1000000000', '2000', '--network', 'kusama', '--json'))
        .stdout,
    )
    const url = new URL(od.decodeUrl)
    expect(url.origin + url.pathname).toBe('https://polkadot.js.org/apps/')
    expect(url.searchParams.get('rpc')).toBe(Networks.get('kusama').endpoints.relay[0])
    expect(url.hash).toBe(`#/extrinsics/decode/${od.callData}`)
    expect(od.network).toBe('kusama')
    const paseo = JSON.parse((await run('encode', 'renew', '48', '--network', 'paseo', '--json')).stdout)
    expect(new URL(paseo.decodeUrl).searchParams.get('rpc')).toBe(Networks.get('paseo').endpoints.coretime[0])
  })

  test('error: no call data, no link — a refused call, a bad --network, the list', async () => {
    for (const args of [
      ['encode', 'renew', 'core=x'],
      ['encode', 'renew', '48', '--network', 'westend'],
      ['encode', 'nosuchcall', '1'],
    ]) {
      const r = await run(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).not.toContain('polkadot.js')
      expect(r.stderr.split('\n')).toHaveLength(2) // one line
    }
    const list = await run('encode', '--list')
    expect(list.code).toBe(0)
    expect(list.stdout).not.toContain('polkadot.js')
  })
})

describe('encode() and renderEncode()', () => {
  test('default: amounts are read in the token of the network the call is for', () => {
    const dot = encode('purchase', ['5 DOT'], {})
    expect(encodeJson(dot)).toMatchObject({ network: 'polkadot', args: { price_limit: '50000000000' } })
    const pas = encode('purchase', ['5 PAS'], { network: 'paseo' })
    expect(encodeJson(pas)).toMatchObject({ network: 'paseo', args: { price_limit: '50000000000' } })
    const ksm = encode('purchase', ['price_limit=0.5 KSM'], { network: 'kusama' })
    expect(encodeJson(ksm)).toMatchObject({ args: { price_limit: '500000000000' } })
    expect(renderEncode(ksm).split('\n')[0]).toBe((ksm.kind === 'call' && ksm.callData) || '')
  })

  test("error: a token of another network is refused, naming the call's network and the flag", () => {
    expect(() => encode('purchase', ['5 PAS'], {})).toThrow(
      'purchase: price_limit: "5 PAS" is in PAS, but the call is for polkadot (DOT); give --network paseo for a Paseo call',
    )
    expect(() => encode('purchase', ['price_limit=5 DOT'], { network: 'kusama' })).toThrow(
      'purchase: price_limit: "5 DOT" is in DOT, but the call is for kusama (KSM); give --network polkadot for a Polkadot call',
    )
  })

  test('args: --list is data; no call name without --list is refused', () => {
    const list = encode(undefined, [], { list: true })
    expect(list.kind).toBe('list')
    expect(renderEncode(list)).toContain('Broker.swap_leases(id: u32, other: u32)')
    expect(() => encode(undefined, [], {})).toThrow('missing call name')
  })
})
