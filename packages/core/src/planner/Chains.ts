import type { Network } from '../units/Token'

/**
 * Coretime chain facts the planner needs, per network (metadata 2026, checked by Chains.metadata.test.ts):
 * para id 1005 (relay `Coretime.BrokerId`), SS58 prefix, `Balances.ExistentialDeposit`, broker
 * `TimeslicePeriod` (relay blocks per timeslice).
 */
export type CoretimeChain = {
  readonly paraId: number
  readonly ss58Prefix: number
  readonly existentialDeposit: bigint
  readonly timeslicePeriod: number
  /** seconds per relay block (6 s since launch; async backing does not change the relay's) */
  readonly relayBlockSeconds: number
}

export const coretime: Readonly<Record<Network, CoretimeChain>> = {
  polkadot: {
    paraId: 1005,
    ss58Prefix: 0,
    existentialDeposit: 1_000_000_000n,
    timeslicePeriod: 80,
    relayBlockSeconds: 6,
  },
  kusama: {
    paraId: 1005,
    ss58Prefix: 2,
    existentialDeposit: 33_333_333n,
    timeslicePeriod: 80,
    relayBlockSeconds: 6,
  },
}
