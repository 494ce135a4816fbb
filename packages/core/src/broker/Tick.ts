import * as Perbill from '../fixed/Perbill'
import { saturate } from '../fixed/rounding'
import * as CoreMask from './CoreMask'
import * as PoolHistory from './PoolHistory'
import * as PotentialRenewals from './PotentialRenewals'
import * as PriceAdapter from './PriceAdapter'
import * as Sale from './Sale'
import { renew } from './SaleDispatchables'
import type {
  AssignmentPart,
  BlockNumber,
  BrokerState,
  ConfigRecord,
  CoreIndex,
  SaleInfoRecord,
  Schedule,
  Sink,
  StatusRecord,
  Timeslice,
} from './types'
import {
  charge,
  compareAssignment,
  currentTimeslice,
  emit,
  ioAdd,
  latestTimesliceReadyToCommit,
  maxBalance,
  POOL_ALL,
  POT,
  satI32,
  sovereignAccountOf,
} from './Utility'
import * as Workplan from './Workplan'

// The per-block hook (pallet-broker tick_impls.rs). When it runs is Clock.ts's business.

/** `do_tick` (tick_impls.rs), for the block `s.block`. */
export const tick = (s: BrokerState, out: Sink): void => {
  // the relay applied a requested core count at a session start and told the broker (coretime
  // `notify_core_count`), which lands in the inbox for this block
  const pending = s.coreCountPending
  if (pending !== null && s.block > pending.at) {
    s.coreCountInbox = pending.coreCount
    s.coreCountPending = null
  }
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
    emit(out, { name: 'CoreCountChanged', data: { coreCount: status.coreCount } })
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
    if (Workplan.hasAny(s.workplan, commit)) {
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
    emit(out, { name: 'HistoryDropped', data: { when, revenue } })
    PoolHistory.remove(s.instaPoolHistory, when)
    return
  }
  const r = PoolHistory.get(s.instaPoolHistory, when) ?? {
    privateContributions: 0,
    systemContributions: 0,
    maybePayout: null,
  }
  if (r.maybePayout !== null) {
    emit(out, { name: 'HistoryIgnored', data: { when, revenue } })
    return
  }
  const total = BigInt(r.systemContributions + r.privateContributions)
  let systemPayout = 0n
  if (total !== 0n) {
    // revenue.saturating_mul(system) / total
    systemPayout = saturate(revenue * BigInt(r.systemContributions), maxBalance(s.runtime)) / total
    charge(s, POT, systemPayout) // a payout the pot cannot cover is skipped (`let _ =`)
    revenue -= systemPayout
  }
  if (revenue !== 0n && r.privateContributions > 0) {
    PoolHistory.set(s.instaPoolHistory, when, { ...r, maybePayout: revenue })
    emit(out, { name: 'ClaimsReady', data: { when, systemPayout, privatePayout: revenue } })
  } else {
    PoolHistory.remove(s.instaPoolHistory, when)
    emit(out, { name: 'HistoryDropped', data: { when, revenue } })
  }
}

/** tick_impls.rs `rotate_sale` (E5, with E5b force reservations and auto-renewals). */
export const rotateSale = (
  s: BrokerState,
  old: SaleInfoRecord,
  config: ConfigRecord,
  status: StatusRecord,
  out: Sink,
): void => {
  const now = s.block
  const runtime = s.runtime
  const max = maxBalance(runtime)

  // 1. Unsold cores of the region about to start go to the system pool.
  let oldPooled = 0
  for (let i = old.coresSold; i < old.coresOffered; i++) {
    Workplan.set(s.workplan, old.regionBegin, old.firstCore + i, POOL_ALL)
    oldPooled += 80
  }
  ioAdd(s, old.regionBegin, 0, oldPooled)
  ioAdd(s, old.regionEnd, 0, -oldPooled)

  // 2. Prices for the new sale.
  const prices = PriceAdapter.next(runtime.priceAdapter, old, max)

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
      emit(out, { name: 'ForceReservationFailed', data: { schedule } })
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
      PotentialRenewals.set(s.potentialRenewals, firstCore, end, {
        price: prices.targetPrice,
        completion: { complete: schedule },
      })
      emit(out, {
        name: 'Renewable',
        data: { core: firstCore, price: prices.targetPrice, begin: end, workload: schedule },
      })
      emit(out, { name: 'LeaseEnding', data: { task: lease.task, when: end } })
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
    selloutPrice: PriceAdapter.initialSellout(runtime.priceAdapter, prices.endPrice, coresOffered),
    coresSold: 0,
  }
  // #10188: old_sale.sale_index.saturating_add(1) (u32)
  const saleIndex = runtime.saleIndex ? Math.min((old.saleIndex ?? 0) + 1, 0xffff_ffff) : null
  if (saleIndex !== null) sale.saleIndex = saleIndex
  s.saleInfo = sale
  renewCores(s, sale, out)
  emit(out, {
    name: 'SaleInitialized',
    data: {
      saleStart: sale.saleStart,
      leadinLength: sale.leadinLength,
      startPrice: Sale.priceAt(sale, now, runtime.priceAdapter, max),
      endPrice: sale.endPrice,
      regionBegin: begin,
      regionEnd: end,
      idealCoresSold,
      coresOffered,
      ...(saleIndex !== null && { saleIndex }),
    },
  })
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
    else emit(out, { name: 'AutoRenewalFailed', data: { core: record.core, payer } })
  }
  if (kept.length > s.runtime.maxAutoRenewals) {
    emit(out, { name: 'AutoRenewalLimitReached', data: {} })
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
  emit(out, {
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
  let merged: Schedule
  if (workplan.length === 1 && workplan[0]!.mask === CoreMask.complete) {
    // the whole core is planned (a sale's usual case): nothing of the old workload survives, and
    // schedules are never edited in place, so the plan itself becomes the workload
    merged = workplan
  } else {
    const workload = s.workload.get(core) ?? []
    let used = 0n
    for (const i of workplan) used |= i.mask
    merged = [...workplan]
    for (const i of workload) if ((i.mask & used) === 0n && merged.length < 80) merged.push(i)
  }
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
    if (last && compareAssignment(last[0], p[0]) === 0) last[1] += p[1]
    else assignment.push([p[0], p[1]])
  }
  out.assignments.push({
    block: s.block,
    core,
    begin: rcBegin,
    assignment: toRelay(s, assignment),
    endHint: null,
  })
  emit(out, { name: 'CoreAssigned', data: { core, when: rcBegin, assignment } })
}

/**
 * What the runtime's `assign_core` sends the relay (fellows coretime.rs): with more than
 * `maxAssignmentItems` (28) items, an Idle item first holding 57600 minus the parts of the first
 * n-1 (27) non-Idle items, then those items; the rest is dropped. The pallet's event keeps them all.
 */
const toRelay = (s: BrokerState, assignment: AssignmentPart[]): AssignmentPart[] => {
  const max = s.runtime.maxAssignmentItems
  if (max === undefined || assignment.length <= max) return assignment
  const kept = assignment.filter(([a]) => a !== 'Idle').slice(0, max - 1)
  let total = 0
  for (const [, p] of kept) total = Math.min(total + p, 65535) // u16 sum of parts
  return [['Idle', total < 57600 ? 57600 - total : 0], ...kept.map(([a, p]): AssignmentPart => [a, p])]
}
