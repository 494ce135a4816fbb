import * as Endpoints from './Endpoints'
import { AbortedError, ChainError } from './errors'
import { attemptRead } from './reader/Attempt'
import type { ReadOptions } from './reader/Options'
import type { Snapshot } from './Snapshot'

/**
 * The live reader: connects to a Coretime chain and its relay over WebSocket JSON-RPC with
 * polkadot-api, using the metadata each chain serves (`getUnsafeApi`, no generated descriptors),
 * reads everything at one finalized block per chain and maps it to a `Snapshot`. Every attempt has a
 * deadline; dropped connections and timeouts are retried with exponential backoff; an abort signal
 * (Ctrl-C) stops it at once. Nothing is written here: the caller decides what to do with the result.
 */
export { GENESIS, genesisOf, type ReadOptions } from './reader/Options'
export { readOver } from './reader/Reads'
export { connectFailure } from './reader/Socket'

const RETRYABLE = new Set(['Timeout', 'Disconnected', 'Unreachable'])

/**
 * Attempt n uses the n-th endpoint of each chain's list (`Endpoints.at`): a retry after a timeout or a
 * dropped connection moves on to the next endpoint at once, and waits (backoff, doubled each time)
 * only when it comes back to endpoints already tried.
 */
export const read = async (options: ReadOptions): Promise<Snapshot> => {
  const retries = options.retries ?? 2
  const lists = Endpoints.listsOf(options.network, options.endpoints)
  const distinct = options.noRelay
    ? lists.coretime.length
    : Math.max(lists.coretime.length, lists.relay.length)
  let delay = options.backoffMs ?? 1000
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptRead({ ...options, endpoints: Endpoints.at(lists, attempt - 1) })
    } catch (e) {
      const error =
        e instanceof ChainError
          ? e
          : new ChainError('ReadFailed', String((e as Error)?.message ?? e), { cause: e })
      if (!RETRYABLE.has(error.code) || attempt > retries) throw error
      const fresh = attempt < distinct
      options.onRetry?.({ attempt, delayMs: fresh ? 0 : delay, error, next: Endpoints.at(lists, attempt) })
      if (!fresh) {
        await sleep(delay, options.signal)
        delay *= 2
      }
    }
  }
}

const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError())
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(t)
      reject(new AbortedError())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
