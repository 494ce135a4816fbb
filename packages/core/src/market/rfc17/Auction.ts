import { InvariantError } from '../../errors/BaseError'
import * as Clock from './Clock'
import { levels, type Params } from './Params'

/**
 * RFC-17's market period: a clearing-price Dutch auction on a descending clock. Bids are a price
 * per core and a quantity, with a deposit of price × quantity; a bid may be placed at or below the
 * current clock (never above, never below the reserve) and raised later, up to the clock. The
 * clock ends a level when it has collected that level's bids; the market closes at the end of the
 * first level whose clock price is covered by bids for every core (orders are collected for the
 * whole level, so timing within a level never matters: the RFC's rule for the opening price,
 * applied at every level), or at the end of the reserve level.
 *
 * A state machine over plain data, like the broker: `bid`/`raise`/`endLevel` change the state in
 * place and return `{ ok: true, … }`; a rejection is data and changes nothing.
 */

export interface Bid {
  id: number
  bidder: string
  /** per core (planck) */
  price: bigint
  quantity: number
  /** price × quantity, locked until settlement */
  deposit: bigint
  /** the level it was placed at, and last raised at */
  placedAt: number
  raisedAt: number | null
}

export interface Auction {
  reserve: bigint
  opening: bigint
  supply: number
  levels: number
  /** the current clock level (0 = opening price) */
  level: number
  bids: Bid[]
  /** the level the market closed at, or null while it runs */
  closedAt: number | null
  params: Params
}

export type AuctionErrorCode =
  | 'AuctionClosed'
  | 'AboveClock'
  | 'BelowReserve'
  | 'ZeroQuantity'
  | 'TooManyCores'
  | 'InsufficientBalance'
  | 'UnknownBid'
  | 'NotYourBid'
  | 'NotARaise'
export interface AuctionError {
  code: AuctionErrorCode
  message: string
}
export type Rejection = { ok: false; error: AuctionError }

const reject = (code: AuctionErrorCode, message: string): Rejection => ({
  ok: false,
  error: { code, message },
})

/** A new market for `supply` cores at `reserve`. With no cores it is closed at once. */
export const open = (params: Params, reserve: bigint, supply: number): Auction => ({
  reserve,
  opening: Clock.openingPrice(params, reserve),
  supply,
  levels: levels(params),
  level: 0,
  bids: [],
  closedAt: supply > 0 ? null : 0,
  params,
})

/** The current clock price. */
export const clock = (a: Auction): bigint => Clock.priceAt(a.params, a.reserve, a.level)

/** Cores bid for at `price` or more. */
export const demandAt = (a: Auction, price: bigint): number => {
  let n = 0
  for (const b of a.bids) if (b.price >= price) n += b.quantity
  return n
}

/** Planck a bidder has locked in deposits. */
export const locked = (a: Auction, bidder: string): bigint => {
  let t = 0n
  for (const b of a.bids) if (b.bidder === bidder) t += b.deposit
  return t
}

/**
 * Places a bid at or below the clock. `free`: the bidder's spendable balance (null: unlimited);
 * the deposit must fit in it besides the bidder's other deposits.
 */
export const bid = (
  a: Auction,
  bidder: string,
  price: bigint,
  quantity: number,
  free: bigint | null = null,
): { ok: true; bid: Bid } | Rejection => {
  if (a.closedAt !== null) return reject('AuctionClosed', 'the market period has closed')
  if (!Number.isSafeInteger(quantity) || quantity < 1)
    return reject('ZeroQuantity', `expected a quantity of at least one core, got ${quantity}`)
  if (quantity > a.supply)
    return reject('TooManyCores', `expected at most ${a.supply} cores (the supply), got ${quantity}`)
  const c = clock(a)
  // RFC-17 "Details on some mechanics": bids above the current descending price are not allowed
  if (price > c) return reject('AboveClock', `bid ${price} is above the clock price ${c}`)
  // RFC-17 "Market Period": the reserve price is the minimum price for coretime within the period
  if (price < a.reserve) return reject('BelowReserve', `bid ${price} is below the reserve price ${a.reserve}`)
  const deposit = price * BigInt(quantity)
  if (free !== null && locked(a, bidder) + deposit > free)
    return reject('InsufficientBalance', `the deposit ${deposit} does not fit in the free balance`)
  const b: Bid = { id: a.bids.length, bidder, price, quantity, deposit, placedAt: a.level, raisedAt: null }
  a.bids.push(b)
  return { ok: true, bid: b }
}

/** Raises one of the bidder's bids, up to the clock; the deposit grows by the difference. */
export const raise = (
  a: Auction,
  bidder: string,
  id: number,
  price: bigint,
  free: bigint | null = null,
): { ok: true; bid: Bid; extraDeposit: bigint } | Rejection => {
  if (a.closedAt !== null) return reject('AuctionClosed', 'the market period has closed')
  const b = a.bids[id]
  if (!b) return reject('UnknownBid', `no bid ${id}`)
  if (b.bidder !== bidder) return reject('NotYourBid', `bid ${id} belongs to another bidder`)
  // RFC-17 "Details on some mechanics": bids below the clock can be raised, up to the clock price
  if (price <= b.price) return reject('NotARaise', `expected a price above ${b.price}, got ${price}`)
  const c = clock(a)
  if (price > c) return reject('AboveClock', `raise to ${price} is above the clock price ${c}`)
  const extra = (price - b.price) * BigInt(b.quantity)
  if (free !== null && locked(a, bidder) + extra > free)
    return reject('InsufficientBalance', `the extra deposit ${extra} does not fit in the free balance`)
  b.price = price
  b.deposit += extra
  b.raisedAt = a.level
  return { ok: true, bid: b, extraDeposit: extra }
}

/**
 * Ends the current level: the market closes when bids cover every core at this level's clock
 * price, or at the end of the last (reserve) level; otherwise the clock moves one level down.
 */
export const endLevel = (a: Auction): { closed: boolean } => {
  if (a.closedAt !== null) return { closed: true }
  if (demandAt(a, clock(a)) >= a.supply || a.level >= a.levels - 1) {
    a.closedAt = a.level
    return { closed: true }
  }
  a.level++
  return { closed: false }
}

/** Runs the clock down until the market closes (no more bids). */
export const finish = (a: Auction): void => {
  while (!endLevel(a).closed) {}
}

/** A bid's result in the market (before renewals). */
export interface Win {
  bid: Bid
  /** cores this bid won in the market */
  won: number
}

export interface Clearing {
  /** the uniform price every winner pays */
  clearingPrice: bigint
  closedAt: number
  clockAtClose: bigint
  /** every core was bid for at or above the clearing price */
  soldOut: boolean
  /** bids at the opening price exceeded the supply and winners were drawn by lot */
  lottery: boolean
  /** every bid, in priority order (price high to low, ties by the tie-break); `won` may be 0 */
  wins: Win[]
}

/** A uniform integer in [0, bound), from the randomness the caller passes in. */
export type Random = (bound: number) => number

const draw = (random: Random, bound: number): number => {
  const r = random(bound)
  if (!Number.isInteger(r) || r < 0 || r >= bound)
    throw new InvariantError(`random(${bound}) returned ${r}, expected an integer in [0, ${bound})`)
  return r
}

/**
 * The market's outcome (call after it closed). Fewer cores bid than offered: everyone wins, at the
 * reserve. Otherwise the price of the unit that sold the last core (`clearingRule: lastUnitBid`)
 * or the clock at close (`clockLevel`); bids above it win in full, bids at it share what is left
 * — by lot of one-core tickets at the opening price (`splitBulkAtOpening`), otherwise in tie-break
 * order, the last one partly filled.
 */
export const clear = (a: Auction, random: Random): Clearing => {
  if (a.closedAt === null) throw new InvariantError('Auction.clear: the market has not closed (call finish)')
  const p = a.params
  const clockAtClose = Clock.priceAt(p, a.reserve, a.closedAt)
  // rank: a seeded permutation (random tie-break) or bid order
  const n = a.bids.length
  const rank = Array.from({ length: n }, (_, i) => i)
  if (p.tieBreak === 'random')
    for (let i = n - 1; i > 0; i--) {
      const j = draw(random, i + 1)
      const t = rank[i] as number
      rank[i] = rank[j] as number
      rank[j] = t
    }
  const order = [...a.bids].sort((x, y) =>
    x.price === y.price ? (rank[x.id] as number) - (rank[y.id] as number) : x.price > y.price ? -1 : 1,
  )
  const wins: Win[] = order.map((bid) => ({ bid, won: 0 }))
  const total = order.reduce((t, b) => t + b.quantity, 0)
  if (total < a.supply || a.supply === 0) {
    for (const w of wins) w.won = w.bid.quantity
    return {
      clearingPrice: a.reserve,
      closedAt: a.closedAt,
      clockAtClose,
      soldOut: false,
      lottery: false,
      wins,
    }
  }
  // the price of the unit that sells the last core
  let units = 0
  let marginal = a.reserve
  for (const b of order) {
    units += b.quantity
    if (units >= a.supply) {
      marginal = b.price
      break
    }
  }
  let left = a.supply
  for (const w of wins)
    if (w.bid.price > marginal) {
      w.won = w.bid.quantity
      left -= w.won
    }
  const tied = wins.filter((w) => w.bid.price === marginal)
  const lottery = marginal === a.opening && tied.reduce((t, w) => t + w.bid.quantity, 0) > left
  // RFC-17 "Details on some mechanics": randomize winners at the opening price, bulk orders broken up
  if (lottery && p.splitBulkAtOpening) {
    // one ticket per core bid at the opening price; draw `left` tickets without replacement
    const tickets: Win[] = []
    for (const w of tied) for (let i = 0; i < w.bid.quantity; i++) tickets.push(w)
    for (let i = 0; i < left; i++) {
      const j = i + draw(random, tickets.length - i)
      const t = tickets[j] as Win
      tickets[j] = tickets[i] as Win
      tickets[i] = t
      t.won++
    }
  } else {
    // lottery without splitting: the random rank above is the draw order (tieBreak random), or firstCome
    if (lottery && p.tieBreak === 'firstCome') {
      // the RFC asks for a lottery at the opening price whatever the tie-break below it
      for (let i = tied.length - 1; i > 0; i--) {
        const j = draw(random, i + 1)
        const t = tied[i] as Win
        tied[i] = tied[j] as Win
        tied[j] = t
      }
    }
    for (const w of tied) {
      const take = Math.min(w.bid.quantity, left)
      w.won = take
      left -= take
    }
  }
  const clearingPrice = p.clearingRule === 'lastUnitBid' ? marginal : clockAtClose
  return { clearingPrice, closedAt: a.closedAt, clockAtClose, soldOut: true, lottery, wins }
}
