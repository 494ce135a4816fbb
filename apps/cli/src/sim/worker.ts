import { parentPort } from 'node:worker_threads'
import { type BrokerState, InvariantError } from '@coretime/core'
import { MonteCarlo, type Scenario } from '@coretime/sim'
import type { FromPool, ToPool } from './pool'

/**
 * A long-lived Monte Carlo worker: keeps each batch's scenario, runs the chunks it is handed, posts
 * a tick per run and the chunk's runs aggregated column by column (transferable typed arrays).
 */
const port = parentPort
if (!port) throw new InvariantError('sim worker: not in a worker thread')
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
      if (!b) throw new InvariantError(`sim worker: unknown batch ${m.batch}`)
      // the chunk's runs aggregated here, column by column; the columns are transferred, not copied
      const aggregate = MonteCarlo.aggregate(b.scenario, {
        seed: b.seed,
        from: m.from,
        to: m.to,
        onRun: () => port.postMessage({ type: 'tick', batch: m.batch } satisfies FromPool),
        ...(b.start && { start: b.start }),
      })
      const buffers = aggregate.cols.flatMap((c) => ('f64' in c ? [c.f64.buffer] : []))
      port.postMessage(
        { type: 'aggregate', batch: m.batch, from: m.from, aggregate } satisfies FromPool,
        buffers,
      )
    }
  }
})
