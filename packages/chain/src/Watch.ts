import { createClient, type PolkadotClient } from 'polkadot-api'
import { getWsProvider, type WebSocketClass } from 'polkadot-api/ws'
import * as Endpoints from './Endpoints'
import { ChainError } from './errors'
import { readOver } from './Reader'
import type { Snapshot } from './Snapshot'

/**
 * The live state followed block by block (polkadot-api's `finalizedBlock$`, the `watchX` shape):
 * one connection per chain kept open, a fresh `Snapshot` read at every new finalized block of the
 * Coretime chain (the newest block wins: blocks that arrive during a read are folded into the next
 * one), and the connection's state told as it changes — lost when the socket drops, reconnected when
 * polkadot-api's provider has a socket again (it retries on its own, every few seconds).
 */
export type WatchStatus =
  | { readonly kind: 'connecting'; readonly message: string }
  /** the first snapshot was read */
  | { readonly kind: 'live'; readonly message: string }
  | { readonly kind: 'lost'; readonly message: string }
  /** a socket again after `lost` (the next snapshot follows when the chain reports a block) */
  | { readonly kind: 'reconnected'; readonly message: string }

export type WatchOptions = {
  readonly network: Endpoints.Network
  readonly coretime: string
  /** the relay endpoint; none (a devnet): dates count from the Coretime chain's `Timestamp.Now` */
  readonly relay?: string
  /** skip the genesis-hash check (devnets, forks) */
  readonly anyChain?: boolean
  /** default `globalThis.WebSocket` (browsers, Node ≥ 22); Node 20 passes `ws` */
  readonly websocketClass?: WebSocketClass
  readonly onSnapshot: (snapshot: Snapshot) => void
  readonly onStatus?: (status: WatchStatus) => void
  /** a read that failed while connected (a value of an unexpected shape, a wrong chain) */
  readonly onError?: (error: ChainError) => void
}

export type Watch = {
  /** the Coretime chain's client: transactions go over the same connection (`Tx`) */
  readonly client: PolkadotClient
  /** read again now (after a transaction), resolving with the snapshot also given to `onSnapshot` */
  readonly refresh: () => Promise<Snapshot | undefined>
  readonly stop: () => void
}

/** Starts following; a bad endpoint is refused at once (`ChainError` BadEndpoint), never retried. */
export const watch = (o: WatchOptions): Watch => {
  for (const [label, url] of [
    ['coretime', o.coretime],
    ['relay', o.relay],
  ] as const)
    if (url !== undefined && !Endpoints.isValid(url))
      throw new ChainError('BadEndpoint', `${label} endpoint: expected a ws:// or wss:// URL, got "${url}"`)
  const WebSocketImpl = o.websocketClass ?? (globalThis as { WebSocket?: WebSocketClass }).WebSocket
  if (!WebSocketImpl) throw new ChainError('NoWebSocket', 'no WebSocket implementation available')

  let stopped = false
  let connected = false
  let lost = false
  let everLive = false
  const tell = (s: WatchStatus) => {
    if (!stopped) o.onStatus?.(s)
  }
  const providerOf = (label: string, url: string) =>
    getWsProvider(url, {
      websocketClass: WebSocketImpl,
      onStatusChanged: (s) => {
        // the relay's socket is followed too, but the state shown is the Coretime chain's
        if (label !== 'coretime') return
        if (s.type === 'CONNECTED') {
          connected = true
          if (lost) {
            lost = false
            tell({ kind: 'reconnected', message: `Reconnected to ${url}` })
          }
        } else if ((s.type === 'ERROR' || s.type === 'CLOSE') && !lost && !stopped) {
          lost = true
          tell({
            kind: 'lost',
            message: connected
              ? `Connection lost to ${url}; retrying…`
              : `Cannot connect to ${url}; retrying…`,
          })
          connected = false
        }
      },
    })
  tell({ kind: 'connecting', message: `Connecting to ${o.coretime}…` })
  const client = createClient(providerOf('coretime', o.coretime))
  const relayClient = o.relay === undefined ? undefined : createClient(providerOf('relay', o.relay))

  let reading: Promise<Snapshot | undefined> | null = null
  let pending: { hash: string; number: number } | null = null
  let last: { hash: string; number: number } | null = null
  const readAt = async (at: { hash: string; number: number } | undefined) => {
    const s = await readOver(
      { client, url: o.coretime },
      relayClient && o.relay !== undefined ? { client: relayClient, url: o.relay } : undefined,
      { network: o.network, ...(o.anyChain ? { anyChain: true } : {}), ...(at ? { at } : {}) },
    )
    if (stopped) return undefined
    o.onSnapshot(s)
    if (!everLive) {
      everLive = true
      tell({ kind: 'live', message: `Following ${o.coretime} (block ${s.coretime.block})` })
    }
    return s
  }
  const drain = async (): Promise<Snapshot | undefined> => {
    let out: Snapshot | undefined
    while (pending && !stopped) {
      const at = pending
      pending = null
      try {
        out = await readAt(at)
        last = at
      } catch (e) {
        // while the socket is down a read fails for that reason alone: the next block reads again
        if (!lost && !stopped)
          o.onError?.(
            e instanceof ChainError
              ? e
              : new ChainError('ReadFailed', String((e as Error)?.message ?? e), { cause: e }),
          )
      }
    }
    return out
  }
  const schedule = (block: { hash: string; number: number }) => {
    if (last?.hash === block.hash) return
    pending = block
    if (!reading)
      reading = drain().finally(() => {
        reading = null
      })
  }
  const subscription = client.finalizedBlock$.subscribe({
    next: (b) => schedule({ hash: b.hash, number: b.number }),
    error: (e) => {
      if (!stopped)
        o.onError?.(new ChainError('Disconnected', `stopped following ${o.coretime}: ${String(e)}`))
    },
  })
  return {
    client,
    refresh: async () => {
      await reading
      const at = await client.getFinalizedBlock()
      pending = { hash: at.hash, number: at.number }
      last = null
      reading = drain().finally(() => {
        reading = null
      })
      return reading
    },
    stop: () => {
      if (stopped) return
      stopped = true
      subscription.unsubscribe()
      client.destroy()
      relayClient?.destroy()
    },
  }
}
