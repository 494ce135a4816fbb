import { describe, expect, test } from 'vitest'
import { InvariantError } from '../errors/BaseError'
import { toHex } from '../scale/Hex'
import * as Sovereign from './Sovereign'
import * as Ss58 from './Ss58'

// Expected values: relay-and-data.md B.2 (docs.polkadot.com "Coretime Renewal" + independent computation).
const siblings = [
  [
    1000,
    '0x7369626ce8030000',
    '5Eg2fntNprdN3FgH4sfEaaZhYtddZQSQUqvYJ1f2mLtinVhV',
    '13cKp89SgdtqUngo2WiEijPrQWdHFhzYZLf2TJePKRvExk7o',
    'FBeL7EFTDeHnuViqaUHUXvhhUusN5FawDmHgfvzF97DXFr3',
  ],
  [
    1005,
    '0x7369626ced030000',
    '5Eg2fntPpxuGdrKKB23sYVm433wiHD71yQ2eT3Uqip4ZuxdH',
    '13cKp89TgkAk5PKq8f6sgebCtfwMyWfA3tm8cLUCGu666JWG',
    'FBeL7EGTKvCPW8kwirvST84BeDx5svCRmsPqhkoCcH4f4py',
  ],
  [
    2000,
    '0x7369626cd0070000',
    '5Eg2fntJ27qsari4FGrGhrMqKFDRnkNSR6UshkZYBGXmSuC8',
    '13cKp89Msu7M2PiaCuuGr1BzAsD5V3vaVbDMs3YtjMZHdGwR',
    'FBeL7EAeUroLWXW1yfKboiqTqVfbRBcsUKd6QqVf4kGBySS',
  ],
  [
    3000,
    '0x7369626cb80b0000',
    '5Eg2fntDDP4P8TjqRg3Jq89y5boE26JUMM3D7VU3bCAp76nc',
    '13cKp89H5AKrZzkMPK6JyGz7wDnsiPrcRqmhGnTQ9HCLHWXN',
    'FBeL7E5qk5Jt7ZHCNrMj5WyEC5Tpm7eoisxW9k14zPJr99B',
  ],
] as const
const children = [
  [
    1005,
    '0x70617261ed030000',
    '5Ec4AhPakEiNWFbAd26nRrREnaGQZo3uukPDC5xLr6314Dwg',
    '13YMK2eec1yqwnbgaf9na1FPeCG4G6c3zF7hMNwhQB4XEsoc',
    'F7fq1jTNbjJFuQcPiuqKonEwAYeNTs6N8DxakEJKtFVoZS9',
  ],
  [
    2000,
    '0x70617261d0070000',
    '5Ec4AhPUwPeyTFyuhGuBbD224mY85LKLMSqSSo33JYWCazU4',
    '13YMK2eYoAvStnzReuxBjMrAvPXmmdsURwZvc62PrdXimbNy',
    'F7fq1jMZkfuCuoMTyiEVAP2DMpMt18WopgBqTJznLihLNbZ',
  ],
] as const

describe('Sovereign.accountOf', () => {
  test('default: para 2000 sibling account (docs.polkadot.com)', () => {
    expect(toHex(Sovereign.sibling(2000))).toBe(
      '0x7369626cd0070000000000000000000000000000000000000000000000000000',
    )
  })
  test.each([
    ...siblings.map((r) => ['sibling', ...r] as const),
    ...children.map((r) => ['child', ...r] as const),
  ])(
    'behavior: %s %i matches the spec table in hex and SS58 0/2/42',
    (kind, para, hexPrefix, generic, polkadot, kusama) => {
      const account = Sovereign.accountOf(para, kind)
      expect(toHex(account)).toBe(hexPrefix.padEnd(66, '0'))
      expect(Ss58.encode(account, Ss58.GENERIC)).toBe(generic)
      expect(Ss58.encode(account, Ss58.POLKADOT)).toBe(polkadot)
      expect(Ss58.encode(account, Ss58.KUSAMA)).toBe(kusama)
    },
  )
  test('args: the largest u32 id', () => {
    expect(toHex(Sovereign.sibling(0xffffffff)).slice(0, 18)).toBe('0x7369626cffffffff')
  })
  test('error: a non-u32 id is a bug and throws', () => {
    expect(() => Sovereign.sibling(-1)).toThrow(InvariantError)
    expect(() => Sovereign.sibling(2 ** 32)).toThrow(InvariantError)
    expect(() => Sovereign.child(1.5)).toThrow(InvariantError)
  })
})

describe('Sovereign.paraOf', () => {
  test('default: recognises both kinds', () => {
    expect(Sovereign.paraOf(Sovereign.sibling(2000))).toEqual({ kind: 'sibling', paraId: 2000 })
    expect(Sovereign.paraOf(Sovereign.child(1005))).toEqual({ kind: 'child', paraId: 1005 })
  })
  test('error: non-zero padding or another prefix is not a sovereign account', () => {
    const a = Sovereign.sibling(2000)
    a[31] = 1
    expect(Sovereign.paraOf(a)).toBeUndefined()
    expect(Sovereign.paraOf(new Uint8Array(32).fill(7))).toBeUndefined()
    expect(Sovereign.paraOf(new Uint8Array(31))).toBeUndefined()
  })
})
