/**
 * The browser entry of `@coretime/chain`: the live reader over the page's own `WebSocket`, the
 * endpoints and the errors, and nothing that needs Node (`./node` holds files and the `ws` class).
 * The web app imports it lazily, so polkadot-api loads only when a user reads a live chain.
 */
export * as Endpoints from './Endpoints'
export { AbortedError, ChainError, ConnectionError, ShapeError } from './errors'
export * as Para from './Para'
export { GENESIS, type ReadOptions, read } from './Reader'
export * as Tx from './Tx'
export { type Watch, type WatchOptions, type WatchStatus, watch } from './Watch'
