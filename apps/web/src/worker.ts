/// <reference lib="webworker" />
/**
 * The computation thread: every engine run happens here, so the page stays responsive while
 * the broker ticks through thousands of timeslices. Messages carry plain data (bigints clone).
 * Monte Carlo runs its share of the batch through @coretime/sim in slices of about SLICE_MS,
 * reduced to columns here (MonteCarlo.aggregate), and yields between slices, so a newer request
 * (or a cancel) stops a stale batch at once; the page receives only the merged columns' buffers.
 */
import { Aggregate } from '@coretime/sim'
import { bulkVsOnDemand, mcAggregate, mcScenario, runView, simCache, transferables } from './model'
import { runErrorOf } from './model/check'
import type { Request, Response } from './protocol'

const post = (m: Response, transfer: Transferable[] = []): void =>
  (self as unknown as { postMessage(m: Response, t: Transferable[]): void }).postMessage(m, transfer)

/** Lets queued messages in (a MessageChannel turn: not clamped like nested setTimeout). */
const yieldToMessages = (): Promise<void> =>
  new Promise((resume) => {
    const ch = new MessageChannel()
    ch.port1.onmessage = () => resume()
    ch.port2.postMessage(null)
  })

/** The Monte Carlo batch this worker is on; a newer one (or a cancel) replaces it. */
let currentMc = 0
const SLICE_MS = 30
/** progress reaches the page at most this often: each message is a redraw of the progress line */
const PROGRESS_MS = 150

/** Throw-away runs until `req.runs` are done or a batch (or cancel) comes: compiles the engine's code. */
const warm = async (req: Extract<Request, { kind: 'warm' }>): Promise<void> => {
  currentMc = req.id
  const scenario = mcScenario(req.state)
  for (let i = 0; i < req.runs; i += WARM_SLICE) {
    mcAggregate(req.state, i, Math.min(req.runs, i + WARM_SLICE), scenario)
    await yieldToMessages()
    if (currentMc !== req.id) return
  }
}
/** runs between two looks at the queue while warming (a few ms each) */
const WARM_SLICE = 4

const monteCarlo = async (req: Extract<Request, { kind: 'mc' }>): Promise<void> => {
  currentMc = req.id
  const scenario = mcScenario(req.state)
  const parts: Aggregate.Aggregate[] = []
  let i = req.from
  // runs a slice: one run first, then as many as the last slice's pace fits in SLICE_MS
  let perRun = Number.POSITIVE_INFINITY
  let told = Number.NEGATIVE_INFINITY
  while (i < req.to) {
    const n = Math.max(1, Math.min(req.to - i, Math.floor(SLICE_MS / perRun)))
    const t = performance.now()
    parts.push(mcAggregate(req.state, i, i + n, scenario))
    perRun = Math.max(0.05, (performance.now() - t) / n)
    i += n
    if (i === req.to || performance.now() - told >= PROGRESS_MS) {
      told = performance.now()
      post({ kind: 'progress', id: req.id, done: i - req.from })
    }
    await yieldToMessages()
    if (currentMc !== req.id) return
  }
  const aggregate = Aggregate.merge(parts)
  post({ kind: 'mcAggregate', id: req.id, aggregate }, transferables(aggregate))
}

/** The last simulations (sets A and B of recent views): an input that did not change is not re-run. */
const sims = simCache(8)

self.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data
  try {
    if (req.kind === 'run') {
      const t = performance.now()
      const { a, b } = runView(req.state, sims)
      post({ kind: 'run', id: req.id, a, b, costs: bulkVsOnDemand(req.state, a), ms: performance.now() - t })
    } else if (req.kind === 'mc') {
      monteCarlo(req).catch((err: unknown) => post({ kind: 'error', id: req.id, error: runErrorOf(err) }))
    } else if (req.kind === 'warm') {
      // nobody waits for a warm-up: a view the engine refuses just leaves the workers cold
      warm(req).catch(() => undefined)
    } else currentMc = req.id
  } catch (err) {
    post({ kind: 'error', id: req.id, error: runErrorOf(err) })
  }
}
