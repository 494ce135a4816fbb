import { Networks } from '@coretime/core'

/** The network select's options, one per entry of core's `Networks`: `['polkadot', 'Polkadot (DOT)']`. */
export const networkOptions = (): [Networks.Network, string][] =>
  Networks.names.map((n) => [n, `${Networks.get(n).label} (${Networks.get(n).token.symbol})`])
