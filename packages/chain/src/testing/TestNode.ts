import type { AddressInfo } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'

/**
 * A local test node: a real WebSocket server on 127.0.0.1 that speaks the new JSON-RPC spec
 * (`chainHead_v1_*`, `chainSpec_v1_*`) as far as polkadot-api's client uses it. It serves one
 * finalized block whose storage is a plain key → value map (hex), and the runtime's metadata through
 * `Metadata_metadata_at_version`. Test code only; it is how the reader is tested without internet.
 */
export type ChainFixture = {
  readonly name: string
  readonly genesisHash: string
  readonly specName: string
  readonly specVersion: number
  /** raw runtime metadata (`meta` magic + version + data), as in ../shared/metadata/*.scale */
  readonly metadata: Uint8Array
  readonly blockNumber: number
  /** hash of `:code` (the runtime); any 32 bytes */
  readonly codeHash?: string
  /** full storage keys → SCALE values, both 0x-hex */
  readonly storage: ReadonlyMap<string, string>
}

export type Misbehaviour =
  /** close every socket and stop listening when the n-th (1-based) request of `method` arrives */
  | { readonly kind: 'dieOn'; readonly method: string; readonly nth?: number }
  /** drop this one connection (the server keeps running) at the n-th request of `method` */
  | { readonly kind: 'dropOn'; readonly method: string; readonly nth?: number }
  /** answer `method` with bytes that are not JSON */
  | { readonly kind: 'garbageOn'; readonly method: string }
  /** never answer `method` from its n-th request on (default: the first) */
  | { readonly kind: 'silentOn'; readonly method: string; readonly nth?: number }
  /** serve this value (hex) for a storage key instead of the fixture's */
  | { readonly kind: 'override'; readonly key: string; readonly value: string }

export type TestNode = {
  readonly url: string
  readonly port: number
  /** every request method received, in order */
  readonly requests: readonly string[]
  /** stop the server and drop all connections */
  readonly close: () => Promise<void>
}

const CODE_KEY = '0x3a636f6465' // `:code`
const hex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`

/** SCALE compact of a non-negative integer below 2^30. */
const compact = (n: number): Uint8Array => {
  if (n < 64) return Uint8Array.of(n << 2)
  if (n < 1 << 14) return Uint8Array.of(((n << 2) | 1) & 0xff, n >> 6)
  const v = (n << 2) | 2
  return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff)
}
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
const u32le = (n: number): Uint8Array =>
  Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24)
const filled = (byte: number): Uint8Array => new Uint8Array(32).fill(byte)

/** A block header: parent hash, compact number, state root, extrinsics root, empty digest. */
const header = (number: number): string =>
  hex(concat(filled(0x11), compact(number), filled(0x22), filled(0x33), compact(0)))
/** The hash the node gives block `number` (any 32 bytes do for the client). */
export const blockHashOf = (number: number): string =>
  `0x${(number >>> 0).toString(16).padStart(8, '0')}${'ab'.repeat(28)}`

/** Runtime API ids (blake2_64 of the name) the client may look for; versions as in 2026 runtimes. */
const APIS: Record<string, number> = {
  '0xdf6acb689907609b': 5, // Core
  '0x37e397fc7c91f5e4': 2, // Metadata
}

export const start = async (
  chain: ChainFixture,
  options: { readonly misbehave?: readonly Misbehaviour[]; readonly port?: number } = {},
): Promise<TestNode> => {
  const misbehave = options.misbehave ?? []
  const requests: string[] = []
  const counts = new Map<string, number>()
  const server = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve())
    server.once('error', reject)
  })
  const port = (server.address() as AddressInfo).port
  const hash = blockHashOf(chain.blockNumber)
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    for (const c of server.clients) c.terminate()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  const storedValue = (key: string): string | undefined => {
    for (const m of misbehave) if (m.kind === 'override' && m.key === key) return m.value
    return chain.storage.get(key)
  }

  server.on('connection', (socket: WebSocket) => {
    let subs = 0
    let ops = 0
    const send = (msg: unknown) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg))
    }
    const notify = (method: string, subscription: string, result: unknown) =>
      send({ jsonrpc: '2.0', method, params: { subscription, result } })
    const follow = new Set<string>()

    socket.on('message', (data) => {
      let req: { id: number | string; method: string; params?: unknown[] }
      try {
        req = JSON.parse(String(data))
      } catch {
        return
      }
      const { id, method } = req
      const params = req.params ?? []
      requests.push(method)
      const nth = (counts.get(method) ?? 0) + 1
      counts.set(method, nth)
      for (const m of misbehave) {
        if (m.kind === 'dieOn' && m.method === method && nth === (m.nth ?? 1)) {
          void close()
          return
        }
        if (m.kind === 'dropOn' && m.method === method && nth === (m.nth ?? 1)) {
          socket.terminate()
          return
        }
        if (m.kind === 'garbageOn' && m.method === method) {
          socket.send('\u0000not json{{')
          return
        }
        if (m.kind === 'silentOn' && m.method === method && nth >= (m.nth ?? 1)) return
      }
      const reply = (result: unknown) => send({ jsonrpc: '2.0', id, result })
      const error = (code: number, message: string) => send({ jsonrpc: '2.0', id, error: { code, message } })

      switch (method) {
        case 'rpc_methods':
          return reply({
            methods: [
              'chainHead_v1_follow',
              'chainHead_v1_unfollow',
              'chainHead_v1_header',
              'chainHead_v1_storage',
              'chainHead_v1_call',
              'chainHead_v1_unpin',
              'chainHead_v1_body',
              'chainHead_v1_continue',
              'chainHead_v1_stopOperation',
              'chainSpec_v1_chainName',
              'chainSpec_v1_genesisHash',
              'chainSpec_v1_properties',
            ],
          })
        case 'chainSpec_v1_chainName':
          return reply(chain.name)
        case 'chainSpec_v1_genesisHash':
          return reply(chain.genesisHash)
        case 'chainSpec_v1_properties':
          return reply({})
        case 'chainHead_v1_follow': {
          const sub = `follow-${++subs}`
          follow.add(sub)
          reply(sub)
          setTimeout(() => {
            notify('chainHead_v1_followEvent', sub, {
              event: 'initialized',
              finalizedBlockHashes: [hash],
              finalizedBlockRuntime: {
                type: 'valid',
                spec: {
                  specName: chain.specName,
                  implName: chain.specName,
                  specVersion: chain.specVersion,
                  implVersion: 0,
                  transactionVersion: 1,
                  apis: APIS,
                },
              },
            })
            notify('chainHead_v1_followEvent', sub, { event: 'bestBlockChanged', bestBlockHash: hash })
          }, 1)
          return
        }
        case 'chainHead_v1_unfollow':
          follow.delete(String(params[0]))
          return reply(null)
        case 'chainHead_v1_unpin':
        case 'chainHead_v1_continue':
        case 'chainHead_v1_stopOperation':
          return reply(null)
        case 'chainHead_v1_header':
          return reply(params[1] === hash ? header(chain.blockNumber) : null)
        case 'chainHead_v1_body': {
          const op = `op-${++ops}`
          reply({ result: 'started', operationId: op })
          setTimeout(
            () =>
              notify('chainHead_v1_followEvent', String(params[0]), {
                event: 'operationBodyDone',
                operationId: op,
                value: [],
              }),
            1,
          )
          return
        }
        case 'chainHead_v1_call': {
          const [sub, , fn, args] = params as [string, string, string, string]
          const op = `op-${++ops}`
          let output: string
          if (fn === 'Metadata_metadata_versions')
            output = hex(concat(compact(3), u32le(14), u32le(15), u32le(16)))
          else if (fn === 'Metadata_metadata_at_version') {
            const version = Number.parseInt(args.slice(2, 4), 16)
            output =
              version === chain.metadata[4]
                ? hex(concat(Uint8Array.of(1), compact(chain.metadata.length), chain.metadata))
                : '0x00'
          } else if (fn === 'Metadata_metadata')
            output = hex(concat(compact(chain.metadata.length), chain.metadata))
          else {
            reply({ result: 'started', operationId: op })
            setTimeout(
              () =>
                notify('chainHead_v1_followEvent', sub, {
                  event: 'operationError',
                  operationId: op,
                  error: `test node: no runtime API ${fn}`,
                }),
              1,
            )
            return
          }
          reply({ result: 'started', operationId: op })
          setTimeout(
            () =>
              notify('chainHead_v1_followEvent', sub, {
                event: 'operationCallDone',
                operationId: op,
                output,
              }),
            1,
          )
          return
        }
        case 'chainHead_v1_storage': {
          const [sub, at, items] = params as [string, string, { key: string; type: string }[]]
          if (at !== hash) return error(-32801, 'block not pinned')
          const op = `op-${++ops}`
          reply({ result: 'started', operationId: op, discardedItems: 0 })
          const found: { key: string; value?: string; hash?: string }[] = []
          for (const item of items) {
            const key = item.key.toLowerCase()
            if (item.type === 'value') {
              const v = storedValue(key)
              if (v !== undefined) found.push({ key, value: v })
            } else if (item.type === 'hash') {
              // `:code` is what the client hashes to tell runtimes apart
              if (key === CODE_KEY) found.push({ key, hash: chain.codeHash ?? `0x${'cd'.repeat(32)}` })
              else if (storedValue(key) !== undefined) found.push({ key, hash: `0x${'ce'.repeat(32)}` })
            } else if (item.type === 'descendantsValues') {
              for (const k of [...chain.storage.keys()].sort())
                if (k.startsWith(key)) found.push({ key: k, value: storedValue(k)! })
            }
          }
          setTimeout(() => {
            if (found.length > 0)
              notify('chainHead_v1_followEvent', sub, {
                event: 'operationStorageItems',
                operationId: op,
                items: found,
              })
            notify('chainHead_v1_followEvent', sub, { event: 'operationStorageDone', operationId: op })
          }, 1)
          return
        }
        default:
          return error(-32601, `test node: method not found: ${method}`)
      }
    })
  })

  return { url: `ws://127.0.0.1:${port}`, port, requests, close }
}
