import { saturate } from '../fixed/rounding'
import * as CoreMask from './CoreMask'
import * as PoolHistory from './PoolHistory'
import * as PotentialRenewals from './PotentialRenewals'
import type { RegionId } from './RegionId'
import * as RegionIdM from './RegionId'
import * as Regions from './Regions'
import { regionAt } from './Storage'
import type {
  AccountId,
  BrokerState,
  CoreIndex,
  Finality,
  Outcome,
  RegionRecord,
  Sink,
  StatusRecord,
  TaskId,
  Timeslice,
} from './types'
import { charge, emit, fail, ioAdd, loud, maxBalance, OK, POT, transfer } from './Utility'
import * as Workplan from './Workplan'

// The regions' dispatchables (pallet-broker dispatchable_impls.rs): transfer, partition,
// interlace, assign, pool, claim, and the permissionless drops.

/**
 * dispatchable_impls.rs `do_transfer`; `who` null is `force_transfer` (lib.rs call 28, admin):
 * no owner check, so a region with no owner (burnt) can be given one.
 */
export const transferRegion = (
  s: BrokerState,
  who: AccountId | null,
  regionId: RegionId,
  newOwner: AccountId,
  out: Sink,
): Outcome => {
  const region = regionAt(s, regionId)
  if (!region) return fail('UnknownRegion')
  if (who !== null && region.owner !== who) return fail('NotOwner')
  Regions.set(s.regions, regionId, { end: region.end, owner: newOwner, paid: region.paid })
  if (loud(out))
    emit(out, {
      name: 'Transferred',
      data: { regionId, duration: region.end - regionId.begin, oldOwner: region.owner, owner: newOwner },
    })
  return OK
}

/**
 * dispatchable_impls.rs `force_unpool_region`: withdraw a provisional pool contribution from the
 * timeslices not yet committed.
 */
export const forceUnpool = (
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
  emit(out, { name: 'RegionUnpooled', data: { regionId, when: at } })
}

/** dispatchable_impls.rs `do_partition`: split in time at begin + pivot; both halves lose renewal rights. */
export const partition = (
  s: BrokerState,
  who: AccountId,
  regionId: RegionId,
  offset: number,
  out: Sink,
): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  const region = regionAt(s, regionId)
  if (!region) return fail('UnknownRegion')
  if (region.owner !== who) return fail('NotOwner')
  const pivot = regionId.begin + offset
  if (!(pivot < region.end)) return fail('PivotTooLate')
  if (!(pivot > regionId.begin)) return fail('PivotTooEarly')
  const second: RegionRecord = { ...region, paid: null }
  forceUnpool(s, regionId, second, status, out)
  const newIds: [RegionId, RegionId] = [regionId, { ...regionId, begin: pivot }]
  Regions.set(s.regions, regionId, { ...second, end: pivot })
  Regions.set(s.regions, newIds[1], second)
  emit(out, { name: 'Partitioned', data: { oldRegionId: regionId, newRegionIds: newIds } })
  return OK
}

/** dispatchable_impls.rs `do_interlace`: split the core's time by mask; both parts keep `paid`. */
export const interlace = (
  s: BrokerState,
  who: AccountId,
  regionId: RegionId,
  pivot: bigint,
  out: Sink,
): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  const region = regionAt(s, regionId)
  if (!region) return fail('UnknownRegion')
  if (region.owner !== who) return fail('NotOwner')
  if ((pivot & CoreMask.not(regionId.mask)) !== 0n) return fail('ExteriorPivot')
  if (pivot === 0n) return fail('VoidPivot')
  if (pivot === regionId.mask) return fail('CompletePivot')
  forceUnpool(s, regionId, region, status, out)
  const one: RegionId = { ...regionId, mask: pivot }
  const other: RegionId = { ...regionId, mask: regionId.mask ^ pivot }
  Regions.take(s.regions, regionId)
  Regions.set(s.regions, one, { ...region })
  Regions.set(s.regions, other, { ...region })
  emit(out, { name: 'Interlaced', data: { oldRegionId: regionId, newRegionIds: [one, other] } })
  return OK
}

type Utilized = { regionId: RegionId; region: RegionRecord; status: StatusRecord } | null

/** The checks of dispatchable_impls.rs `utilize`, before anything is written. */
const checkUtilize = (s: BrokerState, who: AccountId, regionId: RegionId): Outcome | null => {
  if (!s.status) return fail('Uninitialized')
  const region = regionAt(s, regionId)
  if (!region) return fail('UnknownRegion')
  if (region.owner !== who) return fail('NotOwner')
  return null
}

/**
 * dispatchable_impls.rs `utilize` (after `checkUtilize`): take the region out of `Regions`, trim
 * it to the uncommitted future (dropping it if nothing is left), clear the workplan under its mask,
 * and put it back if the use is only provisional.
 */
const utilize = (s: BrokerState, regionId: RegionId, finality: Finality, out: Sink): Utilized => {
  const status = s.status!
  const region = Regions.take(s.regions, regionId)!
  let id = regionId
  if (id.begin <= status.lastCommittedTimeslice) {
    const duration = region.end - id.begin
    id = { ...id, begin: status.lastCommittedTimeslice + 1 }
    if (id.begin >= region.end) {
      emit(out, { name: 'RegionDropped', data: { regionId: id, duration } })
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
  if (finality === 'Provisional') Regions.set(s.regions, id, region)
  return { regionId: id, region, status }
}

/** dispatchable_impls.rs `do_assign`: schedule the task; a whole, paid, Final region earns a renewal right. */
export const assign = (
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
  if (bad) return bad
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
    const existing = PotentialRenewals.get(s.potentialRenewals, id.core, region.end)
    const prior =
      existing && 'partial' in existing.completion && existing.price === price
        ? existing.completion.partial
        : 0n
    const assigned = prior | id.mask
    if (CoreMask.isComplete(assigned)) {
      const workload = Workplan.get(s.workplan, id.begin, id.core) ?? []
      PotentialRenewals.set(s.potentialRenewals, id.core, region.end, {
        price,
        completion: { complete: workload },
      })
      if (loud(out))
        emit(out, { name: 'Renewable', data: { core: id.core, price, begin: region.end, workload } })
    } else {
      PotentialRenewals.set(s.potentialRenewals, id.core, region.end, {
        price,
        completion: { partial: assigned },
      })
    }
  }
  if (loud(out)) emit(out, { name: 'Assigned', data: { regionId: id, duration, task } })
  return OK
}

/** dispatchable_impls.rs `do_pool`: contribute the region to the instantaneous pool. */
export const pool = (
  s: BrokerState,
  who: AccountId,
  regionId: RegionId,
  payee: AccountId,
  finality: Finality,
  out: Sink,
): Outcome => {
  const bad = checkUtilize(s, who, regionId)
  if (bad) return bad
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
  emit(out, { name: 'Pooled', data: { regionId: id, duration } })
  return OK
}

/** dispatchable_impls.rs `do_claim_revenue` (with its quirk: the unpaid timeslice it stops at is consumed). */
export const claimRevenue = (
  s: BrokerState,
  regionId: RegionId,
  maxTimeslices: number,
  out: Sink,
): Outcome => {
  if (!(maxTimeslices > 0)) return fail('NoClaimTimeslices')
  const startKey = RegionIdM.toKey(regionId)
  const found = s.instaPoolContribution.get(startKey)
  if (!found) return fail('UnknownContribution')
  s.instaPoolContribution.delete(startKey)
  const contribution = { ...found }
  const parts = CoreMask.countOnes(regionId.mask)
  emit(out, { name: 'RevenueClaimBegun', data: { region: regionId, maxTimeslices } })
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
    // total_payout.saturating_mul(parts).checked_div(private).unwrap_or_default()
    const p =
      record.privateContributions === 0
        ? 0n
        : saturate(total * BigInt(parts), maxBalance(s.runtime)) / BigInt(record.privateContributions)
    payout += p
    const privateContributions = Math.max(0, record.privateContributions - parts)
    const remaining = total > p ? total - p : 0n
    if (remaining !== 0n && privateContributions > 0) {
      PoolHistory.set(s.instaPoolHistory, r, { ...record, privateContributions, maybePayout: remaining })
    } else {
      PoolHistory.remove(s.instaPoolHistory, r)
    }
    if (p !== 0n) emit(out, { name: 'RevenueClaimItem', data: { when: r, amount: p } })
  }
  const region: RegionId = { ...regionId, begin }
  if (contribution.length > 0) s.instaPoolContribution.set(RegionIdM.toKey(region), contribution)
  transfer(s, POT, contribution.payee, payout) // `defensive_ok`: skipped if the pot cannot pay
  const next = last < region.begin + contribution.length ? region : null
  emit(out, { name: 'RevenueClaimPaid', data: { who: contribution.payee, amount: payout, next } })
  return OK
}

/** dispatchable_impls.rs `do_drop_region`: only once every timeslice of it is committed. */
export const dropRegion = (s: BrokerState, regionId: RegionId, out: Sink): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  const region = regionAt(s, regionId)
  if (!region) return fail('UnknownRegion')
  if (!(status.lastCommittedTimeslice >= region.end)) return fail('StillValid')
  Regions.take(s.regions, regionId)
  if (loud(out))
    emit(out, { name: 'RegionDropped', data: { regionId, duration: region.end - regionId.begin } })
  return OK
}

/** dispatchable_impls.rs `do_drop_contribution`. */
export const dropContribution = (s: BrokerState, regionId: RegionId, out: Sink): Outcome => {
  const config = s.configuration
  const status = s.status
  if (!config || !status) return fail('Uninitialized')
  const key = RegionIdM.toKey(regionId)
  const contribution = s.instaPoolContribution.get(key)
  if (!contribution) return fail('UnknownContribution')
  const end = regionId.begin + contribution.length
  if (!(status.lastTimeslice >= end + config.contributionTimeout)) return fail('StillValid')
  s.instaPoolContribution.delete(key)
  emit(out, { name: 'ContributionDropped', data: { regionId } })
  return OK
}

/** dispatchable_impls.rs `do_drop_history`: an unclaimed payout goes to `OnRevenue`. */
export const dropHistory = (s: BrokerState, when: Timeslice, out: Sink): Outcome => {
  const config = s.configuration
  const status = s.status
  if (!config || !status) return fail('Uninitialized')
  if (!(status.lastTimeslice > when + config.contributionTimeout)) return fail('StillValid')
  const record = PoolHistory.get(s.instaPoolHistory, when)
  if (!record) return fail('NoHistory')
  PoolHistory.remove(s.instaPoolHistory, when)
  if (record.maybePayout !== null) charge(s, POT, record.maybePayout)
  emit(out, { name: 'HistoryDropped', data: { when, revenue: record.maybePayout ?? 0n } })
  return OK
}

/** dispatchable_impls.rs `do_drop_renewal`. */
export const dropRenewal = (s: BrokerState, core: CoreIndex, when: Timeslice, out: Sink): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  if (!(status.lastCommittedTimeslice >= when)) return fail('StillValid')
  if (!PotentialRenewals.remove(s.potentialRenewals, core, when)) return fail('UnknownRenewal')
  emit(out, { name: 'PotentialRenewalDropped', data: { when, core } })
  return OK
}
