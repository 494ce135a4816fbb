import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'

describe('coretime decode', () => {
  test('default: the seed call data decodes to the call', async () => {
    const r = await run('decode', '0x32153000d007000001cd000500')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      'broker.enable_auto_renew(core: 48, task: 2000, workload_end_hint: Some(327885))',
    )
  })

  test('args: --json; accounts shown in the chosen network form', async () => {
    const j = await run('decode', '0x32153000d007000001cd000500', '--json')
    expect(JSON.parse(j.stdout)).toEqual({
      chain: 'coretime',
      palletIndex: 50,
      pallet: 'Broker',
      call: 'enable_auto_renew',
      args: { core: 48, task: 2000, workload_end_hint: 327885 },
    })
    // purchase_credit(amount, beneficiary = para 2000's sibl account)
    const data = `0x320d${'00e40b54020000000000000000000000'}7369626cd0070000${'00'.repeat(24)}`
    const ksm = await run('decode', data, '--network', 'kusama')
    expect(ksm.code).toBe(0)
    // (read with the 80-column line breaks undone; the address itself is never cut)
    expect(ksm.stdout.replace(/\n\s+/g, ' ')).toContain(
      'beneficiary: FBeL7EAeUroLWXW1yfKboiqTqVfbRBcsUKd6QqVf4kGBySS',
    )
  })

  test.each([
    ['0x3215zz', 'malformed hex "0x3215zz": "z" at position 6 is not a hex digit'],
    ['32153000', 'malformed hex "32153000": expected a 0x prefix'],
    ['0x3219', 'Broker (pallet 50) has no call with index 25'],
    ['0x0700', 'unknown pallet index 7'],
    ['0x32153000d007', 'call data ends inside argument task'],
    ['0x32153000d007000001cd00050000', '1 unexpected byte(s) after the call'],
  ])('error: %s', async (hex, message) => {
    const r = await run('decode', hex)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
