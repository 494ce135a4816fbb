import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Aggregate from './Aggregate'
import type { Band, RunSummary } from './MonteCarlo'

/** The definition: nearest rank over a sorted copy. */
const reference = <T extends bigint | number>(xs: readonly T[]): Band<T> | null => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as T
  return { p5: at(0.05), p50: at(0.5), p95: at(0.95) }
}
const nn = <T>(xs: (T | null)[]): T[] => xs.filter((x): x is T => x !== null)

const money = fc.oneof(
  fc.bigInt({ min: 0n, max: 1000n }), // many ties
  fc.bigInt({ min: 0n, max: 2n ** 53n + 5n }), // around the exact-double limit
  fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), // u128 balances
)
const sale = fc.record({
  endPrice: money,
  selloutPrice: fc.option(money),
  coresSold: fc.nat(100),
  renewed: fc.nat(100),
  purchased: fc.nat(100),
  failed: fc.nat(100),
  revenue: money,
  meanRenewalPrice: fc.option(money),
  meanPurchasePrice: fc.option(money),
})
const runs = (sales: number) =>
  fc.array(
    fc.record({
      seed: fc.nat(),
      sales: fc.array(sale, { minLength: sales, maxLength: sales }),
      revenue: money,
    }),
    { minLength: 1, maxLength: 60 },
  )
const summaries = (xs: Omit<RunSummary, 'index'>[]): RunSummary[] => xs.map((r, index) => ({ ...r, index }))

describe('Aggregate', () => {
  test('default: bands are the nearest-rank quantiles of every column', () => {
    fc.assert(
      fc.property(runs(2), (xs) => {
        const rs = summaries(xs)
        const b = Aggregate.bands(Aggregate.of(rs))
        expect(b.runs).toBe(rs.length)
        expect(b.revenue).toEqual(reference(rs.map((r) => r.revenue)))
        for (let k = 0; k < 2; k++) {
          const col = rs.map((r) => r.sales[k] as RunSummary['sales'][number])
          expect(b.sales[k]).toEqual({
            sale: k + 1,
            endPrice: reference(col.map((c) => c.endPrice)),
            selloutPrice: reference(nn(col.map((c) => c.selloutPrice))),
            coresSold: reference(col.map((c) => c.coresSold)),
            failed: reference(col.map((c) => c.failed)),
            revenue: reference(col.map((c) => c.revenue)),
            meanRenewalPrice: reference(nn(col.map((c) => c.meanRenewalPrice))),
            meanPurchasePrice: reference(nn(col.map((c) => c.meanPurchasePrice))),
          })
        }
      }),
      { numRuns: 300 },
    )
  })

  test('behavior: merging aggregates of a split equals the aggregate of the whole, in any order', () => {
    fc.assert(
      fc.property(runs(3), fc.nat(), (xs, cut) => {
        const rs = summaries(xs)
        const at = cut % (rs.length + 1)
        const whole = Aggregate.bands(Aggregate.of(rs))
        const parts = [Aggregate.of(rs.slice(at)), Aggregate.of([]), Aggregate.of(rs.slice(0, at))]
        expect(Aggregate.bands(Aggregate.merge(parts))).toEqual(whole)
      }),
      { numRuns: 200 },
    )
  })

  test('error: no runs', () => {
    expect(() => Aggregate.bands(Aggregate.of([]))).toThrow('bands: no runs')
  })
})
