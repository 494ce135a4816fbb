import { AccountId } from '@polkadot-api/substrate-bindings'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { InvariantError } from '../errors/BaseError'
import { fromHex, toHex } from '../scale/Hex'
import * as Ss58 from './Ss58'

const PARA_2000 = '5Eg2fntJ27qsari4FGrGhrMqKFDRnkNSR6UshkZYBGXmSuC8'

describe('Ss58.decode', () => {
  test('default: the docs.polkadot.com para-2000 address', () => {
    const r = Ss58.decode(PARA_2000)
    expect(r.ok && toHex(r.value.account)).toBe(
      '0x7369626cd0070000000000000000000000000000000000000000000000000000',
    )
    expect(r.ok && r.value.prefix).toBe(42)
  })
  test('error: one changed character fails the checksum', () => {
    const bad = `${PARA_2000.slice(0, -1)}9`
    const r = Ss58.decode(bad)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('BadChecksum')
  })
  test('error: not base58', () => {
    const r = Ss58.decode('5Eg2fntJ27qsari4FGrGhrMqKFDRnkNSR6UshkZYBGXmSu0O')
    expect(!r.ok && r.error.code).toBe('BadBase58')
    expect(!r.ok && r.error.message).toContain('"0"')
  })
  test('error: wrong length', () => {
    expect(!Ss58.decode('5Eg2fntJ27qsari4').ok && Ss58.decode('5Eg2fntJ27qsari4')).toMatchObject({
      error: { code: 'BadLength' },
    })
  })
  test('error: wrong network when a prefix is expected', () => {
    const r = Ss58.decode(PARA_2000, Ss58.POLKADOT)
    expect(!r.ok && r.error.code).toBe('WrongNetwork')
  })
})

describe('Ss58.accountHex', () => {
  const HEX = '0x7369626cd0070000000000000000000000000000000000000000000000000000'
  test('default: SS58 of any prefix and 0x-hex name the same account, in lower-case hex', () => {
    expect(Ss58.accountHex(PARA_2000)).toBe(HEX)
    const bytes = fromHex(HEX)
    if (!bytes.ok) throw new Error(bytes.error.message)
    expect(Ss58.accountHex(Ss58.encode(bytes.value, Ss58.POLKADOT))).toBe(HEX)
    expect(Ss58.accountHex(HEX.toUpperCase().replace('0X', '0x'))).toBe(HEX)
  })
  test('error: neither SS58 nor 32 bytes of hex', () => {
    expect(Ss58.accountHex(`${PARA_2000.slice(0, -1)}9`)).toBeUndefined()
    expect(Ss58.accountHex(HEX.slice(0, -2))).toBeUndefined()
    expect(Ss58.accountHex('')).toBeUndefined()
  })
})

describe('Ss58.encode', () => {
  test('behavior: agrees with polkadot-api AccountId for any account and prefix (incl. two-byte prefixes)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 0, max: 16383 }).filter(Ss58.isValidPrefix),
        (account, prefix) => {
          const ours = Ss58.encode(account, prefix)
          expect(ours).toBe(AccountId(prefix).dec(account))
          const back = Ss58.decode(ours)
          expect(back.ok && toHex(back.value.account)).toBe(toHex(account))
          expect(back.ok && back.value.prefix).toBe(prefix)
        },
      ),
    )
  })
  test('error: a 31-byte account or a reserved prefix throws', () => {
    expect(() => Ss58.encode(new Uint8Array(31), 0)).toThrow(InvariantError)
    expect(() => Ss58.encode(new Uint8Array(32), 46)).toThrow(InvariantError)
  })
})
