import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { InvariantError } from '../errors/BaseError'
import * as Ratio from './Ratio'

describe('Ratio', () => {
  test('default: parse is exact and reduced', () => {
    expect(Ratio.parse('0.83')).toEqual({ num: 83n, den: 100n })
    expect(Ratio.parse('12')).toEqual({ num: 12n, den: 1n })
    expect(Ratio.parse('.5')).toEqual({ num: 1n, den: 2n })
    expect(Ratio.parse('1.710784')).toEqual({ num: 26_731n, den: 15_625n })
  })

  test('args: arithmetic and rounding', () => {
    const r = Ratio.mul(Ratio.parse('0.1')!, Ratio.int(3))
    expect(r).toEqual({ num: 3n, den: 10n })
    expect(Ratio.add(Ratio.of(1n, 3n), Ratio.of(1n, 6n))).toEqual({ num: 1n, den: 2n })
    expect(Ratio.sub(Ratio.of(1n, 3n), Ratio.of(1n, 2n))).toEqual({ num: -1n, den: 6n })
    expect(Ratio.floor(Ratio.of(-1n, 6n))).toBe(-1n)
    expect(Ratio.floor(Ratio.of(7n, 2n))).toBe(3n)
    expect(Ratio.format(Ratio.of(2n, 3n), 2)).toBe('0.67')
    expect(Ratio.format(Ratio.of(-1n, 8n), 2)).toBe('-0.13')
    expect(Ratio.format(Ratio.of(1n, 1000n), 2)).toBe('0.00')
  })

  test('error: not a decimal, zero denominator', () => {
    for (const s of ['', 'abc', '1e3', '1.2.3', '.']) expect(Ratio.parse(s), s).toBeUndefined()
    expect(() => Ratio.of(1n, 0n)).toThrow(InvariantError)
    expect(() => Ratio.div(Ratio.int(1), Ratio.int(0))).toThrow(InvariantError)
  })

  test('behavior: mul then div by the same value is the identity', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        (a, b) => {
          const x = Ratio.of(a, 7n)
          expect(Ratio.div(Ratio.mul(x, Ratio.int(b)), Ratio.int(b))).toEqual(x)
        },
      ),
    )
  })
})
