import { describe, expect, test } from 'vitest'
import { InvariantError } from '../errors/BaseError'
import { toHex } from './Hex'
import * as Xcm from './Xcm'

const CALL = Uint8Array.from([0x32, 0x15, 0x30, 0x00, 0xd0, 0x07, 0x00, 0x00, 0x01, 0xcd, 0x00, 0x05, 0x00])
const input = {
  call: CALL,
  paraId: 2000,
  fee: 10_000_000_000n,
  weight: { refTime: 1_000_000_000n, proofSize: 200_000n },
}

describe('Xcm.autoRenewProgram', () => {
  test('default: five instructions in the documented order, V5', () => {
    const bytes = Xcm.encodeMessage(Xcm.autoRenewProgram(input))
    // V5 tag, 5 instructions (compact 5 = 0x14), WithdrawAsset tag 0, one asset (0x04), parents 1, Here
    expect(toHex(bytes.subarray(0, 6))).toBe('0x051400040100')
    const json = Xcm.toJson(Xcm.autoRenewProgram(input)) as { type: string; value: { type: string }[] }
    expect(json.value.map((i) => i.type)).toEqual([
      'WithdrawAsset',
      'BuyExecution',
      'Transact',
      'RefundSurplus',
      'DepositAsset',
    ])
    // the call travels verbatim, compact-length-prefixed (13 bytes → 0x34)
    expect(toHex(bytes)).toContain(`34${toHex(CALL).slice(2)}`)
  })
  test('behavior: the refund goes to the sending para (Parachain(2000) = compact 0x411f)', () => {
    const bytes = toHex(Xcm.encodeMessage(Xcm.autoRenewProgram(input)))
    expect(bytes.endsWith('0d010204010100411f')).toBe(true) // DepositAsset(Wild(AllCounted(1)), (1, X1(Parachain(2000))))
  })
  test('args: destination is the coretime chain, send call uses the given pallet index', () => {
    const dest = Xcm.encodeDestination(Xcm.coretimeDestination())
    expect(toHex(dest)).toBe('0x05010100b50f') // V5 { parents 1, X1(Parachain(1005)) }
    const send = Xcm.sendCall(54, dest, Uint8Array.from([5, 0]))
    expect(toHex(send)).toBe('0x360005010100b50f0500')
  })
  test('error: an XCM pallet index beyond u8 is a bug', () => {
    expect(() => Xcm.sendCall(256, new Uint8Array(), new Uint8Array())).toThrow(InvariantError)
  })
})
