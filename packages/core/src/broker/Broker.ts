import * as FixedU64 from '../fixed/FixedU64'
import * as Perbill from '../fixed/Perbill'
import { maxOfBits } from '../fixed/rounding'
import * as CoreMask from './CoreMask'
import * as PoolHistory from './PoolHistory'
import { type AdaptedPrices, adaptPrice, linearMultiplier } from './PriceAdapter'
import type { RegionId } from './RegionId'
import * as RegionIdM from './RegionId'
import * as Renewal from './Renewal'
import * as Sale from './Sale'
import type {
  AccountId,
  AssignmentPart,
  Balance,
  BlockNumber,
  BrokerCall,
  BrokerErrorCode,
  BrokerState,
  ConfigRecord,
  CoreAssignment,
  CoreIndex,
  Finality,
  Origin,
  Outcome,
  RegionRecord,
  Runtime,
  SaleInfoRecord,
  Schedule,
  Sink,
  StatusRecord,
  TaskId,
  Timeslice,
} from './types'
import * as Workplan from './Workplan'

// ---------------------------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------------------------

/** A fresh chain: no configuration, no sales, the given balances, at `startBlock`. */
export const create = (
  runtime: Runtime,
  balances: ReadonlyMap<AccountId, Balance> = new Map(),
  startBlock: BlockNumber = 0,
): BrokerState => ({
  runtime,
  block: startBlock,
  configuration: null,
  status: null,
  saleInfo: null,
  reservations: [],
  forceReservations: [],
  leases: [],
  potentialRenewals: new Map(),
  regions: new Map(),
  workplan: Workplan.create(),
  workload: new Map(),
  instaPoolContribution: new Map(),
  instaPoolIo: new Map(),
  instaPoolHistory: PoolHistory.create(),
  coreCountInbox: null,
  revenueInbox: null,
  autoRenewals: [],
  balances: new Map(balances),
  credits: new Map(),
})

/** A new sink to collect events and relay assignments. */
export const sink = (
  options: { quietHistory?: boolean; quietSchedules?: boolean; quietEvents?: boolean } = {},
): Sink => ({
  events: [],
  assignments: [],
  ...(options.quietHistory ? { quietHistory: true } : {}),
  ...(options.quietSchedules ? { quietSchedules: true } : {}),
  ...(options.quietEvents ? { quietEvents: true } : {}),
})

/**
 * A copy that shares nothing mutable with `state`. Records and schedules are never mutated in
 * place by the engine except `saleInfo`, `status` and the ledger maps, so a shallow copy of each
 * collection is enough.
 */
export const clone = (s: BrokerState): BrokerState => ({
  ...s,
  configuration: s.configuration && { ...s.configuration },
  status: s.status && { ...s.status },
  saleInfo: s.saleInfo && { ...s.saleInfo },
  reservations: [...s.reservations],
  forceReservations: [...s.forceReservations],
  leases: s.leases.map((l) => ({ ...l })),
  potentialRenewals: new Map(s.potentialRenewals),
  regions: new Map(s.regions),
  workplan: Workplan.clone(s.workplan),
  workload: new Map(s.workload),
  instaPoolContribution: new Map(s.instaPoolContribution),
  instaPoolIo: new Map(s.instaPoolIo),
  instaPoolHistory: PoolHistory.clone(s.instaPoolHistory),
  autoRenewals: s.autoRenewals.map((r) => ({ ...r })),
  balances: new Map(s.balances),
  credits: new Map(s.credits),
})

// ---------------------------------------------------------------------------------------------
// Keys and small helpers
// ---------------------------------------------------------------------------------------------

/** `PotentialRenewals` key: core · 2^32 + when. */
export const renewalKey = (core: CoreIndex, when: Timeslice): number => core * 4294967296 + when
export const renewalKeyParts = (key: number): { core: CoreIndex; when: Timeslice } => ({
  core: Math.floor(key / 4294967296),
  when: key % 4294967296,
})

const POOL_ALL: Schedule = Object.freeze([
  { mask: CoreMask.complete, assignment: 'Pool' as const },
]) as Schedule
const I32_MAX = 2147483647
const I32_MIN = -2147483648
const satI32 = (v: number): number => (v > I32_MAX ? I32_MAX : v < I32_MIN ? I32_MIN : v)

/** The Balance type's maximum for this runtime. */
export const maxBalance = (runtime: Runtime): Balance => (runtime.balanceBits === 64 ? U64 : U128)
const U64 = maxOfBits(64)
const U128 = maxOfBits(128)

/** `SovereignAccountOf(task)`: the account id a task pays from (trace-format.md `sovereignAccount`). */
export const sovereignAccountOf = (runtime: Runtime, task: TaskId): AccountId => {
  if (runtime.sovereignAccount === 'taskId') return String(task)
  // `sibl` ++ u32 LE ++ zero padding to 32 bytes (xcm-builder SiblingParachainConvertsVia).
  const le = [task & 0xff, (task >>> 8) & 0xff, (task >>> 16) & 0xff, (task >>> 24) & 0xff]
  return `0x7369626c${le.map((b) => b.toString(16).padStart(2, '0')).join('')}${'00'.repeat(24)}`
}

/** Current timeslice: floor(now / TimeslicePeriod) (utility_impls.rs `current_timeslice`). */
export const currentTimeslice = (s: BrokerState): Timeslice => Math.floor(s.block / s.runtime.timeslicePeriod)

/** utility_impls.rs `latest_timeslice_ready_to_commit`: floor((now + advance_notice) / period). */
const latestTimesliceReadyToCommit = (s: BrokerState, config: ConfigRecord): Timeslice =>
  Math.floor((s.block + config.advanceNotice) / s.runtime.timeslicePeriod)

/** The sale price now (runtime API `sale_price`), or null without a sale. */
export const salePriceNow = (s: BrokerState): Balance | null =>
  s.saleInfo && Sale.priceAt(s.saleInfo, s.block, s.runtime.priceAdapter, maxBalance(s.runtime))

const compareAssignment = (a: CoreAssignment, b: CoreAssignment): number => {
  const ra = a === 'Idle' ? -2 : a === 'Pool' ? -1 : a.task
  const rb = b === 'Idle' ? -2 : b === 'Pool' ? -1 : b.task
  return ra - rb
}
const sameAssignment = (a: CoreAssignment, b: CoreAssignment): boolean => compareAssignment(a, b) === 0

// ---------------------------------------------------------------------------------------------
// Ledger (the runtime's `Currency`, with `OnRevenue` paying `runtime.revenueAccount`)
// ---------------------------------------------------------------------------------------------

const POT: AccountId = 'pot'
const balanceOf = (s: BrokerState, who: AccountId): Balance => s.balances.get(who) ?? 0n
const deposit = (s: BrokerState, who: AccountId, amount: Balance): void => {
  if (amount !== 0n) s.balances.set(who, balanceOf(s, who) + amount)
}
/** Moves `amount` if `from` holds it (Preservation::Expendable: may reach exactly 0). */
const transfer = (s: BrokerState, from: AccountId, to: AccountId, amount: Balance): boolean => {
  const have = balanceOf(s, from)
  if (have < amount) return false
  if (amount === 0n) return true
  s.balances.set(from, have - amount)
  deposit(s, to, amount)
  return true
}
/** dispatchable_impls.rs `charge`: withdraw exactly `amount` and hand it to `OnRevenue`. */
const charge = (s: BrokerState, who: AccountId, amount: Balance): boolean =>
  transfer(s, who, s.runtime.revenueAccount, amount)

// ---------------------------------------------------------------------------------------------
// Time: the per-block hook
// ---------------------------------------------------------------------------------------------

/**
 * Advances to `block`, running the per-block hook (`on_initialize` → `do_tick`) once for each
 * block entered. Blocks in which the hook can do nothing are skipped in one step, and with a
 * `quietHistory` sink so are runs of idle timeslices; the state is the same as ticking each block.
 * Mutates `state`.
 */
export const advanceTo = (s: BrokerState, block: BlockNumber, out: Sink): void => {
  if (block < s.block) throw new RangeError(`Broker.advanceTo: block ${block} is before ${s.block}`)
  while (s.block < block) {
    if (out.quietHistory && fastForward(s, block)) continue
    const next = nextActiveBlock(s)
    if (next > block) {
      s.block = block
      return
    }
    s.block = next > s.block + 1 ? next : s.block + 1
    tick(s, out)
  }
}

/**
 * Commits in one step every timeslice up to `target` (or up to the next one where the hook has
 * work: a rotation, a workplan entry, a pool change) when each would only write its history
 * record, as `do_tick` would one block at a time. False if there is no such run from here.
 */
const fastForward = (s: BrokerState, target: BlockNumber): boolean => {
  const config = s.configuration
  const status = s.status
  if (!config || !status || s.coreCountInbox !== null || s.revenueInbox !== null) return false
  const p = s.runtime.timeslicePeriod
  if (status.lastCommittedTimeslice !== latestTimesliceReadyToCommit(s, config)) return false
  if (status.lastTimeslice !== currentTimeslice(s)) return false
  const first = status.lastCommittedTimeslice + 1
  let busy = s.saleInfo ? s.saleInfo.regionBegin : Number.POSITIVE_INFINITY
  const planned = Workplan.firstAtOrAfter(s.workplan, first)
  if (planned < busy) busy = planned
  for (const t of s.instaPoolIo.keys()) if (t >= first && t < busy) busy = t
  // Timeslice c is committed in the first block b with floor((b + notice) / p) >= c.
  const busyBlock = busy === Number.POSITIVE_INFINITY ? busy : busy * p - config.advanceNotice
  const to = Math.min(target, busyBlock - 1)
  if (to <= s.block) return false
  const last = Math.floor((to + config.advanceNotice) / p)
  if (last >= first)
    PoolHistory.append(
      s.instaPoolHistory,
      first,
      last - first + 1,
      status.privatePoolSize,
      status.systemPoolSize,
    )
  s.block = to
  // a literal, not a spread: status objects come from several sites, and spreading them is the
  // slow generic clone (this line was 11% of a simulation run)
  s.status = {
    coreCount: status.coreCount,
    privatePoolSize: status.privatePoolSize,
    systemPoolSize: status.systemPoolSize,
    lastCommittedTimeslice: last,
    lastTimeslice: Math.floor(to / p),
  }
  return true
}

/** The first block after the current one in which `do_tick` can change anything. */
const nextActiveBlock = (s: BrokerState): BlockNumber => {
  const config = s.configuration
  const status = s.status
  if (!config || !status) return Number.POSITIVE_INFINITY
  if (s.coreCountInbox !== null || s.revenueInbox !== null) return s.block + 1
  const p = s.runtime.timeslicePeriod
  // a commit needs floor((b + notice)/p) > lastCommitted; a new timeslice needs floor(b/p) > lastTimeslice
  const commitAt = (status.lastCommittedTimeslice + 1) * p - config.advanceNotice
  const sliceAt = (status.lastTimeslice + 1) * p
  const at = Math.min(commitAt, sliceAt)
  return at > s.block ? at : s.block + 1
}

/** `do_tick` (tick_impls.rs), for the block `s.block`. */
const tick = (s: BrokerState, out: Sink): void => {
  const stored = s.status
  const config = s.configuration
  if (!stored || !config) return
  const status: StatusRecord = {
    coreCount: stored.coreCount,
    privatePoolSize: stored.privatePoolSize,
    systemPoolSize: stored.systemPoolSize,
    lastCommittedTimeslice: stored.lastCommittedTimeslice,
    lastTimeslice: stored.lastTimeslice,
  }

  // tick_impls.rs process_core_count
  if (s.coreCountInbox !== null) {
    status.coreCount = s.coreCountInbox
    s.coreCountInbox = null
    if (!out.quietEvents) out.events.push({ name: 'CoreCountChanged', data: { coreCount: status.coreCount } })
  }
  processRevenue(s, out)

  // tick_impls.rs next_timeslice_to_commit: at most one timeslice per block
  const ready = latestTimesliceReadyToCommit(s, config)
  if (status.lastCommittedTimeslice < ready) {
    const commit = status.lastCommittedTimeslice + 1
    status.lastCommittedTimeslice = commit
    const sale = s.saleInfo
    if (sale && commit >= sale.regionBegin) rotateSale(s, sale, config, status, out)
    processPool(s, commit, status, out)
    if (s.workplan.has(commit)) {
      const rcBegin = commit * s.runtime.timeslicePeriod
      for (let core = 0; core < status.coreCount; core++) processCoreSchedule(s, commit, rcBegin, core, out)
    }
  }

  // revenue requests go to the relay, which in this model answers only via notifyRevenue
  if (status.lastTimeslice < currentTimeslice(s)) status.lastTimeslice += 1
  s.status = status
}

/** tick_impls.rs `process_revenue`: split a reported on-demand revenue between system and private pool. */
const processRevenue = (s: BrokerState, out: Sink): void => {
  const inbox = s.revenueInbox
  if (inbox === null) return
  s.revenueInbox = null
  const w = Math.floor(inbox.until / s.runtime.timeslicePeriod) - 1
  const when = w < 0 ? 0 : w
  let revenue = inbox.amount
  if (revenue === 0n) {
    if (!out.quietEvents) out.events.push({ name: 'HistoryDropped', data: { when, revenue } })
    PoolHistory.remove(s.instaPoolHistory, when)
    return
  }
  const r = PoolHistory.get(s.instaPoolHistory, when) ?? {
    privateContributions: 0,
    systemContributions: 0,
    maybePayout: null,
  }
  if (r.maybePayout !== null) {
    if (!out.quietEvents) out.events.push({ name: 'HistoryIgnored', data: { when, revenue } })
    return
  }
  const total = BigInt(r.systemContributions + r.privateContributions)
  let systemPayout = 0n
  if (total !== 0n) {
    systemPayout = (revenue * BigInt(r.systemContributions)) / total
    charge(s, POT, systemPayout) // a payout the pot cannot cover is skipped (`let _ =`)
    revenue -= systemPayout
  }
  if (revenue !== 0n && r.privateContributions > 0) {
    PoolHistory.set(s.instaPoolHistory, when, { ...r, maybePayout: revenue })
    if (!out.quietEvents)
      out.events.push({ name: 'ClaimsReady', data: { when, systemPayout, privatePayout: revenue } })
  } else {
    PoolHistory.remove(s.instaPoolHistory, when)
    if (!out.quietEvents) out.events.push({ name: 'HistoryDropped', data: { when, revenue } })
  }
}

const ioAdd = (s: BrokerState, when: Timeslice, privateDelta: number, systemDelta: number): void => {
  const r = s.instaPoolIo.get(when)
  s.instaPoolIo.set(
    when,
    r
      ? { private: satI32(r.private + privateDelta), system: satI32(r.system + systemDelta) }
      : { private: satI32(privateDelta), system: satI32(systemDelta) },
  )
}

/** tick_impls.rs `rotate_sale` (E5, with E5b force reservations and auto-renewals). */
const rotateSale = (
  s: BrokerState,
  old: SaleInfoRecord,
  config: ConfigRecord,
  status: StatusRecord,
  out: Sink,
): void => {
  const now = s.block
  const runtime = s.runtime

  // 1. Unsold cores of the region about to start go to the system pool.
  let oldPooled = 0
  for (let i = old.coresSold; i < old.coresOffered; i++) {
    Workplan.set(s.workplan, old.regionBegin, old.firstCore + i, POOL_ALL)
    oldPooled += 80
  }
  ioAdd(s, old.regionBegin, 0, oldPooled)
  ioAdd(s, old.regionEnd, 0, -oldPooled)

  // 2. Prices for the new sale.
  const prices = newSalePrices(runtime, old)

  // 3. Reservations take cores 0..R-1 of the new region.
  const begin = old.regionEnd
  const end = begin + config.regionLength
  let firstCore = 0
  let totalPooled = 0
  for (const schedule of s.reservations) {
    for (const item of schedule) if (item.assignment === 'Pool') totalPooled += CoreMask.countOnes(item.mask)
    Workplan.set(s.workplan, begin, firstCore, schedule)
    firstCore++
  }
  // 3b. Force reservations (E5b) go into the region that is starting now, on the first unsold cores.
  let fc = old.firstCore + old.coresSold
  for (const schedule of s.forceReservations) {
    if (fc >= status.coreCount) {
      if (!out.quietEvents) out.events.push({ name: 'ForceReservationFailed', data: { schedule } })
      continue
    }
    Workplan.set(s.workplan, old.regionBegin, fc, schedule)
    fc++
  }
  s.forceReservations = []
  ioAdd(s, begin, 0, totalPooled)
  ioAdd(s, end, 0, -totalPooled)

  // 4. Leases follow the reservations; one that ends within the new region becomes renewable.
  const kept = []
  for (const lease of s.leases) {
    const schedule: Schedule = [{ mask: CoreMask.complete, assignment: { task: lease.task } }]
    Workplan.set(s.workplan, begin, firstCore, schedule)
    if (lease.until < end) {
      s.potentialRenewals.set(renewalKey(firstCore, end), {
        price: prices.targetPrice,
        completion: { complete: schedule },
      })
      if (!out.quietEvents)
        out.events.push({
          name: 'Renewable',
          data: { core: firstCore, price: prices.targetPrice, begin: end, workload: schedule },
        })
      if (!out.quietEvents) out.events.push({ name: 'LeaseEnding', data: { task: lease.task, when: end } })
    } else {
      kept.push(lease)
    }
    firstCore++
  }
  s.leases = kept

  // 5. The new sale.
  const limit = config.limitCoresOffered ?? 65535
  const possible = status.coreCount > firstCore ? status.coreCount - firstCore : 0
  const coresOffered = limit < possible ? limit : possible
  const idealCoresSold = Number(Perbill.mul(config.idealBulkProportion, BigInt(coresOffered)))
  const sale: SaleInfoRecord = {
    saleStart: now + config.interludeLength,
    leadinLength: config.leadinLength,
    endPrice: prices.endPrice,
    regionBegin: begin,
    regionEnd: end,
    idealCoresSold,
    coresOffered,
    firstCore,
    // E3+: pre-set to the end price; the RFC-1 (Linear) era had no pre-set sellout.
    selloutPrice: runtime.priceAdapter.kind !== 'Linear' && coresOffered > 0 ? prices.endPrice : null,
    coresSold: 0,
  }
  s.saleInfo = sale
  renewCores(s, sale, out)
  if (!out.quietEvents)
    out.events.push({
      name: 'SaleInitialized',
      data: {
        saleStart: sale.saleStart,
        leadinLength: sale.leadinLength,
        startPrice: Sale.priceAt(sale, now, runtime.priceAdapter, maxBalance(runtime)),
        endPrice: sale.endPrice,
        regionBegin: begin,
        regionEnd: end,
        idealCoresSold,
        coresOffered,
      },
    })
}

/** The new sale's end and target prices from the old sale's performance. */
const newSalePrices = (runtime: Runtime, old: SaleInfoRecord): AdaptedPrices => {
  const max = maxBalance(runtime)
  if (runtime.priceAdapter.kind !== 'Linear') {
    return adaptPrice(
      runtime.priceAdapter,
      {
        selloutPrice: old.selloutPrice,
        endPrice: old.endPrice,
        idealCoresSold: old.idealCoresSold,
        coresOffered: old.coresOffered,
        coresSold: old.coresSold,
      },
      max,
    )
  }
  // E1/E2 rotate_sale (RFC-1): a multiplier on the sellout price (or on the old price when
  // fewer than the ideal number sold); unchanged when nothing was offered or nothing sold.
  let price = old.endPrice
  if (old.coresOffered > 0) {
    const purchase = old.coresSold >= old.idealCoresSold ? old.selloutPrice : old.endPrice
    if (purchase !== null) {
      const sold = old.coresSold < old.coresOffered ? old.coresSold : old.coresOffered
      price = FixedU64.mulInt(linearMultiplier(sold, old.idealCoresSold, old.coresOffered), purchase, max)
    }
  }
  return { endPrice: price, targetPrice: price }
}

/**
 * tick_impls.rs `renew_cores`: renew every auto-renewal due for the new sale, in storage order.
 * Renewals read the Status as stored (the previous block's), as the pallet does.
 */
const renewCores = (s: BrokerState, sale: SaleInfoRecord, out: Sink): void => {
  if (s.autoRenewals.length === 0) return
  const kept = []
  for (const record of s.autoRenewals) {
    if (sale.regionBegin < record.nextRenewal) {
      kept.push(record)
      continue
    }
    const payer = sovereignAccountOf(s.runtime, record.task)
    const r = renew(s, payer, record.core, out)
    if (typeof r === 'number') kept.push({ core: r, task: record.task, nextRenewal: sale.regionEnd })
    else if (!out.quietEvents)
      out.events.push({ name: 'AutoRenewalFailed', data: { core: record.core, payer } })
  }
  if (kept.length > s.runtime.maxAutoRenewals) {
    if (!out.quietEvents) out.events.push({ name: 'AutoRenewalLimitReached', data: {} })
    return
  }
  s.autoRenewals = kept
}

/** tick_impls.rs `process_pool`: apply the pool deltas of `when` and open its history record. */
const processPool = (s: BrokerState, when: Timeslice, status: StatusRecord, out: Sink): void => {
  const io = s.instaPoolIo.get(when)
  if (io) s.instaPoolIo.delete(when)
  // (size as i32).saturating_add(delta) as u32
  status.privatePoolSize = satI32(status.privatePoolSize + (io?.private ?? 0)) >>> 0
  status.systemPoolSize = satI32(status.systemPoolSize + (io?.system ?? 0)) >>> 0
  PoolHistory.append(s.instaPoolHistory, when, 1, status.privatePoolSize, status.systemPoolSize)
  if (out.quietHistory) return
  if (!out.quietEvents)
    out.events.push({
      name: 'HistoryInitialized',
      data: { when, privatePoolSize: status.privatePoolSize, systemPoolSize: status.systemPoolSize },
    })
}

/** tick_impls.rs `process_core_schedule`: merge the workplan into the workload and tell the relay. */
const processCoreSchedule = (
  s: BrokerState,
  timeslice: Timeslice,
  rcBegin: BlockNumber,
  core: CoreIndex,
  out: Sink,
): void => {
  const workplan = Workplan.take(s.workplan, timeslice, core)
  if (workplan === undefined) return
  const workload = s.workload.get(core) ?? []
  let used = 0n
  for (const i of workplan) used |= i.mask
  const merged: Schedule = [...workplan]
  for (const i of workload) if ((i.mask & used) === 0n && merged.length < 80) merged.push(i)
  s.workload.set(core, merged)
  if (out.quietSchedules) return

  let total = 0
  const parts: AssignmentPart[] = []
  for (const i of merged) {
    const p = CoreMask.countOnes(i.mask) * 720 // 57600 / 80
    total = Math.min(total + p, 65535) // u16 saturating_accrue
    parts.push([i.assignment, p])
  }
  if (total < 57600) parts.push(['Idle', 57600 - total])
  parts.sort((a, b) => compareAssignment(a[0], b[0]) || a[1] - b[1])
  const assignment: AssignmentPart[] = []
  for (const p of parts) {
    const last = assignment[assignment.length - 1]
    if (last && sameAssignment(last[0], p[0])) last[1] += p[1]
    else assignment.push([p[0], p[1]])
  }
  out.assignments.push({ block: s.block, core, begin: rcBegin, assignment, endHint: null })
  if (!out.quietEvents) out.events.push({ name: 'CoreAssigned', data: { core, when: rcBegin, assignment } })
}

// ---------------------------------------------------------------------------------------------
// Extrinsics
// ---------------------------------------------------------------------------------------------

const ADMIN_CALLS = new Set<BrokerCall['call']>([
  'configure',
  'reserve',
  'unreserve',
  'setLease',
  'startSales',
  'requestCoreCount',
  'notifyCoreCount',
  'notifyRevenue',
  'forceReserve',
  'removeLease',
  'removeAssignment',
  'removePotentialRenewal',
  'swapLeases',
])
const ANY_ORIGIN_CALLS = new Set<BrokerCall['call']>([
  'dropRegion',
  'dropContribution',
  'dropHistory',
  'dropRenewal',
])

/** True iff the call needs the root (admin) origin. */
export const isAdminCall = (name: BrokerCall['call']): boolean => ADMIN_CALLS.has(name)

const OK: Outcome = Object.freeze({ ok: true })
const fail = (error: BrokerErrorCode): Outcome => ({ ok: false, error })

/**
 * Dispatches one extrinsic in the current block (lib.rs call dispatch). On success mutates `state`
 * and pushes events; on failure changes nothing and returns the pallet's error. Every call checks
 * all its preconditions before it writes, so a failure never leaves a partial change.
 */
export const execute = (s: BrokerState, origin: Origin, call: BrokerCall, out: Sink): Outcome => {
  const name = call.call
  if (ADMIN_CALLS.has(name)) {
    if (origin !== 'root') return fail('BadOrigin')
  } else if (!ANY_ORIGIN_CALLS.has(name) && origin === 'root') {
    return fail('BadOrigin')
  }
  const who = origin
  switch (call.call) {
    case 'configure':
      return configure(s, call.args)
    case 'reserve':
      return reserve(s, call.args.workload, out)
    case 'unreserve':
      return unreserve(s, call.args.itemIndex, out)
    case 'setLease':
      return setLease(s, call.args.task, call.args.until, out)
    case 'startSales':
      return startSales(s, call.args.endPrice, call.args.extraCores, out)
    case 'purchase':
      return purchase(s, who, call.args.priceLimit, out)
    case 'renew': {
      const r = renew(s, who, call.args.core, out)
      return typeof r === 'number' ? OK : r
    }
    case 'transfer':
      return transferRegion(s, who, call.args.regionId, call.args.newOwner, out)
    case 'partition':
      return partition(s, who, call.args.regionId, call.args.pivot, out)
    case 'interlace':
      return interlace(s, who, call.args.regionId, call.args.pivot, out)
    case 'assign':
      return assign(s, who, call.args.regionId, call.args.task, call.args.finality, out)
    case 'pool':
      return pool(s, who, call.args.regionId, call.args.payee, call.args.finality, out)
    case 'claimRevenue':
      return claimRevenue(s, call.args.regionId, call.args.maxTimeslices, out)
    case 'purchaseCredit':
      return purchaseCredit(s, who, call.args.amount, call.args.beneficiary, out)
    case 'dropRegion':
      return dropRegion(s, call.args.regionId, out)
    case 'dropContribution':
      return dropContribution(s, call.args.regionId, out)
    case 'dropHistory':
      return dropHistory(s, call.args.when, out)
    case 'dropRenewal':
      return dropRenewal(s, call.args.core, call.args.when, out)
    case 'requestCoreCount':
      return requestCoreCount(s, call.args.coreCount, out)
    case 'notifyCoreCount':
      s.coreCountInbox = call.args.coreCount
      return OK
    case 'notifyRevenue':
      s.revenueInbox = { ...call.args.revenue }
      return OK
    case 'enableAutoRenew':
      return enableAutoRenew(s, who, call.args.core, call.args.task, call.args.workloadEndHint, out)
    case 'disableAutoRenew':
      return disableAutoRenew(s, who, call.args.core, call.args.task, out)
    case 'forceReserve':
      return forceReserve(s, call.args.workload, call.args.core, out)
    case 'removeLease':
      return removeLease(s, call.args.task, out)
    case 'removeAssignment':
      return removeAssignment(s, call.args.regionId, out)
    case 'removePotentialRenewal':
      return removePotentialRenewal(s, call.args.core, call.args.when, out)
    case 'swapLeases':
      return swapLeases(s, call.args.id, call.args.other)
  }
}

/** dispatchable_impls.rs `do_configure`: only a zero lead-in is refused. */
const configure = (s: BrokerState, config: ConfigRecord): Outcome => {
  if (config.leadinLength === 0) return fail('InvalidConfig')
  s.configuration = { ...config }
  return OK
}

/** dispatchable_impls.rs `do_reserve`. */
const reserve = (s: BrokerState, workload: Schedule, out: Sink): Outcome => {
  if (s.reservations.length >= s.runtime.maxReservedCores) return fail('TooManyReservations')
  const index = s.reservations.length
  s.reservations = [...s.reservations, workload]
  if (!out.quietEvents) out.events.push({ name: 'ReservationMade', data: { index, workload } })
  return OK
}

/** dispatchable_impls.rs `do_unreserve`. */
const unreserve = (s: BrokerState, index: number, out: Sink): Outcome => {
  const workload = s.reservations[index]
  if (workload === undefined) return fail('UnknownReservation')
  s.reservations = s.reservations.filter((_, i) => i !== index)
  if (!out.quietEvents) out.events.push({ name: 'ReservationCancelled', data: { index, workload } })
  return OK
}

/** dispatchable_impls.rs `do_set_lease`: `until` must be after the current timeslice. */
const setLease = (s: BrokerState, task: TaskId, until: Timeslice, out: Sink): Outcome => {
  if (until <= currentTimeslice(s)) return fail('AlreadyExpired')
  if (s.leases.length >= s.runtime.maxLeasedCores) return fail('TooManyLeases')
  s.leases = [...s.leases, { until, task }]
  if (!out.quietEvents) out.events.push({ name: 'Leased', data: { task, until } })
  return OK
}

/** dispatchable_impls.rs `do_remove_lease`: removes the first lease of `task`. */
const removeLease = (s: BrokerState, task: TaskId, out: Sink): Outcome => {
  const i = s.leases.findIndex((l) => l.task === task)
  if (i < 0) return fail('LeaseNotFound')
  s.leases = s.leases.filter((_, j) => j !== i)
  if (!out.quietEvents) out.events.push({ name: 'LeaseRemoved', data: { task } })
  return OK
}

/** dispatchable_impls.rs `do_swap_leases`: swaps the two task ids in every lease; no event. */
const swapLeases = (s: BrokerState, id: TaskId, other: TaskId): Outcome => {
  s.leases = s.leases.map((l) =>
    l.task === id ? { ...l, task: other } : l.task === other ? { ...l, task: id } : l,
  )
  return OK
}

/** dispatchable_impls.rs `do_request_core_count`; the relay answers at once (into the inbox). */
const requestCoreCount = (s: BrokerState, coreCount: number, out: Sink): Outcome => {
  s.coreCountInbox = coreCount
  if (!out.quietEvents) out.events.push({ name: 'CoreCountRequested', data: { coreCount } })
  return OK
}

/** dispatchable_impls.rs `do_start_sales` (E3b+ signature `(end_price, extra_cores)`). */
const startSales = (s: BrokerState, endPrice: Balance, extraCores: number, out: Sink): Outcome => {
  const config = s.configuration
  if (!config) return fail('Uninitialized')
  const coreCount = (s.leases.length + s.reservations.length + extraCores) & 0xffff
  requestCoreCount(s, coreCount, out)
  const commit = latestTimesliceReadyToCommit(s, config)
  const status: StatusRecord = {
    coreCount,
    privatePoolSize: 0,
    systemPoolSize: 0,
    lastCommittedTimeslice: commit > 0 ? commit - 1 : 0,
    lastTimeslice: currentTimeslice(s),
  }
  // An imaginary sale that ends where the first real sale's region begins.
  const old: SaleInfoRecord = {
    saleStart: s.block,
    leadinLength: 0,
    endPrice,
    selloutPrice: null,
    regionBegin: commit,
    regionEnd: commit + config.regionLength,
    firstCore: 0,
    idealCoresSold: 0,
    coresOffered: 0,
    coresSold: 0,
  }
  if (!out.quietEvents) out.events.push({ name: 'SalesStarted', data: { price: endPrice, coreCount } })
  rotateSale(s, old, config, status, out)
  s.status = status
  return OK
}

/** dispatchable_impls.rs `ensure_cores_for_sale`. */
const coresForSale = (status: StatusRecord, sale: SaleInfoRecord): BrokerErrorCode | null =>
  sale.firstCore >= status.coreCount ? 'Unavailable' : sale.coresSold >= sale.coresOffered ? 'SoldOut' : null

/**
 * dispatchable_impls.rs `purchase_core` (E3+): charge, take the next core, and record the sellout
 * price while within the ideal count (or if none yet). The caller has checked the balance.
 */
const purchaseCore = (s: BrokerState, who: AccountId, price: Balance, sale: SaleInfoRecord): CoreIndex => {
  charge(s, who, price)
  const core = sale.firstCore + sale.coresSold
  sale.coresSold += 1
  if (sale.coresSold <= sale.idealCoresSold || sale.selloutPrice === null) sale.selloutPrice = price
  return core
}

/** dispatchable_impls.rs `do_purchase`. */
const purchase = (s: BrokerState, who: AccountId, priceLimit: Balance, out: Sink): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  const sale = s.saleInfo
  if (!sale) return fail('NoSales')
  const unavailable = coresForSale(status, sale)
  if (unavailable) return fail(unavailable)
  if (!(s.block > sale.saleStart)) return fail('TooEarly')
  const price = Sale.priceAt(sale, s.block, s.runtime.priceAdapter, maxBalance(s.runtime))
  if (priceLimit < price) return fail('Overpriced')
  if (balanceOf(s, who) < price) return fail('FundsUnavailable')
  const core = purchaseCore(s, who, price, sale)
  const regionId: RegionId = { begin: sale.regionBegin, core, mask: CoreMask.complete }
  s.regions.set(RegionIdM.toKey(regionId), { end: sale.regionEnd, owner: who, paid: price })
  if (!out.quietEvents)
    out.events.push({
      name: 'Purchased',
      data: { who, regionId, price, duration: sale.regionEnd - sale.regionBegin },
    })
  return OK
}

/**
 * dispatchable_impls.rs `do_renew` (E5): pay the recorded price for the core's renewal, take a new
 * core, and record the next renewal price. Returns the new core or the failure.
 */
const renew = (s: BrokerState, who: AccountId, core: CoreIndex, out: Sink): CoreIndex | Outcome => {
  const bad = checkRenew(s, who, core)
  if (bad) return fail(bad)
  // checkRenew has established all of these (the completion check below only narrows the type)
  const config = s.configuration!
  const sale = s.saleInfo!
  const id = renewalKey(core, sale.regionBegin)
  const record = s.potentialRenewals.get(id)!
  if (!('complete' in record.completion)) return fail('IncompleteAssignment')

  const workload = record.completion.complete
  const newCore = purchaseCore(s, who, record.price, sale)
  const duration = sale.regionEnd - sale.regionBegin
  if (!out.quietEvents)
    out.events.push({
      name: 'Renewed',
      data: {
        who,
        price: record.price,
        oldCore: core,
        core: newCore,
        begin: sale.regionBegin,
        duration,
        workload,
      },
    })
  Workplan.set(s.workplan, sale.regionBegin, newCore, workload)
  const max = maxBalance(s.runtime)
  const now = Sale.priceAt(sale, s.block, s.runtime.priceAdapter, max)
  const price = Renewal.nextPrice(
    s.runtime.renewalPriceRule,
    record.price,
    config.renewalBump,
    sale.endPrice,
    now,
  )
  s.potentialRenewals.delete(id)
  s.potentialRenewals.set(renewalKey(newCore, sale.regionEnd), { price, completion: { complete: workload } })
  if (!out.quietEvents)
    out.events.push({ name: 'Renewable', data: { core: newCore, price, begin: sale.regionEnd, workload } })
  return newCore
}

const regionOf = (s: BrokerState, id: RegionId): [bigint, RegionRecord | undefined] => {
  const key = RegionIdM.toKey(id)
  return [key, s.regions.get(key)]
}

/** dispatchable_impls.rs `do_transfer`. */
const transferRegion = (
  s: BrokerState,
  who: AccountId,
  regionId: RegionId,
  newOwner: AccountId,
  out: Sink,
): Outcome => {
  const [key, region] = regionOf(s, regionId)
  if (!region) return fail('UnknownRegion')
  if (region.owner !== who) return fail('NotOwner')
  s.regions.set(key, { ...region, owner: newOwner })
  if (!out.quietEvents)
    out.events.push({
      name: 'Transferred',
      data: { regionId, duration: region.end - regionId.begin, oldOwner: region.owner, owner: newOwner },
    })
  return OK
}

/**
 * dispatchable_impls.rs `force_unpool_region`: withdraw a provisional pool contribution from the
 * timeslices not yet committed.
 */
const forceUnpool = (
  s: BrokerState,
  regionId: RegionId,
  region: RegionRecord,
  status: StatusRecord,
  out: Sink,
): void => {
  const key = RegionIdM.toKey(regionId)
  if (!s.instaPoolContribution.has(key)) return
  s.instaPoolContribution.delete(key)
  const t = status.lastCommittedTimeslice + 1
  if (region.end <= t) return
  const at = regionId.begin > t ? regionId.begin : t
  const bits = CoreMask.countOnes(regionId.mask)
  ioAdd(s, at, -bits, 0)
  ioAdd(s, region.end, bits, 0)
  if (!out.quietEvents) out.events.push({ name: 'RegionUnpooled', data: { regionId, when: at } })
}

/** dispatchable_impls.rs `do_partition`: split in time at begin + pivot; both halves lose renewal rights. */
const partition = (
  s: BrokerState,
  who: AccountId,
  regionId: RegionId,
  offset: number,
  out: Sink,
): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  const [key, region] = regionOf(s, regionId)
  if (!region) return fail('UnknownRegion')
  if (region.owner !== who) return fail('NotOwner')
  const pivot = regionId.begin + offset
  if (!(pivot < region.end)) return fail('PivotTooLate')
  if (!(pivot > regionId.begin)) return fail('PivotTooEarly')
  const second: RegionRecord = { ...region, paid: null }
  forceUnpool(s, regionId, second, status, out)
  const newIds: [RegionId, RegionId] = [regionId, { ...regionId, begin: pivot }]
  s.regions.set(key, { ...second, end: pivot })
  s.regions.set(RegionIdM.toKey(newIds[1]), second)
  if (!out.quietEvents)
    out.events.push({ name: 'Partitioned', data: { oldRegionId: regionId, newRegionIds: newIds } })
  return OK
}

/** dispatchable_impls.rs `do_interlace`: split the core's time by mask; both parts keep `paid`. */
const interlace = (s: BrokerState, who: AccountId, regionId: RegionId, pivot: bigint, out: Sink): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  const [key, region] = regionOf(s, regionId)
  if (!region) return fail('UnknownRegion')
  if (region.owner !== who) return fail('NotOwner')
  if ((pivot & CoreMask.not(regionId.mask)) !== 0n) return fail('ExteriorPivot')
  if (pivot === 0n) return fail('VoidPivot')
  if (pivot === regionId.mask) return fail('CompletePivot')
  forceUnpool(s, regionId, region, status, out)
  const one: RegionId = { ...regionId, mask: pivot }
  const other: RegionId = { ...regionId, mask: regionId.mask ^ pivot }
  s.regions.delete(key)
  s.regions.set(RegionIdM.toKey(one), { ...region })
  s.regions.set(RegionIdM.toKey(other), { ...region })
  if (!out.quietEvents)
    out.events.push({ name: 'Interlaced', data: { oldRegionId: regionId, newRegionIds: [one, other] } })
  return OK
}

type Utilized = { regionId: RegionId; region: RegionRecord; status: StatusRecord } | null

/** The checks of dispatchable_impls.rs `utilize`, before anything is written. */
const checkUtilize = (s: BrokerState, who: AccountId, regionId: RegionId): BrokerErrorCode | null => {
  if (!s.status) return 'Uninitialized'
  const region = s.regions.get(RegionIdM.toKey(regionId))
  if (!region) return 'UnknownRegion'
  if (region.owner !== who) return 'NotOwner'
  return null
}

/**
 * dispatchable_impls.rs `utilize` (after `checkUtilize`): take the region out of `Regions`, trim
 * it to the uncommitted future (dropping it if nothing is left), clear the workplan under its mask,
 * and put it back if the use is only provisional.
 */
const utilize = (s: BrokerState, regionId: RegionId, finality: Finality, out: Sink): Utilized => {
  const status = s.status!
  const key = RegionIdM.toKey(regionId)
  const region = s.regions.get(key)!
  s.regions.delete(key)
  let id = regionId
  if (id.begin <= status.lastCommittedTimeslice) {
    const duration = region.end - id.begin
    id = { ...id, begin: status.lastCommittedTimeslice + 1 }
    if (id.begin >= region.end) {
      if (!out.quietEvents) out.events.push({ name: 'RegionDropped', data: { regionId: id, duration } })
      return null
    }
  } else {
    const plan = Workplan.get(s.workplan, id.begin, id.core)
    if (plan)
      Workplan.set(
        s.workplan,
        id.begin,
        id.core,
        plan.filter((i) => (i.mask & id.mask) === 0n),
      )
  }
  if (finality === 'Provisional') s.regions.set(RegionIdM.toKey(id), region)
  return { regionId: id, region, status }
}

/** dispatchable_impls.rs `do_assign`: schedule the task; a whole, paid, Final region earns a renewal right. */
const assign = (
  s: BrokerState,
  who: AccountId,
  regionId: RegionId,
  task: TaskId,
  finality: Finality,
  out: Sink,
): Outcome => {
  const config = s.configuration
  if (!config) return fail('Uninitialized')
  const bad = checkUtilize(s, who, regionId)
  if (bad) return fail(bad)
  const used = utilize(s, regionId, finality, out)
  if (!used) return OK
  const { regionId: id, region, status } = used
  forceUnpool(s, id, region, status, out)
  const plan = (Workplan.get(s.workplan, id.begin, id.core) ?? []).filter((i) => (i.mask & id.mask) === 0n)
  if (plan.length < 80) {
    plan.push({ mask: id.mask, assignment: { task } })
    Workplan.set(s.workplan, id.begin, id.core, plan)
  }
  const duration = region.end - id.begin
  if (duration === config.regionLength && finality === 'Final' && region.paid !== null) {
    const price = region.paid
    const rk = renewalKey(id.core, region.end)
    const existing = s.potentialRenewals.get(rk)
    const prior =
      existing && 'partial' in existing.completion && existing.price === price
        ? existing.completion.partial
        : 0n
    const assigned = prior | id.mask
    if (CoreMask.isComplete(assigned)) {
      const workload = Workplan.get(s.workplan, id.begin, id.core) ?? []
      s.potentialRenewals.set(rk, { price, completion: { complete: workload } })
      if (!out.quietEvents)
        out.events.push({ name: 'Renewable', data: { core: id.core, price, begin: region.end, workload } })
    } else {
      s.potentialRenewals.set(rk, { price, completion: { partial: assigned } })
    }
  }
  if (!out.quietEvents) out.events.push({ name: 'Assigned', data: { regionId: id, duration, task } })
  return OK
}

/** dispatchable_impls.rs `do_pool`: contribute the region to the instantaneous pool. */
const pool = (
  s: BrokerState,
  who: AccountId,
  regionId: RegionId,
  payee: AccountId,
  finality: Finality,
  out: Sink,
): Outcome => {
  const bad = checkUtilize(s, who, regionId)
  if (bad) return fail(bad)
  const used = utilize(s, regionId, finality, out)
  if (!used) return OK
  const { regionId: id, region } = used
  const plan = [...(Workplan.get(s.workplan, id.begin, id.core) ?? [])]
  const duration = region.end - id.begin
  if (plan.length < 80) {
    plan.push({ mask: id.mask, assignment: 'Pool' })
    Workplan.set(s.workplan, id.begin, id.core, plan)
    const size = CoreMask.countOnes(id.mask)
    ioAdd(s, id.begin, size, 0)
    ioAdd(s, region.end, -size, 0)
    s.instaPoolContribution.set(RegionIdM.toKey(id), { length: duration, payee })
  }
  if (!out.quietEvents) out.events.push({ name: 'Pooled', data: { regionId: id, duration } })
  return OK
}

/** dispatchable_impls.rs `do_claim_revenue` (with its quirk: the unpaid timeslice it stops at is consumed). */
const claimRevenue = (s: BrokerState, regionId: RegionId, maxTimeslices: number, out: Sink): Outcome => {
  if (!(maxTimeslices > 0)) return fail('NoClaimTimeslices')
  const startKey = RegionIdM.toKey(regionId)
  const found = s.instaPoolContribution.get(startKey)
  if (!found) return fail('UnknownContribution')
  s.instaPoolContribution.delete(startKey)
  const contribution = { ...found }
  const parts = CoreMask.countOnes(regionId.mask)
  if (!out.quietEvents)
    out.events.push({ name: 'RevenueClaimBegun', data: { region: regionId, maxTimeslices } })
  let payout = 0n
  let begin = regionId.begin
  const last = regionId.begin + Math.min(contribution.length, maxTimeslices)
  for (let r = regionId.begin; r < last; r++) {
    begin = r + 1
    contribution.length = Math.max(0, contribution.length - 1)
    const record = PoolHistory.get(s.instaPoolHistory, r)
    if (!record) continue
    const total = record.maybePayout
    if (total === null) break
    const p =
      record.privateContributions === 0 ? 0n : (total * BigInt(parts)) / BigInt(record.privateContributions)
    payout += p
    const privateContributions = Math.max(0, record.privateContributions - parts)
    const remaining = total > p ? total - p : 0n
    if (remaining !== 0n && privateContributions > 0) {
      PoolHistory.set(s.instaPoolHistory, r, { ...record, privateContributions, maybePayout: remaining })
    } else {
      PoolHistory.remove(s.instaPoolHistory, r)
    }
    if (p !== 0n && !out.quietEvents)
      out.events.push({ name: 'RevenueClaimItem', data: { when: r, amount: p } })
  }
  const region: RegionId = { ...regionId, begin }
  if (contribution.length > 0) s.instaPoolContribution.set(RegionIdM.toKey(region), contribution)
  transfer(s, POT, contribution.payee, payout) // `defensive_ok`: skipped if the pot cannot pay
  const next = last < region.begin + contribution.length ? region : null
  if (!out.quietEvents)
    out.events.push({ name: 'RevenueClaimPaid', data: { who: contribution.payee, amount: payout, next } })
  return OK
}

/**
 * dispatchable_impls.rs `do_purchase_credit`: pay into the pallet's pot; the relay then burns it
 * from the pot and credits the beneficiary's on-demand account.
 */
const purchaseCredit = (
  s: BrokerState,
  who: AccountId,
  amount: Balance,
  beneficiary: AccountId,
  out: Sink,
): Outcome => {
  if (amount < s.runtime.minimumCreditPurchase) return fail('CreditPurchaseTooSmall')
  if (!transfer(s, who, POT, amount)) return fail('FundsUnavailable')
  s.balances.set(POT, balanceOf(s, POT) - amount)
  s.credits.set(beneficiary, (s.credits.get(beneficiary) ?? 0n) + amount)
  if (!out.quietEvents) out.events.push({ name: 'CreditPurchased', data: { who, beneficiary, amount } })
  return OK
}

/** dispatchable_impls.rs `do_drop_region`: only once every timeslice of it is committed. */
const dropRegion = (s: BrokerState, regionId: RegionId, out: Sink): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  const [key, region] = regionOf(s, regionId)
  if (!region) return fail('UnknownRegion')
  if (!(status.lastCommittedTimeslice >= region.end)) return fail('StillValid')
  s.regions.delete(key)
  if (!out.quietEvents)
    out.events.push({ name: 'RegionDropped', data: { regionId, duration: region.end - regionId.begin } })
  return OK
}

/** dispatchable_impls.rs `do_drop_contribution`. */
const dropContribution = (s: BrokerState, regionId: RegionId, out: Sink): Outcome => {
  const config = s.configuration
  const status = s.status
  if (!config || !status) return fail('Uninitialized')
  const key = RegionIdM.toKey(regionId)
  const contribution = s.instaPoolContribution.get(key)
  if (!contribution) return fail('UnknownContribution')
  const end = regionId.begin + contribution.length
  if (!(status.lastTimeslice >= end + config.contributionTimeout)) return fail('StillValid')
  s.instaPoolContribution.delete(key)
  if (!out.quietEvents) out.events.push({ name: 'ContributionDropped', data: { regionId } })
  return OK
}

/** dispatchable_impls.rs `do_drop_history`: an unclaimed payout goes to `OnRevenue`. */
const dropHistory = (s: BrokerState, when: Timeslice, out: Sink): Outcome => {
  const config = s.configuration
  const status = s.status
  if (!config || !status) return fail('Uninitialized')
  if (!(status.lastTimeslice > when + config.contributionTimeout)) return fail('StillValid')
  const record = PoolHistory.get(s.instaPoolHistory, when)
  if (!record) return fail('NoHistory')
  PoolHistory.remove(s.instaPoolHistory, when)
  if (record.maybePayout !== null) charge(s, POT, record.maybePayout)
  if (!out.quietEvents)
    out.events.push({ name: 'HistoryDropped', data: { when, revenue: record.maybePayout ?? 0n } })
  return OK
}

/** dispatchable_impls.rs `do_drop_renewal`. */
const dropRenewal = (s: BrokerState, core: CoreIndex, when: Timeslice, out: Sink): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  if (!(status.lastCommittedTimeslice >= when)) return fail('StillValid')
  const key = renewalKey(core, when)
  if (!s.potentialRenewals.has(key)) return fail('UnknownRenewal')
  s.potentialRenewals.delete(key)
  if (!out.quietEvents) out.events.push({ name: 'PotentialRenewalDropped', data: { when, core } })
  return OK
}

/**
 * Rust's `binary_search_by` on the auto-renewals sorted by core (std slice.rs): with equal keys it
 * lands on the last one. Returns [found, index].
 */
const searchAutoRenewal = (list: readonly { core: CoreIndex }[], core: CoreIndex): [boolean, number] => {
  let size = list.length
  if (size === 0) return [false, 0]
  let base = 0
  while (size > 1) {
    const half = size >>> 1
    const mid = base + half
    if (!(list[mid]!.core > core)) base = mid
    size -= half
  }
  const c = list[base]!.core
  if (c === core) return [true, base]
  return [false, base + (c < core ? 1 : 0)]
}

/**
 * lib.rs `enable_auto_renew` + dispatchable_impls.rs `do_enable_auto_renew` (E3b–E5b): only the
 * task's sovereign account; renews now if the core is renewable in this sale, else needs a hint
 * naming an existing renewal right.
 */
const enableAutoRenew = (
  s: BrokerState,
  who: AccountId,
  core: CoreIndex,
  task: TaskId,
  hint: Timeslice | null,
  out: Sink,
): Outcome => {
  const sovereign = sovereignAccountOf(s.runtime, task)
  if (who !== sovereign) return fail('NoPermission')
  const sale = s.saleInfo
  if (!sale) return fail('NoSales')
  const renewNow = s.potentialRenewals.has(renewalKey(core, sale.regionBegin))
  if (renewNow) {
    const bad = checkRenew(s, sovereign, core)
    if (bad) return fail(bad)
  } else if (hint === null || !s.potentialRenewals.has(renewalKey(core, hint))) {
    return fail('NotAllowed')
  }
  if (s.autoRenewals.length >= s.runtime.maxAutoRenewals) return fail('TooManyAutoRenewals')
  let recordCore = core
  if (renewNow) recordCore = renew(s, sovereign, core, out) as CoreIndex
  const [, pos] = searchAutoRenewal(s.autoRenewals, recordCore)
  const next = [...s.autoRenewals]
  next.splice(pos, 0, { core: recordCore, task, nextRenewal: hint ?? sale.regionEnd })
  s.autoRenewals = next
  if (!out.quietEvents) out.events.push({ name: 'AutoRenewalEnabled', data: { core: recordCore, task } })
  return OK
}

/** The failure `renew` would return, without renewing. */
const checkRenew = (s: BrokerState, who: AccountId, core: CoreIndex): BrokerErrorCode | null => {
  if (!s.configuration || !s.status) return 'Uninitialized'
  const sale = s.saleInfo
  if (!sale) return 'NoSales'
  const unavailable = coresForSale(s.status, sale)
  if (unavailable) return unavailable
  const record = s.potentialRenewals.get(renewalKey(core, sale.regionBegin))
  if (!record) return 'NotAllowed'
  if (!('complete' in record.completion)) return 'IncompleteAssignment'
  if (balanceOf(s, who) < record.price) return 'FundsUnavailable'
  return null
}

/** lib.rs `disable_auto_renew` + dispatchable_impls.rs `do_disable_auto_renew`. */
const disableAutoRenew = (
  s: BrokerState,
  who: AccountId,
  core: CoreIndex,
  task: TaskId,
  out: Sink,
): Outcome => {
  if (who !== sovereignAccountOf(s.runtime, task)) return fail('NoPermission')
  const [found, pos] = searchAutoRenewal(s.autoRenewals, core)
  if (!found) return fail('AutoRenewalNotEnabled')
  if (s.autoRenewals[pos]!.task !== task) return fail('NoPermission')
  s.autoRenewals = s.autoRenewals.filter((_, i) => i !== pos)
  if (!out.quietEvents) out.events.push({ name: 'AutoRenewalDisabled', data: { core, task } })
  return OK
}

/**
 * dispatchable_impls.rs `do_force_reserve` (E5b): a reservation from the sale after next, plus a
 * force reservation that takes an unsold core at the next rotation, plus the core now until then.
 */
const forceReserve = (s: BrokerState, workload: Schedule, core: CoreIndex, out: Sink): Outcome => {
  const sale = s.saleInfo
  if (!sale) return fail('NoSales')
  if (s.reservations.length >= s.runtime.maxReservedCores) return fail('TooManyReservations')
  if (s.forceReservations.length >= s.runtime.maxReservedCores) return fail('TooManyReservations')
  const status = s.status
  if (!status) return fail('Uninitialized')
  reserve(s, workload, out)
  s.forceReservations = [...s.forceReservations, workload]
  const timeslice = status.lastCommittedTimeslice + 1
  if (timeslice < sale.regionBegin) Workplan.set(s.workplan, timeslice, core, workload)
  return OK
}

/** dispatchable_impls.rs `do_remove_assignment`: drop the whole workplan entry at (begin, core). */
const removeAssignment = (s: BrokerState, regionId: RegionId, out: Sink): Outcome => {
  if (!Workplan.has(s.workplan, regionId.begin, regionId.core)) return fail('AssignmentNotFound')
  Workplan.remove(s.workplan, regionId.begin, regionId.core)
  if (!out.quietEvents) out.events.push({ name: 'AssignmentRemoved', data: { regionId } })
  return OK
}

/** dispatchable_impls.rs `do_remove_potential_renewal`. */
const removePotentialRenewal = (s: BrokerState, core: CoreIndex, when: Timeslice, out: Sink): Outcome => {
  const key = renewalKey(core, when)
  if (!s.potentialRenewals.has(key)) return fail('UnknownRenewal')
  s.potentialRenewals.delete(key)
  if (!out.quietEvents) out.events.push({ name: 'PotentialRenewalRemoved', data: { core, timeslice: when } })
  return OK
}
