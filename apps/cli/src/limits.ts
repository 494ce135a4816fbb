import { UsageError } from './errors'

/**
 * Bounds from what this machine can do, refused before any work with the limit named (issue 17).
 * The chain's own bounds (u16 cores, u32 blocks, u128 balances) live with the parsers of each value.
 */

/**
 * Runs × sales one simulate process computes (a `--shard` counts its own part): about 8 minutes and
 * well under 1 GB on 2 cores.
 */
export const MAX_SALE_RUNS = 1_000_000

/** Refuses a batch whose runs × sales passes `MAX_SALE_RUNS`, naming both. */
export const checkWork = (runs: number, sales: number, what = '--runs'): void => {
  if (!Number.isSafeInteger(runs))
    throw new UsageError(`${what}: expected a whole number of runs, got ${runs}`)
  if (runs * sales > MAX_SALE_RUNS)
    throw new UsageError(
      `${what}: ${runs} runs × ${sales} sales = ${runs * sales} simulated sales; at most ${MAX_SALE_RUNS} in one process (lower --runs or --sales, or split the batch with --shard)`,
    )
}

/**
 * Runs × sales of a whole batch split with `--shard` (every shard together): what one `coretime
 * merge` holds, 7 values a sale-run in memory (≈ 560 MB here) — ten times one process's share.
 */
export const MAX_BATCH_SALE_RUNS = 10_000_000

/** Refuses a sharded batch whose total runs × sales passes `MAX_BATCH_SALE_RUNS`, naming both. */
export const checkBatch = (runs: number, sales: number): void => {
  if (!Number.isSafeInteger(runs) || runs * sales > MAX_BATCH_SALE_RUNS)
    throw new UsageError(
      `--runs: ${runs} runs × ${sales} sales = ${runs * sales} simulated sales in the whole batch; at most ${MAX_BATCH_SALE_RUNS} across all shards (what one merge holds; lower --runs or --sales)`,
    )
}

/** Blocks plus orders of one `ondemand --blocks` run: about 15 s on 2 cores (1M blocks alone take 35 s). */
export const MAX_ONDEMAND_STEPS = 1_000_000

/** Refuses `--blocks N --per-block K` when N × (1 + K) passes `MAX_ONDEMAND_STEPS`. */
export const checkBlockWork = (blocks: number, perBlock: number): void => {
  const steps = blocks * (1 + perBlock)
  if (steps > MAX_ONDEMAND_STEPS)
    throw new UsageError(
      `--blocks: ${blocks} blocks with ${perBlock} order(s) each is ${steps} blocks + orders; at most ${MAX_ONDEMAND_STEPS} in one run (lower --blocks or --per-block)`,
    )
}

/**
 * The most timeslices a replay may cross (from the trace's start block to its last step). The
 * engine's hook runs once per timeslice; at the unit-test runtime's size 500 000 take about 8 s and,
 * with every event kept (`--json`, `--check`), about 600 MB on this project's 2-core machine.
 * `simulate --trace` refuses to record a run that replay would then refuse.
 */
export const MAX_TIMESLICES = 500_000

/** The timeslices from `startBlock` to `block`, as replay counts them. */
export const timeslicesFrom = (startBlock: number, block: number, timeslicePeriod: number): number =>
  (block - startBlock) / timeslicePeriod
