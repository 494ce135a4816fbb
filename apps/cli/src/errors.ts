import { BaseError } from '@coretime/core'

/**
 * The CLI's failures at the edges (bad files, bad flags, I/O): core's `BaseError` with an exit code.
 * `main` prints its message on one line and exits with `exitCode`; anything else that escapes is a bug.
 */
export class CliError extends BaseError {
  override name = 'CliError'
  readonly exitCode: number

  constructor(message: string, options: { exitCode?: number; details?: string; cause?: unknown } = {}) {
    super(message, options)
    this.exitCode = options.exitCode ?? 2
  }
}

/** A user's input (file, flag, argument) is wrong. Exit code 2. */
export class UsageError extends CliError {
  override name = 'UsageError'
}

/** Why a file could not be read or written, in words ("no such file", "it is a directory", …). */
export const fsReason = (e: unknown, op: 'read' | 'write' = 'read'): string => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return op === 'read' ? 'no such file' : 'no such directory'
    case 'ENOTDIR':
      return 'a part of the path is not a directory'
    case 'EISDIR':
      return 'it is a directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'EFBIG': {
      const limit = (e as { limit?: number }).limit
      return limit === undefined
        ? 'file too large'
        : `larger than the ${Math.round(limit / 1024 / 1024)} MiB an input file may have`
    }
    default:
      return code ?? (e instanceof Error ? e.message : String(e))
  }
}
