import { describe, expect, test } from 'vitest'
import * as Auction from './Auction'
import * as Params from './Params'

const DOT = 10n ** 10n
const P = (() => {
  const r = Params.make(DOT, { tieBreak: 'firstCome' })
  if (!r.ok) throw new Error(r.error.message)
  return r.params
})()

describe('Auction', () => {
  test('default: the clock closes at the first level whose price is covered for every core', () => {
    const a = Auction.open(P, 100n * DOT, 2)
    expect(Auction.bid(a, 'x', 200n * DOT, 1).ok).toBe(true)
    expect(Auction.bid(a, 'y', 150n * DOT, 1).ok).toBe(true)
    Auction.finish(a)
    // the clock first reaches ≤ 150 DOT at level 42 (300 − 200·42/55 = 147.27)
    expect(a.closedAt).toBe(42)
    const c = Auction.clear(a, () => 0)
    expect(c.clearingPrice).toBe(150n * DOT)
    expect(c.wins.map((w) => [w.bid.bidder, w.won])).toEqual([
      ['x', 1],
      ['y', 1],
    ])
  })

  test('args: clearingRule clockLevel prices at the clock where the market closed', () => {
    const r = Params.make(DOT, { clearingRule: 'clockLevel' })
    if (!r.ok) throw new Error(r.error.message)
    const a = Auction.open(r.params, 100n * DOT, 1)
    Auction.bid(a, 'x', 150n * DOT, 1)
    Auction.finish(a)
    expect(Auction.clear(a, () => 0).clearingPrice).toBe(1_472_727_272_728n) // 147.2727… DOT
  })

  test('behavior: the marginal bid is partly filled and ties go first come under firstCome', () => {
    const a = Auction.open(P, 100n * DOT, 3)
    Auction.bid(a, 'x', 200n * DOT, 2)
    Auction.bid(a, 'y', 180n * DOT, 2)
    Auction.bid(a, 'z', 180n * DOT, 1)
    Auction.finish(a)
    const c = Auction.clear(a, () => 0)
    expect(c.clearingPrice).toBe(180n * DOT)
    expect(c.wins.map((w) => [w.bid.bidder, w.won])).toEqual([
      ['x', 2],
      ['y', 1],
      ['z', 0],
    ])
  })

  test('behavior: deposits are price × quantity and grow with a raise', () => {
    const a = Auction.open(P, 100n * DOT, 3)
    const b = Auction.bid(a, 'x', 120n * DOT, 2)
    expect(b.ok && b.bid.deposit).toBe(240n * DOT)
    const r = Auction.raise(a, 'x', 0, 130n * DOT)
    expect(r.ok && r.extraDeposit).toBe(20n * DOT)
    expect(Auction.locked(a, 'x')).toBe(260n * DOT)
  })

  test('error: raises of unknown or others’ bids, and actions after the close, are refused', () => {
    const a = Auction.open(P, 100n * DOT, 1)
    Auction.bid(a, 'x', 120n * DOT, 1)
    const unknown = Auction.raise(a, 'x', 5, 130n * DOT)
    const other = Auction.raise(a, 'y', 0, 130n * DOT)
    expect(!unknown.ok && unknown.error.code).toBe('UnknownBid')
    expect(!other.ok && other.error.code).toBe('NotYourBid')
    Auction.finish(a)
    const late = Auction.bid(a, 'z', 100n * DOT, 1)
    expect(!late.ok && late.error.code).toBe('AuctionClosed')
    expect(a.bids).toHaveLength(1)
    expect(() => Auction.clear(Auction.open(P, DOT, 1), () => 0)).toThrow(/not closed/)
    const bad = Auction.open(P, 100n * DOT, 1)
    Auction.bid(bad, 'p', 300n * DOT, 1)
    Auction.bid(bad, 'q', 300n * DOT, 1)
    Auction.finish(bad)
    expect(() => Auction.clear(bad, () => 7)).toThrow(/random\(2\) returned 7/)
  })
})
