/**
 * Block ↔ time for one chain: a reference block with its timestamp (ms since the epoch) and a block time.
 * Dates are estimates: real blocks drift (missed slots); the plan says so.
 */
export type Clock = { readonly block: number; readonly timestamp: number; readonly blockMs: number }

export const timeOf = (clock: Clock, block: number): number =>
  clock.timestamp + (block - clock.block) * clock.blockMs

/** The first block at or after `timestamp` (rounds up). */
export const blockAt = (clock: Clock, timestamp: number): number =>
  clock.block + Math.ceil((timestamp - clock.timestamp) / clock.blockMs)

export const iso = (timestamp: number): string => new Date(timestamp).toISOString().replace('.000Z', 'Z')
