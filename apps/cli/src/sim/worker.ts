import { parentPort } from 'node:worker_threads'
import type { BrokerState } from '@coretime/core'
import { MonteCarlo, type Scenario } from '@coretime/sim'
import type { FromPool, ToPool } from './pool'

/**
 * A long-lived Monte Carlo worker: keeps each batch's scenario, runs the chunks it is handed, posts
 * a tick per run and the chunk's summaries packed in one transferable buffer.
 */
const port = parentPort
if (!port) throw new Error('sim worker: not in a worker thread')
const batches = new Map<number, { scenario: Scenario.Scenario; seed: number; start?: BrokerState }>()

port.on('message', (m: ToPool) => {
  switch (m.type) {
    case 'close':
      port.close()
      return
    case 'batch':
      batches.set(m.batch, { scenario: m.scenario, seed: m.seed, ...(m.start && { start: m.start }) })
      return
    case 'end':
      batches.delete(m.batch)
      return
    case 'chunk': {
      const b = batches.get(m.batch)
      if (!b) throw new Error(`sim worker: unknown batch ${m.batch}`)
      const summaries = MonteCarlo.runs(b.scenario, {
        seed: b.seed,
        from: m.from,
        to: m.to,
        onRun: () => port.postMessage({ type: 'tick', batch: m.batch } satisfies FromPool),
        ...(b.start && { start: b.start }),
      })
      const packed = MonteCarlo.pack(summaries)
      if (packed)
        port.postMessage({ type: 'packed', batch: m.batch, packed } satisfies FromPool, [
          packed.counts.buffer,
          packed.money.buffer,
        ])
      else port.postMessage({ type: 'summaries', batch: m.batch, summaries } satisfies FromPool)
    }
  }
})
