/// <reference lib="webworker" />
/**
 * The computation thread: every engine run happens here, so the page stays responsive while
 * the broker ticks through thousands of timeslices. Messages carry plain data (bigints clone).
 * Monte Carlo runs one seeded run at a time through @coretime/sim and yields between slices of
 * runs, so a newer request (or a cancel) stops a stale batch at once.
 */
import type { MonteCarlo } from '@coretime/sim'
import { bulkVsOnDemand, mcRuns, mcScenario, runView } from './model'
import { runErrorOf } from './model/check'
import type { Request, Response } from './protocol'

const post = (m: Response): void => (self as unknown as { postMessage(m: Response): void }).postMessage(m)

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

const monteCarlo = async (req: Extract<Request, { kind: 'mc' }>): Promise<void> => {
  currentMc = req.id
  const scenario = mcScenario(req.state)
  const out: MonteCarlo.RunSummary[] = []
  let i = req.from
  while (i < req.to) {
    const t = performance.now()
    while (i < req.to && performance.now() - t < SLICE_MS) {
      out.push(...mcRuns(req.state, i, i + 1, scenario))
      i++
    }
    post({ kind: 'progress', id: req.id, done: i - req.from })
    await yieldToMessages()
    if (currentMc !== req.id) return
  }
  post({ kind: 'mcRuns', id: req.id, runs: out })
}

self.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data
  try {
    if (req.kind === 'run') {
      const t = performance.now()
      const { a, b } = runView(req.state)
      post({ kind: 'run', id: req.id, a, b, costs: bulkVsOnDemand(req.state, a), ms: performance.now() - t })
    } else if (req.kind === 'mc') {
      monteCarlo(req).catch((err: unknown) => post({ kind: 'error', id: req.id, error: runErrorOf(err) }))
    } else currentMc = req.id
  } catch (err) {
    post({ kind: 'error', id: req.id, error: runErrorOf(err) })
  }
}
