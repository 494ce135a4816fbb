import { parentPort, workerData } from 'node:worker_threads'
import { MonteCarlo, type Scenario } from '@coretime/sim'

/** Runs chunks of a Monte Carlo batch on request; posts a tick per run and the summaries per chunk. */
const port = parentPort
if (!port) throw new Error('sim worker: not in a worker thread')
const { scenario, seed } = workerData as { scenario: Scenario.Scenario; seed: number }

port.on('message', (m: { from: number; to: number } | null) => {
  if (m === null) {
    port.close()
    return
  }
  const summaries = MonteCarlo.runs(scenario, {
    seed,
    from: m.from,
    to: m.to,
    onRun: () => port.postMessage({ tick: 1 }),
  })
  port.postMessage({ summaries })
})
