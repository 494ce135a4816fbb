import { ChainError } from '../errors'

/**
 * chopsticks (`@acala-network/chopsticks`, ~270 MB installed) is an optional peer dependency:
 * only `coretime devnet`, the oracle and the tests that start a devnet load it, lazily. The module
 * name is not a literal so that TypeScript and Vite never try to resolve it.
 */
export const PACKAGE = '@acala-network/chopsticks'
/** the version the devnet and the oracle were checked with (docs/devnet.md) */
export const VERSION = '1.5.1'
export const INSTALL = `npm install ${PACKAGE}@${VERSION}`

/** The part of chopsticks' API this code uses (typed here so the package stays optional). */
export type BuildBlockParams = {
  readonly transactions?: readonly string[]
  readonly relayParentNumber?: number
  readonly downwardMessages?: readonly { readonly sentAt: number; readonly msg: string }[]
}
export type RawBlock = {
  readonly number: number
  readonly hash: string
  get(key: string): Promise<string | undefined>
  getKeysPaged(o: { prefix: string; pageSize: number; startKey: string }): Promise<string[]>
  readonly extrinsics: Promise<string[]> | string[]
  readonly runtimeVersion: Promise<{ specName: string; specVersion: number }>
}
export type RawChain = {
  readonly head: RawBlock
  newBlock(params?: BuildBlockParams): Promise<RawBlock>
  getBlockAt(number?: number | null): Promise<RawBlock | undefined>
  getBlock(hash?: string): Promise<RawBlock | undefined>
  setHead(block: RawBlock): Promise<void>
  readonly txPool: { readonly event: { on(e: string, f: (a: unknown) => void): void } }
  readonly api: {
    readonly chainProperties: Promise<{
      tokenDecimals?: number[]
      tokenSymbol?: string[]
      ss58Format?: number
    }>
    getSystemChain(): Promise<string>
  }
}
type Config = Record<string, unknown>
export type ChopsticksModule = {
  setupWithServer(config: Config): Promise<{ addr: string; chain: RawChain; close(): Promise<void> }>
  setStorage(chain: RawChain, storage: unknown, blockHash?: string): Promise<string>
  timeTravel(chain: RawChain, timestamp: number): Promise<void>
  BuildBlockMode: { Manual: string; Instant: string; Batch: string }
}

let loaded: Promise<ChopsticksModule> | undefined

/** Loads chopsticks once; a missing package is a `ChainError` whose message names the install command. */
export const load = (name: string = PACKAGE): Promise<ChopsticksModule> => {
  // chopsticks reads these when its modules load: quiet logs, no plugins (faster start)
  process.env.LOG_LEVEL ??= 'fatal'
  process.env.DISABLE_PLUGINS ??= 'true'
  if (name !== PACKAGE) loaded = undefined
  loaded ??= (import(/* @vite-ignore */ name) as Promise<ChopsticksModule>).catch((e: unknown) => {
    loaded = undefined
    const code = (e as { code?: string })?.code
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new ChainError(
        'ChopsticksMissing',
        `a devnet needs chopsticks, which is not installed: run \`${INSTALL}\``,
        {
          cause: e,
        },
      )
    throw new ChainError('ChopsticksFailed', `chopsticks failed to load: ${(e as Error)?.message ?? e}`, {
      cause: e,
    })
  })
  return loaded
}
