import { describe, expect, test } from 'vitest'
import * as Params from './Params'
import * as Sale from './Sale'

const DOT = 10n ** 10n
const params = (o: Partial<Params.Params> = {}) => {
  const r = Params.make(DOT, o)
  if (!r.ok) throw new Error(r.error.message)
  return r.params
}
/** A small deterministic source of randomness for the tests (an LCG). */
const lcg = (seed: number): Sale.Input['random'] => {
  let x = seed >>> 0
  return (bound) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x % bound
  }
}
const run = (input: Partial<Sale.Input> & Pick<Sale.Input, 'bids'>) => {
  const r = Sale.run({
    params: params(),
    reserve: 100n * DOT,
    supply: 10,
    tenants: [],
    renew: (o) => o.eligible,
    random: lcg(1),
    ...input,
  })
  if (!r.ok) throw new Error(r.error.message)
  return r.outcome
}
const bidders = (n: number, worth: bigint) =>
  Array.from({ length: n }, (_, i) => ({ bidder: `b${i}`, price: worth, quantity: 1 }))

describe('Sale.run', () => {
  test('default: 5 bidders worth 300 DOT for 10 cores clear at the reserve; next reserve 100·e^-0.8', () => {
    // K = 2, target 90%: consumption 50% → 100 DOT · e^(2·(0.5 − 0.9)) = 44.93289641172… DOT
    const o = run({
      params: params({ k: 2n * Params.ONE, targetConsumption: 900_000_000n }),
      bids: bidders(5, 300n * DOT),
    })
    expect(o.openingPrice).toBe(300n * DOT) // max(150 DOT, 3 × 100 DOT)
    expect(o.clearingPrice).toBe(100n * DOT)
    expect(o.closedAtLevel).toBe(55) // the clock ran down to the reserve (56 levels of 6 h in 14 days)
    expect(o.sold).toBe(5)
    expect(o.idle).toBe(5)
    expect(o.revenue).toBe(500n * DOT)
    for (const b of o.bids) {
      expect(b.paid).toBe(100n * DOT)
      expect(b.refund).toBe(200n * DOT) // deposit 300 DOT, pays the uniform 100 DOT
    }
    expect(o.next.consumption).toBe(500_000_000n)
    expect(o.next.rule).toBe('exp')
    expect(o.next.reserve).toBe(449_328_964_117n) // 44.9328964117 DOT (planck, floored)
  })

  test('default: 10 bidders worth 300 DOT sell out at the opening price; next reserve +100 DOT', () => {
    const o = run({ bids: bidders(10, 300n * DOT) })
    expect(o.closedAtLevel).toBe(0)
    expect(o.clearingPrice).toBe(300n * DOT)
    expect(o.lottery).toBe(false) // exactly as many cores as bids: no draw needed
    expect(o.sold).toBe(10)
    // candidate 100 · e^(2·0.1) = 122.14 DOT rises less than MIN_INCREMENT
    expect(o.next.candidate).toBe(1_221_402_758_160n)
    expect(o.next.rule).toBe('minIncrement')
    expect(o.next.reserve).toBe(200n * DOT)
  })

  test('behavior: the penalty applies once unique bidders plus potential renewers exceed the cores', () => {
    const tenants = [{ holder: 'T', rights: 1 }]
    const three = [120n, 120n, 120n].map((p, i) => ({ bidder: `b${i}`, price: p * DOT, quantity: 1 }))
    // 3 bidders + 1 tenant = 4 cores: no penalty, and the market does not sell out → reserve
    const calm = run({ supply: 4, tenants, bids: three })
    expect(calm.demandCount).toBe(4)
    expect(calm.penaltyApplied).toBe(false)
    expect(calm.clearingPrice).toBe(100n * DOT)
    expect(calm.renewalPrice).toBe(100n * DOT)
    // a fourth bidder: 5 > 4 → renewal = clearing × 1.3; the market clears at the last unit, 110 DOT
    const tight = run({
      supply: 4,
      tenants,
      bids: [...three, { bidder: 'b3', price: 110n * DOT, quantity: 1 }],
    })
    expect(tight.penaltyApplied).toBe(true)
    expect(tight.clearingPrice).toBe(110n * DOT)
    expect(tight.renewalPrice).toBe(143n * DOT)
    expect(tight.renewals[0]).toMatchObject({ holder: 'T', eligible: 1, renewed: 1, paid: 143n * DOT })
    // the renewal displaced the lowest bid, refunded in full
    const b3 = tight.bids.find((b) => b.bidder === 'b3')
    expect(b3).toMatchObject({ won: 1, kept: 0, displaced: 1, paid: 0n, refund: 110n * DOT })
    expect(tight.revenue).toBe(3n * 110n * DOT + 143n * DOT)
  })

  test('behavior: renewals displace the lowest displaceable bid; a tenant’s winning bid is protected', () => {
    // 4 cores; T and U each hold one renewable core. U bids lowest (105) and wins → forfeits its right.
    const o = run({
      supply: 4,
      tenants: [
        { holder: 'T', rights: 1 },
        { holder: 'U', rights: 1 },
      ],
      bids: [
        { bidder: 'b1', price: 130n * DOT, quantity: 1 },
        { bidder: 'b2', price: 120n * DOT, quantity: 1 },
        { bidder: 'b3', price: 110n * DOT, quantity: 1 },
        { bidder: 'U', price: 105n * DOT, quantity: 1 },
      ],
    })
    // docs/markets.md "A worked sale": the clock first reaches ≤ 105 DOT at level 54 (103.64 DOT)
    expect(o.closedAtLevel).toBe(53 + 1)
    expect(o.clockAtClose).toBe(1_036_363_636_364n)
    expect(o.clearingPrice).toBe(105n * DOT)
    expect(o.demandCount).toBe(5)
    const by = (who: string) => o.bids.find((b) => b.bidder === who)
    expect(o.renewals.find((r) => r.holder === 'U')).toMatchObject({ forfeited: 1, eligible: 0, renewed: 0 })
    expect(o.renewals.find((r) => r.holder === 'T')).toMatchObject({ eligible: 1, renewed: 1 })
    expect(o.penaltyApplied).toBe(true) // 4 bidders + T = 5 > 4
    expect(o.renewalPrice).toBe(136_5000000000n) // 105 · 1.3 = 136.5 DOT
    expect(by('U')).toMatchObject({ kept: 1, displaced: 0, tenant: true })
    expect(by('b3')).toMatchObject({ kept: 0, displaced: 1 }) // lowest of the displaceable bids
    expect(by('b1')?.kept).toBe(1)
    expect(by('b2')?.kept).toBe(1)
    expect(o.sold + o.renewed).toBe(4)
    expect([by('b1')?.refund, by('b2')?.refund, by('b3')?.refund, by('U')?.refund]).toEqual([
      25n * DOT,
      15n * DOT,
      110n * DOT,
      0n,
    ])
    expect(o.revenue).toBe(451_5000000000n) // 3 × 105 + 136.5 DOT
    expect(o.next.candidate).toBe(1_221_402_758_160n) // 100 · e^0.2 = 122.14 DOT
    expect(o.next.reserve).toBe(200n * DOT) // 100% → at least +100 DOT
  })

  test('behavior: a tenant holding 3 cores who wins 2 may renew only 1', () => {
    const o = run({
      supply: 5,
      tenants: [{ holder: 'T', rights: 3 }],
      bids: [{ bidder: 'T', price: 150n * DOT, quantity: 2 }],
      renew: (offer) => offer.eligible + 5, // asks for more: clamped to what is eligible
    })
    expect(o.renewals[0]).toMatchObject({ rights: 3, forfeited: 2, eligible: 1, renewed: 1 })
    expect(o.bids[0]).toMatchObject({ won: 2, kept: 2 })
    expect(o.sold + o.renewed).toBe(3)
  })

  test('behavior: over-demand at the opening price is drawn by lot with the randomness passed in', () => {
    const bids = bidders(5, 400n * DOT).map((b) => ({ ...b, price: 300n * DOT }))
    const a = run({ supply: 3, bids, random: lcg(7) })
    const b = run({ supply: 3, bids, random: lcg(7) })
    expect(a.lottery).toBe(true)
    expect(a.clearingPrice).toBe(300n * DOT)
    expect(a.bids.filter((x) => x.kept === 1).map((x) => x.bidder)).toEqual(
      b.bids.filter((x) => x.kept === 1).map((x) => x.bidder),
    )
    expect(a.sold).toBe(3)
    // another seed draws other winners for some seed (the lot is not the bid order)
    const winners = (seed: number) =>
      run({ supply: 3, bids, random: lcg(seed) })
        .bids.filter((x) => x.kept === 1)
        .map((x) => x.bidder)
        .sort()
        .join()
    const seen = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(winners))
    expect(seen.size).toBeGreaterThan(1)
  })

  test('behavior: a bulk bid at the opening price is split into one-core tickets', () => {
    const bids = [
      { bidder: 'big', price: 300n * DOT, quantity: 3 },
      { bidder: 'a', price: 300n * DOT, quantity: 1 },
    ]
    const won = new Set<number>()
    for (let s = 0; s < 20; s++) {
      const o = run({ supply: 3, bids, random: lcg(s) })
      const big = o.bids.find((b) => b.bidder === 'big')
      won.add(big?.won ?? -1)
      expect(o.sold).toBe(3)
    }
    // split: "big" wins 2 or 3 cores, never all-or-nothing
    expect([...won].every((w) => w === 2 || w === 3)).toBe(true)
    expect(won.size).toBe(2)
  })

  test('behavior: bids below the clock wait for it; a raise goes up to the clock, never above', () => {
    const p = params()
    const o = run({
      supply: 1,
      bids: [
        // placed at level 0 at 120 DOT, raised at level 10 to the clock there
        { bidder: 'r', price: 120n * DOT, quantity: 1, raises: [{ level: 10, price: 263_6363636364n }] },
        {
          bidder: 'x',
          price: 250n * DOT,
          quantity: 1,
          level: 10,
          raises: [{ level: 11, price: 299n * DOT }],
        },
      ],
      params: p,
    })
    // clock at level 10: 300 − 200·10/55 = 263.6363636364 DOT (the decrease floored)
    expect(o.rejected).toEqual([
      { bidder: 'x', price: 299n * DOT, quantity: 1, level: 11, raiseOf: 1, code: 'AuctionClosed' },
    ])
    expect(o.closedAtLevel).toBe(10)
    expect(o.clearingPrice).toBe(263_6363636364n)
    expect(o.bids[0]).toMatchObject({ bidder: 'r', kept: 1, deposit: 263_6363636364n })
  })

  test('error: bids above the clock, below the reserve, or without cores are refused and change nothing', () => {
    const o = run({
      supply: 2,
      bids: [
        { bidder: 'hi', price: 301n * DOT, quantity: 1 },
        { bidder: 'lo', price: 99n * DOT, quantity: 1 },
        { bidder: 'zero', price: 200n * DOT, quantity: 0 },
        { bidder: 'many', price: 200n * DOT, quantity: 3 },
        { bidder: 'ok', price: 200n * DOT, quantity: 1 },
        { bidder: 'ok', price: 100n * DOT, quantity: 1, raises: [{ level: 1, price: 90n * DOT }] },
      ],
    })
    expect(o.rejected.map((r) => [r.bidder, r.code])).toEqual([
      ['hi', 'AboveClock'],
      ['lo', 'BelowReserve'],
      ['zero', 'ZeroQuantity'],
      ['many', 'TooManyCores'],
      ['ok', 'NotARaise'],
    ])
    expect(o.bids.map((b) => b.bidder)).toEqual(['ok', 'ok'])
    expect(o.clearingPrice).toBe(100n * DOT)
  })

  test('error: a deposit that does not fit in the balance is refused', () => {
    const o = run({
      bids: [{ bidder: 'poor', price: 200n * DOT, quantity: 2 }],
      balanceOf: (who) => (who === 'poor' ? 300n * DOT : null),
    })
    expect(o.rejected[0]?.code).toBe('InsufficientBalance')
    expect(o.sold).toBe(0)
  })

  test('error: more renewal rights than cores is refused', () => {
    const r = Sale.run({
      params: params(),
      reserve: DOT,
      supply: 1,
      bids: [],
      tenants: [{ holder: 'T', rights: 2 }],
      renew: () => 1,
      random: lcg(0),
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('RightsExceedSupply')
  })
})

describe('Sale.truthful', () => {
  test('default: the valuation, capped at the clock; nothing below the reserve', () => {
    const p = params()
    expect(Sale.truthful(p, 100n * DOT, 250n * DOT)).toBe(250n * DOT)
    expect(Sale.truthful(p, 100n * DOT, 900n * DOT)).toBe(300n * DOT)
    expect(Sale.truthful(p, 100n * DOT, 99n * DOT)).toBe(null)
  })
})
