/// <reference lib="webworker" />
/**
 * The computation thread: every engine run happens here, so the page stays responsive while
 * the broker ticks through thousands of timeslices. Messages carry plain data (bigints clone).
 */
import { bulkVsOnDemand, monteCarlo, runView } from './model'
import type { Request, Response } from './protocol'

const post = (m: Response): void => (self as unknown as { postMessage(m: Response): void }).postMessage(m)

self.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data
  try {
    if (req.kind === 'run') {
      const t = performance.now()
      const { a, b } = runView(req.state)
      post({ kind: 'run', id: req.id, a, b, costs: bulkVsOnDemand(req.state, a), ms: performance.now() - t })
    } else {
      const bands = monteCarlo(req.state, (done) => {
        if (done % 5 === 0) post({ kind: 'progress', id: req.id, done, of: req.state.mc.runs })
      })
      post({ kind: 'mc', id: req.id, bands })
    }
  } catch (err) {
    post({ kind: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) })
  }
}
