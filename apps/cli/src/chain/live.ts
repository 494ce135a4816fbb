import { AbortedError, ChainError, Endpoints, Reader, type Snapshot } from '@coretime/chain'
import { readSnapshot, websocketClass } from '@coretime/chain/node'
import type { Command } from 'commander'
import { CliError, UsageError } from '../errors'
import { parseCount, parseNetwork } from '../flags'

/**
 * Live chain access for the commands (status, snapshot, plan, simulate): the connection flags, a
 * read that Ctrl-C cancels (exit 130, nothing written) and chain failures as one-line errors
 * (exit 3: the chain could not be read; exit 2: a bad flag or file).
 */
export type LiveOptions = {
  network?: string
  /** a flag gives one URL; CORETIME_ENDPOINT may give a list (../env.ts), tried in turn */
  coretimeUrl?: string | string[]
  relayUrl?: string | string[]
  endpoint?: string
  timeout?: string
  retries?: string
}

export const addLiveOptions = (cmd: Command): Command =>
  cmd
    .option('--coretime-url <ws>', 'Coretime chain endpoint (default: the public one of --network)')
    .option('--relay-url <ws>', 'relay chain endpoint (default: the public one of --network)')
    .option(
      '--endpoint <ws>',
      'a Coretime chain alone, e.g. a `coretime devnet`: no relay is read, any genesis',
    )
    .option('--timeout <s>', 'give up an attempt after this many seconds', '30')
    .option('--retries <n>', 'retries after a timeout or a dropped connection (backoff 1 s, 2 s, …)', '2')

/** Exit code of a chain failure. */
export const CHAIN_EXIT = 3
export const INTERRUPTED_EXIT = 130

export class ChainFailure extends CliError {
  override name = 'ChainFailure'
}

export const readLive = async (opts: LiveOptions): Promise<Snapshot.Snapshot> => {
  const network = parseNetwork(opts.network)
  const timeoutS = parseCount('--timeout', opts.timeout ?? '30', 1, 3600)
  const retries = parseCount('--retries', opts.retries ?? '2', 0, 10)
  for (const [flag, v] of [
    ['--coretime-url', opts.coretimeUrl],
    ['--relay-url', opts.relayUrl],
    ['--endpoint', opts.endpoint],
  ] as const)
    for (const url of v === undefined ? [] : typeof v === 'string' ? [v] : v)
      if (!Endpoints.isValid(url))
        throw new UsageError(`${flag}: expected a ws:// or wss:// URL, got "${url}"`)
  if (opts.endpoint !== undefined && (opts.coretimeUrl !== undefined || opts.relayUrl !== undefined))
    throw new UsageError('--endpoint: give either --endpoint or --coretime-url/--relay-url')
  const ac = new AbortController()
  const onSigint = () => ac.abort()
  process.once('SIGINT', onSigint)
  try {
    return await Reader.read({
      network,
      endpoints: {
        ...(opts.coretimeUrl === undefined ? {} : { coretime: opts.coretimeUrl }),
        ...(opts.relayUrl === undefined ? {} : { relay: opts.relayUrl }),
        ...(opts.endpoint === undefined ? {} : { coretime: opts.endpoint }),
      },
      ...(opts.endpoint === undefined ? {} : { noRelay: true, anyChain: true }),
      timeoutMs: timeoutS * 1000,
      retries,
      signal: ac.signal,
      websocketClass,
      onRetry: ({ attempt, delayMs, error, next }) =>
        process.stderr.write(
          `coretime: ${error.message}; ${delayMs === 0 ? `trying ${opts.endpoint === undefined ? `${next.coretime} and ${next.relay}` : next.coretime}` : `retrying in ${delayMs / 1000} s`} (attempt ${attempt + 1} of ${retries + 1})\n`,
        ),
    })
  } catch (e) {
    if (e instanceof AbortedError)
      throw new ChainFailure('interrupted; nothing was written', { exitCode: INTERRUPTED_EXIT, cause: e })
    if (e instanceof ChainError) throw new ChainFailure(e.message, { exitCode: CHAIN_EXIT, cause: e })
    throw e
  } finally {
    process.removeListener('SIGINT', onSigint)
  }
}

/** A snapshot file as a one-line usage error when bad. */
export const loadSnapshot = (flag: string, path: string): Snapshot.Snapshot => {
  try {
    return readSnapshot(path)
  } catch (e) {
    if (e instanceof ChainError) throw new UsageError(`${flag}: ${e.message}`, { cause: e })
    throw e
  }
}
