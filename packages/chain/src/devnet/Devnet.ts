import { readFileSync } from 'node:fs'
import { ChainError } from '../errors'
import { type BuildBlockParams, load, type RawBlock, type RawChain } from './Chopsticks'
import * as DevAccounts from './DevAccounts'

/**
 * A local Coretime chain running the real runtime under chopsticks: from a raw chain spec (offline)
 * or by forking a live chain. Manual block production: nothing happens until `newBlock`. Its
 * WebSocket serves both JSON-RPC specs, so polkadot-api and the reader connect to it like to a node.
 * docs/devnet.md; docs/decisions/0007-chopsticks-devnet.md.
 */
export type StartOptions = {
  /** a raw chain spec: a path to the JSON file, or the parsed object */
  readonly spec?: string | RawSpec
  /** fork this ws:// or wss:// endpoint instead (at its head, or at `block`) */
  readonly fork?: string
  readonly block?: number | string
  /** 0 (default): a free port */
  readonly port?: number
  /** default 127.0.0.1 */
  readonly host?: string
  /** `manual` (default): blocks only on `newBlock`; `instant`: one block per submitted transaction */
  readonly blockMode?: 'manual' | 'instant'
  /** free balance each dev account gets, planck; default 10^6 tokens of the chain; `false`: leave balances */
  readonly fund?: bigint | false
}

export type RawSpec = {
  readonly name: string
  readonly id: string
  readonly properties?: Record<string, unknown>
  readonly genesis: { readonly raw: { readonly top: Readonly<Record<string, string>> } }
}

/** What a devnet runs: read from the chain itself once started. */
export type Info = {
  readonly name: string
  readonly specName: string
  readonly specVersion: number
  readonly tokenSymbol: string
  readonly tokenDecimals: number
}

export type BlockRef = { readonly number: number; readonly hash: string }

export type Devnet = {
  /** ws://host:port */
  readonly url: string
  readonly port: number
  /** chopsticks' own chain object, for what this API does not cover */
  readonly chain: RawChain
  readonly head: () => BlockRef
  readonly info: () => Promise<Info>
  /** build one block (with these signed extrinsics, at this relay parent number) */
  readonly newBlock: (params?: BuildBlockParams) => Promise<BlockRef>
  /** `ParachainSystem.LastRelayChainBlockNumber` at the head: the relay parent of the head block */
  readonly relayNumber: () => Promise<number>
  /** write storage at the head: chopsticks' `{ Pallet: { Item: value | [[key, value]] } }` or raw `[key, value | null][]` */
  readonly setStorage: (values: unknown) => Promise<void>
  /** make an earlier block (by number or hash) the head again; later blocks are forgotten */
  readonly setHead: (to: number | string) => Promise<void>
  /** stop serving and drop the chain; idempotent */
  readonly close: () => Promise<void>
}

const CODE_KEY = '0x3a636f6465' // `:code`

/** A raw chain spec file, checked: one clear message when it is not one. */
export const readSpec = (path: string): RawSpec => {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new ChainError(
      'BadSpec',
      `${path}: cannot read the chain spec (${(e as NodeJS.ErrnoException).code ?? e})`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ChainError('BadSpec', `${path}: not JSON (expected a raw chain spec)`)
  }
  return checkSpec(path, json)
}

const checkSpec = (label: string, json: unknown): RawSpec => {
  const s = json as Partial<RawSpec> | null
  if (typeof s !== 'object' || s === null || typeof s.genesis?.raw?.top !== 'object')
    throw new ChainError(
      'BadSpec',
      `${label}: not a raw chain spec (expected genesis.raw.top; build one with --raw)`,
    )
  if (typeof s.genesis.raw.top[CODE_KEY] !== 'string')
    throw new ChainError('BadSpec', `${label}: genesis.raw.top has no :code (the runtime)`)
  return {
    name: String(s.name ?? 'devnet'),
    id: String(s.id ?? 'devnet'),
    ...(s.properties ? { properties: s.properties } : {}),
    genesis: s.genesis,
  } as RawSpec
}

export const start = async (options: StartOptions): Promise<Devnet> => {
  if ((options.spec === undefined) === (options.fork === undefined))
    throw new ChainError('BadDevnetOptions', 'a devnet needs exactly one of a chain spec or a fork endpoint')
  const given =
    options.spec === undefined
      ? undefined
      : typeof options.spec === 'string'
        ? readSpec(options.spec)
        : checkSpec('chain spec', options.spec)
  const spec = given && pinTimestamp(given)
  const chopsticks = await load()
  const host = options.host ?? '127.0.0.1'
  let ctx: Awaited<ReturnType<typeof chopsticks.setupWithServer>>
  try {
    ctx = await chopsticks.setupWithServer({
      ...(spec
        ? { genesis: spec }
        : { endpoint: options.fork, ...(options.block === undefined ? {} : { block: options.block }) }),
      port: options.port ?? 0,
      host,
      'build-block-mode':
        options.blockMode === 'instant'
          ? chopsticks.BuildBlockMode.Instant
          : chopsticks.BuildBlockMode.Manual,
      'mock-signature-host': true,
    })
  } catch (e) {
    throw new ChainError(
      'DevnetFailed',
      `cannot start the devnet${options.fork ? ` (forking ${options.fork})` : ''}: ${(e as Error)?.message ?? e}`,
      { cause: e },
    )
  }
  const chain = ctx.chain
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await ctx.close()
  }
  try {
    const port = Number(ctx.addr.slice(ctx.addr.lastIndexOf(':') + 1))
    if (options.fund !== false) {
      const props = await chain.api.chainProperties
      const decimals = [props.tokenDecimals ?? 10].flat()[0] ?? 10
      const free = options.fund ?? 1_000_000n * 10n ** BigInt(decimals)
      await chopsticks.setStorage(chain, {
        System: {
          Account: DevAccounts.all().map((a) => [
            [a.accountId],
            { nonce: 0, consumers: 0, providers: 1, sufficients: 0, data: { free, reserved: 0, frozen: 0 } },
          ]),
        },
      })
    }
    const ref = (b: RawBlock): BlockRef => ({ number: b.number, hash: b.hash })
    return {
      url: `ws://${host}:${port}`,
      port,
      chain,
      head: () => ref(chain.head),
      info: async () => {
        const [name, props, version] = await Promise.all([
          chain.api.getSystemChain(),
          chain.api.chainProperties,
          chain.head.runtimeVersion,
        ])
        return {
          name,
          specName: version.specName,
          specVersion: version.specVersion,
          tokenSymbol: [props.tokenSymbol ?? 'UNIT'].flat()[0] ?? 'UNIT',
          tokenDecimals: [props.tokenDecimals ?? 10].flat()[0] ?? 10,
        }
      },
      newBlock: async (params) => {
        const before = chain.head.hash
        const b = await chain.newBlock(params)
        if (b.hash === before)
          throw new ChainError(
            'BlockFailed',
            `devnet: block ${b.number + 1} was not built${params?.relayParentNumber === undefined ? '' : ` (relay parent ${params.relayParentNumber}: it must exceed the last one)`}`,
          )
        return ref(b)
      },
      relayNumber: async () => {
        const raw = await chain.head.get(LAST_RELAY_NUMBER)
        return raw === undefined ? 0 : Buffer.from(raw.slice(2), 'hex').readUInt32LE(0)
      },
      setStorage: async (values) => {
        await chopsticks.setStorage(chain, values)
      },
      setHead: async (to) => {
        const block = typeof to === 'number' ? await chain.getBlockAt(to) : await chain.getBlock(to)
        if (!block) throw new ChainError('NoSuchBlock', `devnet: no block ${to}`)
        await chain.setHead(block)
      },
      close,
    }
  } catch (e) {
    await close()
    throw e
  }
}

/** twox128("Timestamp") ++ twox128("Now") */
const TIMESTAMP_NOW = '0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb'
/** twox128("ParachainSystem") ++ twox128("LastRelayChainBlockNumber") */
const LAST_RELAY_NUMBER = '0x45323df7cc47150b3930e2666b0aa313a2bca190d36bd834cc73a38fc213ecbd'

/**
 * A genesis without `Timestamp.Now` makes chopsticks read the wall clock twice for block 1 (the
 * slot digest, then the timestamp inherent); when a slot boundary falls between, Aura panics
 * ("Timestamp slot must match CurrentSlot"). Put a timestamp (a whole number of 12 s) in genesis.
 */
const pinTimestamp = (spec: RawSpec): RawSpec => {
  if (spec.genesis.raw.top[TIMESTAMP_NOW] !== undefined) return spec
  const now = BigInt(Math.floor(Date.now() / 12_000) * 12_000)
  const le = Buffer.alloc(8)
  le.writeBigUInt64LE(now)
  return {
    ...spec,
    genesis: { raw: { top: { ...spec.genesis.raw.top, [TIMESTAMP_NOW]: `0x${le.toString('hex')}` } } },
  }
}
