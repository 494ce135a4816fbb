import { InvariantError, Rfc17 } from '@coretime/core'
import { addToGroup } from '../../Results'
import * as Rng from '../../Rng'
import type { Scenario } from '../../Scenario'
import { seriesAt } from '../../Series'
import { SimulationError } from '../../SimulationError'
import { type Agent, intents, keepsRights, renew } from './agents/Agent'
import type { AgentBase, MarketView } from './agents/Base'
import * as Speculator from './agents/Speculator'
import * as Table from './agents/Table'
import * as Population from './Population'
import {
  type Failure,
  type GroupResult,
  newTally,
  type Rfc17Result,
  type SaleResult,
  stats,
  type Tally,
  tally,
} from './Results'

/**
 * Runs a scenario's demand through RFC-17's market (`market.kind: rfc17`, or the RFC's defaults
 * when the scenario names today's market): per sale, the cores offered, every agent's bids, the
 * market and renewal periods (`Rfc17.Sale.run`), settlement and the secondary market, then the
 * next reserve. Pure and deterministic: the same scenario and seed give the same result.
 */
export interface Rfc17Options {
  seed?: number
}

/** The market settings a scenario gives (its own, or the RFC's defaults from its start price). */
export const marketOf = (scenario: Scenario): Extract<Scenario['market'], { kind: 'rfc17' }> => {
  if (scenario.market.kind === 'rfc17') return scenario.market
  const p = Rfc17.Params.make(scenario.chain.token.unit)
  if (!p.ok) throw new InvariantError(p.error.message) // the defaults are valid
  let reservePrice = scenario.start.endPrice
  if (reservePrice < p.params.pMin) reservePrice = p.params.pMin
  return { kind: 'rfc17', reservePrice, params: p.params, tenantsBid: true, bidTiming: 'open' }
}

export const simulateRfc17 = (scenario: Scenario, options: Rfc17Options = {}): Rfc17Result => {
  const seed = options.seed ?? 0
  const market = marketOf(scenario)
  const pop = Population.create(scenario, seed)
  const agents = pop.agents
  const byId = new Map<string, Agent>()
  for (const a of agents) if (!byId.has(a.id)) byId.set(a.id, a)
  const sales: SaleResult[] = []
  let reserve = market.reservePrice
  let revenue = 0n
  for (let k = 1; k <= scenario.horizon; k++) {
    grantRights(pop, k)
    const table = scenario.demand.table
    const levels = Rfc17.Params.levels(market.params)
    const supply = offered(scenario, pop, k)
    const view: MarketView = {
      k,
      reserve,
      opening: Rfc17.Clock.openingPrice(market.params, reserve),
      supply,
      levels,
      params: market.params,
      clockAt: (l) => Rfc17.Clock.priceAt(market.params, reserve, l),
      tableRenewalsLeft: table ? seriesAt(table.renewals, k) : 0,
      tenantsBid: market.tenantsBid,
      bidTiming: market.bidTiming,
      rng: pop.rng,
    }
    if (table)
      for (let i = 0; i < seriesAt(table.purchases, k); i++) {
        const level = Math.min(levels - 1, Math.round(table.buyAt * (levels - 1)))
        const a = Table.create({ id: `buyer-${k}-${i}`, group: 'table buyers' }, level)
        agents.push(a)
        byId.set(a.id, a)
      }
    const sale = runSale(view, agents, byId)
    revenue += sale.revenue
    sales.push(sale)
    reserve = sale.nextReserve
  }
  return {
    name: scenario.name,
    seed,
    token: { symbol: scenario.chain.token.symbol, decimals: scenario.chain.token.decimals },
    sales,
    groups: groupResults(agents),
    revenue,
  }
}

/** A lease ending now becomes a right; holders who renew carry this period's cores as rights. */
const grantRights = (pop: Population.Population, k: number): void => {
  for (const a of pop.agents) {
    a.rights = keepsRights(a) ? a.holds : 0
    a.holds = 0
  }
  for (const l of pop.leases) if (l.renewInSale === k) l.agent.rights++
}

/**
 * Cores offered in sale k: the extra cores plus the cores of leases ended by now (reservations and
 * running leases are not for sale), at most `limitCoresOffered` — but never fewer than the renewal
 * rights held (the RFC offers every tenant's core).
 */
const offered = (scenario: Scenario, pop: Population.Population, k: number): number => {
  const ended = pop.leases.filter((l) => l.renewInSale <= k).length
  const limit = scenario.chain.configuration.limitCoresOffered ?? Number.POSITIVE_INFINITY
  const rights = pop.agents.reduce((n, a) => n + a.rights, 0)
  return Math.max(rights, Math.min(limit, scenario.start.extraCores + ended))
}

/** The market, renewal and settlement periods of one sale, and the secondary market after it. */
const runSale = (view: MarketView, agents: Agent[], byId: Map<string, Agent>): SaleResult => {
  const failed: Failure[] = []
  const fail = (a: AgentBase, reason: string) => {
    a.failures++
    failed.push({ agent: a.id, group: a.group, reason, lostCore: false })
  }

  // --- Market period: every agent's bids ---
  const bids: Rfc17.Sale.PlannedBid[] = []
  for (const a of agents) intents(a, view, { bid: (who, b) => bids.push({ ...b, bidder: who.id }), fail })

  // --- Renewal period: holders decide at the offered price ---
  const declined = new Map<string, string>()
  const balance = (a: AgentBase) => (a.budget === null ? null : a.budget - a.cost + a.income)
  const r = Rfc17.Sale.run({
    params: view.params,
    reserve: view.reserve,
    supply: view.supply,
    bids,
    tenants: agents.filter((a) => a.rights > 0).map((a) => ({ holder: a.id, rights: a.rights })),
    renew: (offer) => {
      const a = byId.get(offer.holder) as Agent
      if (offer.eligible === 0) return 0
      const d = renew(a, view, offer.eligible, offer.price)
      if (d.reason !== null) declined.set(a.id, d.reason)
      return d.n
    },
    random: (bound) => Rng.int(view.rng, bound),
    balanceOf: (who) => {
      const a = byId.get(who)
      return a ? balance(a) : null
    },
  })
  if (!r.ok) throw new SimulationError(`sale ${view.k}: ${r.error.message}`, { details: r.error.code })
  const o = r.outcome

  // --- Settlement: winners pay the clearing price, renewers the renewal price ---
  const newBuyers = newTally()
  const renewers = newTally()
  let displaced = 0
  for (const b of o.bids) {
    const a = byId.get(b.bidder) as Agent
    a.holds += b.kept
    a.cost += b.paid
    a.purchases += b.kept
    tally(b.tenant ? renewers : newBuyers, o.clearingPrice, b.kept)
    displaced += b.displaced
    if (b.displaced > 0) fail(a, 'Displaced')
    else if (b.won === 0 && !b.tenant) fail(a, 'Outbid')
  }
  for (const x of o.rejected) if (x.raiseOf === null) fail(byId.get(x.bidder) as Agent, x.code)
  let lapsed = 0
  for (const rn of o.renewals) {
    const a = byId.get(rn.holder) as Agent
    a.holds += rn.renewed
    a.cost += rn.paid
    a.renewals += rn.renewed
    tally(renewers, rn.price, rn.renewed)
    const why = rn.unaffordable ? 'FundsUnavailable' : declined.get(a.id)
    if (why === 'Lapsed') lapsed += rn.eligible - rn.renewed
    else if (why !== undefined && rn.renewed < rn.eligible) fail(a, why)
  }

  // --- Settlement period: speculators resell to buyers who did not get a core ---
  const resold = resell(agents, failed, byId, o.clearingPrice, newBuyers)

  for (const f of failed) {
    const a = byId.get(f.agent) as Agent
    f.lostCore = a.rights > 0 && a.holds < a.rights
  }
  let largeActorCores = 0
  for (const a of agents) if (a.kind === 'largeActor') largeActorCores += a.holds
  return {
    sale: view.k,
    reservePrice: o.reservePrice,
    openingPrice: o.openingPrice,
    clearingPrice: o.clearingPrice,
    renewalPrice: o.renewalPrice,
    penaltyApplied: o.penaltyApplied,
    closedAtLevel: o.closedAtLevel,
    lottery: o.lottery,
    supply: o.supply,
    sold: o.sold,
    renewed: o.renewed,
    idle: o.idle,
    displaced,
    resold,
    lapsed,
    newBuyerPrices: stats(newBuyers),
    renewerPrices: stats(renewers),
    largeActorCores,
    revenue: o.revenue,
    nextReserve: o.next.reserve,
    reserveRule: o.next.rule,
    failed,
  }
}

/**
 * Speculators offer the cores they won at clearing × markup to buyers who failed in this sale
 * (outbid, displaced, or priced out by the reserve), highest valuation first; a sale removes the
 * buyer's failure. Returns the number of cores resold.
 */
const resell = (
  agents: Agent[],
  failed: Failure[],
  byId: Map<string, Agent>,
  clearing: bigint,
  newBuyers: Tally,
): number => {
  const wanting = failed
    .map((f, i) => ({ f, i, a: byId.get(f.agent) as Agent }))
    .filter(
      (x) =>
        x.a.kind === 'buyer' &&
        x.a.holds === 0 &&
        ['Outbid', 'Displaced', 'TooExpensive'].includes(x.f.reason),
    )
    .sort((x, y) => {
      const vx = x.a.kind === 'buyer' ? x.a.valuation : 0n
      const vy = y.a.kind === 'buyer' ? y.a.valuation : 0n
      return vy > vx ? 1 : vy < vx ? -1 : x.i - y.i
    })
  const served = new Set<number>()
  let resold = 0
  for (const s of agents) {
    if (s.kind !== 'speculator') continue
    while (s.holds > 0) {
      const ask = Speculator.ask(s, clearing)
      const w = wanting.find((x) => !served.has(x.i) && x.a.kind === 'buyer' && x.a.valuation >= ask)
      if (!w) break
      served.add(w.i)
      s.holds--
      s.income += ask
      w.a.holds++
      w.a.cost += ask
      w.a.purchases++
      w.a.failures--
      tally(newBuyers, ask)
      resold++
    }
  }
  if (served.size > 0) {
    const keep = failed.filter((_, i) => !served.has(i))
    failed.length = 0
    failed.push(...keep)
  }
  for (const a of agents) if (a.kind === 'buyer' && a.holds > 0) a.served = true
  return resold
}

const groupResults = (agents: readonly Agent[]): GroupResult[] => {
  const groups = new Map<string, GroupResult>()
  for (const a of agents) addToGroup(groups, a, a.holds)
  return [...groups.values()]
}
