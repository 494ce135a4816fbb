import * as Auction from './Auction'
import * as Clock from './Clock'
import type { Params } from './Params'
import * as Renewal from './Renewal'
import * as Reserve from './Reserve'

/**
 * One RFC-17 bulk period, start to end: the market period (bids on the descending clock), the
 * renewal period (tenants' decisions at the renewal price, displacement), and settlement (winners
 * pay the clearing price, renewers the renewal price, deposits refunded, unallocated cores go to
 * the on-demand market), then the next reserve price. Pure: bids, tenants, decisions and
 * randomness are inputs; the same inputs give the same outcome.
 */

export interface PlannedBid {
  bidder: string
  /** per core (planck), at or below the clock at `level` */
  price: bigint
  quantity: number
  /** the clock level the bid is placed at (0: the opening price) */
  level?: number
  /** later raises, each to a price at or below the clock at its level */
  raises?: readonly { level: number; price: bigint }[]
}

export interface Input {
  params: Params
  reserve: bigint
  /** cores offered in this period (renewal rights are cores of this supply) */
  supply: number
  bids: readonly PlannedBid[]
  tenants: readonly Renewal.Tenant[]
  /** how many of its eligible cores a tenant renews at the offered price (clamped to [0, eligible]) */
  renew: (offer: Renewal.RenewalOffer) => number
  /** a uniform integer in [0, bound): the lottery and tie-breaks draw only from this */
  random: Auction.Random
  /** free balance of an account (deposits and renewals must fit); absent or null: unlimited */
  balanceOf?: (who: string) => bigint | null
}

export interface BidOutcome {
  id: number
  bidder: string
  price: bigint
  quantity: number
  placedAt: number
  /** cores won in the market, then kept after renewals, and lost to renewals */
  won: number
  kept: number
  displaced: number
  tenant: boolean
  deposit: bigint
  /** kept × clearing price */
  paid: bigint
  /** deposit − paid */
  refund: bigint
}

export interface RejectedBid {
  bidder: string
  price: bigint
  quantity: number
  level: number
  /** a raise that was refused has the bid's id */
  raiseOf: number | null
  code: Auction.AuctionErrorCode
}

export interface RenewalOutcome extends Renewal.RenewalOffer {
  renewed: number
  paid: bigint
  /** the renewal did not fit in the holder's balance */
  unaffordable: boolean
}

export interface Outcome {
  reservePrice: bigint
  openingPrice: bigint
  clearingPrice: bigint
  renewalPrice: bigint
  penaltyApplied: boolean
  closedAtLevel: number
  clockAtClose: bigint
  lottery: boolean
  supply: number
  /** unique bidders (+ tenants still able to renew, or units: `penaltyTrigger`) compared with the supply */
  demandCount: number
  uniqueBidders: number
  /** cores kept by market winners, renewed, and left for the on-demand market */
  sold: number
  renewed: number
  idle: number
  bids: BidOutcome[]
  rejected: RejectedBid[]
  renewals: RenewalOutcome[]
  /** paid by winners and renewers (planck) */
  revenue: bigint
  next: Reserve.Next
}

export type Result =
  | { ok: true; outcome: Outcome }
  | { ok: false; error: { code: 'RightsExceedSupply'; message: string } }

export const run = (input: Input): Result => {
  const { params: p, reserve, supply } = input
  const rights = input.tenants.reduce((n, t) => n + t.rights, 0)
  if (rights > supply)
    return {
      ok: false,
      error: {
        code: 'RightsExceedSupply',
        message: `tenants hold ${rights} renewal rights for ${supply} cores`,
      },
    }
  const balanceOf = input.balanceOf ?? (() => null)
  const a = Auction.open(p, reserve, supply)

  // --- Market period: bids and raises level by level, until the market closes ---
  const byLevel = new Map<number, { kind: 'bid' | 'raise'; i: number; price: bigint; level: number }[]>()
  const at = (level: number) => {
    const l = byLevel.get(level) ?? []
    byLevel.set(level, l)
    return l
  }
  input.bids.forEach((b, i) => {
    const level = b.level ?? 0
    at(level).push({ kind: 'bid', i, price: b.price, level })
    for (const r of b.raises ?? []) at(r.level).push({ kind: 'raise', i, price: r.price, level: r.level })
  })
  const idOf = new Map<number, number>() // planned bid → auction bid id
  const rejected: RejectedBid[] = []
  const refuse = (
    i: number,
    price: bigint,
    level: number,
    raiseOf: number | null,
    code: Auction.AuctionErrorCode,
  ) => {
    const b = input.bids[i] as PlannedBid
    rejected.push({ bidder: b.bidder, price, quantity: b.quantity, level, raiseOf, code })
  }
  const act = (level: number) => {
    for (const e of byLevel.get(level) ?? []) {
      const b = input.bids[e.i] as PlannedBid
      if (e.kind === 'bid') {
        const r = Auction.bid(a, b.bidder, e.price, b.quantity, balanceOf(b.bidder))
        if (r.ok) idOf.set(e.i, r.bid.id)
        else refuse(e.i, e.price, e.level, null, r.error.code)
      } else {
        const id = idOf.get(e.i)
        if (id === undefined) continue // its bid was never placed
        const r = Auction.raise(a, b.bidder, id, e.price, balanceOf(b.bidder))
        if (!r.ok) refuse(e.i, e.price, e.level, id, r.error.code)
      }
    }
  }
  for (;;) {
    act(a.level)
    if (Auction.endLevel(a).closed) break
  }
  // planned actions after the close are refused
  for (const [level, list] of [...byLevel].sort((x, y) => x[0] - y[0]))
    if (level > (a.closedAt ?? 0))
      for (const e of list)
        if (e.kind === 'bid') refuse(e.i, e.price, e.level, null, 'AuctionClosed')
        else if (idOf.has(e.i)) refuse(e.i, e.price, e.level, idOf.get(e.i) ?? null, 'AuctionClosed')

  const c = Auction.clear(a, input.random)

  // --- Renewal period ---
  const o = Renewal.offers(p, supply, c.clearingPrice, c.wins, input.tenants)
  const renewals: RenewalOutcome[] = o.offers.map((offer) => {
    const want = Math.max(0, Math.min(offer.eligible, Math.floor(input.renew(offer))))
    const cost = offer.price * BigInt(want)
    const free = balanceOf(offer.holder)
    // deposits of the holder's bids are refunded before renewals are paid (settlement order)
    const unaffordable = free !== null && cost > free - paidFor(c, offer.holder)
    const renewed = unaffordable ? 0 : want
    return { ...offer, renewed, paid: offer.price * BigInt(renewed), unaffordable }
  })
  const renewed = renewals.reduce((n, r) => n + r.renewed, 0)
  const tenantSet = new Set(input.tenants.filter((t) => t.rights > 0).map((t) => t.holder))
  const alloc = Renewal.allocate(supply, renewed, c.wins, (b) => tenantSet.has(b))

  // --- Settlement ---
  const bids: BidOutcome[] = c.wins.map((w, i) => {
    const kept = alloc.kept[i] as number
    const paid = c.clearingPrice * BigInt(kept)
    return {
      id: w.bid.id,
      bidder: w.bid.bidder,
      price: w.bid.price,
      quantity: w.bid.quantity,
      placedAt: w.bid.placedAt,
      won: w.won,
      kept,
      displaced: alloc.displaced[i] as number,
      tenant: tenantSet.has(w.bid.bidder),
      deposit: w.bid.deposit,
      paid,
      refund: w.bid.deposit - paid,
    }
  })
  const sold = bids.reduce((n, b) => n + b.kept, 0)
  const revenue = bids.reduce((t, b) => t + b.paid, 0n) + renewals.reduce((t, r) => t + r.paid, 0n)
  const next = Reserve.next(p, reserve, sold + renewed, supply)
  return {
    ok: true,
    outcome: {
      reservePrice: reserve,
      openingPrice: a.opening,
      clearingPrice: c.clearingPrice,
      renewalPrice: o.renewalPrice,
      penaltyApplied: o.penaltyApplied,
      closedAtLevel: c.closedAt,
      clockAtClose: c.clockAtClose,
      lottery: c.lottery,
      supply,
      demandCount: o.demandCount,
      uniqueBidders: new Set(a.bids.map((b) => b.bidder)).size,
      sold,
      renewed,
      idle: supply - sold - renewed,
      bids,
      rejected,
      renewals,
      revenue,
      next,
    },
  }
}

/** What a bidder pays for the cores it won in the market (an upper bound of what it keeps). */
const paidFor = (c: Auction.Clearing, who: string): bigint => {
  let t = 0n
  for (const w of c.wins) if (w.bid.bidder === who) t += c.clearingPrice * BigInt(w.won)
  return t
}

/** The truthful bid of RFC-17's appendix: the valuation, capped at the clock when it is placed. */
export const truthful = (p: Params, reserve: bigint, valuation: bigint, level = 0): bigint | null => {
  if (valuation < reserve) return null
  const c = Clock.priceAt(p, reserve, level)
  return valuation < c ? valuation : c
}
