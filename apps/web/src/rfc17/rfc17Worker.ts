/// <reference lib="webworker" />
/**
 * The RFC-17 comparison's thread, made the first time the page asks for RFC-17: the market and
 * the simulator's comparison load with it, so the first page load carries none of them.
 */
import { rfc17Compare } from './model'
import type { Rfc17Request, Rfc17Response } from './protocol'

const post = (m: Rfc17Response): void =>
  (self as unknown as { postMessage(m: Rfc17Response): void }).postMessage(m)

self.onmessage = (e: MessageEvent<Rfc17Request>) => {
  const { id, state, rfc17 } = e.data
  const t = performance.now()
  let outcome: Rfc17Response['outcome']
  try {
    outcome = rfc17Compare(state, rfc17)
  } catch (err) {
    outcome = { ok: false, message: err instanceof Error ? err.message : String(err) }
  }
  post({ id, outcome, ms: performance.now() - t })
}
