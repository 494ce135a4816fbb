import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Params from './Params'
import * as Sale from './Sale'

const DOT = 10n ** 10n
const P = (() => {
  const r = Params.make(DOT)
  if (!r.ok) throw new Error(r.error.message)
  return r.params
})()

/** Random sales: a reserve, a supply, bids at or below the opening, tenants within the supply. */
const sale = fc
  .record({
    reserve: fc.bigInt({ min: DOT, max: 1000n * DOT }),
    supply: fc.integer({ min: 1, max: 12 }),
    bids: fc.array(
      fc.record({
        who: fc.integer({ min: 0, max: 9 }),
        // a fraction of the way from the reserve to the opening, in 1/1000
        at: fc.integer({ min: 0, max: 1000 }),
        quantity: fc.integer({ min: 1, max: 4 }),
        level: fc.integer({ min: 0, max: 60 }),
      }),
      { maxLength: 25 },
    ),
    rights: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }),
    renewShare: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((x) => {
    let left = x.supply
    const tenants = x.rights.map((r, i) => {
      const rights = Math.min(r, left)
      left -= rights
      return { holder: `a${i}`, rights }
    })
    const open =
      P.priceMultiplier * x.reserve > P.minOpeningPrice * Params.ONE
        ? (P.priceMultiplier * x.reserve) / Params.ONE
        : P.minOpeningPrice
    return {
      ...x,
      tenants: tenants.filter((t) => t.rights > 0),
      planned: x.bids.map((b) => ({
        bidder: `a${b.who}`,
        price: x.reserve + ((open - x.reserve) * BigInt(b.at)) / 1000n,
        quantity: b.quantity,
        level: b.level,
      })),
    }
  })

const lcg = (seed: number): Sale.Input['random'] => {
  let s = seed >>> 0
  return (bound) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s % bound
  }
}

type SaleCase = typeof sale extends fc.Arbitrary<infer T> ? T : never

const run = (x: SaleCase) => {
  const r = Sale.run({
    params: P,
    reserve: x.reserve,
    supply: x.supply,
    bids: x.planned,
    tenants: x.tenants,
    renew: (o) => (x.renewShare === 0 ? 0 : x.renewShare === 1 ? Math.ceil(o.eligible / 2) : o.eligible),
    random: lcg(x.seed),
  })
  if (!r.ok) throw new Error(r.error.message)
  return r.outcome
}

describe('Sale.run (properties)', () => {
  test('behavior: no core is allocated twice; idle = supply − sold − renewed', () => {
    fc.assert(
      fc.property(sale, (x) => {
        const o = run(x)
        expect(o.sold + o.renewed + o.idle).toBe(x.supply)
        expect(o.idle).toBeGreaterThanOrEqual(0)
        for (const b of o.bids) {
          expect(b.kept + b.displaced).toBe(b.won)
          expect(b.won).toBeLessThanOrEqual(b.quantity)
        }
      }),
    )
  })

  test('behavior: planck is conserved — every deposit is paid or refunded; revenue is what was paid', () => {
    fc.assert(
      fc.property(sale, (x) => {
        const o = run(x)
        for (const b of o.bids) {
          expect(b.paid + b.refund).toBe(b.deposit)
          expect(b.refund >= 0n).toBe(true)
        }
        const paid = o.bids.reduce((t, b) => t + b.paid, 0n) + o.renewals.reduce((t, r) => t + r.paid, 0n)
        expect(o.revenue).toBe(paid)
      }),
    )
  })

  test('behavior: reserve ≤ clearing ≤ opening ≤ renewal ≤ opening × 1.3; the next reserve ≥ P_MIN', () => {
    fc.assert(
      fc.property(sale, (x) => {
        const o = run(x)
        expect(o.clearingPrice >= o.reservePrice && o.clearingPrice <= o.openingPrice).toBe(true)
        expect(o.renewalPrice >= o.clearingPrice).toBe(true)
        expect(o.renewalPrice <= o.openingPrice + (o.openingPrice * P.penalty) / Params.ONE).toBe(true)
        expect(o.next.reserve >= P.pMin).toBe(true)
        if (o.sold + o.renewed === x.supply)
          expect(o.next.reserve >= o.reservePrice + P.minIncrement).toBe(true)
      }),
    )
  })

  test('behavior: a tenant renews at most its rights less the cores it won, and never loses a winning bid', () => {
    fc.assert(
      fc.property(sale, (x) => {
        const o = run(x)
        for (const r of o.renewals) {
          const won = o.bids.filter((b) => b.bidder === r.holder).reduce((n, b) => n + b.won, 0)
          expect(r.eligible).toBe(Math.max(0, r.rights - won))
          expect(r.renewed).toBeLessThanOrEqual(r.eligible)
        }
        // tenants' winning bids are displaced only when renewals and tenants' wins overflow the supply
        const tenantsWon = o.bids.filter((b) => b.tenant).reduce((n, b) => n + b.won, 0)
        if (o.renewed + tenantsWon <= x.supply)
          for (const b of o.bids) if (b.tenant) expect(b.displaced).toBe(0)
      }),
    )
  })

  test('behavior: the same inputs give the same outcome', () => {
    fc.assert(
      fc.property(sale, (x) => {
        expect(run(x)).toEqual(run(x))
      }),
      { numRuns: 30 },
    )
  })
})
