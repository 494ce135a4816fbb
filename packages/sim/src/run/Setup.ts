import { type AccountId, Broker, type BrokerState, CoreMask, type Schedule } from '@coretime/core'
import type { Actor } from '../agents/Actor'
import * as Actors from '../agents/Actor'
import { UNLIMITED } from '../agents/Base'
import * as Table from '../agents/Table'
import { isoDate } from '../IsoDate'
import * as Relay from '../Relay'
import * as Rng from '../Rng'
import type { Scenario } from '../Scenario'
import { SimulationError } from '../SimulationError'
import * as Engine from './Engine'
import * as Intents from './Intents'
import { takeLeaseRights } from './Rotate'
import { addActor, type Run } from './Run'

const ROOT = 'root'
/** The parachain id of the first actor a scenario creates. */
const FIRST_TASK = 2000

export interface SetupOptions {
  seed: number
  trace: boolean
  from?: BrokerState
}

/**
 * The run before its first sale: the actors (table lease holders, then each agent spec's members,
 * drawing from the seeded source in that order), their balances, and a chain configured with
 * reservations, leases and the start of sales by root calls — or a chain state taken as it is.
 */
export const setup = (scenario: Scenario, options: SetupOptions): Run => {
  if (options.from && options.trace)
    throw new SimulationError('a run from a chain state cannot be recorded as a trace')
  const rng = Rng.create(options.seed)
  const { runtime, configuration: config, startBlock } = scenario.chain
  const population = {
    actors: [] as Actor[],
    byTask: new Map<number, Actor>(),
    byId: new Map<AccountId, Actor>(),
  }
  let nextTask = FIRST_TASK
  const leases: { actor: Actor; renewInSale: number }[] = []
  scenario.start.leases.forEach((l, i) => {
    for (let j = 0; j < l.count; j++) {
      const lease = Table.leaseHolder(
        { id: `lease${i}-${j}`, group: `leases${i}`, task: nextTask++ },
        l.renewInSale,
        rng,
      )
      addActor(population, lease.actor)
      leases.push(lease)
    }
  })
  const budgets = new Map<AccountId, bigint>()
  for (const spec of scenario.demand.agents) {
    const n = spec.kind === 'largeActor' ? 1 : spec.count
    for (let j = 0; j < n; j++) {
      const id = n === 1 ? spec.name : `${spec.name}-${j}`
      const a = Actors.create(spec, { id, group: spec.name, task: nextTask++ }, rng)
      addActor(population, a)
      if (spec.budget !== null) budgets.set(a.id, spec.budget)
      if (a.kind === 'renewer') leases.push({ actor: a, renewInSale: a.renewInSale })
    }
  }
  const balances = new Map<AccountId, bigint>()
  for (const a of population.actors) balances.set(a.id, budgets.get(a.id) ?? UNLIMITED)

  const s = options.from ? Broker.clone(options.from) : Broker.create(runtime, new Map(), startBlock)
  const engine = Engine.create(s, options.trace)
  // The balances are part of the initial state (the trace's `balances`), not a call.
  for (const [k, v] of balances) Engine.setBalance(engine, k, v)
  if (options.from) {
    const maxTask = adoptChain(s, population)
    for (const a of population.actors)
      if (!balances.has(a.id)) balances.set(a.id, budgets.get(a.id) ?? UNLIMITED)
    for (const [k, v] of balances) Engine.setBalance(engine, k, v)
    nextTask = Math.max(nextTask, maxTask + 1)
  } else {
    Engine.must(engine, ROOT, { call: 'configure', args: config })
    for (let i = 0; i < scenario.start.reservations; i++) {
      const workload: Schedule = [{ mask: CoreMask.complete, assignment: { task: 1000 + i } }]
      Engine.must(engine, ROOT, { call: 'reserve', args: { workload } })
    }
    // Sale k's region begins at c + k·L; a lease renewable in sale k ends at c + (k−1)·L.
    const c = Math.floor((startBlock + config.advanceNotice) / runtime.timeslicePeriod)
    const L = config.regionLength
    for (const l of leases)
      Engine.must(engine, ROOT, {
        call: 'setLease',
        args: { task: l.actor.task, until: c + (l.renewInSale - 1) * L },
      })
    Engine.must(engine, ROOT, {
      call: 'startSales',
      args: { endPrice: scenario.start.endPrice, extraCores: scenario.start.extraCores },
    })
    takeLeaseRights(engine.sink, population.byTask)
  }
  engine.sink = engine.quiet // within a sale the run reads what calls did from the state

  const startMs = Date.parse(scenario.chain.startDate)
  const msPerBlock = scenario.chain.blockTimeSeconds * 1000
  // The relay's on-demand market, for on-demand agents (their relay balances: budget or unlimited).
  const market = Relay.create(
    s.block,
    Object.fromEntries(
      population.actors
        .filter((a) => a.kind === 'onDemand')
        .map((a) => [a.id, budgets.get(a.id) ?? UNLIMITED]),
    ),
  )
  return {
    scenario,
    seed: options.seed,
    rng,
    engine,
    ...population,
    balances,
    budgets,
    nextTask,
    market,
    hasOnDemand: scenario.demand.agents.some((a) => a.kind === 'onDemand'),
    sales: [],
    intents: Intents.buffer(),
    dateOf: (block) => isoDate(startMs + (block - startBlock) * msPerBlock),
  }
}

/**
 * A chain state's holders (`from`): each lease's task, and each complete potential renewal from the
 * current sale on, gets a table renewer in the group `chain`. Returns the largest task seen.
 */
const adoptChain = (s: BrokerState, population: Pick<Run, 'actors' | 'byTask' | 'byId'>): number => {
  let maxTask = 0
  const holder = (task: number, suffix: string): Actor => {
    const a = Table.create({ id: `para${task}${suffix}`, group: 'chain', task })
    addActor(population, a)
    if (task > maxTask) maxTask = task
    return a
  }
  for (const l of s.leases) holder(l.task, '-lease')
  const from = s.saleInfo?.regionBegin ?? 0
  for (const { core, when, record } of Broker.renewals(s)) {
    if (when < from || !('complete' in record.completion)) continue
    const first = record.completion.complete[0]?.assignment
    const task = typeof first === 'object' ? first.task : 0
    const a = holder(task, `-core${core}`)
    a.right = { core, when }
    a.heldUntil.push(when)
  }
  return maxTask
}
