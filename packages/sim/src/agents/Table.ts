import type * as Rng from '../Rng'
import type { Range } from '../Scenario'
import { type ActorBase, base, type Who } from './Base'
import { pick } from './Draw'
import type { Decisions, SaleView } from './View'

/**
 * Table demand's actors (the Lastic model): lease holders, the buyers a sale's table brings, and
 * a chain snapshot's holders. They make no decisions of their own: in each sale the first
 * `renewals` holders in core order renew, the rest let their right lapse, and each buyer buys once.
 */
export interface Table extends ActorBase {
  kind: 'table'
}

export const create = (who: Who): Table => ({ kind: 'table', ...base(who) })

/** A lease holder and the sale its lease first becomes renewable in. */
export const leaseHolder = (
  who: Who,
  renewInSale: Range,
  rng: Rng.Rng,
): { actor: Table; renewInSale: number } => ({
  actor: create(who),
  renewInSale: pick(rng, renewInSale),
})

/** Renews right after the rotation while the table's renewals last; otherwise the right lapses. */
export const renewal = (a: Table, view: SaleView, out: Decisions): void => {
  if (view.tableRenewalsLeft > 0) {
    view.tableRenewalsLeft--
    out.intend('renew', a, view.now + 1, 0n, 1)
  } else {
    a.right = null
    out.lapse(a)
  }
}
