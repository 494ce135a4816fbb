import { type ConfigRecord, Networks, type Runtime, Token } from '@coretime/core'

/**
 * Chain presets: one per network entry of core's `Networks` (runtime constants, token, block time
 * and the assumed sale there), plus `rfc1`. Runtime constants are the live ones (broker-pallet spec
 * §6, fellows runtimes); the `Configuration` is set by governance and is not in code, so it is a
 * documented ASSUMPTION (docs/simulator.md "Preset assumptions"), not a reading of the chain.
 */
export type PresetName = Networks.Network | 'rfc1'
export const PRESET_NAMES: readonly PresetName[] = [...Networks.names, 'rfc1']

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

const ofNetwork = (name: Networks.Network): Preset => {
  const n = Networks.get(name)
  return {
    name,
    token: Token.of(name),
    runtime: n.runtime,
    configuration: n.sale.configuration,
    blockTimeSeconds: n.relay.blockMs / 1000,
    endPrice: n.sale.endPrice,
    assumptions: n.sale.assumptions,
  }
}

const polkadot = ofNetwork('polkadot')

/** RFC-1 as first deployed: the `Linear` adapter (lead-in 2→1) and renewals capped by the bump alone. */
const rfc1: Preset = {
  ...polkadot,
  name: 'rfc1',
  runtime: { ...polkadot.runtime, priceAdapter: { kind: 'Linear' }, renewalPriceRule: 'bumpOnly' },
  endPrice: 100_000_000_000n, // 10 DOT
  assumptions: [
    ...polkadot.assumptions.slice(0, -1), // the assumed configuration, without the first-sale line
    'Polkadot runtime constants with the RFC-1 Linear adapter and bump-only renewals',
    'first sale price 10 DOT',
  ],
}

const PRESETS: Record<PresetName, Preset> = {
  ...(Object.fromEntries(Networks.names.map((n) => [n, ofNetwork(n)])) as Record<Networks.Network, Preset>),
  rfc1,
}

export const get = (name: PresetName): Preset => PRESETS[name]
