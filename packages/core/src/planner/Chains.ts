import * as Networks from '../networks/Networks'
import type { Network } from '../units/Token'

/**
 * Coretime chain facts the planner needs, per network, read from the network entries
 * (networks/Networks.ts; metadata 2026, checked by Chains.metadata.test.ts): para id (relay
 * `Coretime.BrokerId`), SS58 prefix, `Balances.ExistentialDeposit`, broker `TimeslicePeriod`
 * (relay blocks per timeslice).
 */
export type CoretimeChain = {
  readonly paraId: number
  readonly ss58Prefix: number
  readonly existentialDeposit: bigint
  readonly timeslicePeriod: number
  /** seconds per relay block (6 s since launch; async backing does not change the relay's) */
  readonly relayBlockSeconds: number
}

const of = (network: Network): CoretimeChain => {
  const n = Networks.get(network)
  return {
    paraId: n.coretime.paraId,
    ss58Prefix: n.ss58Prefix,
    existentialDeposit: n.coretime.existentialDeposit,
    timeslicePeriod: n.runtime.timeslicePeriod,
    relayBlockSeconds: n.relay.blockMs / 1000,
  }
}

export const coretime: Readonly<Record<Network, CoretimeChain>> = Object.fromEntries(
  Networks.names.map((n) => [n, of(n)]),
) as Record<Network, CoretimeChain>
