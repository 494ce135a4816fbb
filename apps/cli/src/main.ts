import { Command, CommanderError } from 'commander'
import { commands } from './commands/index'
import { BaseError } from './errors'

/** Builds the `coretime` program: every command is a plain function registered from ./commands. */
export const program = (): Command => {
  const cmd = new Command('coretime')
    .description('Coretime Lab: exact model, simulator and planner for Polkadot Agile Coretime')
    .showHelpAfterError()
    .exitOverride()
  for (const register of commands) register(cmd)
  return cmd
}

/** Runs the CLI and returns the exit code. User mistakes print one line on stderr, never a stack. */
export const main = async (argv: string[]): Promise<number> => {
  try {
    await program().parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2
    if (e instanceof BaseError) {
      process.stderr.write(`coretime: ${e.message}\n`)
      return e.exitCode
    }
    throw e
  }
}
