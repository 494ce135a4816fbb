import { createClient } from 'polkadot-api'
import { getWsProvider, type WebSocketClass } from 'polkadot-api/ws'
import * as Endpoints from '../Endpoints'
import { AbortedError, ChainError, ConnectionError } from '../errors'
import type { Snapshot } from '../Snapshot'
import type { ReadOptions } from './Options'
import { type Conn, readAll } from './Reads'
import { inert, jsonOnly } from './Socket'

/** One attempt: both connections, every read, under one deadline. */
export const attemptRead = async (
  options: ReadOptions & { readonly endpoints: Endpoints.Endpoints },
): Promise<Snapshot> => {
  const endpoints = options.endpoints
  for (const [label, url] of Object.entries(endpoints).filter(([l]) => !(options.noRelay && l === 'relay')))
    if (!Endpoints.isValid(url))
      throw new ChainError('BadEndpoint', `${label} endpoint: expected a ws:// or wss:// URL, got "${url}"`)
  const timeoutMs = options.timeoutMs ?? 30_000
  const WebSocketImpl = options.websocketClass ?? (globalThis as { WebSocket?: WebSocketClass }).WebSocket
  if (!WebSocketImpl) throw new ChainError('NoWebSocket', 'no WebSocket implementation available')

  // what each connection (and the attempt as a whole) is doing, for the error messages
  let step = 'connecting'
  const steps = new Map<string, string>()
  const stepOf = (label: string) => steps.get(label) ?? 'connecting'
  let fail: (e: ChainError) => void = () => {}
  const failed = new Promise<never>((_, reject) => {
    fail = reject
  })
  failed.catch(() => {})
  const conns: Conn[] = []
  const connect = (label: string, url: string): Conn => {
    let connected = false
    const badAnswer = (msg: string) =>
      fail(
        new ConnectionError(
          'BadAnswer',
          `${label} endpoint ${url} answered something that is not JSON-RPC while ${stepOf(label)}`,
          {
            details: msg.slice(0, 200),
          },
        ),
      )
    // why the socket failed, as the WebSocket's error event tells it (Node's `ws` does; browsers do not)
    let reason: string | undefined
    const provider = getWsProvider(url, {
      websocketClass: jsonOnly(WebSocketImpl, badAnswer, (why) => {
        reason ??= why
      }),
      onStatusChanged: (s) => {
        if (s.type === 'CONNECTED') connected = true
        else if (s.type === 'ERROR' || s.type === 'CLOSE')
          fail(
            connected
              ? new ConnectionError(
                  'Disconnected',
                  `${label} endpoint ${url} dropped the connection while ${stepOf(label)}`,
                )
              : new ConnectionError(
                  'Unreachable',
                  `cannot connect to the ${label} endpoint ${url}${reason ? `: ${reason}` : ''}`,
                ),
          )
      },
    })
    const { provider: guardedProvider, kill } = inert(provider)
    const conn = { client: createClient(guardedProvider), url, label, kill }
    conns.push(conn)
    return conn
  }

  const timer = setTimeout(
    () =>
      fail(
        new ConnectionError(
          'Timeout',
          `timed out after ${timeoutMs / 1000} s while ${step} (${endpoints.coretime}, ${endpoints.relay}); ${options.timeoutAdvice ?? 'try again or raise --timeout'}`,
        ),
      ),
    timeoutMs,
  )
  const onAbort = () => fail(new AbortedError())
  if (options.signal?.aborted) throw new AbortedError()
  options.signal?.addEventListener('abort', onAbort, { once: true })

  let ok = false
  try {
    const coretime = connect('coretime', endpoints.coretime)
    const relay = options.noRelay ? undefined : connect('relay', endpoints.relay)
    const work = readAll(coretime, relay, options, (s) => {
      step = s.what
      steps.set(s.label, s.what)
    })
    work.catch(() => {})
    const snapshot = await Promise.race([work, failed])
    ok = true
    return snapshot
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onAbort)
    // After a failure polkadot-api's follow may still be retrying; destroying it then makes it throw
    // from a timer ("Not connected"), so a failed attempt only kills the socket and silences the client.
    for (const c of conns) ok ? c.client.destroy() : c.kill()
  }
}
