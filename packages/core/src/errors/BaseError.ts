/**
 * The one root of every error the house throws (viem's `BaseError`): a one-line `message`, optional
 * `details` (more for whoever debugs it) and an optional `cause`. Expected failures are not thrown:
 * they are data, `{ ok: false, error: { code, … } }` (errors/Result.ts). Each package adds small
 * named subclasses for its edge: sim `SimulationError`/`SweepError`, chain `ChainError` (with a
 * `code`), cli `CliError` (with an exit code). Core itself throws only `InvariantError`.
 */
export type BaseErrorOptions = { readonly details?: string | undefined; readonly cause?: unknown }

export class BaseError extends Error {
  override name = 'BaseError'
  readonly details: string | undefined

  constructor(message: string, options: BaseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.details = options.details
  }
}

/**
 * A precondition or rule of the model was broken by its caller (a zero denominator, a 31-byte
 * account, a call missing from the table): a bug in the calling code, never bad user input, which
 * is validated at the edges and reported as data.
 */
export class InvariantError extends BaseError {
  override name = 'InvariantError'
}
