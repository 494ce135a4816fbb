import { ChainError } from '@coretime/chain'
import { CliError } from '../errors'

/**
 * What `devnet` and `oracle` share: both start the real runtime under chopsticks from `--spec FILE`
 * (or a fork), so both map the chain's start failures to the same exit codes and both must leave
 * the process themselves once done (chopsticks' logger and wasm workers keep the event loop alive).
 */

/**
 * Runs `start` (a devnet start or an oracle run); a `ChainError` becomes a one-line `CliError`:
 * a bad chain spec names `--spec` and exits 2 (the user's file), anything else exits 3 (the chain
 * could not be run or read).
 */
export const startingRuntime = async <T>(start: () => Promise<T>): Promise<T> => {
  try {
    return await start()
  } catch (e) {
    if (e instanceof ChainError)
      throw new CliError(e.code === 'BadSpec' ? `--spec ${e.message}` : e.message, {
        exitCode: e.code === 'BadSpec' ? 2 : 3,
        cause: e,
      })
    throw e
  }
}

/** Flushes stdout, then leaves with `code`: chopsticks' workers outlive a closed devnet. */
export const exitAfterRuntime = async (code: number): Promise<void> => {
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  process.exit(code)
}
