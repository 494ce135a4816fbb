import { type ConfigRecord, type Runtime, Token } from '@coretime/core'

/**
 * Chain presets. Runtime constants are the live ones (broker-pallet spec §6, fellows runtimes);
 * the `Configuration` is set by governance and is not in code, so the values below are
 * documented ASSUMPTIONS (docs/simulator.md "Preset assumptions"), not readings of the chain.
 */
export type PresetName = 'polkadot' | 'kusama' | 'rfc1'
export const PRESET_NAMES: readonly PresetName[] = ['polkadot', 'kusama', 'rfc1']

export interface Preset {
  name: PresetName
  token: Token.Token
  runtime: Runtime
  configuration: ConfigRecord
  /** Seconds per relay block. */
  blockTimeSeconds: number
  /** Assumed `start_sales` end price when a scenario gives none. */
  endPrice: bigint
  /** Lines for the docs and the CLI: what is assumed rather than read from the chain. */
  assumptions: readonly string[]
}

const DAY = 14_400 // relay blocks of 6 s
const PERCENT = 10_000_000n // Perbill parts per percent

// Assumed governance configuration shared by the presets: interlude 7 days, lead-in 14 days,
// 28-day regions, every offered core ideal, no limit on cores offered, 3% renewal bump.
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

const polkadot: Preset = {
  name: 'polkadot',
  token: Token.DOT,
  runtime: {
    timeslicePeriod: 80,
    priceAdapter: { kind: 'MinimumPrice', minimumEndPrice: 100_000_000_000n }, // 10 DOT
    renewalPriceRule: 'floorAtEndPrice',
    maxLeasedCores: 55,
    maxReservedCores: 50,
    maxAutoRenewals: 100,
    minimumCreditPurchase: 1_000_000_000n, // 0.1 DOT
    balanceBits: 128,
    sovereignAccount: 'sibling',
    revenueAccount: 'burn',
  },
  configuration: assumedConfig,
  blockTimeSeconds: 6,
  endPrice: 100_000_000_000n, // 10 DOT: the minimum end price (assumption for the first sale)
  assumptions: [...CONFIG_ASSUMPTIONS, 'first sale end price 10 DOT (the MinimumPrice floor)'],
}

const kusama: Preset = {
  name: 'kusama',
  token: Token.KSM,
  runtime: {
    ...polkadot.runtime,
    priceAdapter: { kind: 'MinimumPrice', minimumEndPrice: 1_000_000_000_000n }, // 1 KSM
    maxLeasedCores: 50,
    minimumCreditPurchase: 100_000_000_000n, // 0.1 KSM
  },
  configuration: assumedConfig,
  blockTimeSeconds: 6,
  endPrice: 1_000_000_000_000n,
  assumptions: [...CONFIG_ASSUMPTIONS, 'first sale end price 1 KSM (the MinimumPrice floor)'],
}

/** RFC-1 as first deployed: the `Linear` adapter (lead-in 2→1) and renewals capped by the bump alone. */
const rfc1: Preset = {
  name: 'rfc1',
  token: Token.DOT,
  runtime: { ...polkadot.runtime, priceAdapter: { kind: 'Linear' }, renewalPriceRule: 'bumpOnly' },
  configuration: assumedConfig,
  blockTimeSeconds: 6,
  endPrice: 100_000_000_000n,
  assumptions: [
    ...CONFIG_ASSUMPTIONS,
    'Polkadot runtime constants with the RFC-1 Linear adapter and bump-only renewals',
    'first sale price 10 DOT',
  ],
}

const PRESETS: Record<PresetName, Preset> = { polkadot, kusama, rfc1 }

export const get = (name: PresetName): Preset => PRESETS[name]
