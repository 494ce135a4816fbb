import { Networks } from '@coretime/core'

// The web's model assumes the Polkadot entry's relay block time, timeslice period and advance
// notice (core's `Networks`; the same on Polkadot and Kusama).
const POLKADOT = Networks.get('polkadot')
/** Relay block time, ms (6 s on Polkadot and Kusama). */
export const BLOCK_MS = POLKADOT.relay.blockMs
/** Relay blocks a day at 6 s (also the most blocks one core gives a parachain a day). */
export const BLOCKS_PER_DAY = Networks.relayBlocksPerDay('polkadot')
export const TIMESLICE_PERIOD = POLKADOT.runtime.timeslicePeriod
export const ADVANCE_NOTICE = POLKADOT.sale.configuration.advanceNotice

/** Percent with at most two decimals → Perbill parts (exact: hundredths × 1e5). */
export const perbill = (pct: number): bigint => BigInt(Math.round(pct * 100)) * 100_000n

/** A relay block as a calendar time, with the first rotation at `start` (UTC midnight). */
export const blockToDate = (start: string, block: number, firstBlock: number): Date =>
  new Date(Date.parse(`${start}T00:00:00Z`) + (block - firstBlock) * BLOCK_MS)
