import type {
  AccountId,
  Balance,
  BlockNumber,
  BrokerCall,
  BrokerState,
  Origin,
  Outcome,
  Runtime,
  Sink,
} from './types'

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
  workplan: new Map(),
  workload: new Map(),
  instaPoolContribution: new Map(),
  instaPoolIo: new Map(),
  instaPoolHistory: new Map(),
  coreCountInbox: null,
  revenueInbox: null,
  autoRenewals: [],
  balances: new Map(balances),
  credits: new Map(),
})

/** A new sink to collect events and relay assignments. */
export const sink = (): Sink => ({ events: [], assignments: [] })

/** Advances to `block`, running the per-block hook once for each block entered. Mutates `state`. */
export const advanceTo = (_state: BrokerState, _block: BlockNumber, _out: Sink): void => {
  throw new Error('not implemented yet')
}

/**
 * Dispatches one extrinsic in the current block. On success mutates `state` and pushes events;
 * on failure changes nothing and returns the pallet's error.
 */
export const execute = (_state: BrokerState, _origin: Origin, _call: BrokerCall, _out: Sink): Outcome => {
  throw new Error('not implemented yet')
}
