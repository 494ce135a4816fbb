import type { ViewState } from '../state'
import type { Rfc17Outcome } from './model'
import type { Rfc17View } from './state'

/** Page → RFC-17 worker (latest id wins), and back. */
export type Rfc17Request = { id: number; state: ViewState; rfc17: Rfc17View }
export type Rfc17Response = { id: number; outcome: Rfc17Outcome; ms: number }
