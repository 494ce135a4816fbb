import * as PoolHistory from './PoolHistory'
import * as PotentialRenewals from './PotentialRenewals'
import type { RegionId } from './RegionId'
import * as Regions from './Regions'
import type {
  AccountId,
  Balance,
  BlockNumber,
  BrokerState,
  CoreIndex,
  PotentialRenewalRecord,
  RegionRecord,
  Runtime,
  Schedule,
  Sink,
  TestHooks,
  Timeslice,
} from './types'
import * as Workplan from './Workplan'

// The pallet's storage (lib.rs `#[pallet::storage]`) as plain data, its keys, and the reads the
// simulator and the apps need without knowing those keys.

/** A fresh chain: no configuration, no sales, the given balances, at `startBlock`. */
export const create = (
  runtime: Runtime,
  balances: ReadonlyMap<AccountId, Balance> = new Map(),
  startBlock: BlockNumber = 0,
  options: { testHooks?: TestHooks } = {},
): BrokerState => ({
  runtime,
  ...(options.testHooks && { testHooks: options.testHooks }),
  block: startBlock,
  configuration: null,
  status: null,
  saleInfo: null,
  reservations: [],
  forceReservations: [],
  leases: [],
  potentialRenewals: PotentialRenewals.create(),
  regions: Regions.create(),
  workplan: Workplan.create(),
  workload: new Map(),
  instaPoolContribution: new Map(),
  instaPoolIo: new Map(),
  instaPoolHistory: PoolHistory.create(),
  coreCountInbox: null,
  coreCountPending: null,
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
  price: { block: -1, saleStart: 0, leadinLength: 0, endPrice: 0n, kind: null, max: 0n, price: 0n },
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
  potentialRenewals: PotentialRenewals.clone(s.potentialRenewals),
  regions: Regions.clone(s.regions),
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
// Reads (no caller needs the storage layout)
// ---------------------------------------------------------------------------------------------

/** `PotentialRenewals[(core, when)]`: the renewal right for the region that begins at `when`. */
export const renewalAt = (
  s: BrokerState,
  core: CoreIndex,
  when: Timeslice,
): PotentialRenewalRecord | undefined => PotentialRenewals.get(s.potentialRenewals, core, when)

/** Every potential renewal in key order (core, then when). */
export const renewals = (s: BrokerState): PotentialRenewals.Entry[] =>
  PotentialRenewals.sorted(s.potentialRenewals)

/** Every potential renewal in the order the rights were created (a generator's stable choice). */
export const renewalsInOrder = (s: BrokerState): PotentialRenewals.Entry[] =>
  PotentialRenewals.entries(s.potentialRenewals)

/** `Regions[id]`, or undefined if there is no such region. */
export const regionAt = (s: BrokerState, id: RegionId): RegionRecord | undefined => Regions.get(s.regions, id)

/** What the region's buyer paid (null once partitioned or never bought), undefined if it does not exist. */
export const regionPaid = (s: BrokerState, id: RegionId): Balance | null | undefined => regionAt(s, id)?.paid

/** Every region in the order it was created (a generator's stable choice). */
export const regionsInOrder = (s: BrokerState): Regions.Entry[] => Regions.entries(s.regions)

/** An account's free balance in planck. */
export const balanceOf = (s: BrokerState, who: AccountId): Balance => s.balances.get(who) ?? 0n

// ---------------------------------------------------------------------------------------------
// Writes from outside the pallet: a state read from a chain, genesis, a test's setup
// ---------------------------------------------------------------------------------------------

/** Sets an account's balance (genesis, or a simulated top-up from outside the chain). */
export const setBalance = (s: BrokerState, who: AccountId, amount: Balance): void => {
  s.balances.set(who, amount)
}

/** Writes a renewal right. */
export const setRenewal = (
  s: BrokerState,
  core: CoreIndex,
  when: Timeslice,
  record: PotentialRenewalRecord,
): void => PotentialRenewals.set(s.potentialRenewals, core, when, record)

/** Writes a region. */
export const setRegion = (s: BrokerState, id: RegionId, record: RegionRecord): void =>
  Regions.set(s.regions, id, record)

/** Writes a core's plan for a timeslice. */
export const setWorkplan = (
  s: BrokerState,
  timeslice: Timeslice,
  core: CoreIndex,
  schedule: Schedule,
): void => Workplan.set(s.workplan, timeslice, core, schedule)
