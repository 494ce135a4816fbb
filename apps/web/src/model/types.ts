import type { Agents, Demand, Params } from '../state'

/** The run's result shapes: what the worker sends the page. */

export type Phase = 'interlude' | 'leadin' | 'fixed'

export interface SaleRow {
  /** 1-based sale number. */
  index: number
  /** Block of the rotation that opened the sale (start of its interlude). */
  rotation: number
  saleStart: number
  leadinEnd: number
  /** Block of the next rotation (end of this sale's fixed-price phase). */
  close: number
  /** Price when the lead-in starts (its top), planck. */
  topPrice: bigint
  endPrice: bigint
  /** What buyers paid for each core in this sale, or null if nobody bought. */
  purchasePrice: bigint | null
  selloutPrice: bigint | null
  coresOffered: number
  idealCoresSold: number
  coresSold: number
  renewed: number
  purchased: number
  /** Cores that could renew into this sale (bought or renewed in the last one, or a lease ending). */
  renewable: number
  /** Demand the sale could not serve (sold out). */
  turnedAway: number
  /** The user's core: what renewing it costs in this sale (the recorded renewal price), planck. */
  userRenewal: bigint
  /** Planck paid to the broker in this sale (burned on the live chains). */
  revenue: bigint
}

export interface PricePoint {
  block: number
  price: bigint
  phase: Phase
}

export interface RunResult {
  /** The block at the start date (dates are counted from it at 6 s a block). */
  firstBlock: number
  rows: SaleRow[]
  /** The sale price over time, sampled through every phase of every sale. */
  curve: PricePoint[]
  /** Planck paid to the broker over all sales (@coretime/sim's total; burned on the live chains). */
  revenue: bigint
}

export interface RunInput {
  params: Params
  demand: Demand
  /** The simulator's agents on top of the table demand (absent: none). */
  agents?: Agents
  sales: number
  userPaid: bigint
}
