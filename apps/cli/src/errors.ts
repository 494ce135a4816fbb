/**
 * The one error base for failures at the edges (bad files, bad flags, I/O). `main` prints its
 * message on one line and exits with `exitCode`; anything else that escapes is a bug.
 */
export class BaseError extends Error {
  override name = 'BaseError'
  readonly exitCode: number
  readonly details: string | undefined

  constructor(message: string, options: { exitCode?: number; details?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.exitCode = options.exitCode ?? 2
    this.details = options.details
  }
}

/** A user's input (file, flag, argument) is wrong. Exit code 2. */
export class UsageError extends BaseError {
  override name = 'UsageError'
}
