import { createServer as createHttp, type Server } from 'node:http'
import { afterEach, describe, expect, test } from 'vitest'
import { websocketClass } from './node'
import { connectFailure, read } from './Reader'
import { freePort } from './testing'

/** "cannot connect" with the reason (issue 17): refused, not a WebSocket server, TLS — each its own words. */

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

const listen = (s: Server): Promise<number> =>
  new Promise((resolve) => {
    servers.push(s)
    s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port))
  })

const failure = async (url: string): Promise<string> => {
  try {
    await read({
      network: 'polkadot',
      endpoints: { coretime: url, relay: url },
      retries: 0,
      timeoutMs: 10_000,
      websocketClass,
    })
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('expected the read to fail')
}

describe('Reader.read: why it cannot connect', () => {
  test('error: refused', async () => {
    const port = await freePort()
    expect(await failure(`ws://127.0.0.1:${port}`)).toMatch(
      new RegExp(
        `^cannot connect to the (coretime|relay) endpoint ws://127\\.0\\.0\\.1:${port}: connection refused`,
      ),
    )
  })

  test('error: an HTTP server that is not a WebSocket server', async () => {
    const port = await listen(createHttp((_, res) => res.writeHead(200).end('hello')))
    expect(await failure(`ws://127.0.0.1:${port}`)).toMatch(
      /: not a WebSocket server \(it answered the upgrade with HTTP 200\)$/,
    )
  })

  test('error: wss:// to a server without TLS is a TLS failure', async () => {
    const port = await listen(createHttp((_, res) => res.writeHead(200).end('hello')))
    expect(await failure(`wss://127.0.0.1:${port}`)).toMatch(/: TLS handshake failed \(/)
  })
})

describe('Reader.connectFailure', () => {
  test('default: the words for each Node error', () => {
    expect(connectFailure({ error: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })).toMatch(
      /^connection refused/,
    )
    expect(connectFailure({ error: new Error('Unexpected server response: 404') })).toBe(
      'not a WebSocket server (it answered the upgrade with HTTP 404)',
    )
    expect(
      connectFailure({
        error: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      }),
    ).toBe('TLS handshake failed (DEPTH_ZERO_SELF_SIGNED_CERT)')
    expect(connectFailure({ error: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) })).toBe(
      'unknown host',
    )
  })

  test('error: a browser error event carries nothing: no reason is made up', () => {
    expect(connectFailure({ type: 'error' })).toBeUndefined()
  })
})
