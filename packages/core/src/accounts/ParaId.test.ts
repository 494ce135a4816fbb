import { describe, expect, test } from 'vitest'
import * as ParaId from './ParaId'

describe('ParaId.parse', () => {
  test('default', () => {
    expect(ParaId.parse('2000')).toEqual({ ok: true, value: 2000 })
    expect(ParaId.parse(' 4294967295 ')).toEqual({ ok: true, value: 4294967295 })
  })
  test.each(['-5', '2000.5', 'abc', '', '4294967296', '0x7d0'])('error: "%s" is refused', (input) => {
    const r = ParaId.parse(input)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('InvalidParaId')
    expect(!r.ok && r.error.message).toContain('invalid para id')
  })
  test('behavior: system chains are below 2000', () => {
    expect(ParaId.isSystem(1005)).toBe(true)
    expect(ParaId.isSystem(2000)).toBe(false)
  })
})
