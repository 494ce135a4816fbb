import * as TodayBuyer from '../../agents/Buyer'
import { pick } from '../../agents/Draw'
import * as TodayLargeActor from '../../agents/LargeActor'
import * as TodayRenewer from '../../agents/Renewer'
import * as TodaySpeculator from '../../agents/Speculator'
import * as Rng from '../../Rng'
import type { Scenario } from '../../Scenario'
import type { Agent } from './agents/Agent'
import * as Buyer from './agents/Buyer'
import * as LargeActor from './agents/LargeActor'
import * as Renewer from './agents/Renewer'
import * as Speculator from './agents/Speculator'
import * as Table from './agents/Table'

/**
 * The scenario's actors for the RFC-17 market, drawn from the seeded source in the order today's
 * run draws them (table lease holders, then each agent spec's members: a renewer's lease sale, a
 * buyer's valuation then arrival), so the same seed gives both markets the same demand.
 */
export interface Population {
  agents: Agent[]
  /** holders whose lease ends (and becomes a renewal right) in a sale */
  leases: { agent: Agent; renewInSale: number }[]
  rng: Rng.Rng
}

export const create = (scenario: Scenario, seed: number): Population => {
  const rng = Rng.create(seed)
  const agents: Agent[] = []
  const leases: Population['leases'] = []
  scenario.start.leases.forEach((l, i) => {
    for (let j = 0; j < l.count; j++) {
      const a = Table.create({ id: `lease${i}-${j}`, group: `leases${i}` })
      agents.push(a)
      leases.push({ agent: a, renewInSale: pick(rng, l.renewInSale) })
    }
  })
  for (const spec of scenario.demand.agents) {
    const n = spec.kind === 'largeActor' ? 1 : spec.count
    for (let j = 0; j < n; j++) {
      const who = { id: n === 1 ? spec.name : `${spec.name}-${j}`, group: spec.name }
      // today's parameters, drawn exactly as today's run draws them (`Actor.create`)
      switch (spec.kind) {
        case 'renewer': {
          const a = Renewer.create(who, TodayRenewer.params(spec, rng), spec.budget)
          agents.push(a)
          leases.push({ agent: a, renewInSale: a.renewInSale })
          break
        }
        case 'buyer':
          agents.push(Buyer.create(who, TodayBuyer.params(spec, rng), spec.budget))
          break
        case 'speculator':
          agents.push(Speculator.create(who, TodaySpeculator.params(spec), spec.budget))
          break
        case 'largeActor':
          agents.push(LargeActor.create(who, TodayLargeActor.params(spec), spec.budget))
          break
        case 'onDemand':
          break // the relay's market is the same in both designs, not part of this run (draws nothing)
      }
    }
  }
  return { agents, leases, rng }
}
