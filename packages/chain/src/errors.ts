import { BaseError } from '@coretime/core'

/**
 * Failures at the chain edge: core's `BaseError` (message, details, cause) with a `code`, and small
 * named subclasses. Expected problems a caller can act on, never bugs.
 */
export class ChainError extends BaseError {
  override name = 'ChainError'
  readonly code: string

  constructor(code: string, message: string, options: { details?: string; cause?: unknown } = {}) {
    super(message, options)
    this.code = code
  }
}

/** The endpoint could not be reached, answered too slowly, or dropped the connection. */
export class ConnectionError extends ChainError {
  override name = 'ConnectionError'
  constructor(
    code: 'Timeout' | 'Disconnected' | 'Unreachable' | 'BadAnswer',
    message: string,
    options: { details?: string; cause?: unknown } = {},
  ) {
    super(code, message, options)
  }
}

/** A chain value did not have the shape this code maps (a runtime change): never a wrong number. */
export class ShapeError extends ChainError {
  override name = 'ShapeError'
  /** e.g. `Broker.SaleInfo` */
  readonly item: string
  constructor(item: string, why: string, options: { cause?: unknown } = {}) {
    super('UnexpectedShape', `unexpected shape of ${item}: ${why}`, options)
    this.item = item
  }
}

/** The read was cancelled (Ctrl-C). */
export class AbortedError extends ChainError {
  override name = 'AbortedError'
  constructor() {
    super('Aborted', 'interrupted')
  }
}

/** A snapshot file that is not a valid `coretime-snapshot/1`. */
export class SnapshotError extends ChainError {
  override name = 'SnapshotError'
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('InvalidSnapshot', message, options)
  }
}
