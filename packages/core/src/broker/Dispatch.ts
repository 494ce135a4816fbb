import * as Admin from './AdminDispatchables'
import * as Region from './RegionDispatchables'
import * as SaleCalls from './SaleDispatchables'
import type { BrokerCall, BrokerState, Origin, Outcome, Sink } from './types'
import { fail, OK } from './Utility'

// The call wrappers of pallet-broker lib.rs: which origin each call needs, then the `do_*` work.

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
  'forceTransfer',
])
const ANY_ORIGIN_CALLS = new Set<BrokerCall['call']>([
  'dropRegion',
  'dropContribution',
  'dropHistory',
  'dropRenewal',
])

/** True iff the call needs the root (admin) origin. */
export const isAdminCall = (name: BrokerCall['call']): boolean => ADMIN_CALLS.has(name)

/**
 * Dispatches one extrinsic in the current block (lib.rs call dispatch). On success mutates `state`
 * and pushes events; on failure changes nothing and returns the pallet's error. Every call checks
 * all its preconditions before it writes, so a failure never leaves a partial change.
 */
export const execute = (s: BrokerState, origin: Origin, call: BrokerCall, out: Sink): Outcome => {
  const name = call.call
  if (origin !== 'root') {
    if (ADMIN_CALLS.has(name)) return fail('BadOrigin', { call: name })
  } else if (!ADMIN_CALLS.has(name) && !ANY_ORIGIN_CALLS.has(name)) {
    return fail('BadOrigin', { call: name })
  }
  // the runtime's BaseCallFilter: frame_system `CallFiltered`, nothing dispatched
  const filter = s.runtime.callFilter
  if (filter !== undefined && filter.length !== 0 && filter.includes(name))
    return fail('CallFiltered', { call: name })
  const who = origin
  switch (call.call) {
    case 'configure':
      return Admin.configure(s, call.args)
    case 'reserve':
      return Admin.reserve(s, call.args.workload, out)
    case 'unreserve':
      return Admin.unreserve(s, call.args.itemIndex, out)
    case 'setLease':
      return Admin.setLease(s, call.args.task, call.args.until, out)
    case 'startSales':
      return Admin.startSales(s, call.args.endPrice, call.args.extraCores, out)
    case 'purchase':
      return SaleCalls.purchase(s, who, call.args.priceLimit, out)
    case 'renew': {
      const r = SaleCalls.renew(s, who, call.args.core, out)
      return typeof r === 'number' ? OK : r
    }
    case 'transfer':
      return Region.transferRegion(s, who, call.args.regionId, call.args.newOwner, out)
    case 'partition':
      return Region.partition(s, who, call.args.regionId, call.args.pivot, out)
    case 'interlace':
      return Region.interlace(s, who, call.args.regionId, call.args.pivot, out)
    case 'assign':
      return Region.assign(s, who, call.args.regionId, call.args.task, call.args.finality, out)
    case 'pool':
      return Region.pool(s, who, call.args.regionId, call.args.payee, call.args.finality, out)
    case 'claimRevenue':
      return Region.claimRevenue(s, call.args.regionId, call.args.maxTimeslices, out)
    case 'purchaseCredit':
      return SaleCalls.purchaseCredit(s, who, call.args.amount, call.args.beneficiary, out)
    case 'dropRegion':
      return Region.dropRegion(s, call.args.regionId, out)
    case 'dropContribution':
      return Region.dropContribution(s, call.args.regionId, out)
    case 'dropHistory':
      return Region.dropHistory(s, call.args.when, out)
    case 'dropRenewal':
      return Region.dropRenewal(s, call.args.core, call.args.when, out)
    case 'requestCoreCount':
      return Admin.requestCoreCount(s, call.args.coreCount, out)
    case 'notifyCoreCount':
      s.coreCountInbox = call.args.coreCount
      return OK
    case 'notifyRevenue':
      s.revenueInbox = { ...call.args.revenue }
      return OK
    case 'enableAutoRenew':
      return SaleCalls.enableAutoRenew(s, who, call.args.core, call.args.task, call.args.workloadEndHint, out)
    case 'disableAutoRenew':
      return SaleCalls.disableAutoRenew(s, who, call.args.core, call.args.task, out)
    case 'forceReserve':
      return Admin.forceReserve(s, call.args.workload, call.args.core, out)
    case 'removeLease':
      return Admin.removeLease(s, call.args.task, out)
    case 'removeAssignment':
      return Admin.removeAssignment(s, call.args.regionId, out)
    case 'removePotentialRenewal':
      return Admin.removePotentialRenewal(s, call.args.core, call.args.when, out)
    case 'swapLeases':
      return Admin.swapLeases(s, call.args.id, call.args.other)
    case 'forceTransfer':
      return Region.transferRegion(s, null, call.args.regionId, call.args.newOwner, out)
  }
}
