import type { Rng } from '../Rng'
import type { Actor } from './Actor'

/**
 * What an agent sees of a sale when it decides: the sale's number and blocks, and its prices. It
 * never sees the engine's state; what it does goes through `Decisions`.
 */
export interface SaleView {
  /** 1-based sale number */
  k: number
  /** the block the sale's intents are decided at (the rotation that opened the sale) */
  now: number
  saleStart: number
  leadinLength: number
  /** the end of the lead-in: the price is flat from here */
  leadinEnd: number
  /** the last block of the sale (the next rotation happens one block later) */
  lastBlock: number
  regionBegin: number
  regionEnd: number
  /** renewals the table demand still makes in this sale (its holders take them in core order) */
  tableRenewalsLeft: number
  /** the sale price at block `b` (runtime API `sale_price` evaluated at `b`) */
  priceAt: (b: number) => bigint
  /** the first block in [from, lastBlock] whose price is ≤ limit, or null */
  firstAtOrBelow: (from: number, limit: bigint) => number | null
  /** a uniform block of the interlude (one draw when the interlude is longer than a block) */
  interludeBlock: (rng: Rng) => number
  /** the block at this fraction of the lead-in, within the sale's buying blocks */
  leadinBlock: (fraction: number) => number
  /** `from` clamped to the sale's buying blocks (the first after it starts … the last) */
  clampBuy: (from: number) => number
}

export type IntentType = 'renew' | 'buy' | 'order'

/** What agents may do while deciding: intend a call at a block, fail, or let a renewal right lapse. */
export interface Decisions {
  /** a call `type` at `block`, paying at most `limit`, `count` times (purchases) */
  intend: (type: IntentType, actor: Actor, block: number, limit: bigint, count: number) => void
  /** a failure decided before any call (e.g. `TooExpensive`) */
  fail: (actor: Actor, reason: string) => void
  /** a renewal right the table demand leaves unused */
  lapse: (actor: Actor) => void
}
