import {
  type AccountId,
  Broker,
  type BrokerCall,
  type BrokerState,
  CoreMask,
  OnDemand,
  RegionId,
  Sale,
  type SaleInfoRecord,
  type Schedule,
  type Sink,
} from '@coretime/core'
import { isoDate } from './IsoDate'
import * as Recorder from './Recorder'
import * as Relay from './Relay'
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
  /** on-demand orders on the relay in this sale (only with `onDemand` agents; not broker revenue) */
  onDemand?: OnDemandSale
}

export interface OnDemandSale {
  /** spot prices paid for the orders placed */
  orders: PriceStats | null
  /** orders the relay refused (spot price above the agent's limit, queue full, balance short) */
  rejected: number
  /** planck paid for on-demand blocks in this sale */
  cost: bigint
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
  /** on-demand agents: orders placed and refused */
  orders?: number
  ordersRejected?: number
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
  orders?: number
  ordersRejected?: number
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
  /** on-demand agents: orders per sale, and the counts so far */
  ordersPerSale: readonly [number, number]
  orders: number
  ordersRejected: number
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
  ordersPerSale: [0, 0],
  orders: 0,
  ordersRejected: 0,
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

interface Intent {
  type: 'renew' | 'buy' | 'order'
  actor: Actor
  block: number
  /** renewals (0) before purchases (1) before on-demand orders (2) in the same block */
  prio: 0 | 1 | 2
  limit: bigint
  count: number
}

interface Ctx {
  s: BrokerState
  /** the sink calls go to: `loud` for setup and rotations (lease rights are read from events), `quiet` in a sale */
  sink: Sink
  loud: Sink
  quiet: Sink
  rng: Rng.Rng
  steps: Recorder.RecordedStep[] | null
  /** call objects reused from call to call when nothing records them (the engine keeps no args) */
  reuse: {
    renew: { call: 'renew'; args: { core: number } }
    purchase: { call: 'purchase'; args: { priceLimit: bigint } }
    dropRegion: { call: 'dropRegion'; args: { regionId: RegionId.RegionId } }
  } | null
}

const renewCall = (ctx: Ctx, core: number): BrokerCall => {
  const c = ctx.reuse?.renew
  if (!c) return { call: 'renew', args: { core } }
  c.args.core = core
  return c
}
const purchaseCall = (ctx: Ctx, priceLimit: bigint): BrokerCall => {
  const c = ctx.reuse?.purchase
  if (!c) return { call: 'purchase', args: { priceLimit } }
  c.args.priceLimit = priceLimit
  return c
}
const dropRegionCall = (ctx: Ctx, regionId: RegionId.RegionId): BrokerCall => {
  const c = ctx.reuse?.dropRegion
  if (!c) return { call: 'dropRegion', args: { regionId } }
  c.args.regionId = regionId
  return c
}

const exec = (ctx: Ctx, origin: string, call: BrokerCall) => {
  clearSink(ctx.sink)
  ctx.steps?.push({ block: ctx.s.block, origin, call })
  return Broker.execute(ctx.s, origin, call, ctx.sink)
}

/** Empties the sink between calls (setting an array's length is a runtime call: only when needed). */
const clearSink = (sink: Sink): void => {
  if (sink.events.length !== 0) sink.events.length = 0
  if (sink.assignments.length !== 0) sink.assignments.length = 0
}

/** The sale price at block `b` (runtime API `sale_price`, evaluated at `b`). */
type PriceAt = (b: number) => bigint

/**
 * The first block in [from, to] whose price is ≤ limit, or null. Prices only fall through a sale
 * (and are flat from the end of the lead-in), so that block is unique and any bracketing search
 * finds the same one. The lead-in is piecewise linear with a bend at `knot` (its middle, for the
 * CenterTargetPrice family), so after one probe there, interpolating between the bracket's prices
 * and probing the neighbour usually closes it in two or three evaluations instead of a
 * bisection's ~18; bisection takes over if interpolation stalls.
 */
const firstBlockAtOrBelow = (
  priceAt: PriceAt,
  from: number,
  to: number,
  limit: bigint,
  knot: number,
  flatFrom: number,
): number | null => {
  if (from > to) return null
  let plo = priceAt(from)
  if (plo <= limit) return from
  let hi = to
  if (hi > flatFrom && from < flatFrom) hi = flatFrom // the same price as `to`
  let phi = priceAt(hi)
  if (phi > limit) return null
  let lo = from // price > limit
  if (knot > lo && knot < hi) {
    const p = priceAt(knot)
    if (p <= limit) {
      hi = knot
      phi = p
    } else {
      lo = knot
      plo = p
    }
  }
  for (let round = 0; hi - lo > 1 && round < 4; round++) {
    let g = lo + Math.round(((hi - lo) * Number(plo - limit)) / Number(plo - phi))
    if (!(g > lo)) g = lo + 1
    if (!(g < hi)) g = hi - 1
    const p = priceAt(g)
    if (p <= limit) {
      hi = g
      phi = p
      if (g - 1 > lo) {
        const q = priceAt(g - 1)
        if (q > limit) return g
        hi = g - 1
        phi = q
      }
    } else {
      lo = g
      plo = p
      if (g + 1 < hi) {
        const q = priceAt(g + 1)
        if (q <= limit) return g + 1
        lo = g + 1
        plo = q
      }
    }
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2)
    if (priceAt(mid) <= limit) hi = mid
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
        case 'onDemand':
          a.valuation = spec.maxPrice ?? UNLIMITED
          a.ordersPerSale = spec.ordersPerSale
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
  const loud = Broker.sink({ quietHistory: true, quietSchedules: true })
  const ctx: Ctx = {
    s,
    sink: loud,
    loud,
    // within a sale the runner reads what a call did from the state, so no events are built
    quiet: Broker.sink({ quietHistory: true, quietSchedules: true, quietEvents: true }),
    rng,
    steps: options.trace ? [] : null,
    reuse: options.trace
      ? null
      : {
          renew: { call: 'renew', args: { core: 0 } },
          purchase: { call: 'purchase', args: { priceLimit: 0n } },
          dropRegion: { call: 'dropRegion', args: { regionId: { begin: 0, core: 0, mask: 0n } } },
        },
  }
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
  const msPerBlock = scenario.chain.blockTimeSeconds * 1000
  const dateOf = (block: number) => isoDate(startMs + (block - startBlock) * msPerBlock)

  // The first actor with each id (failures name agents by id).
  const byId = new Map<AccountId, Actor>()
  for (const a of actors) if (!byId.has(a.id)) byId.set(a.id, a)
  const adapter = runtime.priceAdapter
  const maxBal = Broker.maxBalance(runtime)

  // The relay's on-demand market, for on-demand agents (their relay balances: budget or unlimited).
  const hasOnDemand = scenario.demand.agents.some((a) => a.kind === 'onDemand')
  let market: Relay.Market = Relay.create(
    s.block,
    Object.fromEntries(
      actors.filter((a) => a.kind === 'onDemand').map((a) => [a.id, budgets.get(a.id) ?? UNLIMITED]),
    ),
  )

  const sales: SaleResult[] = []
  const table = scenario.demand.table
  let revenueTotal = 0n
  const intents: Intent[] = []
  const pool: Intent[] = []
  const holders: Actor[] = []
  const slots: (Actor | undefined)[] = []
  const scratch = { s: newScratch(64) }

  for (let k = 1; k <= scenario.horizon; k++) {
    const sale: SaleInfoRecord | null = s.saleInfo
    if (!sale) throw new SimulationError('no sale after rotation')
    ctx.sink = ctx.quiet
    // The sale's prices depend only on its start, lead-in and end price (a copy: `sale` is live).
    const priced = { saleStart: sale.saleStart, leadinLength: sale.leadinLength, endPrice: sale.endPrice }
    // every search probes the lead-in's middle and end: computed once per sale
    const knotBlock = sale.saleStart + Math.floor(sale.leadinLength / 2)
    const endBlock = sale.saleStart + sale.leadinLength
    const knotPrice = Sale.priceAt(priced, knotBlock, adapter, maxBal)
    const endBlockPrice = Sale.priceAt(priced, endBlock, adapter, maxBal)
    const priceAt: PriceAt = (b) =>
      b === knotBlock ? knotPrice : b >= endBlock ? endBlockPrice : Sale.priceAt(priced, b, adapter, maxBal)
    const now = s.block
    const rotation = sale.regionBegin * period - config.advanceNotice
    const lastBlock = rotation - 1
    const leadinEnd = sale.saleStart + sale.leadinLength
    const knot = sale.saleStart + Math.floor(sale.leadinLength / 2)
    const firstBuy = Math.min(sale.saleStart + 1, lastBlock)
    const startPrice = priceAt(sale.saleStart)
    const failed: Failure[] = []
    const failedBy: Actor[] = []
    const renewalPrices = newTally()
    const purchasePrices = newTally()
    const orderPrices = newTally()
    let odRejected = 0
    let resold = 0
    let lapsed = 0
    const fail = (a: Actor, reason: FailureReason) => {
      a.failures++
      failed.push({ agent: a.id, group: a.group, reason })
      failedBy.push(byId.get(a.id) ?? a)
    }

    // --- Housekeeping: holders drop their regions that have ended (`drop_region`, any origin) ---
    const nowSlice = Broker.currentTimeslice(s)
    for (const a of actors) {
      if (a.regions.length === 0) continue
      let dropped = false
      for (const r of a.regions) {
        if (r.end > nowSlice) continue
        if (exec(ctx, a.id, dropRegionCall(ctx, r.id)).ok) {
          r.sale = -2
          dropped = true
        }
      }
      if (dropped) a.regions = a.regions.filter((r) => r.sale !== -2)
    }

    // --- Intents of this sale ---
    intents.length = 0
    const interludeBlock = (spread: boolean) =>
      Math.min(
        now + 1 + (spread && config.interludeLength > 1 ? Rng.int(rng, config.interludeLength) : 0),
        lastBlock,
      )
    const leadinBlock = (fraction: number) =>
      Math.min(Math.max(sale.saleStart + Math.round(fraction * sale.leadinLength), firstBuy), lastBlock)
    const buyBlock = (a: Actor, limit: bigint): number | null => {
      let from = firstBuy
      const t = a.timing
      if (t.strategy === 'end') from = leadinEnd
      else if (t.strategy === 'fraction') from = sale.saleStart + Math.round(t.at * sale.leadinLength)
      else if (t.strategy === 'random') from = sale.saleStart + Rng.int(rng, sale.leadinLength + 1)
      from = Math.min(Math.max(from, firstBuy), lastBlock)
      return firstBlockAtOrBelow(priceAt, from, lastBlock, limit, knot, leadinEnd)
    }
    // intent objects are reused from sale to sale (`pool` keeps them; `intents` is this sale's)
    const intend = (type: Intent['type'], actor: Actor, block: number, limit: bigint, count: number) => {
      const prio = type === 'renew' ? 0 : type === 'buy' ? 1 : 2
      const it = pool[intents.length]
      if (it === undefined) {
        const fresh: Intent = { type, actor, block, prio, limit, count }
        pool.push(fresh)
        intents.push(fresh)
        return
      }
      it.type = type
      it.actor = actor
      it.block = block
      it.prio = prio
      it.limit = limit
      it.count = count
      intents.push(it)
    }

    // renewals: table holders in core order, the first N renew, the rest lapse
    holdersOf(actors, sale.regionBegin, holders, slots)
    let tableRenewals = table ? seriesAt(table.renewals, k) : 0
    for (const a of holders) {
      if (a.kind === 'table') {
        if (tableRenewals > 0) {
          tableRenewals--
          intend('renew', a, now + 1, 0n, 1)
        } else {
          a.right = null
          lapsed++
        }
      } else if (a.renewLimit !== false) {
        const block = a.renewAt === 'interlude' ? interludeBlock(true) : leadinBlock(a.renewAt)
        intend('renew', a, block, 0n, 1)
      }
    }
    // table purchases
    if (table) {
      const n = seriesAt(table.purchases, k)
      const at = leadinBlock(table.buyAt)
      for (let i = 0; i < n; i++) {
        const a = newActor(`buyer-${k}-${i}`, 'table buyers', 'table', nextTask++)
        byTask.set(a.task, a)
        if (!byId.has(a.id)) byId.set(a.id, a)
        actors.push(a)
        fund(a)
        s.balances.set(a.id, UNLIMITED)
        intend('buy', a, at, UNLIMITED, 1)
      }
    }
    // agents' purchases
    for (const a of actors) {
      if (a.done) continue
      if (a.kind === 'buyer') {
        if (a.right !== null || a.heldUntil.length > 0 || k < a.arrival) continue
        if (k >= a.arrival + a.patience) {
          a.done = true
          continue
        }
        const b = buyBlock(a, a.valuation)
        if (b === null) fail(a, 'TooExpensive')
        else intend('buy', a, b, a.valuation, 1)
      } else if (
        (a.kind === 'speculator' || a.kind === 'largeActor') &&
        (a.sales === null || (k >= a.sales[0] && k <= a.sales[1]))
      ) {
        const b = firstBlockAtOrBelow(priceAt, leadinBlock(a.at), lastBlock, a.valuation, knot, leadinEnd)
        if (b !== null) intend('buy', a, b, a.valuation, a.cores)
      } else if (a.kind === 'onDemand' && (a.sales === null || (k >= a.sales[0] && k <= a.sales[1]))) {
        // orders at uniform blocks of the sale, from the interlude to its last block
        const n = pick(rng, a.ordersPerSale)
        for (let i = 0; i < n; i++)
          intend('order', a, now + 1 + Rng.int(rng, lastBlock - now), a.valuation, 1)
      }
    }
    // same block: renewals first, then a random order among buyers
    const order = orderIntents(rng, intents, scratch)

    // --- Execute ---
    for (let o = 0; o < order.length; o++) {
      const it = intents[order[o] as number] as Intent
      if (it.block > s.block) Broker.advanceTo(s, it.block, ctx.sink)
      const a = it.actor
      if (it.type === 'order') {
        // the relay serves orders from the broker's instantaneous pool (unsold cores)
        const st = s.status
        const poolCores = st ? Math.floor((st.systemPoolSize + st.privatePoolSize) / 80) : 0
        market = Relay.advance(market, scenario.chain.onDemand, it.block, poolCores)
        const r = OnDemand.Market.apply(market.state, scenario.chain.onDemand, {
          type: 'placeOrderAllowDeath',
          who: a.id,
          maxAmount: it.limit,
          paraId: a.task,
        })
        if (!r.ok) {
          a.ordersRejected++
          odRejected++
          continue
        }
        market = { ...market, state: r.state }
        let price = 0n
        for (const e of r.events) if (e.type === 'OnDemandOrderPlaced') price = e.spotPrice
        a.orders++
        a.cost += price
        tally(orderPrices, price)
        continue
      }
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
        const r = exec(ctx, a.id, renewCall(ctx, right.core))
        if (!r.ok) {
          a.right = null
          fail(a, r.error)
          continue
        }
        // do_renew paid the recorded price and took the sale's next core
        a.right = { core: sale.firstCore + sale.coresSold - 1, when: sale.regionEnd }
        a.cost += record.price
        a.renewals++
        a.heldUntil.push(sale.regionEnd)
        tally(renewalPrices, record.price)
        continue
      }
      let bought = 0
      for (let i = 0; i < it.count; i++) {
        const r = exec(ctx, a.id, purchaseCall(ctx, it.limit))
        if (!r.ok) {
          if (bought === 0 || a.kind !== 'largeActor') fail(a, r.error)
          break
        }
        // do_purchase took the sale's next core and recorded the price paid in the region
        const regionId = {
          begin: sale.regionBegin,
          core: sale.firstCore + sale.coresSold - 1,
          mask: CoreMask.complete,
        }
        const price = s.regions.get(RegionId.toKey(regionId))?.paid
        if (price == null) throw new SimulationError('purchase succeeded without its region')
        bought++
        a.cost += price
        a.purchases++
        a.heldUntil.push(sale.regionEnd)
        tally(purchasePrices, price)
        if (a.renewLimit !== false) {
          const assigned = exec(ctx, a.id, {
            call: 'assign',
            args: { regionId, task: a.task, finality: 'Final' },
          })
          if (!assigned.ok) throw new SimulationError(`assign failed: ${assigned.error}`)
          a.right = { core: regionId.core, when: sale.regionEnd }
        } else {
          a.regions.push({ id: regionId, end: sale.regionEnd, paid: price, sale: k })
        }
      }
    }

    // --- Resale: speculators offer this sale's regions to buyers who failed, highest valuation first ---
    const resoldIdx = new Set<number>()
    let wanting: { i: number; a: Actor }[] | null = null
    for (const spec of actors) {
      if (spec.kind !== 'speculator' || spec.regions.length === 0) continue
      let sold = false
      for (const r of spec.regions) {
        if (r.sale !== k) continue
        wanting ??= wantingBuyers(failed, failedBy)
        if (wanting.length === 0) break
        const ask = (r.paid * BigInt(Math.round(spec.markup * 1000))) / 1000n
        const w = wanting.find((x) => !resoldIdx.has(x.i) && x.a.valuation >= ask)
        if (!w) continue
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
        sold = true
      }
      if (sold) spec.regions = spec.regions.filter((r) => r.sale !== -1)
    }
    const stillFailed = resoldIdx.size === 0 ? failed : failed.filter((_, i) => !resoldIdx.has(i))

    // --- Close the sale ---
    const closing = s.saleInfo ?? sale
    const revenue = renewalPrices.total + purchasePrices.total
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
      renewed: renewalPrices.count,
      purchased: purchasePrices.count,
      resold,
      lapsed,
      renewalPrices: stats(renewalPrices),
      purchasePrices: stats(purchasePrices),
      revenue,
      failed: stillFailed,
      ...(hasOnDemand && {
        onDemand: { orders: stats(orderPrices), rejected: odRejected, cost: orderPrices.total },
      }),
    })

    if (k === scenario.horizon) break
    // --- Rotate into the next sale; leases ending now become renewal rights of their holders ---
    ctx.sink = ctx.loud
    clearSink(ctx.sink)
    Broker.advanceTo(s, rotation, ctx.sink)
    takeLeaseRights(ctx.sink, byTask)
    clearSink(ctx.sink)
  }

  const last = sales[sales.length - 1]
  const finalEnd = last?.regionEnd ?? 0
  const agentResults: AgentResult[] = []
  const groups = new Map<string, GroupResult>()
  for (const a of actors) {
    const r = agentResult(a, finalEnd)
    if (a.kind !== 'table') agentResults.push(r)
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
    if (r.orders !== undefined) {
      g.orders = (g.orders ?? 0) + r.orders
      g.ordersRejected = (g.ordersRejected ?? 0) + (r.ordersRejected ?? 0)
    }
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
  ...(a.kind === 'onDemand' && { orders: a.orders, ordersRejected: a.ordersRejected }),
})

/** Running count, min, max and total of the prices paid in a sale. */
interface Tally {
  count: number
  min: bigint
  max: bigint
  total: bigint
}
const newTally = (): Tally => ({ count: 0, min: 0n, max: 0n, total: 0n })
const tally = (t: Tally, x: bigint): void => {
  if (t.count === 0 || x < t.min) t.min = x
  if (t.count === 0 || x > t.max) t.max = x
  t.count++
  t.total += x
}
const stats = (t: Tally): PriceStats | null =>
  t.count === 0
    ? null
    : { count: t.count, min: t.min, max: t.max, mean: t.total / BigInt(t.count), total: t.total }

const byRightCore = (x: Actor, y: Actor): number => (x.right?.core ?? 0) - (y.right?.core ?? 0)

/** Reused buffers for ordering intents (typed arrays are costly to allocate once per sale). */
interface Scratch {
  shuffled: Int32Array
  rankOf: Int32Array
  keys: Float64Array
  order: Int32Array
}
const newScratch = (n: number): Scratch => ({
  shuffled: new Int32Array(n),
  rankOf: new Int32Array(n),
  keys: new Float64Array(n),
  order: new Int32Array(n),
})

/**
 * The execution order of a sale's intents (indices into `intents`, valid until the next call): by
 * block, renewals before purchases, then a seeded shuffle (one Fisher–Yates over the intents'
 * indices). Sorted as packed numeric keys (block, prio, rank) in a Float64Array, several times
 * faster than a comparator.
 */
const orderIntents = (rng: Rng.Rng, intents: readonly Intent[], scratch: { s: Scratch }): Int32Array => {
  const n = intents.length
  if (scratch.s.order.length < n) scratch.s = newScratch(Math.max(n, 2 * scratch.s.order.length))
  const buf = scratch.s
  // shuffled[r] is the intent of rank r
  const shuffled = buf.shuffled.subarray(0, n)
  for (let i = 0; i < n; i++) shuffled[i] = i
  Rng.shuffle(rng, shuffled)
  const rankOf = buf.rankOf
  for (let r = 0; r < n; r++) rankOf[shuffled[r] as number] = r
  const keys = buf.keys.subarray(0, n)
  const order = buf.order.subarray(0, n)
  // keys are exact while (block span · 3 + 2) · n < 2^53; blocks are whole numbers
  let base = Number.POSITIVE_INFINITY
  for (const it of intents) if (it.block < base) base = it.block
  let packed = true
  for (let i = 0; i < n; i++) {
    const it = intents[i] as Intent
    const key = ((it.block - base) * 3 + it.prio) * n + (rankOf[i] as number)
    if (!(key < 2 ** 53)) packed = false
    keys[i] = key
  }
  if (packed) {
    keys.sort()
    for (let i = 0; i < n; i++) order[i] = shuffled[(keys[i] as number) % n] as number
    return order
  }
  const idx = Array.from({ length: n }, (_, i) => i)
  idx.sort((x, y) => {
    const a = intents[x] as Intent
    const b = intents[y] as Intent
    return a.block - b.block || a.prio - b.prio || (rankOf[x] as number) - (rankOf[y] as number)
  })
  for (let i = 0; i < n; i++) order[i] = idx[i] as number
  return order
}

/**
 * Actors whose renewal right is for region `when`, in core order (then actor order: a stable sort
 * by core). Rights are per core, so a slot per core usually orders them without a sort.
 */
const holdersOf = (
  actors: readonly Actor[],
  when: number,
  out: Actor[],
  slots: (Actor | undefined)[],
): void => {
  out.length = 0
  let maxCore = -1
  let clash = false
  for (const a of actors) {
    const r = a.right
    if (r === null || r.when !== when) continue
    out.push(a)
    if (clash) continue
    if (slots[r.core] !== undefined) clash = true
    else {
      slots[r.core] = a
      if (r.core > maxCore) maxCore = r.core
    }
  }
  if (!clash) {
    let j = 0
    for (let c = 0; c <= maxCore; c++) {
      const a = slots[c]
      if (a !== undefined) {
        out[j++] = a
        slots[c] = undefined
      }
    }
    return
  }
  for (let c = 0; c <= maxCore; c++) slots[c] = undefined
  out.sort(byRightCore)
}

/** Buyers who failed to get a core in this sale, highest valuation first (then in failure order). */
const wantingBuyers = (failed: readonly Failure[], failedBy: readonly Actor[]): { i: number; a: Actor }[] => {
  const out: { i: number; a: Actor }[] = []
  for (let i = 0; i < failed.length; i++) {
    const a = failedBy[i] as Actor
    const f = failed[i] as Failure
    if (a.kind === 'buyer' && a.right === null && (f.reason === 'SoldOut' || f.reason === 'TooExpensive'))
      out.push({ i, a })
  }
  return out.sort((x, y) =>
    y.a.valuation > x.a.valuation ? 1 : y.a.valuation < x.a.valuation ? -1 : x.i - y.i,
  )
}

/** A run that cannot go on (a setup call the engine refused, or a broken invariant). */
export class SimulationError extends Error {
  override name = 'SimulationError'
}
