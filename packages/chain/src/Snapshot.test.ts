import { describe, expect, test } from 'vitest'
import * as Snapshot from './Snapshot'
import { sample } from './testing/sample'

describe('Snapshot.toJson / parse', () => {
  test('default: round trip, bigints as decimal strings, masks as hex', () => {
    const text = Snapshot.toJson(sample)
    expect(text).toContain('"format": "coretime-snapshot/1"')
    expect(text).toContain('"endPrice": "123456789012"')
    expect(text).toContain('"mask": "0xffffffffff0000000000"')
    const r = Snapshot.parse(text)
    expect(r).toEqual({ ok: true, value: sample })
    expect(Snapshot.toJson((r as { value: Snapshot.Snapshot }).value)).toBe(text)
  })

  test('error: another format', () => {
    expect(Snapshot.parse('{"format":"coretime-snapshot/2"}')).toMatchObject({
      ok: false,
      error: { message: 'format: expected "coretime-snapshot/1", got "coretime-snapshot/2"' },
    })
  })

  test('error: a field with the wrong type is named', () => {
    const plain = Snapshot.toPlain(sample) as { broker: { saleInfo: { endPrice: unknown } } }
    plain.broker.saleInfo.endPrice = 12.5
    expect(Snapshot.fromPlain(plain)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^broker\.saleInfo\.endPrice: /) },
    })
  })

  test('error: empty, not JSON, truncated', () => {
    expect(Snapshot.parse('')).toMatchObject({ ok: false, error: { message: 'empty file' } })
    expect(Snapshot.parse('{"format": "coretime-snap')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^not JSON/) },
    })
    expect(() => Snapshot.parseOrThrow('[]', 'x.json')).toThrow(/^x\.json: /)
  })
})
