import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'
import { account, accountJson, renderAccount } from './account'

const SIBL_2000 = '0x7369626cd0070000000000000000000000000000000000000000000000000000'
const GENERIC_2000 = '5Eg2fntJ27qsari4FGrGhrMqKFDRnkNSR6UshkZYBGXmSuC8'

describe('coretime account', () => {
  test('default: para 2000 prints the sibl account in hex and SS58 42, with Polkadot and Kusama beside it', () => {
    const r = account('2000')
    expect(r).toMatchObject({
      kind: 'para',
      paraId: 2000,
      sibling: { hex: SIBL_2000, generic: GENERIC_2000 },
    })
    const text = renderAccount(r)
    expect(text).toContain(SIBL_2000)
    expect(text).toContain(GENERIC_2000)
    // Polkadot (0) and Kusama (2) forms, spec relay-and-data.md B.2
    expect(text).toContain('13cKp89Msu7M2PiaCuuGr1BzAsD5V3vaVbDMs3YtjMZHdGwR')
    expect(text).toContain('FBeL7EAeUroLWXW1yfKboiqTqVfbRBcsUKd6QqVf4kGBySS')
    // child (relay) account
    expect(text).toContain('0x70617261d0070000000000000000000000000000000000000000000000000000')
  })

  test('args: --json and decoding an address back to its para', async () => {
    const j = await run('account', '2000', '--json')
    expect(j.code).toBe(0)
    const out = JSON.parse(j.stdout)
    expect(Object.keys(out)).toEqual(['paraId', 'sibling', 'child'])
    expect(out.sibling).toMatchObject({ hex: SIBL_2000, generic: GENERIC_2000 })
    expect(accountJson(account(GENERIC_2000))).toMatchObject({
      hex: SIBL_2000,
      ss58Prefix: 42,
      sovereign: { kind: 'sibling', paraId: 2000 },
    })
    expect(renderAccount(account(SIBL_2000))).toContain('sibling (sibl) sovereign account of para 2000')
    expect(accountJson(account(SIBL_2000))).toMatchObject({ ss58Prefix: null })
  })

  test.each([
    ['-5', 'invalid para id "-5"'],
    ['2000.5', 'invalid para id "2000.5"'],
    ['4294967296', 'a para id is a u32'],
  ])('error: wrong para id %s', (arg, message) => {
    expect(() => account(arg)).toThrow(message)
  })

  test('error: bad SS58 checksum and bad hex length, one line each', async () => {
    const bad = await run('account', `${GENERIC_2000.slice(0, -1)}9`)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe(
      `coretime: invalid SS58 address "${GENERIC_2000.slice(0, -1)}9": checksum mismatch (mistyped character?)\n`,
    )
    expect(() => account('0x7369626c')).toThrow('expected a 32-byte account, got 4 bytes')
    const empty = await run('account', ' ')
    expect(empty.code).toBe(2)
    expect(empty.stderr).toBe(
      'coretime: expected a para id (e.g. 2000), an SS58 address or 0x hex, got an empty string\n',
    )
  })
})
