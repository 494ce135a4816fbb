import type * as Rng from '../Rng'
import type { AgentSpec } from '../Scenario'
import type { Who } from './Base'
import * as Buyer from './Buyer'
import * as LargeActor from './LargeActor'
import * as OnDemandUser from './OnDemandUser'
import * as Renewer from './Renewer'
import * as Speculator from './Speculator'
import * as Table from './Table'
import type { Decisions, SaleView } from './View'

/**
 * The simulation's actors, one kind per module (`create`, then each sale `renewal` for holders of
 * a right and `intents` for everyone). Adding a kind: a module, a member here, a case in each
 * switch below.
 */
export type Actor =
  | Table.Table
  | Renewer.Renewer
  | Buyer.Buyer
  | Speculator.Speculator
  | LargeActor.LargeActor
  | OnDemandUser.OnDemandUser

export type ActorKind = Actor['kind']

/** A scenario agent's member (`who`), drawing what its kind draws from `rng`. */
export const create = (spec: AgentSpec, who: Who, rng: Rng.Rng): Actor => {
  switch (spec.kind) {
    case 'renewer':
      return Renewer.create(spec, who, rng)
    case 'buyer':
      return Buyer.create(spec, who, rng)
    case 'speculator':
      return Speculator.create(spec, who)
    case 'largeActor':
      return LargeActor.create(spec, who)
    case 'onDemand':
      return OnDemandUser.create(spec, who)
  }
}

/** A holder of a right to renew into this sale's region decides whether and when to renew. */
export const renewal = (a: Actor, view: SaleView, rng: Rng.Rng, out: Decisions): void => {
  switch (a.kind) {
    case 'table':
      Table.renewal(a, view, out)
      return
    case 'renewer':
      Renewer.renewal(a, view, rng, out)
      return
    case 'buyer':
      Buyer.renewal(a, view, rng, out)
      return
    default:
      return // speculators, large actors and on-demand users never hold rights they renew
  }
}

/** An actor's purchases and orders in this sale. */
export const intents = (a: Actor, view: SaleView, rng: Rng.Rng, out: Decisions): void => {
  switch (a.kind) {
    case 'buyer':
      Buyer.intents(a, view, rng, out)
      return
    case 'speculator':
      Speculator.intents(a, view, out)
      return
    case 'largeActor':
      LargeActor.intents(a, view, out)
      return
    case 'onDemand':
      OnDemandUser.intents(a, view, rng, out)
      return
    default:
      return // table actors are driven by the table demand; renewers only renew
  }
}

/** At the renewal block, with the recorded price: null to renew, or why it does not. */
export const declines = (a: Actor, price: bigint, rng: Rng.Rng): string | null => {
  switch (a.kind) {
    case 'renewer':
      return Renewer.declines(a, price, rng)
    case 'buyer':
      return Buyer.declines(a, price, rng)
    default:
      return null
  }
}

/**
 * Whether a region it buys is assigned to its own parachain (which creates the right to renew
 * it) rather than held: table buyers and buyers who renew.
 */
export const assignsPurchases = (a: Actor): boolean =>
  a.kind === 'table' || a.kind === 'renewer' || (a.kind === 'buyer' && a.renews)
