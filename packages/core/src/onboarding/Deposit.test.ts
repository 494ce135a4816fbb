import { describe, expect, test } from 'vitest'
import * as Token from '../units/Token'
import * as Deposit from './Deposit'

const MiB = 1024 * 1024
const total = (
  era: Deposit.Era,
  rule: Deposit.Rule,
  codeBytes: number,
  maxCodeSize = 3 * MiB,
  headBytes = 0,
) => {
  const r = Deposit.register({ constants: Deposit.constants[era], rule, headBytes, codeBytes, maxCodeSize })
  if (!r.ok) throw new Error(r.error.code)
  return r.value.total
}

describe('Deposit.reserve', () => {
  test('default: 100 DOT, 4 KSM today, 40 KSM before fellows 1.3.4', () => {
    expect(Token.format(Deposit.reserve(Deposit.constants.polkadot), Token.DOT)).toBe('100 DOT')
    expect(Token.format(Deposit.reserve(Deposit.constants.kusama), Token.KSM)).toBe('4 KSM')
    expect(Token.format(Deposit.reserve(Deposit.constants['kusama-before-1.3.4']), Token.KSM)).toBe('40 KSM')
  })
})

describe('Deposit.register', () => {
  test('default: current rule charges max_code_size, whatever the code size (spec B.1 worked totals)', () => {
    expect(Token.format(total('polkadot', 'maxCodeSize', 16_000), Token.DOT)).toBe('3245.728 DOT')
    expect(total('polkadot', 'maxCodeSize', 1_000_000)).toBe(total('polkadot', 'maxCodeSize', 16_000))
    expect(Token.format(total('kusama', 'maxCodeSize', 16_000), Token.KSM, { digits: 4 })).toBe(
      '108.8575 KSM',
    )
    expect(Token.format(total('polkadot', 'maxCodeSize', 16_000, 5 * MiB), Token.DOT)).toBe('5342.88 DOT')
    expect(Token.format(total('kusama', 'maxCodeSize', 16_000, 5 * MiB), Token.KSM, { digits: 4 })).toBe(
      '178.7626 KSM',
    )
    expect(Token.format(total('kusama-before-1.3.4', 'maxCodeSize', 16_000), Token.KSM, { digits: 3 })).toBe(
      '1088.575 KSM',
    )
  })

  test("behavior: the seed's adder-collator figures fit only the pre-2024 actual-bytes rule", () => {
    // seed 000: "around 46 KSM on Kusama and 116 DOT on Polkadot", reserve included
    expect(Token.format(total('polkadot', 'actualBytes', 16_000), Token.DOT)).toBe('116 DOT')
    const ksm = total('kusama-before-1.3.4', 'actualBytes', 18_000)
    expect(Number(ksm) / 1e12).toBeCloseTo(46, 3)
    expect(total('kusama', 'maxCodeSize', 18_000)).toBeGreaterThan(2n * ksm)
  })

  test('args: head bytes are charged per byte; onRegister excludes the reserve', () => {
    const r = Deposit.register({
      constants: Deposit.constants.polkadot,
      rule: 'actualBytes',
      headBytes: 100,
      codeBytes: 1000,
      maxCodeSize: 3 * MiB,
    })
    expect(r).toEqual({
      ok: true,
      value: {
        reserve: 1_000_000_000_000n,
        headDeposit: 1_000_000_000n,
        codeDeposit: 10_000_000_000n,
        codeBytesCharged: 1000,
        total: 1_011_000_000_000n,
        onRegister: 11_000_000_000n,
      },
    })
  })

  test('error: code larger than max_code_size, too small, head too large', () => {
    const base = {
      constants: Deposit.constants.polkadot,
      rule: 'maxCodeSize' as const,
      headBytes: 0,
      maxCodeSize: 100,
    }
    expect(Deposit.register({ ...base, codeBytes: 101 })).toEqual({
      ok: false,
      error: { code: 'CodeTooLarge', codeBytes: 101, maxCodeSize: 100 },
    })
    expect(Deposit.register({ ...base, codeBytes: 8 })).toMatchObject({
      ok: false,
      error: { code: 'InvalidCode' },
    })
    expect(Deposit.register({ ...base, codeBytes: 50, headBytes: 11, maxHeadDataSize: 10 })).toMatchObject({
      ok: false,
      error: { code: 'HeadDataTooLarge' },
    })
  })
})
