import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isoDate } from './IsoDate'

describe('isoDate', () => {
  test('default', () => {
    expect(isoDate(Date.parse('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z')
    expect(isoDate(Date.parse('2028-02-29T23:59:59.999Z'))).toBe('2028-02-29T23:59:59.999Z')
  })
  test('behavior: the same string as Date.prototype.toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_198_755_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(isoDate(ms)).toBe(new Date(ms).toISOString())
      }),
      { numRuns: 20_000 },
    )
  })
  test('error: outside years 0–9999 it defers to Date (extended years), and throws as Date does', () => {
    expect(isoDate(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z')
    expect(() => isoDate(Number.NaN)).toThrow(RangeError)
  })
})
