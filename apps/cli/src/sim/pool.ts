import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { MonteCarlo, Scenario } from '@coretime/sim'

const WORKER = new URL('../../bin/sim-worker.js', import.meta.url)

export interface PoolOptions {
  runs: number
  seed: number
  workers?: number
  onRun?: (done: number) => void
}

/**
 * A Monte Carlo batch over worker threads. Chunks are handed out on request, so a slow worker
 * gets fewer; run `i` is seeded `Rng.derive(seed, i)` wherever it runs, so the bands do not
 * depend on the number of workers.
 */
export const runParallel = async (
  scenario: Scenario.Scenario,
  o: PoolOptions,
): Promise<MonteCarlo.RunSummary[]> => {
  const workers = Math.max(1, Math.min(o.workers ?? availableParallelism(), o.runs))
  const chunk = Math.max(1, Math.min(64, Math.ceil(o.runs / (workers * 8))))
  let next = 0
  let done = 0
  const out: MonteCarlo.RunSummary[] = []
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(WORKER, { workerData: { scenario, seed: o.seed } })
      const give = () => {
        if (next >= o.runs) {
          w.postMessage(null)
          return
        }
        const from = next
        next = Math.min(o.runs, next + chunk)
        w.postMessage({ from, to: next })
      }
      w.on('message', (m: { tick?: number; summaries?: MonteCarlo.RunSummary[] }) => {
        if (m.tick) o.onRun?.(++done)
        if (m.summaries) {
          out.push(...m.summaries)
          give()
        }
      })
      w.on('error', reject)
      w.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`sim worker exited with code ${code}`)),
      )
      give()
    })
  await Promise.all(Array.from({ length: workers }, one))
  return out
}
