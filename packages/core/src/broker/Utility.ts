import { maxOfBits } from '../fixed/rounding'
import * as CoreMask from './CoreMask'
import * as Sale from './Sale'
import { balanceOf } from './Storage'
import type {
  AccountId,
  Balance,
  BrokerError,
  BrokerErrorCode,
  BrokerEvent,
  BrokerState,
  ConfigRecord,
  CoreAssignment,
  Outcome,
  Runtime,
  SaleInfoRecord,
  Schedule,
  Sink,
  TaskId,
  Timeslice,
} from './types'

// Small helpers shared by the hook and the dispatchables (pallet-broker utility_impls.rs, and the
// runtime's `Currency` as the pallet sees it).

/** Records `event` unless the sink is quiet. The one place the engine emits an event. */
export const emit = (out: Sink, event: BrokerEvent): void => {
  if (!out.quietEvents) out.events.push(event)
}

/** Whether the sink records events: hot calls build their event only then (`if (loud(out)) emit(…)`). */
export const loud = (out: Sink): boolean => !out.quietEvents

export const OK: Outcome = Object.freeze({ ok: true })
/** An expected failure: the pallet's error as `code`, plus what the caller may want to show. */
export const fail = (code: BrokerErrorCode, details: Omit<BrokerError, 'code'> = {}): Outcome => ({
  ok: false,
  error: { code, ...details },
})

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
export const latestTimesliceReadyToCommit = (s: BrokerState, config: ConfigRecord): Timeslice =>
  Math.floor((s.block + config.advanceNotice) / s.runtime.timeslicePeriod)

/**
 * utility_impls.rs `sale_price` at the current block for `sale`, through the sink's memo when it
 * has one (the same inputs give the same price; nothing outside the sink is kept).
 */
export const salePrice = (s: BrokerState, sale: SaleInfoRecord, out: Sink): Balance => {
  const m = out.price
  const adapter = s.runtime.priceAdapter
  const max = maxBalance(s.runtime)
  if (m === undefined) return Sale.priceAt(sale, s.block, adapter, max)
  if (
    m.block === s.block &&
    m.saleStart === sale.saleStart &&
    m.leadinLength === sale.leadinLength &&
    m.endPrice === sale.endPrice &&
    m.kind === adapter.kind &&
    m.max === max
  )
    return m.price
  const price = Sale.priceAt(sale, s.block, adapter, max)
  m.block = s.block
  m.saleStart = sale.saleStart
  m.leadinLength = sale.leadinLength
  m.endPrice = sale.endPrice
  m.kind = adapter.kind
  m.max = max
  m.price = price
  return price
}

/** The sale price now (runtime API `sale_price`), or null without a sale. */
export const salePriceNow = (s: BrokerState): Balance | null =>
  s.saleInfo && Sale.priceAt(s.saleInfo, s.block, s.runtime.priceAdapter, maxBalance(s.runtime))

/** A whole core given to the pool. */
export const POOL_ALL: Schedule = Object.freeze([
  { mask: CoreMask.complete, assignment: 'Pool' as const },
]) as Schedule

const I32_MAX = 2147483647
const I32_MIN = -2147483648
/** i32 `saturating_add` result. */
export const satI32 = (v: number): number => (v > I32_MAX ? I32_MAX : v < I32_MIN ? I32_MIN : v | 0) // `| 0`: an i32 has no −0

/** `InstaPoolIo[when] += (private, system)`, each saturating as i32. */
export const ioAdd = (s: BrokerState, when: Timeslice, privateDelta: number, systemDelta: number): void => {
  const r = s.instaPoolIo.get(when)
  s.instaPoolIo.set(
    when,
    r
      ? { private: satI32(r.private + privateDelta), system: satI32(r.system + systemDelta) }
      : { private: satI32(privateDelta), system: satI32(systemDelta) },
  )
}

/** `CoreAssignment`'s order: Idle < Pool < Task(n) (coretime_interface.rs). */
export const compareAssignment = (a: CoreAssignment, b: CoreAssignment): number => {
  const ra = a === 'Idle' ? -2 : a === 'Pool' ? -1 : a.task
  const rb = b === 'Idle' ? -2 : b === 'Pool' ? -1 : b.task
  return ra - rb
}

// ---------------------------------------------------------------------------------------------
// Ledger (the runtime's `Currency`, with `OnRevenue` paying `runtime.revenueAccount`)
// ---------------------------------------------------------------------------------------------

/** The pallet's own account. */
export const POT: AccountId = 'pot'
export { balanceOf }
export const deposit = (s: BrokerState, who: AccountId, amount: Balance): void => {
  if (amount !== 0n) s.balances.set(who, balanceOf(s, who) + amount)
}
/** The Coretime chain's existential deposit (0 in the pallet's unit-test runtime). */
const existentialDeposit = (s: BrokerState): Balance => s.runtime.existentialDeposit ?? 0n

/**
 * fungible `decrease_balance` (Exact, Expendable, Polite): false if `who` does not hold `amount`;
 * a remainder below the existential deposit is dust and is burned (the live runtimes'
 * `DustRemoval = ()`), so the account ends at 0.
 */
const withdraw = (s: BrokerState, who: AccountId, amount: Balance): boolean => {
  const have = balanceOf(s, who)
  if (have < amount) return false
  if (amount === 0n) return true
  const left = have - amount
  s.balances.set(who, left < existentialDeposit(s) ? 0n : left)
  return true
}

/**
 * fungible `transfer` (Expendable): the failure, or null once moved. The receiver must end at or
 * above the existential deposit (`TokenError::BelowMinimum`); the sender may be reaped (dust burned).
 */
export const transfer = (
  s: BrokerState,
  from: AccountId,
  to: AccountId,
  amount: Balance,
): 'FundsUnavailable' | 'BelowMinimum' | null => {
  if (balanceOf(s, from) < amount) return 'FundsUnavailable'
  if (amount === 0n) return null
  if (balanceOf(s, to) + amount < existentialDeposit(s)) return 'BelowMinimum'
  withdraw(s, from, amount)
  deposit(s, to, amount)
  return null
}

/** dispatchable_impls.rs `charge`: withdraw exactly `amount` and hand it to `OnRevenue`. */
export const charge = (s: BrokerState, who: AccountId, amount: Balance): boolean => {
  if (!withdraw(s, who, amount)) return false
  deposit(s, s.runtime.revenueAccount, amount)
  return true
}
