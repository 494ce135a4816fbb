import { Endpoints } from '@coretime/chain'
import { DevAccounts, Devnet } from '@coretime/chain/devnet'
import type { Command } from 'commander'
import { exitAfterRuntime, startingRuntime } from '../chain/runtimeOptions'
import { UsageError } from '../errors'
import { parseCount } from '../flags'

type Options = {
  spec?: string
  fork?: string
  block?: string
  port?: string
  blockMode?: string
  verbose?: boolean
}

/**
 * `coretime devnet`: a local Coretime chain running the real runtime (chopsticks, an optional
 * dependency), from a raw chain spec or a fork of a live chain. Prints its ws:// address first;
 * Ctrl-C stops it and leaves nothing behind (no files: everything is in memory). docs/devnet.md
 */
export const registerDevnet = (program: Command): void => {
  program
    .command('devnet')
    .description('run a local Coretime chain with the real runtime (chopsticks): --spec FILE or --fork URL')
    .option('--spec <file>', 'a raw chain spec (offline), e.g. a Coretime chain spec with Sudo')
    .option('--fork <ws>', 'fork a live chain at its head, e.g. wss://polkadot-coretime-rpc.polkadot.io')
    .option('--block <n>', 'with --fork: fork at this block number instead of the head')
    .option('--port <n>', 'port to serve on (default: a free one)', '0')
    .option(
      '--block-mode <mode>',
      'instant (a block per transaction) or manual (blocks on dev_newBlock)',
      'instant',
    )
    .option('--verbose', "chopsticks' own log on stderr")
    .action((opts: Options) => devnet(opts))
}

export const devnet = async (opts: Options): Promise<void> => {
  if ((opts.spec === undefined) === (opts.fork === undefined))
    throw new UsageError('devnet: give exactly one of --spec FILE or --fork URL')
  if (opts.fork !== undefined && !Endpoints.isValid(opts.fork))
    throw new UsageError(`--fork: expected a ws:// or wss:// URL, got "${opts.fork}"`)
  if (opts.block !== undefined && opts.fork === undefined) throw new UsageError('--block: only with --fork')
  const block = opts.block === undefined ? undefined : parseCount('--block', opts.block, 0, 2 ** 32 - 1)
  const port = parseCount('--port', opts.port ?? '0', 0, 65_535)
  const blockMode = opts.blockMode
  if (blockMode !== 'instant' && blockMode !== 'manual')
    throw new UsageError(`--block-mode: expected instant or manual, got "${blockMode}"`)
  if (opts.verbose) process.env.LOG_LEVEL = 'info'

  const net = await startingRuntime(() =>
    Devnet.start({
      ...(opts.spec === undefined ? {} : { spec: opts.spec }),
      ...(opts.fork === undefined ? {} : { fork: opts.fork }),
      ...(block === undefined ? {} : { block }),
      port,
      blockMode,
    }),
  )
  process.stdout.write(`${net.url}\n`)
  const info = await net.info()
  const head = net.head()
  const out = [
    `devnet: ${info.name} (${info.specName} ${info.specVersion}) at block ${head.number}, ${opts.blockMode} blocks`,
    `  from ${opts.spec !== undefined ? `the chain spec ${opts.spec}` : `a fork of ${opts.fork}`}; nothing is written to disk`,
    `  dev accounts funded with 1,000,000 ${info.tokenSymbol} each: ${DevAccounts.NAMES.join(', ')}`,
    '  Ctrl-C stops it',
  ]
  process.stdout.write(`${out.join('\n')}\n`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.removeListener('SIGINT', stop)
      process.removeListener('SIGTERM', stop)
      resolve()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await net.close()
  process.stdout.write('devnet: stopped\n')
  return exitAfterRuntime(0)
}
