import type { Decisions, MarketView } from './Base'
import * as Buyer from './Buyer'
import * as LargeActor from './LargeActor'
import * as Renewer from './Renewer'
import * as Speculator from './Speculator'
import * as Table from './Table'

/**
 * RFC-17's actors, one kind per module (`create`, then each sale `intents` — its bids — and, for
 * holders of renewal rights, `renew`). The kinds and their parameters are today's (packages/sim
 * agents); only how they meet the market differs.
 */
export type Agent =
  | Table.Table
  | Renewer.Renewer
  | Buyer.Buyer
  | Speculator.Speculator
  | LargeActor.LargeActor
export type AgentKind = Agent['kind']

/** Its bids in this sale. */
export const intents = (a: Agent, view: MarketView, out: Decisions): void => {
  switch (a.kind) {
    case 'table':
      Table.intents(a, view, out)
      return
    case 'renewer':
      Renewer.intents(a, view, out)
      return
    case 'buyer':
      Buyer.intents(a, view, out)
      return
    case 'speculator':
      Speculator.intents(a, view, out)
      return
    case 'largeActor':
      LargeActor.intents(a, view, out)
      return
  }
}

/** How many of its `eligible` cores it renews at `price`, and why not the rest (null: by choice). */
export const renew = (
  a: Agent,
  view: MarketView,
  eligible: number,
  price: bigint,
): { n: number; reason: string | null } => {
  switch (a.kind) {
    case 'table':
      return Table.renew(view, eligible)
    case 'renewer':
      return Renewer.renew(a, view, eligible, price)
    case 'buyer':
      return Buyer.renew(a, view, eligible, price)
    default:
      return { n: 0, reason: null } // speculators and large actors hold no rights
  }
}

/** Whether the cores it gets this sale become renewal rights in the next one. */
export const keepsRights = (a: Agent): boolean =>
  a.kind === 'table' || a.kind === 'renewer' || (a.kind === 'buyer' && a.renews)
