import { Token } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { displayAmount } from '../src/display'

describe('displayAmount', () => {
  test('default: thousands separators and two decimals, truncated', () => {
    expect(displayAmount(2_240_779_569_081_485_299_999_999n, Token.DOT)).toBe('224,077,956,908,148.52 DOT')
    expect(displayAmount(Token.fromTokens(10n, Token.DOT), Token.DOT)).toBe('10.00 DOT')
    expect(displayAmount(Token.fromTokens(1_000n, Token.KSM), Token.KSM)).toBe('1,000.00 KSM')
  })
  test('args: below one token, three significant digits', () => {
    expect(displayAmount(12_345_678n, Token.DOT)).toBe('0.00123 DOT')
    expect(displayAmount(5_000_000_000n, Token.DOT)).toBe('0.5 DOT')
    expect(displayAmount(1n, Token.DOT)).toBe('0.0000000001 DOT')
  })
  test('args: zero and negative', () => {
    expect(displayAmount(0n, Token.DOT)).toBe('0.00 DOT')
    expect(displayAmount(-Token.fromTokens(1_234n, Token.DOT), Token.DOT)).toBe('-1,234.00 DOT')
  })
})

describe('displayAmount without the symbol', () => {
  test('args: symbol false gives the number alone (table cells)', () => {
    expect(displayAmount(Token.fromTokens(5_000n, Token.DOT), Token.DOT, { symbol: false })).toBe('5,000.00')
    expect(displayAmount(12_345_678n, Token.DOT, { symbol: false })).toBe('0.00123')
  })
})
