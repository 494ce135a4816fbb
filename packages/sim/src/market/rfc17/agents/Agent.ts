import type { Decisions, MarketView, Renewal } from './Base'
import * as Buyer from './Buyer'
import * as LargeActor from './LargeActor'
import * as Renewer from './Renewer'
import * as Speculator from './Speculator'
import * as Table from './Table'

/**
 * RFC-17's actors, one kind per module (`create`, then each sale `intents` — its bids — and, for
 * holders of renewal rights, `renew`). The kinds and their parameters are today's (packages/sim
 * agents, whose `Params` and renewal rules they reuse); only how they meet the market differs.
 * Adding a kind: a module, a member here and its entry in `kinds`.
 */
export type Agent =
  | Table.Table
  | Renewer.Renewer
  | Buyer.Buyer
  | Speculator.Speculator
  | LargeActor.LargeActor
export type AgentKind = Agent['kind']

/** What a kind does in a sale. */
interface Kind<A extends Agent> {
  /** its bids */
  intents: (a: A, view: MarketView, out: Decisions) => void
  /** how many of its `eligible` cores it renews at `price`, and why not the rest (null: by choice) */
  renew: (a: A, view: MarketView, eligible: number, price: bigint) => Renewal
}

/** Speculators and large actors hold no rights. */
const neverRenews = (): Renewal => ({ n: 0, reason: null })

const kinds: { [K in AgentKind]: Kind<Extract<Agent, { kind: K }>> } = {
  table: Table,
  renewer: Renewer,
  buyer: Buyer,
  speculator: { intents: Speculator.intents, renew: neverRenews },
  largeActor: { intents: LargeActor.intents, renew: neverRenews },
}

// the table is keyed by kind, so the module found for `a.kind` takes `a`
const kindOf = <A extends Agent>(a: A): Kind<A> => kinds[a.kind] as unknown as Kind<A>

/** Its bids in this sale. */
export const intents = (a: Agent, view: MarketView, out: Decisions): void => kindOf(a).intents(a, view, out)

/** How many of its `eligible` cores it renews at `price`, and why not the rest (null: by choice). */
export const renew = (a: Agent, view: MarketView, eligible: number, price: bigint): Renewal =>
  kindOf(a).renew(a, view, eligible, price)

/** Whether the cores it gets this sale become renewal rights in the next one. */
export const keepsRights = (a: Agent): boolean =>
  a.kind === 'table' || a.kind === 'renewer' || (a.kind === 'buyer' && a.renews)
