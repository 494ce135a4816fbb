import type { AccountId } from '@coretime/core'
import type { Actor } from '../agents/Actor'
import type * as Relay from '../Relay'
import type { FailureReason, SaleResult, SaleTally } from '../Results'
import type * as Rng from '../Rng'
import type { Scenario } from '../Scenario'
import type { Engine } from './Engine'
import type { IntentBuffer } from './Intents'

/** The model's state during a run: the engine, the actors, the relay market and what was collected. */
export interface Run {
  scenario: Scenario
  seed: number
  rng: Rng.Rng
  engine: Engine
  /** every actor, in creation order (table lease holders, scenario agents, then table buyers as they come) */
  actors: Actor[]
  byTask: Map<number, Actor>
  /** the first actor with each id (failures name agents by id) */
  byId: Map<AccountId, Actor>
  /** starting balances (the trace's `balances`), including table buyers funded as they arrive */
  balances: Map<AccountId, bigint>
  /** the scenario's budgets by account */
  budgets: Map<AccountId, bigint>
  /** the parachain id of the next table buyer */
  nextTask: number
  /** the relay's on-demand market (used when some agent orders on-demand) */
  market: Relay.Market
  hasOnDemand: boolean
  sales: SaleResult[]
  intents: IntentBuffer
  /** the calendar: ISO date of a relay block */
  dateOf: (block: number) => string
}

/** Adds an actor to the run (its parachain and, if new, its id are indexed). */
export const addActor = (run: Pick<Run, 'actors' | 'byTask' | 'byId'>, a: Actor): void => {
  run.actors.push(a)
  run.byTask.set(a.task, a)
  if (!run.byId.has(a.id)) run.byId.set(a.id, a)
}

/** Records a failure of `a` in this sale (and counts it against the actor). */
export const fail = (run: Pick<Run, 'byId'>, t: SaleTally, a: Actor, reason: FailureReason): void => {
  a.failures++
  t.failed.push({ agent: a.id, group: a.group, reason })
  t.failedBy.push(run.byId.get(a.id) ?? a)
}
