import {
  type AccountId,
  Broker,
  type BrokerCall,
  type BrokerState,
  CoreMask,
  type RegionId,
  type Schedule,
  type Sink,
} from '@coretime/core'
import * as Recorder from './Recorder'
import * as Rng from './Rng'
import type { AgentSpec, Dist, Scenario, Timing } from './Scenario'
import { seriesAt } from './Scenario'

// ------------------------------------------------------------------------------------------------
// Results
// ------------------------------------------------------------------------------------------------

/** Why someone did not get (or keep) a core: an engine error, or a decision before any call. */
export type FailureReason =
  | 'SoldOut'
  | 'Overpriced'
  | 'FundsUnavailable'
  | 'Unavailable'
  | 'TooExpensive' // the price never came within the agent's limit in this sale
  | 'RenewalTooExpensive' // the renewal price was above what the renewer will pay
  | 'Forgot' // the renewer forgot to renew
  | (string & {})

export interface Failure {
  agent: AccountId
  group: string
  reason: FailureReason
}

export interface PriceStats {
  count: number
  min: bigint
  max: bigint
  /** total / count, floored */
  mean: bigint
  total: bigint
}

export interface SaleResult {
  /** 1-based sale number */
  sale: number
  regionBegin: number
  regionEnd: number
  saleStartBlock: number
  leadinEndBlock: number
  /** the last block of this sale (the next rotation happens one block later) */
  lastBlock: number
  dates: { saleStart: string; leadinEnd: string; regionBegin: string; regionEnd: string }
  /** price at the start of the lead-in */
  startPrice: bigint
  endPrice: bigint
  /** the sale's sellout price when it closed (the next sale's prices follow it) */
  selloutPrice: bigint | null
  coresOffered: number
  idealCoresSold: number
  coresSold: number
  renewed: number
  purchased: number
  /** regions a speculator resold to a buyer who had failed */
  resold: number
  /** renewal rights the table demand left unused */
  lapsed: number
  renewalPrices: PriceStats | null
  purchasePrices: PriceStats | null
  /** everything paid to the broker in this sale (burned on Polkadot and Kusama) */
  revenue: bigint
  failed: Failure[]
}

export interface AgentResult {
  id: AccountId
  group: string
  kind: Actor['kind']
  task: number
  /** planck paid to the broker, plus resale prices paid to speculators */
  cost: bigint
  /** resale income (speculators) */
  income: bigint
  purchases: number
  renewals: number
  failures: number
  /** cores held for the last simulated region */
  coresHeld: number
}

export interface GroupResult {
  group: string
  kind: Actor['kind']
  agents: number
  cost: bigint
  income: bigint
  purchases: number
  renewals: number
  failures: number
  coresHeld: number
}

export interface SimResult {
  name: string
  seed: number
  token: { symbol: string; decimals: number }
  sales: SaleResult[]
  /** every scenario agent (table buyers and holders appear only in `groups`) */
  agents: AgentResult[]
  groups: GroupResult[]
  revenue: bigint
  /** the run as a `coretime-trace/1` file, when asked for */
  trace: Recorder.TraceJson | null
}

export interface SimOptions {
  seed?: number
  /** record the run as a coretime-trace/1 file (`result.trace`) */
  trace?: boolean
  /**
   * Start from this broker state (a chain snapshot, `@coretime/chain`) instead of configuring a fresh
   * chain: no setup calls, the scenario's `start` is ignored, and the state's leases and renewal
   * rights are held by table renewers of the group `chain`. Cannot be recorded as a trace.
   */
  from?: BrokerState
}

// ------------------------------------------------------------------------------------------------
// Actors
// ------------------------------------------------------------------------------------------------

interface Actor {
  id: AccountId
  group: string
  kind: 'table' | AgentSpec['kind']
  task: number
  /** the renewal right this actor holds: the PotentialRenewals key */
  right: { core: number; when: number } | null
  /** the most it pays to renew (null: no limit); false: never renews */
  renewLimit: bigint | null | false
  forget: number
  valuation: bigint
  arrival: number
  patience: number
  timing: Timing
  /** renewers: in the interlude, or at this fraction of the lead-in */
  renewAt: 'interlude' | number
  /** speculator / large actor parameters */
  cores: number
  at: number
  markup: number
  sales: readonly [number, number] | null
  /** unassigned regions held, with the price paid */
  regions: { id: RegionId.RegionId; end: number; paid: bigint; sale: number }[]
  /** region ends of the cores obtained */
  heldUntil: number[]
  cost: bigint
  income: bigint
  purchases: number
  renewals: number
  failures: number
  done: boolean
}

const UNLIMITED = 10n ** 30n // default balance of an agent without a budget
const ROOT = 'root'

const newActor = (id: string, group: string, kind: Actor['kind'], task: number): Actor => ({
  id,
  group,
  kind,
  task,
  right: null,
  renewLimit: null,
  forget: 0,
  valuation: UNLIMITED,
  arrival: 0,
  patience: 0,
  timing: { strategy: 'atValuation' },
  renewAt: 'interlude',
  cores: 1,
  at: 0,
  markup: 1,
  sales: null,
  regions: [],
  heldUntil: [],
  cost: 0n,
  income: 0n,
  purchases: 0,
  renewals: 0,
  failures: 0,
  done: false,
})

const pick = (rng: Rng.Rng, [a, b]: readonly [number, number]): number =>
  a === b ? a : a + Rng.int(rng, b - a + 1)

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

// ------------------------------------------------------------------------------------------------
// The run
// ------------------------------------------------------------------------------------------------

type Intent =
  | { type: 'renew'; actor: Actor; block: number; prio: 0; seq: number }
  | { type: 'buy'; actor: Actor; block: number; prio: 1; seq: number; limit: bigint; count: number }

interface Ctx {
  s: BrokerState
  sink: Sink
  rng: Rng.Rng
  steps: Recorder.RecordedStep[] | null
}

const exec = (ctx: Ctx, origin: string, call: BrokerCall) => {
  ctx.sink.events.length = 0
  ctx.sink.assignments.length = 0
  ctx.steps?.push({ block: ctx.s.block, origin, call })
  return Broker.execute(ctx.s, origin, call, ctx.sink)
}

/** The sale price at block `b` of the current sale (runtime API `sale_price`, evaluated at `b`). */
const priceAt = (s: BrokerState, b: number): bigint => {
  // a reused view of the state at another block: salePriceNow reads only runtime, saleInfo and block
  const view = probe.get(s) ?? { ...s }
  probe.set(s, view)
  view.saleInfo = s.saleInfo
  view.block = b
  return Broker.salePriceNow(view) ?? 0n
}
const probe = new WeakMap<BrokerState, BrokerState>()

/**
 * The first block in [from, to] whose price is ≤ limit (prices only fall through a sale), or null.
 */
const firstBlockAtOrBelow = (s: BrokerState, from: number, to: number, limit: bigint): number | null => {
  if (from > to) return null
  if (priceAt(s, from) <= limit) return from
  if (priceAt(s, to) > limit) return null
  let lo = from // price > limit
  let hi = to // price ≤ limit
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2)
    if (priceAt(s, mid) <= limit) hi = mid
    else lo = mid
  }
  return hi
}

/**
 * Runs a scenario through the exact engine: every purchase, renewal, assignment and transfer is a
 * real `Broker.execute` call, and time only moves with `Broker.advanceTo`. Pure and deterministic:
 * the same scenario and seed give the same result.
 */
export const simulate = (scenario: Scenario, options: SimOptions = {}): SimResult => {
  const seed = options.seed ?? 0
  const rng = Rng.create(seed)
  const { runtime, configuration: config, startBlock } = scenario.chain
  const period = runtime.timeslicePeriod

  // Actors, in a fixed order: table lease holders, then each agent spec's members.
  const actors: Actor[] = []
  let nextTask = 2000
  const leases: { actor: Actor; renewInSale: number }[] = []
  scenario.start.leases.forEach((l, i) => {
    for (let j = 0; j < l.count; j++) {
      const a = newActor(`lease${i}-${j}`, `leases${i}`, 'table', nextTask++)
      actors.push(a)
      leases.push({ actor: a, renewInSale: pick(rng, l.renewInSale) })
    }
  })
  const budgets = new Map<AccountId, bigint>()
  for (const spec of scenario.demand.agents) {
    const n = spec.kind === 'largeActor' ? 1 : spec.count
    for (let j = 0; j < n; j++) {
      const a = newActor(n === 1 ? spec.name : `${spec.name}-${j}`, spec.name, spec.kind, nextTask++)
      actors.push(a)
      if (spec.budget !== null) budgets.set(a.id, spec.budget)
      switch (spec.kind) {
        case 'renewer':
          a.renewLimit = spec.maxPrice
          a.forget = spec.forget
          a.renewAt = spec.renewAt
          leases.push({ actor: a, renewInSale: pick(rng, spec.renewInSale) })
          break
        case 'buyer':
          a.valuation = draw(rng, spec.valuation)
          a.arrival = pick(rng, spec.arrival)
          a.patience = spec.patience
          a.timing = spec.timing
          a.renewLimit = spec.renew ? a.valuation : false
          a.forget = spec.forget
          break
        case 'speculator':
          a.valuation = spec.maxPrice
          a.cores = spec.cores
          a.at = spec.at
          a.markup = spec.markup
          a.sales = spec.sales
          a.renewLimit = false
          break
        case 'largeActor':
          a.valuation = spec.buyBelow
          a.cores = Number.POSITIVE_INFINITY
          a.sales = spec.sales
          a.renewLimit = false
          break
      }
    }
  }

  const balances = new Map<AccountId, bigint>()
  const fund = (a: Actor) => balances.set(a.id, budgets.get(a.id) ?? UNLIMITED)
  for (const a of actors) fund(a)

  if (options.from && options.trace)
    throw new SimulationError('a run from a chain state cannot be recorded as a trace')
  const s = options.from ? Broker.clone(options.from) : Broker.create(runtime, new Map(), startBlock)
  const ctx: Ctx = { s, sink: Broker.sink({ quietHistory: true }), rng, steps: options.trace ? [] : null }
  const byTask = new Map<number, Actor>()
  for (const a of actors) byTask.set(a.task, a)

  // --- Setup: configuration, reservations, leases, start of sales (all root calls). ---
  const must = (origin: string, call: BrokerCall) => {
    const r = exec(ctx, origin, call)
    if (!r.ok) throw new SimulationError(`setup call ${call.call} failed: ${r.error}`)
  }
  // The balances are part of the initial state (the trace's `balances`), not a call.
  for (const [k, v] of balances) s.balances.set(k, v)
  if (options.from) {
    const maxTask = adoptChain(s, actors, byTask)
    for (const a of actors) if (!balances.has(a.id)) fund(a)
    for (const [k, v] of balances) s.balances.set(k, v)
    nextTask = Math.max(nextTask, maxTask + 1)
  } else {
    must(ROOT, { call: 'configure', args: config })
    for (let i = 0; i < scenario.start.reservations; i++) {
      const workload: Schedule = [{ mask: CoreMask.complete, assignment: { task: 1000 + i } }]
      must(ROOT, { call: 'reserve', args: { workload } })
    }
    // Sale k's region begins at c + k·L; a lease renewable in sale k ends at c + (k−1)·L.
    const c = Math.floor((startBlock + config.advanceNotice) / period)
    const L = config.regionLength
    for (const l of leases)
      must(ROOT, { call: 'setLease', args: { task: l.actor.task, until: c + (l.renewInSale - 1) * L } })
    must(ROOT, {
      call: 'startSales',
      args: { endPrice: scenario.start.endPrice, extraCores: scenario.start.extraCores },
    })
    takeLeaseRights(ctx.sink, byTask)
  }

  const startMs = Date.parse(scenario.chain.startDate)
  const dateOf = (block: number) =>
    new Date(startMs + (block - startBlock) * scenario.chain.blockTimeSeconds * 1000).toISOString()

  const sales: SaleResult[] = []
  const table = scenario.demand.table
  let revenueTotal = 0n

  for (let k = 1; k <= scenario.horizon; k++) {
    const sale = s.saleInfo
    if (!sale) throw new SimulationError('no sale after rotation')
    const now = s.block
    const rotation = sale.regionBegin * period - config.advanceNotice
    const lastBlock = rotation - 1
    const leadinEnd = sale.saleStart + sale.leadinLength
    const firstBuy = Math.min(sale.saleStart + 1, lastBlock)
    const startPrice = priceAt(s, sale.saleStart)
    const failed: Failure[] = []
    const renewalPrices: bigint[] = []
    const purchasePrices: bigint[] = []
    let resold = 0
    let lapsed = 0
    const fail = (a: Actor, reason: FailureReason) => {
      a.failures++
      failed.push({ agent: a.id, group: a.group, reason })
    }

    // --- Housekeeping: holders drop their regions that have ended (`drop_region`, any origin) ---
    const nowSlice = Broker.currentTimeslice(s)
    for (const a of actors) {
      if (a.regions.length === 0) continue
      const kept: Actor['regions'] = []
      for (const r of a.regions) {
        if (r.end > nowSlice) kept.push(r)
        else if (!exec(ctx, a.id, { call: 'dropRegion', args: { regionId: r.id } }).ok) kept.push(r)
      }
      a.regions = kept
    }

    // --- Intents of this sale ---
    const intents: Intent[] = []
    let seq = 0
    const interludeBlock = (spread: boolean) =>
      Math.min(
        now + 1 + (spread && config.interludeLength > 1 ? Rng.int(rng, config.interludeLength) : 0),
        lastBlock,
      )
    const buyBlock = (a: Actor, limit: bigint): number | null => {
      let from = firstBuy
      const t = a.timing
      if (t.strategy === 'end') from = leadinEnd
      else if (t.strategy === 'fraction') from = sale.saleStart + Math.round(t.at * sale.leadinLength)
      else if (t.strategy === 'random') from = sale.saleStart + Rng.int(rng, sale.leadinLength + 1)
      from = Math.min(Math.max(from, firstBuy), lastBlock)
      return firstBlockAtOrBelow(s, from, lastBlock, limit)
    }

    // renewals: table holders in core order, the first N renew, the rest lapse
    const holders = actors.filter((a) => a.right !== null && a.right.when === sale.regionBegin)
    holders.sort((x, y) => (x.right?.core ?? 0) - (y.right?.core ?? 0))
    let tableRenewals = table ? seriesAt(table.renewals, k) : 0
    for (const a of holders) {
      if (a.kind === 'table') {
        if (tableRenewals > 0) {
          tableRenewals--
          intents.push({ type: 'renew', actor: a, block: now + 1, prio: 0, seq: seq++ })
        } else {
          a.right = null
          lapsed++
        }
      } else if (a.renewLimit !== false) {
        const block =
          a.renewAt === 'interlude'
            ? interludeBlock(true)
            : Math.min(
                Math.max(sale.saleStart + Math.round(a.renewAt * sale.leadinLength), firstBuy),
                lastBlock,
              )
        intents.push({ type: 'renew', actor: a, block, prio: 0, seq: seq++ })
      }
    }
    // table purchases
    if (table) {
      const n = seriesAt(table.purchases, k)
      const at = Math.min(
        Math.max(sale.saleStart + Math.round(table.buyAt * sale.leadinLength), firstBuy),
        lastBlock,
      )
      for (let i = 0; i < n; i++) {
        const a = newActor(`buyer-${k}-${i}`, 'table buyers', 'table', nextTask++)
        byTask.set(a.task, a)
        actors.push(a)
        fund(a)
        s.balances.set(a.id, UNLIMITED)
        intents.push({ type: 'buy', actor: a, block: at, prio: 1, seq: seq++, limit: UNLIMITED, count: 1 })
      }
    }
    // agents' purchases
    for (const a of actors) {
      if (a.done) continue
      const inSales = a.sales === null || (k >= a.sales[0] && k <= a.sales[1])
      if (a.kind === 'buyer') {
        if (a.right !== null || a.heldUntil.length > 0 || k < a.arrival) continue
        if (k >= a.arrival + a.patience) {
          a.done = true
          continue
        }
        const b = buyBlock(a, a.valuation)
        if (b === null) fail(a, 'TooExpensive')
        else
          intents.push({ type: 'buy', actor: a, block: b, prio: 1, seq: seq++, limit: a.valuation, count: 1 })
      } else if ((a.kind === 'speculator' || a.kind === 'largeActor') && inSales) {
        const from = Math.min(
          Math.max(sale.saleStart + Math.round(a.at * sale.leadinLength), firstBuy),
          lastBlock,
        )
        const b = firstBlockAtOrBelow(s, from, lastBlock, a.valuation)
        if (b !== null)
          intents.push({
            type: 'buy',
            actor: a,
            block: b,
            prio: 1,
            seq: seq++,
            limit: a.valuation,
            count: a.cores,
          })
      }
    }
    // same block: renewals first, then a random order among buyers
    const order = Rng.shuffle(
      rng,
      intents.map((_, i) => i),
    )
    const rank = new Array<number>(intents.length)
    order.forEach((i, r) => {
      rank[i] = r
    })
    intents.sort((x, y) => x.block - y.block || x.prio - y.prio || (rank[x.seq] ?? 0) - (rank[y.seq] ?? 0))

    // --- Execute ---
    for (const it of intents) {
      if (it.block > s.block) Broker.advanceTo(s, it.block, ctx.sink)
      const a = it.actor
      if (it.type === 'renew') {
        const right = a.right
        if (!right) continue
        const record = s.potentialRenewals.get(Broker.renewalKey(right.core, right.when))
        if (!record) {
          a.right = null
          continue
        }
        if (a.kind !== 'table') {
          if (Rng.chance(rng, a.forget)) {
            a.right = null
            fail(a, 'Forgot')
            continue
          }
          if (a.renewLimit !== null && a.renewLimit !== false && record.price > a.renewLimit) {
            a.right = null
            fail(a, 'RenewalTooExpensive')
            continue
          }
        }
        const r = exec(ctx, a.id, { call: 'renew', args: { core: right.core } })
        if (!r.ok) {
          a.right = null
          fail(a, r.error)
          continue
        }
        const ev = ctx.sink.events.find((e) => e.name === 'Renewed')
        if (ev?.name !== 'Renewed') throw new SimulationError('renew succeeded without a Renewed event')
        a.right = { core: ev.data.core, when: sale.regionEnd }
        a.cost += ev.data.price
        a.renewals++
        a.heldUntil.push(sale.regionEnd)
        renewalPrices.push(ev.data.price)
        continue
      }
      let bought = 0
      for (let i = 0; i < it.count; i++) {
        const r = exec(ctx, a.id, { call: 'purchase', args: { priceLimit: it.limit } })
        if (!r.ok) {
          if (bought === 0 || a.kind !== 'largeActor') fail(a, r.error)
          break
        }
        const ev = ctx.sink.events.find((e) => e.name === 'Purchased')
        if (ev?.name !== 'Purchased')
          throw new SimulationError('purchase succeeded without a Purchased event')
        bought++
        a.cost += ev.data.price
        a.purchases++
        a.heldUntil.push(sale.regionEnd)
        purchasePrices.push(ev.data.price)
        if (a.renewLimit !== false) {
          const assigned = exec(ctx, a.id, {
            call: 'assign',
            args: { regionId: ev.data.regionId, task: a.task, finality: 'Final' },
          })
          if (!assigned.ok) throw new SimulationError(`assign failed: ${assigned.error}`)
          a.right = { core: ev.data.regionId.core, when: sale.regionEnd }
        } else {
          a.regions.push({ id: ev.data.regionId, end: sale.regionEnd, paid: ev.data.price, sale: k })
        }
      }
    }

    // --- Resale: speculators offer this sale's regions to buyers who failed, highest valuation first ---
    const wanting = failed
      .map((f, i) => ({ f, i, a: actors.find((x) => x.id === f.agent) }))
      .filter(
        (w) =>
          w.a?.kind === 'buyer' &&
          w.a.right === null &&
          (w.f.reason === 'SoldOut' || w.f.reason === 'TooExpensive'),
      )
      .sort((x, y) =>
        (y.a?.valuation ?? 0n) > (x.a?.valuation ?? 0n)
          ? 1
          : (y.a?.valuation ?? 0n) < (x.a?.valuation ?? 0n)
            ? -1
            : x.i - y.i,
      )
    const resoldIdx = new Set<number>()
    for (const spec of actors) {
      if (spec.kind !== 'speculator') continue
      for (const r of spec.regions) {
        if (r.sale !== k) continue
        const ask = (r.paid * BigInt(Math.round(spec.markup * 1000))) / 1000n
        const w = wanting.find((x) => !resoldIdx.has(x.i) && x.a !== undefined && x.a.valuation >= ask)
        if (!w?.a) continue
        const buyer = w.a
        const t = exec(ctx, spec.id, { call: 'transfer', args: { regionId: r.id, newOwner: buyer.id } })
        if (!t.ok) continue
        const assigned = exec(ctx, buyer.id, {
          call: 'assign',
          args: { regionId: r.id, task: buyer.task, finality: 'Final' },
        })
        if (!assigned.ok) throw new SimulationError(`assign after resale failed: ${assigned.error}`)
        resoldIdx.add(w.i)
        buyer.right = { core: r.id.core, when: sale.regionEnd }
        buyer.heldUntil.push(sale.regionEnd)
        buyer.cost += ask
        buyer.failures--
        spec.income += ask
        spec.heldUntil.splice(spec.heldUntil.indexOf(sale.regionEnd), 1)
        r.sale = -1
        resold++
      }
      spec.regions = spec.regions.filter((r) => r.sale !== -1)
    }
    const stillFailed = failed.filter((_, i) => !resoldIdx.has(i))

    // --- Close the sale ---
    const closing = s.saleInfo ?? sale
    const revenue = sum(renewalPrices) + sum(purchasePrices)
    revenueTotal += revenue
    sales.push({
      sale: k,
      regionBegin: sale.regionBegin,
      regionEnd: sale.regionEnd,
      saleStartBlock: sale.saleStart,
      leadinEndBlock: leadinEnd,
      lastBlock,
      dates: {
        saleStart: dateOf(sale.saleStart),
        leadinEnd: dateOf(leadinEnd),
        regionBegin: dateOf(sale.regionBegin * period),
        regionEnd: dateOf(sale.regionEnd * period),
      },
      startPrice,
      endPrice: sale.endPrice,
      selloutPrice: closing.selloutPrice,
      coresOffered: sale.coresOffered,
      idealCoresSold: sale.idealCoresSold,
      coresSold: closing.coresSold,
      renewed: renewalPrices.length,
      purchased: purchasePrices.length,
      resold,
      lapsed,
      renewalPrices: stats(renewalPrices),
      purchasePrices: stats(purchasePrices),
      revenue,
      failed: stillFailed,
    })

    if (k === scenario.horizon) break
    // --- Rotate into the next sale; leases ending now become renewal rights of their holders ---
    ctx.sink.events.length = 0
    ctx.sink.assignments.length = 0
    Broker.advanceTo(s, rotation, ctx.sink)
    takeLeaseRights(ctx.sink, byTask)
    ctx.sink.events.length = 0
    ctx.sink.assignments.length = 0
  }

  const last = sales[sales.length - 1]
  const finalEnd = last?.regionEnd ?? 0
  const agentResults: AgentResult[] = actors
    .filter((a) => a.kind !== 'table')
    .map((a) => agentResult(a, finalEnd))
  const groups = new Map<string, GroupResult>()
  for (const a of actors) {
    const r = agentResult(a, finalEnd)
    const g = groups.get(a.group) ?? {
      group: a.group,
      kind: a.kind,
      agents: 0,
      cost: 0n,
      income: 0n,
      purchases: 0,
      renewals: 0,
      failures: 0,
      coresHeld: 0,
    }
    g.agents++
    g.cost += r.cost
    g.income += r.income
    g.purchases += r.purchases
    g.renewals += r.renewals
    g.failures += r.failures
    g.coresHeld += r.coresHeld
    groups.set(a.group, g)
  }
  if (ctx.steps && last) ctx.steps.push({ block: s.block, origin: null, call: null })
  return {
    name: scenario.name,
    seed,
    token: { symbol: scenario.chain.token.symbol, decimals: scenario.chain.token.decimals },
    sales,
    agents: agentResults,
    groups: [...groups.values()],
    revenue: revenueTotal,
    trace: ctx.steps ? Recorder.toTrace(scenario.name, runtime, startBlock, balances, ctx.steps) : null,
  }
}

/**
 * A chain state's holders (`from`): each lease's task, and each complete potential renewal from the
 * current sale on, gets a table renewer in the group `chain`. Returns the largest task seen.
 */
const adoptChain = (s: BrokerState, actors: Actor[], byTask: Map<number, Actor>): number => {
  let maxTask = 0
  const holder = (task: number, suffix: string): Actor => {
    const a = newActor(`para${task}${suffix}`, 'chain', 'table', task)
    actors.push(a)
    byTask.set(task, a)
    if (task > maxTask) maxTask = task
    return a
  }
  for (const l of s.leases) holder(l.task, '-lease')
  const from = s.saleInfo?.regionBegin ?? 0
  for (const [key, r] of [...s.potentialRenewals].sort((x, y) => x[0] - y[0])) {
    const { core, when } = Broker.renewalKeyParts(key)
    if (when < from || !('complete' in r.completion)) continue
    const first = r.completion.complete[0]?.assignment
    const task = typeof first === 'object' ? first.task : 0
    const a = holder(task, `-core${core}`)
    a.right = { core, when }
    a.heldUntil.push(when)
  }
  return maxTask
}

/** Leases that end become renewal rights (`Renewable` then `LeaseEnding` in a rotation): hand them to their holders. */
const takeLeaseRights = (sink: Sink, byTask: ReadonlyMap<number, Actor>): void => {
  let renewable: number | null = null
  for (const e of sink.events) {
    if (e.name === 'Renewable') renewable = e.data.core
    else if (e.name === 'LeaseEnding' && renewable !== null) {
      const holder = byTask.get(e.data.task)
      if (holder) {
        holder.right = { core: renewable, when: e.data.when }
        holder.heldUntil.push(e.data.when) // the lease covers the region that ends at `when`
      }
    }
  }
}

const agentResult = (a: Actor, finalEnd: number): AgentResult => ({
  id: a.id,
  group: a.group,
  kind: a.kind,
  task: a.task,
  cost: a.cost,
  income: a.income,
  purchases: a.purchases,
  renewals: a.renewals,
  failures: a.failures,
  coresHeld: a.heldUntil.filter((e) => e === finalEnd).length,
})

const sum = (xs: readonly bigint[]): bigint => xs.reduce((t, x) => t + x, 0n)

const stats = (xs: readonly bigint[]): PriceStats | null => {
  if (xs.length === 0) return null
  let min = xs[0] as bigint
  let max = min
  let total = 0n
  for (const x of xs) {
    if (x < min) min = x
    if (x > max) max = x
    total += x
  }
  return { count: xs.length, min, max, mean: total / BigInt(xs.length), total }
}

/** A run that cannot go on (a setup call the engine refused, or a broken invariant). */
export class SimulationError extends Error {
  override name = 'SimulationError'
}
