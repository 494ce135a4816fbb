import * as CoreMask from './CoreMask'
import * as PotentialRenewals from './PotentialRenewals'
import type { RegionId } from './RegionId'
import * as Regions from './Regions'
import * as Renewal from './Renewal'
import type {
  AccountId,
  Balance,
  BrokerErrorCode,
  BrokerState,
  CoreIndex,
  Outcome,
  PotentialRenewalRecord,
  SaleInfoRecord,
  Sink,
  StatusRecord,
  TaskId,
  Timeslice,
} from './types'
import {
  balanceOf,
  charge,
  emit,
  fail,
  loud,
  OK,
  POT,
  salePrice,
  sovereignAccountOf,
  transfer,
} from './Utility'
import * as Workplan from './Workplan'

// The sale's dispatchables (pallet-broker dispatchable_impls.rs): purchase, renew, auto-renewal,
// credit. Region and admin dispatchables are in RegionDispatchables.ts and AdminDispatchables.ts.

/** dispatchable_impls.rs `ensure_cores_for_sale`. */
const coresForSale = (status: StatusRecord, sale: SaleInfoRecord): BrokerErrorCode | null =>
  sale.firstCore >= status.coreCount ? 'Unavailable' : sale.coresSold >= sale.coresOffered ? 'SoldOut' : null

/**
 * dispatchable_impls.rs `purchase_core` (E3+) after its `charge`: take the next core, and record the
 * sellout price while within the ideal count (or if none yet). The callers charge first, as the last
 * check that can fail: `charge` withdraws nothing from an account that cannot pay, so charging
 * replaces a separate balance check (one ledger look-up fewer) and nothing is written on failure.
 */
const takeCore = (price: Balance, sale: SaleInfoRecord): CoreIndex => {
  const core = sale.firstCore + sale.coresSold
  sale.coresSold += 1
  if (sale.coresSold <= sale.idealCoresSold || sale.selloutPrice === null) sale.selloutPrice = price
  return core
}

/** dispatchable_impls.rs `do_purchase`. */
export const purchase = (s: BrokerState, who: AccountId, priceLimit: Balance, out: Sink): Outcome => {
  const status = s.status
  if (!status) return fail('Uninitialized')
  const sale = s.saleInfo
  if (!sale) return fail('NoSales')
  const unavailable = coresForSale(status, sale)
  if (unavailable) return fail(unavailable)
  if (!(s.block > sale.saleStart)) return fail('TooEarly')
  const price = salePrice(s, sale, out)
  if (priceLimit < price) return fail('Overpriced', { price, priceLimit })
  if (!charge(s, who, price)) return fail('FundsUnavailable', { price })
  const core = takeCore(price, sale)
  const regionId: RegionId = { begin: sale.regionBegin, core, mask: CoreMask.complete }
  Regions.set(s.regions, regionId, { end: sale.regionEnd, owner: who, paid: price })
  if (loud(out))
    emit(out, {
      name: 'Purchased',
      data: { who, regionId, price, duration: sale.regionEnd - sale.regionBegin },
    })
  return OK
}

/**
 * The failure `renew` would return, without renewing; else the renewal right it would use (its
 * completion is complete), all but the balance: `renew` charges last, which fails as a balance
 * check would. One look-up of the right serves the check and the renewal.
 */
const checkRenew = (s: BrokerState, core: CoreIndex): Outcome | PotentialRenewalRecord => {
  if (!s.configuration || !s.status) return fail('Uninitialized')
  const sale = s.saleInfo
  if (!sale) return fail('NoSales')
  const unavailable = coresForSale(s.status, sale)
  if (unavailable) return fail(unavailable)
  const record = PotentialRenewals.get(s.potentialRenewals, core, sale.regionBegin)
  if (!record) return fail('NotAllowed')
  if (!('complete' in record.completion)) return fail('IncompleteAssignment')
  return record
}

/** An `Outcome` rather than a renewal right. */
const isOutcome = (r: Outcome | PotentialRenewalRecord): r is Outcome => 'ok' in r

/**
 * dispatchable_impls.rs `do_renew` (E5): pay the recorded price for the core's renewal, take a new
 * core, and record the next renewal price. Returns the new core or the failure.
 */
export const renew = (s: BrokerState, who: AccountId, core: CoreIndex, out: Sink): CoreIndex | Outcome => {
  const record = checkRenew(s, core)
  if (isOutcome(record)) return record
  // checkRenew has established all of these (the completion check below only narrows the type)
  const config = s.configuration!
  const sale = s.saleInfo!
  if (!('complete' in record.completion)) return fail('IncompleteAssignment')

  const workload = record.completion.complete
  if (!charge(s, who, record.price)) return fail('FundsUnavailable', { price: record.price })
  const newCore = takeCore(record.price, sale)
  if (loud(out))
    emit(out, {
      name: 'Renewed',
      data: {
        who,
        price: record.price,
        oldCore: core,
        core: newCore,
        begin: sale.regionBegin,
        duration: sale.regionEnd - sale.regionBegin,
        workload,
      },
    })
  Workplan.set(s.workplan, sale.regionBegin, newCore, workload)
  const now = salePrice(s, sale, out)
  const price = Renewal.nextPrice(
    s.runtime.renewalPriceRule,
    record.price,
    config.renewalBump,
    sale.endPrice,
    now,
    s.testHooks?.renewalBumpRoundsUp,
  )
  PotentialRenewals.remove(s.potentialRenewals, core, sale.regionBegin)
  // the same completion (records are never edited in place: sharing it is safe)
  PotentialRenewals.set(s.potentialRenewals, newCore, sale.regionEnd, {
    price,
    completion: record.completion,
  })
  if (loud(out))
    emit(out, { name: 'Renewable', data: { core: newCore, price, begin: sale.regionEnd, workload } })
  return newCore
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
export const enableAutoRenew = (
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
  const renewNow = PotentialRenewals.has(s.potentialRenewals, core, sale.regionBegin)
  if (renewNow) {
    // the checks `renew` will make, the balance included, before anything is written
    const right = checkRenew(s, core)
    if (isOutcome(right)) return right
    if (balanceOf(s, sovereign) < right.price) return fail('FundsUnavailable', { price: right.price })
  } else if (hint === null || !PotentialRenewals.has(s.potentialRenewals, core, hint)) {
    return fail('NotAllowed')
  }
  if (s.autoRenewals.length >= s.runtime.maxAutoRenewals) return fail('TooManyAutoRenewals')
  let recordCore = core
  if (renewNow) {
    const renewed = renew(s, sovereign, core, out) as CoreIndex
    // dispatchable_impls.rs do_enable_auto_renew: the record follows the renewed core since #10767
    if (s.runtime.autoRenewFollowsCore !== false) recordCore = renewed
  }
  const [, pos] = searchAutoRenewal(s.autoRenewals, recordCore)
  const next = [...s.autoRenewals]
  next.splice(pos, 0, { core: recordCore, task, nextRenewal: hint ?? sale.regionEnd })
  s.autoRenewals = next
  emit(out, { name: 'AutoRenewalEnabled', data: { core: recordCore, task } })
  return OK
}

/** lib.rs `disable_auto_renew` + dispatchable_impls.rs `do_disable_auto_renew`. */
export const disableAutoRenew = (
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
  emit(out, { name: 'AutoRenewalDisabled', data: { core, task } })
  return OK
}

/**
 * dispatchable_impls.rs `do_purchase_credit`: pay into the pallet's pot; the relay then burns it
 * from the pot and credits the beneficiary's on-demand account.
 */
export const purchaseCredit = (
  s: BrokerState,
  who: AccountId,
  amount: Balance,
  beneficiary: AccountId,
  out: Sink,
): Outcome => {
  if (amount < s.runtime.minimumCreditPurchase) return fail('CreditPurchaseTooSmall')
  const refused = transfer(s, who, POT, amount)
  if (refused) return fail(refused, { price: amount })
  // `Coretime::credit_account`: the unit-test relay burns it from the pot into the beneficiary's
  // on-demand credit; the live runtimes' handler does nothing (fellows coretime.rs), so it stays.
  if (s.runtime.creditsReachRelay !== false) {
    s.balances.set(POT, balanceOf(s, POT) - amount)
    s.credits.set(beneficiary, (s.credits.get(beneficiary) ?? 0n) + amount)
  }
  emit(out, { name: 'CreditPurchased', data: { who, beneficiary, amount } })
  return OK
}
