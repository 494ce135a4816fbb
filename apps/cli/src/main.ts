import { Command, CommanderError } from 'commander'
import pkg from '../package.json' with { type: 'json' }
import { commands } from './commands/index'
import { applyEnv, HELP } from './env'
import { CliError } from './errors'

/**
 * Commander's own errors (unknown option, missing argument, …) as one `coretime: …` line that
 * points at the help, like every other bad input.
 */
export const oneLine = (message: string, help: string): string =>
  `coretime: ${message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim()} (see \`${help}\`)\n`

/**
 * Builds the `coretime` program: every command is a plain function registered from ./commands.
 * `argv` only picks the help an error points at (`coretime plan --help` for `coretime plan …`).
 */
export const program = (argv: readonly string[] = []): Command => {
  const cmd: Command = new Command('coretime')
    .description('Coretime Lab: exact model, simulator and planner for Polkadot Agile Coretime')
    .version(pkg.version, '-V, --version', 'print the version of coretime')
    .configureOutput({
      outputError: (message, write) => {
        const sub = cmd.commands.find((c) => c.name() === argv[2])
        write(oneLine(message, sub ? `coretime ${sub.name()} --help` : 'coretime --help'))
      },
    })
    .exitOverride()
    .addHelpText('after', HELP)
    // environment variables fill the flags a command line left out (./env.ts)
    .hook('preAction', (_root, action) => applyEnv(action))
  for (const register of commands) register(cmd)
  return cmd
}

/**
 * A closed stdout (`coretime simulate … | head`) ends the command quietly, exit 0: whatever it
 * would still print can no longer be read. Any other stream error is a bug and stays loud. Set by
 * the process edge (bin/coretime.js), not by `main`, which also runs inside tests.
 */
const guarded = new WeakSet<NodeJS.WriteStream>()
export const quietOnClosedPipe = (stream: NodeJS.WriteStream = process.stdout): void => {
  if (guarded.has(stream)) return
  guarded.add(stream)
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e
    process.exit(0)
  })
}

/** Runs the CLI and returns the exit code. User mistakes print one line on stderr, never a stack. */
export const main = async (argv: string[]): Promise<number> => {
  try {
    await program(argv).parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2
    if (e instanceof CliError) {
      process.stderr.write(`coretime: ${e.message}\n`)
      return e.exitCode
    }
    throw e
  }
}
