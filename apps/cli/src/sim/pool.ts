import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { type BrokerState, InvariantError } from '@coretime/core'
import { Aggregate, type Scenario } from '@coretime/sim'

const WORKER = new URL('../../bin/sim-worker.js', import.meta.url)
/**
 * A run allocates ~20 MB of short-lived objects (bigint money, events); a young generation of
 * 192 MB (64 MB semi-spaces) scavenges less often: 16.0-18.7 vs 18.4-21.9 ms per run in A/B
 * batches of 300 on this 2-core machine under load.
 */
const YOUNG_MB = 192

/** Messages to a worker. */
export type ToPool =
  | { type: 'batch'; batch: number; scenario: Scenario.Scenario; seed: number; start?: BrokerState }
  | { type: 'chunk'; batch: number; from: number; to: number }
  | { type: 'end'; batch: number }
  | { type: 'close' }
/** Messages from a worker. */
export type FromPool =
  | { type: 'tick'; batch: number }
  /** a chunk's runs [from, …) aggregated in the worker */
  | { type: 'aggregate'; batch: number; from: number; aggregate: Aggregate.Aggregate }

export interface BatchOptions {
  runs: number
  seed: number
  /** index of the first run (a shard's share of a larger batch); default 0 */
  first?: number
  onRun?: (done: number) => void
  /** every run starts from this broker state (`simulate --from`); posted once per worker per batch */
  start?: BrokerState
}

export interface PoolOptions extends BatchOptions {
  workers?: number
}

/**
 * Long-lived Monte Carlo workers: start them once (loading the simulator is most of a cold
 * start), then run any number of batches. Each batch's scenario is sent once per worker; runs are
 * handed out in chunks on request, so a slow worker gets fewer; run `i` is seeded
 * `Rng.derive(seed, i)` wherever it runs, so the bands do not depend on the number of workers.
 */
export interface Pool {
  readonly size: number
  /** the batch's runs aggregated (chunks merged in run order, so the result does not depend on the workers) */
  run: (scenario: Scenario.Scenario, o: BatchOptions) => Promise<Aggregate.Aggregate>
  close: () => Promise<void>
}

interface Slot {
  worker: Worker
  exited: Promise<void>
  /** the current batch's handler for this worker's messages */
  handle: ((m: FromPool) => void) | null
  fail: ((e: Error) => void) | null
}

export const createPool = (workers: number = availableParallelism()): Pool => {
  const slots: Slot[] = Array.from({ length: Math.max(1, workers) }, () => {
    const worker = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } })
    const slot: Slot = { worker, exited: Promise.resolve(), handle: null, fail: null }
    slot.exited = new Promise<void>((resolve) => {
      worker.on('message', (m: FromPool) => slot.handle?.(m))
      worker.on('error', (e) => slot.fail?.(e))
      worker.on('exit', (code) => {
        if (code !== 0) slot.fail?.(new Error(`sim worker exited with code ${code}`))
        resolve()
      })
    })
    return slot
  })
  let batches = 0
  let busy = false
  return {
    size: slots.length,
    run: async (scenario, o) => {
      if (busy) throw new InvariantError('pool: one batch at a time')
      busy = true
      const batch = ++batches
      const active = slots.slice(0, Math.max(1, Math.min(slots.length, o.runs)))
      // chunks of up to 250 runs, at least ~8 per worker so the slower one gets fewer
      const chunk = Math.max(1, Math.min(250, Math.ceil(o.runs / (active.length * 8))))
      const end = (o.first ?? 0) + o.runs
      let next = o.first ?? 0
      let done = 0
      const out: { from: number; aggregate: Aggregate.Aggregate }[] = []
      try {
        await Promise.all(
          active.map(
            (slot) =>
              new Promise<void>((resolve, reject) => {
                const give = () => {
                  if (next >= end) {
                    slot.handle = null
                    slot.fail = null
                    resolve()
                    return
                  }
                  const from = next
                  next = Math.min(end, next + chunk)
                  slot.worker.postMessage({ type: 'chunk', batch, from, to: next } satisfies ToPool)
                }
                slot.fail = reject
                slot.handle = (m) => {
                  if (m.batch !== batch) return
                  if (m.type === 'tick') o.onRun?.(++done)
                  else {
                    out.push({ from: m.from, aggregate: m.aggregate })
                    give()
                  }
                }
                slot.worker.postMessage({
                  type: 'batch',
                  batch,
                  scenario,
                  seed: o.seed,
                  ...(o.start && { start: o.start }),
                } satisfies ToPool)
                give()
              }),
          ),
        )
      } finally {
        for (const slot of active) slot.worker.postMessage({ type: 'end', batch } satisfies ToPool)
        busy = false
      }
      return Aggregate.merge(out.sort((a, b) => a.from - b.from).map((x) => x.aggregate))
    },
    close: async () => {
      for (const slot of slots) {
        slot.fail = null
        slot.worker.postMessage({ type: 'close' } satisfies ToPool)
      }
      await Promise.all(slots.map((s) => s.exited))
    },
  }
}

/** One Monte Carlo batch over a pool started for it (and closed after). */
export const runParallel = async (
  scenario: Scenario.Scenario,
  o: PoolOptions,
): Promise<Aggregate.Aggregate> => {
  const pool = createPool(Math.max(1, Math.min(o.workers ?? availableParallelism(), o.runs)))
  try {
    return await pool.run(scenario, o)
  } finally {
    await pool.close()
  }
}
