import type { CoreMask } from './CoreMask'
import type { PoolHistory } from './PoolHistory'
import type { PotentialRenewals } from './PotentialRenewals'
import type { RegionId, RegionKey } from './RegionId'
import type { Regions } from './Regions'
import type { Workplan } from './Workplan'

/** A relay-chain block number. */
export type BlockNumber = number
/** RC block / TimeslicePeriod. */
export type Timeslice = number
export type CoreIndex = number
/** Para id. */
export type TaskId = number
/** An account id; `'pot'` is the pallet's own account. `'root'` is reserved for the root origin. */
export type AccountId = string
/** Balance in planck. */
export type Balance = bigint
/** Perbill parts, 0..=1e9. */
export type PerbillParts = bigint

/** `CoreAssignment`, ordered Idle < Pool < Task(n) (pallet-broker coretime_interface.rs). */
export type CoreAssignment = 'Idle' | 'Pool' | { task: TaskId }

export interface ScheduleItem {
  mask: CoreMask
  assignment: CoreAssignment
}
export type Schedule = ScheduleItem[]

export type Finality = 'Provisional' | 'Final'

export type CompletionStatus = { partial: CoreMask } | { complete: Schedule }

/** How each new sale's prices follow the last (the runtime's `PriceAdapter`). */
export type PriceAdapterConfig =
  | { kind: 'CenterTargetPrice' }
  | { kind: 'MinimumPrice'; minimumEndPrice: Balance }
  /** Paseo: CenterTargetPrice's lead-in; every sale ends at `minimumEndPrice`, renewals target `fixedTargetPrice` */
  | { kind: 'MinimumPriceWithFixedTargetPrice'; minimumEndPrice: Balance; fixedTargetPrice: Balance }
  | { kind: 'Linear' }
  | { kind: 'Fixed' }

/** Cap on the next renewal price: RFC-149 floor at the sale's end price (live), or the earlier bump-only rule. */
export type RenewalPriceRule = 'floorAtEndPrice' | 'bumpOnly'

/** Runtime constants (pallet `Config`) of the chain being modelled. */
export interface Runtime {
  timeslicePeriod: number
  priceAdapter: PriceAdapterConfig
  renewalPriceRule: RenewalPriceRule
  maxLeasedCores: number
  maxReservedCores: number
  maxAutoRenewals: number
  minimumCreditPurchase: Balance
  /** Width of `Balance`: 64 (unit-test mock) or 128 (live chains). */
  balanceBits: 64 | 128
  /** `SovereignAccountOf(task)`: the task number as an account id, or the `sibl` account as 0x-hex. */
  sovereignAccount: 'taskId' | 'sibling'
  /** Account receiving `OnRevenue`. */
  revenueAccount: AccountId
  // Runtime behaviour outside the pallet (absent: as the pallet's unit-test runtime behaves).
  /** Broker calls the runtime's `BaseCallFilter` refuses with `CallFiltered` (fellows `IsFilteredBrokerCall`). */
  callFilter?: readonly BrokerCallName[]
  /** False when the runtime's `credit_account` does nothing (fellows coretime.rs): credits stay in the pot. */
  creditsReachRelay?: boolean
  /** Most items one `assign_core` message carries; longer ones go as Idle + the first n−1 others (fellows coretime.rs). */
  maxAssignmentItems?: number
  /** The Coretime chain's `ExistentialDeposit`, planck: a payer left below it loses the rest (dust). */
  existentialDeposit?: Balance
  /**
   * Relay session length in relay blocks: a requested core count takes effect at the start of the
   * session after next (relay `configuration` pallet) and only then reaches the broker.
   */
  relaySessionLength?: BlockNumber
  /** `sale_index` in `SaleInfo` and `SaleInitialized` (polkadot-sdk #10188, on master, not yet live). */
  saleIndex?: boolean
  /**
   * `false`: the pallet before `ForceReservations` (polkadot-sdk #10792, January 2026; coretime-paseo
   * 2000006): `force_reserve` also writes the workload at the sale's region begin at once, instead of
   * taking an unsold core at the next rotation. Absent: `true`.
   */
  forceReservations?: boolean
  /**
   * `false`: the pallet before polkadot-sdk #10767 (January 2026; coretime-paseo 2000006): when
   * `enable_auto_renew` renews at once and the renewal lands on another core, the auto-renewal
   * record and `AutoRenewalEnabled` keep the core given, not the new one. Absent: `true`.
   */
  autoRenewFollowsCore?: boolean
}

export interface ConfigRecord {
  advanceNotice: BlockNumber
  interludeLength: BlockNumber
  leadinLength: BlockNumber
  regionLength: Timeslice
  idealBulkProportion: PerbillParts
  limitCoresOffered: number | null
  renewalBump: PerbillParts
  contributionTimeout: Timeslice
}

export interface StatusRecord {
  coreCount: number
  privatePoolSize: number
  systemPoolSize: number
  lastCommittedTimeslice: Timeslice
  lastTimeslice: Timeslice
}

export interface SaleInfoRecord {
  saleStart: BlockNumber
  leadinLength: BlockNumber
  endPrice: Balance
  regionBegin: Timeslice
  regionEnd: Timeslice
  idealCoresSold: number
  coresOffered: number
  firstCore: CoreIndex
  selloutPrice: Balance | null
  coresSold: number
  /** Present iff the runtime has `saleIndex`: the imaginary sale of `start_sales` is 0, the first real one 1. */
  saleIndex?: number
}

export interface RegionRecord {
  end: Timeslice
  owner: AccountId | null
  paid: Balance | null
}

export interface PotentialRenewalRecord {
  price: Balance
  completion: CompletionStatus
}

export interface LeaseRecordItem {
  until: Timeslice
  task: TaskId
}

export interface ContributionRecord {
  length: Timeslice
  payee: AccountId
}

export interface PoolIoRecord {
  private: number
  system: number
}

export interface InstaPoolHistoryRecord {
  privateContributions: number
  systemContributions: number
  maybePayout: Balance | null
}

export interface AutoRenewalRecord {
  core: CoreIndex
  task: TaskId
  nextRenewal: Timeslice
}

export interface OnDemandRevenueRecord {
  until: BlockNumber
  amount: Balance
}

/**
 * Test-only: a deliberately broken rule, to show that a checker (the oracle, a trace's `--check`)
 * catches it. Never set outside tests; absent, the engine is the pallet.
 */
export interface TestHooks {
  /** round the renewal bump (`renewal_bump * price`, Perbill) up instead of to nearest, half down */
  renewalBumpRoundsUp?: boolean
}

/**
 * The broker's whole storage plus the ledger it touches, as plain data. `potentialRenewals` is held
 * by when, then core (PotentialRenewals.ts); `regions` by begin, then core for whole-core regions
 * (Regions.ts); `instaPoolContribution` is keyed by the region's `RegionId.toKey` (listed in
 * item-id order by `RegionId.sortedKeys`); `workplan` by timeslice, then core (Workplan.ts); and
 * `instaPoolHistory` holds runs of identical records (PoolHistory.ts).
 */
export interface BrokerState {
  runtime: Runtime
  /** test-only broken rules (`TestHooks`); absent in every real run */
  testHooks?: TestHooks
  /** The current relay block (the block whose hook last ran). */
  block: BlockNumber
  configuration: ConfigRecord | null
  status: StatusRecord | null
  saleInfo: SaleInfoRecord | null
  reservations: Schedule[]
  forceReservations: Schedule[]
  leases: LeaseRecordItem[]
  potentialRenewals: PotentialRenewals
  regions: Regions
  workplan: Workplan
  workload: Map<CoreIndex, Schedule>
  instaPoolContribution: Map<RegionKey, ContributionRecord>
  instaPoolIo: Map<Timeslice, PoolIoRecord>
  instaPoolHistory: PoolHistory
  coreCountInbox: number | null
  /** A core count the relay has accepted but not yet applied (`runtime.relaySessionLength`); not broker storage. */
  coreCountPending: { coreCount: number; at: BlockNumber } | null
  revenueInbox: OnDemandRevenueRecord | null
  autoRenewals: AutoRenewalRecord[]
  balances: Map<AccountId, Balance>
  /** Relay-side on-demand credits bought through `purchaseCredit`. */
  credits: Map<AccountId, Balance>
}

/** Every extrinsic of the pallet, args in camelCase (trace-format.md). */
export type BrokerCall =
  | { call: 'configure'; args: ConfigRecord }
  | { call: 'reserve'; args: { workload: Schedule } }
  | { call: 'unreserve'; args: { itemIndex: number } }
  | { call: 'setLease'; args: { task: TaskId; until: Timeslice } }
  | { call: 'startSales'; args: { endPrice: Balance; extraCores: number } }
  | { call: 'purchase'; args: { priceLimit: Balance } }
  | { call: 'renew'; args: { core: CoreIndex } }
  | { call: 'transfer'; args: { regionId: RegionId; newOwner: AccountId } }
  | { call: 'partition'; args: { regionId: RegionId; pivot: Timeslice } }
  | { call: 'interlace'; args: { regionId: RegionId; pivot: CoreMask } }
  | { call: 'assign'; args: { regionId: RegionId; task: TaskId; finality: Finality } }
  | { call: 'pool'; args: { regionId: RegionId; payee: AccountId; finality: Finality } }
  | { call: 'claimRevenue'; args: { regionId: RegionId; maxTimeslices: Timeslice } }
  | { call: 'purchaseCredit'; args: { amount: Balance; beneficiary: AccountId } }
  | { call: 'dropRegion'; args: { regionId: RegionId } }
  | { call: 'dropContribution'; args: { regionId: RegionId } }
  | { call: 'dropHistory'; args: { when: Timeslice } }
  | { call: 'dropRenewal'; args: { core: CoreIndex; when: Timeslice } }
  | { call: 'requestCoreCount'; args: { coreCount: number } }
  | { call: 'notifyCoreCount'; args: { coreCount: number } }
  | { call: 'notifyRevenue'; args: { revenue: OnDemandRevenueRecord } }
  | { call: 'enableAutoRenew'; args: { core: CoreIndex; task: TaskId; workloadEndHint: Timeslice | null } }
  | { call: 'disableAutoRenew'; args: { core: CoreIndex; task: TaskId } }
  | { call: 'forceReserve'; args: { workload: Schedule; core: CoreIndex } }
  | { call: 'removeLease'; args: { task: TaskId } }
  | { call: 'removeAssignment'; args: { regionId: RegionId } }
  | { call: 'removePotentialRenewal'; args: { core: CoreIndex; when: Timeslice } }
  | { call: 'swapLeases'; args: { id: TaskId; other: TaskId } }
  | { call: 'forceTransfer'; args: { regionId: RegionId; newOwner: AccountId } }

export type BrokerCallName = BrokerCall['call']

/** `'root'` or a signed account id. */
export type Origin = 'root' | AccountId

/** Pallet errors (E5 declaration order), plus the origin and token errors a call can hit. */
export const BROKER_ERRORS = [
  'UnknownRegion',
  'NotOwner',
  'PivotTooLate',
  'PivotTooEarly',
  'ExteriorPivot',
  'VoidPivot',
  'CompletePivot',
  'CorruptWorkplan',
  'NoSales',
  'Overpriced',
  'Unavailable',
  'SoldOut',
  'WrongTime',
  'NotAllowed',
  'Uninitialized',
  'TooEarly',
  'NothingToDo',
  'TooManyReservations',
  'TooManyLeases',
  'LeaseNotFound',
  'UnknownRevenue',
  'UnknownContribution',
  'IncompleteAssignment',
  'StillValid',
  'NoHistory',
  'UnknownReservation',
  'UnknownRenewal',
  'AlreadyExpired',
  'InvalidConfig',
  'NoClaimTimeslices',
  'NoPermission',
  'TooManyAutoRenewals',
  'NonTaskAutoRenewal',
  'SovereignAccountNotFound',
  'AutoRenewalNotEnabled',
  'AssignmentNotFound',
  'CreditPurchaseTooSmall',
] as const

/** Errors from outside the pallet a call can hit: origin, tokens, the runtime's call filter. */
export const SYSTEM_ERRORS = [
  'BadOrigin',
  'FundsUnavailable',
  'BelowMinimum',
  'CallFiltered',
  'Unsupported',
] as const

export type BrokerErrorCode = (typeof BROKER_ERRORS)[number] | (typeof SYSTEM_ERRORS)[number]

/** One `(assignment, parts of 57600)` pair sent to the relay. */
export type AssignmentPart = [CoreAssignment, number]

/** Broker events (E5), fields in camelCase. */
export type BrokerEvent =
  | { name: 'Purchased'; data: { who: AccountId; regionId: RegionId; price: Balance; duration: number } }
  | { name: 'Renewable'; data: { core: CoreIndex; price: Balance; begin: Timeslice; workload: Schedule } }
  | {
      name: 'Renewed'
      data: {
        who: AccountId
        price: Balance
        oldCore: CoreIndex
        core: CoreIndex
        begin: Timeslice
        duration: number
        workload: Schedule
      }
    }
  | {
      name: 'Transferred'
      data: { regionId: RegionId; duration: number; oldOwner: AccountId | null; owner: AccountId | null }
    }
  | { name: 'Partitioned'; data: { oldRegionId: RegionId; newRegionIds: [RegionId, RegionId] } }
  | { name: 'Interlaced'; data: { oldRegionId: RegionId; newRegionIds: [RegionId, RegionId] } }
  | { name: 'Assigned'; data: { regionId: RegionId; duration: number; task: TaskId } }
  | { name: 'AssignmentRemoved'; data: { regionId: RegionId } }
  | { name: 'Pooled'; data: { regionId: RegionId; duration: number } }
  | { name: 'CoreCountRequested'; data: { coreCount: number } }
  | { name: 'CoreCountChanged'; data: { coreCount: number } }
  | { name: 'ReservationMade'; data: { index: number; workload: Schedule } }
  | { name: 'ReservationCancelled'; data: { index: number; workload: Schedule } }
  | {
      name: 'SaleInitialized'
      data: {
        saleStart: BlockNumber
        leadinLength: BlockNumber
        startPrice: Balance
        endPrice: Balance
        regionBegin: Timeslice
        regionEnd: Timeslice
        idealCoresSold: number
        coresOffered: number
        /** Only with the runtime's `saleIndex` (polkadot-sdk #10188). */
        saleIndex?: number
      }
    }
  | { name: 'Leased'; data: { task: TaskId; until: Timeslice } }
  | { name: 'LeaseRemoved'; data: { task: TaskId } }
  | { name: 'LeaseEnding'; data: { task: TaskId; when: Timeslice } }
  | { name: 'SalesStarted'; data: { price: Balance; coreCount: number } }
  | { name: 'RevenueClaimBegun'; data: { region: RegionId; maxTimeslices: Timeslice } }
  | { name: 'RevenueClaimItem'; data: { when: Timeslice; amount: Balance } }
  | { name: 'RevenueClaimPaid'; data: { who: AccountId; amount: Balance; next: RegionId | null } }
  | { name: 'CreditPurchased'; data: { who: AccountId; beneficiary: AccountId; amount: Balance } }
  | { name: 'RegionDropped'; data: { regionId: RegionId; duration: number } }
  | { name: 'ContributionDropped'; data: { regionId: RegionId } }
  | { name: 'RegionUnpooled'; data: { regionId: RegionId; when: Timeslice } }
  | {
      name: 'HistoryInitialized'
      data: { when: Timeslice; privatePoolSize: number; systemPoolSize: number }
    }
  | { name: 'HistoryDropped'; data: { when: Timeslice; revenue: Balance } }
  | { name: 'HistoryIgnored'; data: { when: Timeslice; revenue: Balance } }
  | { name: 'ClaimsReady'; data: { when: Timeslice; systemPayout: Balance; privatePayout: Balance } }
  | { name: 'CoreAssigned'; data: { core: CoreIndex; when: BlockNumber; assignment: AssignmentPart[] } }
  | { name: 'PotentialRenewalDropped'; data: { when: Timeslice; core: CoreIndex } }
  | { name: 'AutoRenewalEnabled'; data: { core: CoreIndex; task: TaskId } }
  | { name: 'AutoRenewalDisabled'; data: { core: CoreIndex; task: TaskId } }
  | { name: 'AutoRenewalFailed'; data: { core: CoreIndex; payer: AccountId | null } }
  | { name: 'AutoRenewalLimitReached'; data: Record<string, never> }
  | { name: 'ForceReservationFailed'; data: { schedule: Schedule } }
  | { name: 'PotentialRenewalRemoved'; data: { core: CoreIndex; timeslice: Timeslice } }

export type BrokerEventName = BrokerEvent['name']

/** A core assignment sent to the relay chain (`Coretime::assign_core`). */
export interface RelayAssignment {
  block: BlockNumber
  core: CoreIndex
  begin: BlockNumber
  assignment: AssignmentPart[]
  endHint: BlockNumber | null
}

/**
 * Where the engine reports what happens: events in emission order and the assignments sent to
 * the relay. Passed in so a caller can reuse one across many calls (the replay's hot path).
 */
export interface Sink {
  events: BrokerEvent[]
  assignments: RelayAssignment[]
  /**
   * Leave out the `HistoryInitialized` event of each committed timeslice. The state is the same;
   * time then advances over idle timeslices in one step (what simulations want).
   */
  quietHistory?: boolean
  /**
   * Leave out the `CoreAssigned` events and the relay assignments of committed workplans. The
   * state (the workload) is the same; the per-core assignment is not computed.
   */
  quietSchedules?: boolean
  /**
   * Record no events at all. The state is the same; a caller that reads the state after each call
   * (a simulation) saves building thousands of event objects.
   */
  quietEvents?: boolean
  /**
   * The sale price the calls made with this sink last computed, reused while the block and the
   * sale's price inputs are the same (many purchases in one block ask for one price). A cache the
   * caller owns: `Broker.sink()` makes one; a sink without it computes the price every time.
   */
  price?: PriceMemo
}

/** The inputs and result of the last `Sale.priceAt` a sink's calls made (Utility `salePrice`). */
export interface PriceMemo {
  block: BlockNumber
  saleStart: BlockNumber
  leadinLength: BlockNumber
  endPrice: Balance
  kind: PriceAdapterConfig['kind'] | null
  max: Balance
  price: Balance
}

/**
 * An expected failure: the pallet's error name as `code` (the trace format's error names), and
 * where it helps the caller, the numbers behind it.
 */
export interface BrokerError {
  readonly code: BrokerErrorCode
  /** The call refused (`BadOrigin`). */
  readonly call?: BrokerCallName
  /** The price asked (`Overpriced`, `FundsUnavailable`). */
  readonly price?: Balance
  /** The caller's limit (`Overpriced`). */
  readonly priceLimit?: Balance
}

/** What `Broker.execute` returns: success, or the failure as data (state unchanged). */
export type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: BrokerError }
