import { describe, expect, test } from 'vitest'
import * as Calls from './Calls'
import { fromHex, toHex } from './Hex'
import { sampleInput } from './samples.test-util'

// Seed 002 / docs.polkadot.com "Coretime Renewal"; byte layout in relay-and-data.md B.4.
const SEED_CALL = '0x32153000d007000001cd000500'

describe('Calls.encode', () => {
  test('default: enable_auto_renew(48, 2000, Some(327885)) is the seed call data', () => {
    const c = Calls.build('enable_auto_renew', { core: 48, task: 2000, workload_end_hint: 327885 })
    expect(c.ok).toBe(true)
    if (c.ok) expect(toHex(Calls.encode(c.value))).toBe(SEED_CALL)
  })
  test('args: positional, camelCase and pallet-qualified names give the same bytes', () => {
    const a = Calls.build('broker.enableAutoRenew', [48, 2000, '327885'])
    const b = Calls.build('Broker.enable_auto_renew', { core: '48', task: 2000, workloadEndHint: 327885 })
    expect(a.ok && b.ok && toHex(Calls.encode(a.value)) === toHex(Calls.encode(b.value))).toBe(true)
  })
  test('args: a missing Option is None', () => {
    const c = Calls.build('enable_auto_renew', { core: 48, task: 2000 })
    expect(c.ok && toHex(Calls.encode(c.value))).toBe('0x32153000d007000000')
  })
  test('args: on-demand order on the relay (pallet 64, plain u128 + u32)', () => {
    const c = Calls.build('place_order_with_credits', { max_amount: 10n ** 10n, para_id: 2000 })
    expect(c.ok && toHex(Calls.encode(c.value))).toBe(`0x4002${'00e40b54020000000000000000000000'}d0070000`)
  })
  test('args: enum and struct inputs (assign with a region id)', () => {
    const c = Calls.build('assign', {
      region_id: { begin: 322845, core: 48, mask: '0xffffffffffffffffffff' },
      task: 2000,
      finality: 'Final',
    })
    expect(c.ok && toHex(Calls.encode(c.value))).toBe('0x320a1ded04003000ffffffffffffffffffffd007000001')
  })
  test('error: a call that does not exist', () => {
    const c = Calls.build('enable_auto_renewal', [48, 2000])
    expect(!c.ok && c.error.code).toBe('UnknownCall')
    expect(!c.ok && c.error.message).toContain('enable_auto_renew')
  })
  test('error: an argument out of range names the argument', () => {
    const c = Calls.build('enable_auto_renew', { core: 70000, task: 2000 })
    expect(!c.ok && c.error.code).toBe('InvalidArgument')
    expect(!c.ok && c.error.message).toMatch(/core: expected an integer 0\.\.65535/)
  })
  test('error: missing required argument and unknown argument', () => {
    expect(Calls.build('renew', {})).toMatchObject({ ok: false, error: { code: 'InvalidArgument' } })
    expect(Calls.build('renew', { core: 1, bogus: 2 })).toMatchObject({
      ok: false,
      error: { code: 'InvalidArgument' },
    })
    expect(Calls.build('renew', [1, 2])).toMatchObject({ ok: false, error: { code: 'InvalidArgument' } })
  })
})

describe('Calls.decode', () => {
  test('default: the seed call data decodes to enable_auto_renew(48, 2000, Some(327885))', () => {
    const r = Calls.decodeHex(SEED_CALL)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toEqual({
      pallet: 'Broker',
      call: 'enable_auto_renew',
      args: { core: 48, task: 2000, workload_end_hint: 327885 },
    })
    expect(Calls.render(r.value)).toBe(
      'broker.enable_auto_renew(core: 48, task: 2000, workload_end_hint: Some(327885))',
    )
  })
  test('behavior: every call in the table round-trips through encode/decode', () => {
    for (const pallet of Calls.pallets)
      for (const def of pallet.calls) {
        const sample = Object.fromEntries(def.args.map(([n, s]) => [n, sampleInput(s)]))
        const built = Calls.build(`${pallet.key}.${def.name}`, sample)
        expect(built.ok, `${def.name}: ${!built.ok && built.error.message}`).toBe(true)
        if (!built.ok) continue
        const bytes = Calls.encode(built.value)
        expect([bytes[0], bytes[1]]).toEqual([pallet.index, def.index])
        const back = Calls.decode(bytes)
        expect(back.ok && back.value).toEqual(built.value)
      }
  })
  test('error: malformed hex', () => {
    expect(Calls.decodeHex('0x3215zz')).toMatchObject({ ok: false, error: { code: 'MalformedHex' } })
    expect(Calls.decodeHex('32153000')).toMatchObject({ ok: false, error: { code: 'MalformedHex' } })
    expect(Calls.decodeHex('0x321')).toMatchObject({ ok: false, error: { code: 'MalformedHex' } })
  })
  test('error: unknown pallet, unknown call index (25 is unused)', () => {
    expect(Calls.decodeHex('0x0500')).toMatchObject({ ok: false, error: { code: 'UnknownPallet' } })
    expect(Calls.decodeHex('0x3219')).toMatchObject({ ok: false, error: { code: 'UnknownCall' } })
  })
  test('error: truncated, trailing bytes, invalid Option tag', () => {
    expect(Calls.decodeHex('0x32153000d007')).toMatchObject({ ok: false, error: { code: 'Truncated' } })
    expect(Calls.decodeHex(`${SEED_CALL}00`)).toMatchObject({ ok: false, error: { code: 'TrailingBytes' } })
    expect(Calls.decodeHex('0x32153000d007000002cd000500')).toMatchObject({
      ok: false,
      error: { code: 'InvalidArgument' },
    })
  })
})

test('Hex.fromHex: default and error', () => {
  expect(fromHex('0x00ff')).toEqual({ ok: true, value: Uint8Array.from([0, 255]) })
  expect(fromHex('0xg0').ok).toBe(false)
})
