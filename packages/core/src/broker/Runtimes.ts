import type { ConfigRecord, Runtime } from './types'

/**
 * The pallet's unit-test runtime (pallet-broker mock.rs, spec §9): 2 relay blocks per timeslice,
 * u64 balances, `CenterTargetPrice`, `OnRevenue` paying account 0, `SovereignAccountOf(task)` =
 * account `task`. The conformance traces assume it.
 */
export const unitTest: Runtime = {
  timeslicePeriod: 2,
  priceAdapter: { kind: 'CenterTargetPrice' },
  renewalPriceRule: 'floorAtEndPrice',
  maxLeasedCores: 5,
  maxReservedCores: 5,
  maxAutoRenewals: 3,
  minimumCreditPurchase: 20n,
  balanceBits: 64,
  sovereignAccount: 'taskId',
  revenueAccount: '0',
}

/** The unit tests' default configuration (mock.rs `TestExt`). */
export const unitTestConfig: ConfigRecord = {
  advanceNotice: 2,
  interludeLength: 1,
  leadinLength: 1,
  regionLength: 3,
  idealBulkProportion: 0n,
  limitCoresOffered: null,
  renewalBump: 100_000_000n,
  contributionTimeout: 5,
}

/**
 * Polkadot Coretime (polkadot-fellows/runtimes, spec §6): 80 relay blocks per timeslice,
 * `MinimumPrice` with a 10 DOT floor, u128 balances, sibling sovereign accounts; revenue is burnt
 * (modelled as the account `burn`).
 */
export const polkadot: Runtime = {
  timeslicePeriod: 80,
  priceAdapter: { kind: 'MinimumPrice', minimumEndPrice: 100_000_000_000n },
  renewalPriceRule: 'floorAtEndPrice',
  maxLeasedCores: 55,
  maxReservedCores: 50,
  maxAutoRenewals: 100,
  minimumCreditPurchase: 1_000_000_000n,
  balanceBits: 128,
  sovereignAccount: 'sibling',
  revenueAccount: 'burn',
  // The runtime around the pallet (polkadot-fellows/runtimes 2.3.2, coretime-polkadot):
  callFilter: ['purchaseCredit', 'interlace'], // lib.rs IsFilteredBrokerCall
  creditsReachRelay: false, // coretime.rs credit_account: "unimplemented on the relay"
  maxAssignmentItems: 28, // coretime.rs assign_core: 27 items + an Idle remainder
  existentialDeposit: 1_000_000_000n, // constants SYSTEM_PARA_EXISTENTIAL_DEPOSIT = 0.1 DOT
  relaySessionLength: 2400, // relay constants EPOCH_DURATION_IN_SLOTS = 4 HOURS (6 s blocks)
}

/**
 * Paseo Coretime (paseo-network/runtimes system-parachains/coretime-paseo, compiled runtime
 * coretime-paseo 2000006; every constant read from the running runtime's metadata, docs/oracle.md):
 * `MinimumPriceWithFixedTargetPrice<500 PAS, 750 PAS>`, `MaxReservedCores` 10 (the repository's
 * HEAD says 55), 0.1 PAS credits. PAS has 10 decimals.
 */
export const paseo: Runtime = {
  ...polkadot,
  priceAdapter: {
    kind: 'MinimumPriceWithFixedTargetPrice',
    minimumEndPrice: 5_000_000_000_000n, // 500 PAS
    fixedTargetPrice: 7_500_000_000_000n, // 750 PAS
  },
  maxLeasedCores: 55,
  maxReservedCores: 10,
  maxAutoRenewals: 100,
  minimumCreditPurchase: 1_000_000_000n,
  // no ForceReservations storage in 2000006: force_reserve writes the sale's region at once (found by the oracle)
  forceReservations: false,
  // before #10767 in 2000006: an immediate renewal's auto-renewal record keeps the old core (found by the oracle)
  autoRenewFollowsCore: false,
  // callFilter, existentialDeposit (0.1 PAS, read), credits, assignment items, sessions: as Polkadot (docs/oracle.md)
}

/** Kusama Coretime: as Polkadot with a 1 KSM floor, 50 leased cores, 0.1 KSM credits, `interlace` allowed. */
export const kusama: Runtime = {
  ...polkadot,
  priceAdapter: { kind: 'MinimumPrice', minimumEndPrice: 1_000_000_000_000n },
  maxLeasedCores: 50,
  minimumCreditPurchase: 100_000_000_000n,
  callFilter: ['purchaseCredit'], // coretime-kusama lib.rs IsFilteredBrokerCall (interlace allowed)
  existentialDeposit: 33_333_333n, // constants SYSTEM_PARA_EXISTENTIAL_DEPOSIT = CENTS / 10
  relaySessionLength: 600, // relay constants EPOCH_DURATION_IN_SLOTS = 1 HOUR
}
