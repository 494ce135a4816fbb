import * as PotentialRenewals from './PotentialRenewals'
import type { RegionId } from './RegionId'
import { rotateSale } from './Tick'
import type {
  Balance,
  BrokerState,
  ConfigRecord,
  CoreIndex,
  Outcome,
  SaleInfoRecord,
  Schedule,
  Sink,
  StatusRecord,
  TaskId,
  Timeslice,
} from './types'
import { currentTimeslice, emit, fail, latestTimesliceReadyToCommit, OK } from './Utility'
import * as Workplan from './Workplan'

// The admin (root-origin) dispatchables of pallet-broker dispatchable_impls.rs.

/** dispatchable_impls.rs `do_configure`: only a zero lead-in is refused. */
export const configure = (s: BrokerState, config: ConfigRecord): Outcome => {
  if (config.leadinLength === 0) return fail('InvalidConfig')
  s.configuration = { ...config }
  return OK
}

/** dispatchable_impls.rs `do_reserve`. */
export const reserve = (s: BrokerState, workload: Schedule, out: Sink): Outcome => {
  if (s.reservations.length >= s.runtime.maxReservedCores) return fail('TooManyReservations')
  const index = s.reservations.length
  s.reservations = [...s.reservations, workload]
  emit(out, { name: 'ReservationMade', data: { index, workload } })
  return OK
}

/** dispatchable_impls.rs `do_unreserve`. */
export const unreserve = (s: BrokerState, index: number, out: Sink): Outcome => {
  const workload = s.reservations[index]
  if (workload === undefined) return fail('UnknownReservation')
  s.reservations = s.reservations.filter((_, i) => i !== index)
  emit(out, { name: 'ReservationCancelled', data: { index, workload } })
  return OK
}

/** dispatchable_impls.rs `do_set_lease`: `until` must be after the current timeslice. */
export const setLease = (s: BrokerState, task: TaskId, until: Timeslice, out: Sink): Outcome => {
  if (until <= currentTimeslice(s)) return fail('AlreadyExpired')
  if (s.leases.length >= s.runtime.maxLeasedCores) return fail('TooManyLeases')
  s.leases = [...s.leases, { until, task }]
  emit(out, { name: 'Leased', data: { task, until } })
  return OK
}

/** dispatchable_impls.rs `do_remove_lease`: removes the first lease of `task`. */
export const removeLease = (s: BrokerState, task: TaskId, out: Sink): Outcome => {
  const i = s.leases.findIndex((l) => l.task === task)
  if (i < 0) return fail('LeaseNotFound')
  s.leases = s.leases.filter((_, j) => j !== i)
  emit(out, { name: 'LeaseRemoved', data: { task } })
  return OK
}

/** dispatchable_impls.rs `do_swap_leases`: swaps the two task ids in every lease; no event. */
export const swapLeases = (s: BrokerState, id: TaskId, other: TaskId): Outcome => {
  s.leases = s.leases.map((l) =>
    l.task === id ? { ...l, task: other } : l.task === other ? { ...l, task: id } : l,
  )
  return OK
}

/**
 * dispatchable_impls.rs `do_request_core_count`. The unit-test relay answers at once (into the
 * inbox); a live relay applies it at the start of the session after next (`runtime.relaySessionLength`:
 * the parachains `configuration` pallet's two-session delay) and only then notifies the broker.
 */
export const requestCoreCount = (s: BrokerState, coreCount: number, out: Sink): Outcome => {
  const session = s.runtime.relaySessionLength
  if (session === undefined) s.coreCountInbox = coreCount
  else s.coreCountPending = { coreCount, at: (Math.floor(s.block / session) + 2) * session }
  emit(out, { name: 'CoreCountRequested', data: { coreCount } })
  return OK
}

/** dispatchable_impls.rs `do_start_sales` (E3b+ signature `(end_price, extra_cores)`). */
export const startSales = (s: BrokerState, endPrice: Balance, extraCores: number, out: Sink): Outcome => {
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
    ...(s.runtime.saleIndex && { saleIndex: 0 }), // #10188: the bootstrap sale is index 0
  }
  emit(out, { name: 'SalesStarted', data: { price: endPrice, coreCount } })
  rotateSale(s, old, config, status, out)
  s.status = status
  return OK
}

/**
 * dispatchable_impls.rs `do_force_reserve` (E5b): a reservation from the sale after next, plus a
 * force reservation that takes an unsold core at the next rotation, plus the core now until then.
 */
export const forceReserve = (s: BrokerState, workload: Schedule, core: CoreIndex, out: Sink): Outcome => {
  const sale = s.saleInfo
  if (!sale) return fail('NoSales')
  if (s.reservations.length >= s.runtime.maxReservedCores) return fail('TooManyReservations')
  if (s.forceReservations.length >= s.runtime.maxReservedCores) return fail('TooManyReservations')
  const status = s.status
  if (!status) return fail('Uninitialized')
  reserve(s, workload, out)
  if (s.runtime.forceReservations === false) {
    // before #10792 (seen on coretime-paseo 2000006, docs/oracle.md): the workload takes `core` from the region on sale now
    Workplan.set(s.workplan, sale.regionBegin, core, workload)
  } else s.forceReservations = [...s.forceReservations, workload]
  const timeslice = status.lastCommittedTimeslice + 1
  if (timeslice < sale.regionBegin) Workplan.set(s.workplan, timeslice, core, workload)
  return OK
}

/** dispatchable_impls.rs `do_remove_assignment`: drop the whole workplan entry at (begin, core). */
export const removeAssignment = (s: BrokerState, regionId: RegionId, out: Sink): Outcome => {
  if (!Workplan.has(s.workplan, regionId.begin, regionId.core)) return fail('AssignmentNotFound')
  Workplan.remove(s.workplan, regionId.begin, regionId.core)
  emit(out, { name: 'AssignmentRemoved', data: { regionId } })
  return OK
}

/** dispatchable_impls.rs `do_remove_potential_renewal`. */
export const removePotentialRenewal = (
  s: BrokerState,
  core: CoreIndex,
  when: Timeslice,
  out: Sink,
): Outcome => {
  if (!PotentialRenewals.remove(s.potentialRenewals, core, when)) return fail('UnknownRenewal')
  emit(out, { name: 'PotentialRenewalRemoved', data: { core, timeslice: when } })
  return OK
}
