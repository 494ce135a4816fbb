import type { WebSocketClass } from 'polkadot-api/ws'
import type * as Endpoints from '../Endpoints'
import type { ChainError } from '../errors'

/** What a live read is told: the network, endpoints, deadlines, retries and the checks it may skip. */
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
