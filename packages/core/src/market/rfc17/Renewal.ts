import type { Win } from './Auction'
import { ONE, type Params } from './Params'

/**
 * RFC-17's renewal period ("Renewal Period", "Details on some mechanics"):
 * - a tenant who won cores in the market forfeits renewing as many (holds 3, wins 2: may renew 1);
 * - the renewal price is the clearing price, or clearing × (1 + PENALTY) as soon as unique bidders
 *   plus tenants who may still renew exceed the cores (`penaltyTrigger` says how they are counted);
 * - renewals are served first, then the market's winners from the highest bid down; a bidder who
 *   holds renewable cores cannot be displaced by another's renewal, the others are displaced from
 *   the lowest bid up (choice: should even tenants' winning bids not fit, they go lowest first too).
 */

export interface Tenant {
  holder: string
  /** cores this tenant may renew (its cores of the ending period) */
  rights: number
}

export interface RenewalOffer {
  holder: string
  rights: number
  /** cores won in the market, forfeiting as many rights */
  forfeited: number
  /** rights left to renew */
  eligible: number
  price: bigint
  penaltyApplied: boolean
}

/** renewal_price: clearing, or clearing + floor(clearing × PENALTY / 1e9) with the penalty. */
// RFC-17 "Renewal Period": clearing_price * PENALTY, read as a 30% surcharge (docs/markets.md)
export const price = (p: Params, clearing: bigint, penaltyApplied: boolean): bigint =>
  penaltyApplied ? clearing + (clearing * p.penalty) / ONE : clearing

/** The demand count the penalty rule compares with the cores (`penaltyTrigger`). */
export const demandCount = (
  p: Params,
  wins: readonly Win[],
  offers: readonly { holder: string; eligible: number }[],
): number => {
  if (p.penaltyTrigger === 'units') {
    let n = 0
    for (const w of wins) n += w.bid.quantity
    for (const o of offers) n += o.eligible
    return n
  }
  const who = new Set<string>()
  for (const w of wins) who.add(w.bid.bidder)
  for (const o of offers) if (o.eligible > 0) who.add(o.holder)
  return who.size
}

/** Each tenant's offer after forfeits, and whether the penalty applies. */
export const offers = (
  p: Params,
  supply: number,
  clearing: bigint,
  wins: readonly Win[],
  tenants: readonly Tenant[],
): { offers: RenewalOffer[]; penaltyApplied: boolean; demandCount: number; renewalPrice: bigint } => {
  const won = new Map<string, number>()
  for (const w of wins) if (w.won > 0) won.set(w.bid.bidder, (won.get(w.bid.bidder) ?? 0) + w.won)
  const partial = tenants.map((t) => {
    const forfeited = Math.min(t.rights, won.get(t.holder) ?? 0)
    return { holder: t.holder, rights: t.rights, forfeited, eligible: t.rights - forfeited }
  })
  const count = demandCount(p, wins, partial)
  // RFC-17 "Renewal Period" note: the penalty applies only when demand exceeds the cores
  const penaltyApplied = count > supply
  const renewalPrice = price(p, clearing, penaltyApplied)
  return {
    offers: partial.map((o) => ({ ...o, price: renewalPrice, penaltyApplied })),
    penaltyApplied,
    demandCount: count,
    renewalPrice,
  }
}

export interface Allocation {
  /** cores each bid keeps after renewals, in the wins' order */
  kept: number[]
  /** cores each bid lost to renewals */
  displaced: number[]
}

/**
 * Serves `renewed` cores first, then the winning bids: bids of tenants (who hold renewable cores)
 * before the others, each group in priority order; what does not fit is displaced, lowest first.
 */
export const allocate = (
  supply: number,
  renewed: number,
  wins: readonly Win[],
  isTenant: (bidder: string) => boolean,
): Allocation => {
  const kept = wins.map(() => 0)
  let left = Math.max(0, supply - renewed)
  for (const pass of [true, false])
    wins.forEach((w, i) => {
      if (isTenant(w.bid.bidder) !== pass || w.won === 0) return
      const k = Math.min(w.won, left)
      kept[i] = k
      left -= k
    })
  return { kept, displaced: wins.map((w, i) => w.won - (kept[i] as number)) }
}
