import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings'
import { createClient, type PolkadotClient } from 'polkadot-api'
import { getWsProvider, type WebSocketClass } from 'polkadot-api/ws'
import * as Consistency from './Consistency'
import * as Decode from './Decode'
import * as Endpoints from './Endpoints'
import { AbortedError, ChainError, ConnectionError, ShapeError } from './errors'
import { FORMAT, type Snapshot } from './Snapshot'

/**
 * The live reader: connects to a Coretime chain and its relay over WebSocket JSON-RPC with
 * polkadot-api, using the metadata each chain serves (`getUnsafeApi`, no generated descriptors),
 * reads everything at one finalized block per chain and maps it to a `Snapshot`. Every attempt has a
 * deadline; dropped connections and timeouts are retried with exponential backoff; an abort signal
 * (Ctrl-C) stops it at once. Nothing is written here: the caller decides what to do with the result.
 */
export type ReadOptions = {
  readonly network: Endpoints.Network
  /** per chain one endpoint or a list; default the network's list (`Networks`). A retry takes the next. */
  readonly endpoints?: Endpoints.Override
  /** deadline of one attempt (connect + every read), ms; default 30 000 */
  readonly timeoutMs?: number
  /** further attempts after a timeout or a dropped connection; default 2 */
  readonly retries?: number
  /** first backoff, doubled each retry; default 1000 ms */
  readonly backoffMs?: number
  readonly signal?: AbortSignal
  /** the WebSocket class; default `globalThis.WebSocket` (browsers, Node ≥ 22). Node 20 passes `ws`. */
  readonly websocketClass?: WebSocketClass
  /** told before each retry, with the endpoints it will use */
  readonly onRetry?: (info: {
    readonly attempt: number
    readonly delayMs: number
    readonly error: ChainError
    readonly next: Endpoints.Endpoints
  }) => void
  /**
   * read the Coretime chain alone (a devnet has no relay): the snapshot's `relay` and `onDemand` are
   * null and its dates count from the Coretime chain's `Timestamp.Now`
   */
  readonly noRelay?: boolean
  /** skip the genesis-hash check (test networks, forks) */
  readonly anyChain?: boolean
  /** what a timeout message tells the user to do; default `try again or raise --timeout` (the CLI's flag) */
  readonly timeoutAdvice?: string
}

/** Genesis hashes of the chains each network's endpoints must serve (../shared/metadata/README.md). */
export const GENESIS = {
  polkadot: {
    coretime: '0xefb56e30d9b4a24099f88820987d0f45fb645992416535d87650d98e00f46fc4',
    relay: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
  },
  kusama: {
    coretime: '0x638cd2b9af4b3bb54b8c1f0d22711fc89924ca93300f0caf25a580432b29d050',
    relay: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
  },
} as const satisfies Partial<Record<Endpoints.Network, { coretime: string; relay: string }>>

/** A network's genesis hashes; none for Paseo yet (its reads are not checked against a known chain). */
export const genesisOf = (network: Endpoints.Network): { coretime: string; relay: string } | undefined =>
  (GENESIS as Partial<Record<Endpoints.Network, { coretime: string; relay: string }>>)[network]

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

type Conn = {
  readonly client: PolkadotClient
  readonly url: string
  readonly label: string
  /** drop the socket and silence the client (see `inert`) */
  readonly kill: () => void
}

/** One attempt: both connections, every read, under one deadline. */
const attemptRead = async (
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

type UnsafeApi = ReturnType<PolkadotClient['getUnsafeApi']>
type StorageEntry = {
  getValue: (o: { at: string }) => Promise<unknown>
  getEntries: (o: { at: string }) => Promise<unknown>
}

/** Storage item names per pallet, from the metadata the chain serves (the unsafe API accepts any name). */
type Items = ReadonlyMap<string, ReadonlySet<string>>
const itemsOf = (metadata: Uint8Array): Items => {
  const m = unifyMetadata(decAnyMetadata(metadata))
  return new Map(m.pallets.map((p) => [p.name, new Set((p.storage?.items ?? []).map((i) => i.name))]))
}

/** A storage item of the chain's own metadata; a runtime without it is a shape change. */
const storageOf = (c: { api: UnsafeApi; items: Items }, pallet: string, item: string): StorageEntry => {
  const entry = (c.api.query as Record<string, Record<string, unknown> | undefined>)[pallet]?.[item]
  if (entry === undefined || !c.items.get(pallet)?.has(item))
    throw new ShapeError(`${pallet}.${item}`, 'not in the runtime metadata')
  return entry as StorageEntry
}
const constantOf = (api: UnsafeApi, pallet: string, name: string): (() => Promise<unknown>) => {
  const c = (api.constants as Record<string, Record<string, unknown> | undefined>)[pallet]?.[name]
  if (typeof c !== 'function') throw new ShapeError(`${pallet}.${name}`, 'not in the runtime metadata')
  return c as () => Promise<unknown>
}

type Provider = ReturnType<typeof getWsProvider>
type Connection = ReturnType<Provider>

/** A provider that, once killed, disconnects and then neither sends nor delivers anything. */
const inert = (base: Provider): { provider: Provider; kill: () => void } => {
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
const jsonOnly = (
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

/** A polkadot-api failure while reading `item` (an error answer, or bytes that do not decode). */
const readFailure = (label: string, item: string, e: unknown): ChainError =>
  e instanceof ChainError
    ? e
    : new ConnectionError(
        'BadAnswer',
        `${label} endpoint: reading ${item} failed: ${(e as Error)?.message ?? e}`,
        {
          cause: e,
        },
      )

/**
 * One read over clients the caller keeps open (`Watch`): the Coretime chain at `at` (a block its
 * client reported; default its finalized block), the relay at its finalized block. No deadline and no
 * retry: the caller owns the connections.
 */
export const readOver = (
  coretime: { readonly client: PolkadotClient; readonly url: string },
  relay: { readonly client: PolkadotClient; readonly url: string } | undefined,
  options: Pick<ReadOptions, 'network' | 'anyChain'> & { readonly at?: Block },
): Promise<Snapshot> => {
  const conn = (c: { client: PolkadotClient; url: string }, label: string): Conn => ({
    ...c,
    label,
    kill: () => {},
  })
  return readAll(
    conn(coretime, 'coretime'),
    relay && conn(relay, 'relay'),
    { ...options, noRelay: relay === undefined },
    () => {},
  )
}

type Block = { readonly hash: string; readonly number: number }

const readAll = async (
  coretime: Conn,
  relay: Conn | undefined,
  options: ReadOptions & { readonly at?: Block },
  setStep: (s: { label: string; what: string }) => void,
): Promise<Snapshot> => {
  const info = async (c: Conn, expected: string | undefined) => {
    setStep({ label: c.label, what: `reading ${c.label} chain spec` })
    const spec = await c.client.getChainSpecData().catch((e) => {
      throw readFailure(c.label, 'the chain spec', e)
    })
    if (!options.anyChain && expected !== undefined && spec.genesisHash.toLowerCase() !== expected)
      throw new ChainError(
        'WrongChain',
        `${c.label} endpoint ${c.url} serves ${spec.name} (genesis ${spec.genesisHash}), not the ${options.network} ${c.label === 'coretime' ? 'Coretime chain' : 'relay chain'}`,
      )
    setStep({ label: c.label, what: `waiting for ${c.label} finalized block` })
    const block = (c.label === 'coretime' && options.at) || (await c.client.getFinalizedBlock())
    const api = c.client.getUnsafeApi()
    const items = itemsOf(
      await c.client.getMetadata(block.hash).catch((e) => {
        throw readFailure(c.label, 'the metadata', e)
      }),
    )
    const version = await get(c, 'System.Version', () => constantOf(api, 'System', 'Version')())
    const v = version as { spec_name?: unknown; spec_version?: unknown }
    if (typeof v?.spec_name !== 'string' || typeof v.spec_version !== 'number')
      throw new ChainError('UnexpectedShape', `unexpected shape of ${c.label} System.Version`)
    return {
      api,
      items,
      at: block.hash,
      info: {
        genesisHash: spec.genesisHash.toLowerCase(),
        specName: v.spec_name,
        specVersion: v.spec_version,
        block: block.number,
        blockHash: block.hash.toLowerCase(),
      },
    }
  }
  const get = async <T>(c: Conn, item: string, f: () => Promise<T>): Promise<T> => {
    setStep({ label: c.label, what: `reading ${item}` })
    try {
      return await f()
    } catch (e) {
      throw readFailure(c.label, item, e)
    }
  }
  const genesis = genesisOf(options.network)
  const ct = await info(coretime, genesis?.coretime)
  const at = { at: ct.at }
  const value = (item: string) =>
    get(coretime, `Broker.${item}`, () => storageOf(ct, 'Broker', item).getValue(at))
  const mapEntries = (item: string) =>
    get(coretime, `Broker.${item}`, () => storageOf(ct, 'Broker', item).getEntries(at))
  const constant = (name: string) =>
    get(coretime, `Broker.${name}`, () => constantOf(ct.api, 'Broker', name)())
  const constants = Decode.as('Broker constants', Decode.constants, {
    TimeslicePeriod: await constant('TimeslicePeriod'),
    MaxLeasedCores: await constant('MaxLeasedCores'),
    MaxReservedCores: await constant('MaxReservedCores'),
    MaxAutoRenewals: await constant('MaxAutoRenewals'),
    MinimumCreditPurchase: await constant('MinimumCreditPurchase'),
  })
  const broker: Snapshot['broker'] = {
    configuration: Decode.asOptional(
      'Broker.Configuration',
      Decode.configuration,
      await value('Configuration'),
    ),
    status: Decode.asOptional('Broker.Status', Decode.status, await value('Status')),
    saleInfo: Decode.asOptional('Broker.SaleInfo', Decode.saleInfo, await value('SaleInfo')),
    leases: Decode.as('Broker.Leases', Decode.leases, await value('Leases')),
    reservations: Decode.as('Broker.Reservations', Decode.reservations, await value('Reservations')),
    workload: Decode.as('Broker.Workload', Decode.workload, await mapEntries('Workload')),
    workplan: Decode.as('Broker.Workplan', Decode.workplan, await mapEntries('Workplan')),
    potentialRenewals: Decode.as(
      'Broker.PotentialRenewals',
      Decode.potentialRenewals,
      await mapEntries('PotentialRenewals'),
    ),
    regions: Decode.as('Broker.Regions', Decode.regions, await mapEntries('Regions')),
    autoRenewals: Decode.as('Broker.AutoRenewals', Decode.autoRenewals, await value('AutoRenewals')),
  }
  const relayBlock = Decode.as(
    'ParachainSystem.LastRelayChainBlockNumber',
    Decode.blockNumber,
    await get(coretime, 'ParachainSystem.LastRelayChainBlockNumber', () =>
      storageOf(ct, 'ParachainSystem', 'LastRelayChainBlockNumber').getValue(at),
    ),
  )

  if (!relay) {
    const timestamp = Decode.as(
      'Timestamp.Now',
      Decode.timestamp,
      await get(coretime, 'Timestamp.Now', () => storageOf(ct, 'Timestamp', 'Now').getValue(at)),
    )
    return {
      format: FORMAT,
      network: options.network,
      endpoints: { coretime: coretime.url, relay: 'none' },
      coretime: { ...ct.info, relayBlock, timestamp },
      relay: null,
      constants,
      broker,
      onDemand: null,
    }
  }
  const rl = await info(relay, genesis?.relay)
  const rat = { at: rl.at }
  const timestamp = Decode.as(
    'Timestamp.Now',
    Decode.timestamp,
    await get(relay, 'Timestamp.Now', () => storageOf(rl, 'Timestamp', 'Now').getValue(rat)),
  )
  const params = Decode.as(
    'Configuration.ActiveConfig',
    Decode.schedulerParams,
    await get(relay, 'Configuration.ActiveConfig', () =>
      storageOf(rl, 'Configuration', 'ActiveConfig').getValue(rat),
    ),
  )
  // the on-demand pallet is `OnDemand` on Polkadot, `OnDemandAssignmentProvider` on Kusama (metadata 2026)
  const onDemand = rl.items.get('OnDemand')?.has('OrderStatus') ? 'OnDemand' : 'OnDemandAssignmentProvider'
  const order = Decode.as(
    `${onDemand}.OrderStatus`,
    Decode.orderStatus,
    await get(relay, `${onDemand}.OrderStatus`, () => storageOf(rl, onDemand, 'OrderStatus').getValue(rat)),
  )
  setStep({ label: 'relay', what: 'done' })
  const snapshot: Snapshot = {
    format: FORMAT,
    network: options.network,
    endpoints: { coretime: coretime.url, relay: relay.url },
    coretime: { ...ct.info, relayBlock },
    relay: { ...rl.info, timestamp },
    constants,
    broker,
    onDemand: {
      baseFee: params.on_demand_base_fee,
      feeVariability: params.on_demand_fee_variability,
      targetQueueUtilization: params.on_demand_target_queue_utilization,
      queueMaxSize: params.on_demand_queue_max_size,
      numCores: params.num_cores,
      traffic: order.traffic,
      queue: order.queue,
    },
  }
  // a live state is held to the same invariants as a file (a broken or forked chain is refused)
  const bad = Consistency.check(snapshot)
  if (bad) throw new ShapeError(bad.field, bad.message)
  return snapshot
}
