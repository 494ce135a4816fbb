import * as Runtimes from '../broker/Runtimes'
import type { ConfigRecord, Runtime } from '../broker/types'

/**
 * One home for the facts of each network (issue 10): runtime constants, token, SS58 prefix, block
 * time, para ids, default endpoints and the assumed sale configuration. Presets, the planner, the
 * chain reader, the CLI and the web all read from here. Adding a network is one entry in `entries`.
 */
export type NetworkEntry = {
  /** the key, lower case, as typed after `--network` */
  readonly name: string
  /** for prose: "Polkadot" */
  readonly label: string
  /** relay token; 1 token = 10^decimals planck (fellows `relay/<net>/constants` `UNITS`) */
  readonly token: { readonly symbol: string; readonly decimals: number }
  /** SS58 address prefix of the relay and the Coretime chain (ss58-registry) */
  readonly ss58Prefix: number
  /** the Coretime chain's broker runtime constants (see broker/Runtimes.ts for their sources) */
  readonly runtime: Runtime
  readonly relay: {
    /** ms per relay block (6 s since launch; async backing does not change the relay's) */
    readonly blockMs: number
    /** relay `Balances.ExistentialDeposit`, planck (metadata 2026) */
    readonly existentialDeposit: bigint
    /** pallet names in the relay's metadata, by our name */
    readonly pallets: { readonly OnDemand: string }
    /** Registrar `ParaDeposit` and `DataDepositPerByte`, planck (metadata 2026; fellows relay lib.rs) */
    readonly registrar: { readonly paraDeposit: bigint; readonly dataDepositPerByte: bigint }
  }
  readonly coretime: {
    /** the Coretime chain's para id (relay `Coretime.BrokerId`) */
    readonly paraId: number
    /** ms per Coretime chain block (12 s; sale blocks were these before fellows 1.6.0) */
    readonly blockMs: number
    /** Coretime chain `Balances.ExistentialDeposit`, planck (metadata 2026) */
    readonly existentialDeposit: bigint
    readonly pallets: { readonly Broker: string }
    /** the XCM execution fee `coretime autorenew` assumes when none is given, planck */
    readonly assumedXcmFee: bigint
  }
  /** public JSON-RPC endpoints, preferred first (docs/chain.md "Endpoints") */
  readonly endpoints: {
    readonly relay: readonly [string, ...string[]]
    readonly coretime: readonly [string, ...string[]]
  }
  /**
   * The sale the presets assume. `Configuration` is set by governance and is not in code: these are
   * documented ASSUMPTIONS (docs/simulator.md "Preset assumptions"), not readings of the chain.
   */
  readonly sale: {
    readonly configuration: ConfigRecord
    /** assumed `start_sales` end price of the first sale, planck */
    readonly endPrice: bigint
    /** lines for the docs and the CLI: what is assumed rather than read */
    readonly assumptions: readonly string[]
  }
}

const DAY = 14_400 // relay blocks of 6 s
const PERCENT = 10_000_000n // Perbill parts per percent

// Assumed governance configuration: interlude 7 days, lead-in 14 days, 28-day regions, every
// offered core ideal, no limit on cores offered, 3% renewal bump.
const assumedConfig: ConfigRecord = {
  advanceNotice: 10, // assumption: a few relay blocks of notice
  interludeLength: 7 * DAY, // 100_800 relay blocks (assumption)
  leadinLength: 14 * DAY, // 201_600 relay blocks (assumption)
  regionLength: 5040, // 28 days of 80-block timeslices
  idealBulkProportion: 100n * PERCENT, // 100% (assumption)
  limitCoresOffered: null, // no limit (assumption)
  renewalBump: 3n * PERCENT, // 3% (assumption)
  contributionTimeout: 5040, // assumption: one region
}

const CONFIG_ASSUMPTIONS = [
  'advanceNotice 10 relay blocks',
  'interludeLength 100800 relay blocks (7 days)',
  'leadinLength 201600 relay blocks (14 days)',
  'regionLength 5040 timeslices (28 days)',
  'idealBulkProportion 100%',
  'limitCoresOffered none',
  'renewalBump 3%',
  'contributionTimeout 5040 timeslices',
]

const polkadot = {
  name: 'polkadot',
  label: 'Polkadot',
  token: { symbol: 'DOT', decimals: 10 }, // fellows relay/polkadot/constants UNITS = 10^10
  ss58Prefix: 0,
  runtime: Runtimes.polkadot,
  relay: {
    blockMs: 6_000,
    existentialDeposit: 10_000_000_000n, // 1 DOT
    pallets: { OnDemand: 'OnDemand' },
    registrar: { paraDeposit: 1_000_000_000_000n, dataDepositPerByte: 10_000_000n }, // 100 DOT + 0.001 DOT/byte
  },
  coretime: {
    paraId: 1005,
    blockMs: 12_000,
    existentialDeposit: Runtimes.polkadot.existentialDeposit ?? 0n, // 0.1 DOT: one home, the runtime object
    pallets: { Broker: 'Broker' },
    assumedXcmFee: 10_000_000_000n, // 1 DOT (assumption; the surplus is refunded)
  },
  // Parity's, then the Infrastructure Builders' Programme (IBP) geo-DNS pair; tried in turn
  endpoints: {
    relay: ['wss://rpc.polkadot.io', 'wss://rpc.ibp.network/polkadot', 'wss://polkadot.dotters.network'],
    coretime: [
      'wss://polkadot-coretime-rpc.polkadot.io',
      'wss://sys.ibp.network/coretime-polkadot',
      'wss://coretime-polkadot.dotters.network',
    ],
  },
  sale: {
    configuration: assumedConfig,
    endPrice: 100_000_000_000n, // 10 DOT: the MinimumPrice floor (assumption for the first sale)
    assumptions: [...CONFIG_ASSUMPTIONS, 'first sale end price 10 DOT (the MinimumPrice floor)'],
  },
} as const satisfies NetworkEntry

const kusama = {
  name: 'kusama',
  label: 'Kusama',
  token: { symbol: 'KSM', decimals: 12 }, // fellows relay/kusama/constants UNITS = 10^12
  ss58Prefix: 2,
  runtime: Runtimes.kusama,
  relay: {
    blockMs: 6_000,
    existentialDeposit: 333_333_333n, // 1 CENT = 0.000333333333 KSM
    pallets: { OnDemand: 'OnDemandAssignmentProvider' },
    // 4 KSM + CENTS/10 per byte since fellows #501 (release 1.3.4); the earlier era is in onboarding/Deposit.ts
    registrar: { paraDeposit: 4_000_000_000_000n, dataDepositPerByte: 33_333_333n },
  },
  coretime: {
    paraId: 1005,
    blockMs: 12_000,
    existentialDeposit: Runtimes.kusama.existentialDeposit ?? 0n, // CENTS/10: one home, the runtime object
    pallets: { Broker: 'Broker' },
    assumedXcmFee: 100_000_000_000n, // 0.1 KSM (assumption; the surplus is refunded)
  },
  endpoints: {
    relay: ['wss://kusama-rpc.polkadot.io', 'wss://rpc.ibp.network/kusama', 'wss://kusama.dotters.network'],
    coretime: [
      'wss://kusama-coretime-rpc.polkadot.io',
      'wss://sys.ibp.network/coretime-kusama',
      'wss://coretime-kusama.dotters.network',
    ],
  },
  sale: {
    configuration: assumedConfig,
    endPrice: 1_000_000_000_000n, // 1 KSM: the MinimumPrice floor
    assumptions: [...CONFIG_ASSUMPTIONS, 'first sale end price 1 KSM (the MinimumPrice floor)'],
  },
} as const satisfies NetworkEntry

const paseo = {
  name: 'paseo',
  label: 'Paseo',
  // the community testnet parachain teams rehearse on; chain spec properties: PAS, 10 decimals
  token: { symbol: 'PAS', decimals: 10 },
  // the chain spec says 42, but the compiled runtime's System.SS58Prefix reads 0 (2000006): the runtime wins
  ss58Prefix: 0,
  runtime: Runtimes.paseo,
  relay: {
    blockMs: 6_000,
    existentialDeposit: 10_000_000_000n, // 1 PAS: Paseo's relay mirrors Polkadot's (not checked offline)
    pallets: { OnDemand: 'OnDemand' },
    registrar: { paraDeposit: 1_000_000_000_000n, dataDepositPerByte: 10_000_000n }, // as Polkadot (not checked offline)
  },
  coretime: {
    paraId: 1005,
    blockMs: 12_000,
    existentialDeposit: Runtimes.paseo.existentialDeposit ?? 0n, // 0.1 PAS (read from the running runtime), the runtime object
    pallets: { Broker: 'Broker' },
    assumedXcmFee: 10_000_000_000n, // 1 PAS (assumption; the surplus is refunded)
  },
  endpoints: {
    relay: ['wss://paseo.rpc.amforc.com'],
    coretime: ['wss://sys.ibp.network/coretime-paseo'],
  },
  sale: {
    configuration: assumedConfig,
    endPrice: 5_000_000_000_000n, // 500 PAS: every Paseo sale ends there (the adapter)
    assumptions: [...CONFIG_ASSUMPTIONS, 'end price 500 PAS (fixed by the Paseo adapter)'],
  },
} as const satisfies NetworkEntry

/** Every network, in the order lists show them. Adding a network is one entry here. */
export const entries = { polkadot, kusama, paseo } as const satisfies Record<string, NetworkEntry>

export type Network = keyof typeof entries

/** The network names, in order: `['polkadot', 'kusama']`. */
export const names = Object.keys(entries) as readonly Network[] as readonly [Network, ...Network[]]

export const isNetwork = (value: string): value is Network => Object.hasOwn(entries, value)

/** Words as a choice in a sentence: "a", "a or b", "a, b or c" (the networks' names or tokens). */
export const choice = (words: readonly string[]): string =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`

export const get = (network: Network): NetworkEntry => entries[network]

/** Relay blocks in a day of `network` (14 400 at 6 s). */
export const relayBlocksPerDay = (network: Network): number => 86_400_000 / entries[network].relay.blockMs
