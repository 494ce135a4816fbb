import type { getWsProvider, WebSocketClass } from 'polkadot-api/ws'

/**
 * The WebSocket under the reader, made safe: a provider that can be silenced after a failed attempt,
 * frames that are not JSON reported instead of crashing polkadot-api, and why a socket could not
 * connect, in words.
 */

type Provider = ReturnType<typeof getWsProvider>
type Connection = ReturnType<Provider>

/** A provider that, once killed, disconnects and then neither sends nor delivers anything. */
export const inert = (base: Provider): { provider: Provider; kill: () => void } => {
  let dead = false
  let conn: Connection | undefined
  const provider = ((onMessage: Parameters<Provider>[0]) => {
    conn = base((m) => {
      if (!dead) onMessage(m)
    })
    return {
      send: (m: Parameters<Connection['send']>[0]) => {
        if (!dead) conn?.send(m)
      },
      disconnect: () => {
        dead = true
        conn?.disconnect()
      },
    }
  }) as Provider
  return {
    provider,
    kill: () => {
      if (dead) return
      dead = true
      conn?.disconnect()
    },
  }
}

/**
 * The WebSocket class with its `message` listeners guarded: a frame that is not JSON is reported
 * and dropped (polkadot-api would throw from the socket's handler and crash the process).
 */
export const jsonOnly = (
  Base: WebSocketClass,
  onBad: (msg: string) => void,
  onError: (reason: string) => void = () => {},
): WebSocketClass => {
  type Listener = (e: { data: unknown }) => void
  const Guarded = class extends (Base as unknown as new (
    ...a: unknown[]
  ) => {
    addEventListener(type: string, l: unknown, o?: unknown): void
    removeEventListener(type: string, l: unknown, o?: unknown): void
  }) {
    readonly #wrapped = new Map<unknown, Listener>()
    constructor(...a: unknown[]) {
      super(...a)
      // first, before the provider's own listeners, so the reason is known when it reports the failure
      super.addEventListener('error', (e: unknown) => {
        const why = connectFailure(e)
        if (why) onError(why)
      })
    }
    override addEventListener(type: string, listener: unknown, options?: unknown): void {
      if (type !== 'message' || typeof listener !== 'function') {
        super.addEventListener(type, listener, options)
        return
      }
      const wrapped: Listener = (e) => {
        if (typeof e.data === 'string')
          try {
            JSON.parse(e.data)
          } catch {
            onBad(e.data)
            return
          }
        ;(listener as Listener)(e)
      }
      this.#wrapped.set(listener, wrapped)
      super.addEventListener(type, wrapped, options)
    }
    override removeEventListener(type: string, listener: unknown, options?: unknown): void {
      const wrapped = this.#wrapped.get(listener)
      if (wrapped) this.#wrapped.delete(listener)
      super.removeEventListener(type, wrapped ?? listener, options)
    }
  }
  return Guarded as unknown as WebSocketClass
}

/**
 * Why a WebSocket could not connect, in words, from its error event (`ws` passes the Node error):
 * refused, not a WebSocket server (an HTTP answer to the upgrade), a TLS failure, an unknown host.
 */
export const connectFailure = (event: unknown): string | undefined => {
  const err = ((event as { error?: unknown })?.error ?? event) as { code?: unknown; message?: unknown }
  const code = typeof err?.code === 'string' ? err.code : ''
  const message = String(err?.message ?? (event as { message?: unknown })?.message ?? '')
  if (code === 'ECONNREFUSED') return 'connection refused (nothing listens there)'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host'
  if (code === 'ECONNRESET') return 'the connection was reset'
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT') return 'host unreachable'
  const http = /Unexpected server response: (\d+)/.exec(message)
  if (http) return `not a WebSocket server (it answered the upgrade with HTTP ${http[1]})`
  if (/SSL|TLS|CERT|EPROTO|certificate|wrong version number|self[- ]signed/i.test(`${code} ${message}`))
    return `TLS handshake failed (${code || message.split('\n')[0]})`
  if (/Invalid WebSocket frame|Invalid Sec-WebSocket-Accept|Invalid status|Parse Error/i.test(message))
    return `not a WebSocket server (${message.split('\n')[0]})`
  return code || message.split('\n')[0] || undefined
}
