import * as Rng from '../../Rng'
import type { Dist, Range, Scenario } from '../../Scenario'
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

const pick = (rng: Rng.Rng, [a, b]: Range): number => (a === b ? a : a + Rng.int(rng, b - a + 1))

const draw = (rng: Rng.Rng, d: Dist): bigint => {
  switch (d.dist) {
    case 'fixed':
      return d.value
    case 'uniform':
      return d.min + BigInt(Math.floor(Rng.float(rng) * Number(d.max - d.min + 1n)))
    case 'lognormal': {
      const v = Number(d.median) * Math.exp(d.sigma * Rng.normal(rng))
      return BigInt(Math.max(0, Math.round(v)))
    }
  }
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
      switch (spec.kind) {
        case 'renewer': {
          const a = Renewer.create(who, {
            maxPrice: spec.maxPrice,
            forget: spec.forget,
            renewInSale: pick(rng, spec.renewInSale),
            budget: spec.budget,
          })
          agents.push(a)
          leases.push({ agent: a, renewInSale: a.renewInSale })
          break
        }
        case 'buyer': {
          const valuation = draw(rng, spec.valuation)
          agents.push(
            Buyer.create(who, {
              valuation,
              arrival: pick(rng, spec.arrival),
              patience: spec.patience,
              timing: spec.timing,
              renews: spec.renew,
              forget: spec.forget,
              budget: spec.budget,
            }),
          )
          break
        }
        case 'speculator':
          agents.push(
            Speculator.create(who, {
              maxPrice: spec.maxPrice,
              cores: spec.cores,
              at: spec.at,
              markup: spec.markup,
              sales: spec.sales,
              budget: spec.budget,
            }),
          )
          break
        case 'largeActor':
          agents.push(
            LargeActor.create(who, { buyBelow: spec.buyBelow, sales: spec.sales, budget: spec.budget }),
          )
          break
        case 'onDemand':
          break // the relay's on-demand market is the same in both designs: not part of this run
      }
    }
  }
  return { agents, leases, rng }
}
