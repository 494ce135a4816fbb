import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'

const SIBL_2000 = '0x7369626cd0070000000000000000000000000000000000000000000000000000'
const GENERIC_2000 = '5Eg2fntJ27qsari4FGrGhrMqKFDRnkNSR6UshkZYBGXmSuC8'

describe('coretime account', () => {
  test('default: para 2000 prints the sibl account in hex and SS58 42, with Polkadot and Kusama beside it', async () => {
    const r = await run('account', '2000')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(SIBL_2000)
    expect(r.stdout).toContain(GENERIC_2000)
    // Polkadot (0) and Kusama (2) forms, spec relay-and-data.md B.2
    expect(r.stdout).toContain('13cKp89Msu7M2PiaCuuGr1BzAsD5V3vaVbDMs3YtjMZHdGwR')
    expect(r.stdout).toContain('FBeL7EAeUroLWXW1yfKboiqTqVfbRBcsUKd6QqVf4kGBySS')
    // child (relay) account
    expect(r.stdout).toContain('0x70617261d0070000000000000000000000000000000000000000000000000000')
  })

  test('args: --json and decoding an address back to its para', async () => {
    const j = await run('account', '2000', '--json')
    expect(j.code).toBe(0)
    const out = JSON.parse(j.stdout)
    expect(out.sibling).toMatchObject({ hex: SIBL_2000, generic: GENERIC_2000 })
    const back = await run('account', GENERIC_2000, '--json')
    expect(back.code).toBe(0)
    expect(JSON.parse(back.stdout)).toMatchObject({
      hex: SIBL_2000,
      ss58Prefix: 42,
      sovereign: { kind: 'sibling', paraId: 2000 },
    })
    const hex = await run('account', SIBL_2000)
    expect(hex.stdout).toContain('sibling (sibl) sovereign account of para 2000')
  })

  test.each([
    ['-5', 'invalid para id "-5"'],
    ['2000.5', 'invalid para id "2000.5"'],
    ['4294967296', 'a para id is a u32'],
  ])('error: wrong para id %s', async (arg, message) => {
    const r = await run('account', arg)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/)
  })

  test('error: bad SS58 checksum and bad hex length, one line each', async () => {
    const bad = await run('account', `${GENERIC_2000.slice(0, -1)}9`)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe(
      `coretime: invalid SS58 address "${GENERIC_2000.slice(0, -1)}9": checksum mismatch (mistyped character?)\n`,
    )
    const short = await run('account', '0x7369626c')
    expect(short.code).toBe(2)
    expect(short.stderr).toContain('expected a 32-byte account, got 4 bytes')
    const empty = await run('account', ' ')
    expect(empty.code).toBe(2)
    expect(empty.stderr).toBe(
      'coretime: expected a para id (e.g. 2000), an SS58 address or 0x hex, got an empty string\n',
    )
  })
})
