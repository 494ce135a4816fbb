import type { AgentBase, Decisions, MarketView, Renewal, Who } from './Base'
import { base } from './Base'

/**
 * Table demand's actors: lease holders and the buyers a sale's table brings. Holders never bid:
 * the first `renewals` of them renew at whatever the renewal price is, the rest let their right
 * lapse. A table buyer bids the clock at `buyAt` of the market period (it pays any price).
 */
export interface Table extends AgentBase {
  kind: 'table'
  /** a table buyer's level to bid at (null: a lease holder) */
  bidLevel: number | null
  /** bid already placed (a table buyer buys once) */
  placed: boolean
}

export const create = (who: Who, bidLevel: number | null = null): Table => ({
  kind: 'table',
  ...base(who, null),
  bidLevel,
  placed: false,
})

export const intents = (a: Table, view: MarketView, out: Decisions): void => {
  if (a.bidLevel === null || a.placed) return
  a.placed = true
  out.bid(a, { price: view.clockAt(a.bidLevel), quantity: 1, level: a.bidLevel })
}

/** Cores it renews: its rights while the table's renewals last. */
export const renew = (_a: Table, view: MarketView, eligible: number): Renewal => {
  const n = Math.min(eligible, view.tableRenewalsLeft)
  view.tableRenewalsLeft -= n
  return { n, reason: n < eligible ? 'Lapsed' : null }
}
