import { Networks } from '@coretime/core'

/**
 * Public JSON-RPC endpoints used when none is given: each network's list in core's `Networks`,
 * tried in turn (docs/chain.md "Endpoints"); `defaults` holds the first of each. Any endpoint that
 * speaks the new JSON-RPC spec works (`--coretime-url`, `--relay-url`).
 */
export type Network = Networks.Network

export type Endpoints = { readonly coretime: string; readonly relay: string }

export const defaults: Readonly<Record<Network, Endpoints>> = Object.fromEntries(
  Networks.names.map((n) => {
    const e = Networks.get(n).endpoints
    return [n, { coretime: e.coretime[0], relay: e.relay[0] }]
  }),
) as Record<Network, Endpoints>

export const of = (network: Network, override: Partial<Endpoints> = {}): Endpoints => ({
  coretime: override.coretime ?? defaults[network].coretime,
  relay: override.relay ?? defaults[network].relay,
})

/** The endpoints of each chain, tried in turn. */
export type Lists = { readonly coretime: readonly string[]; readonly relay: readonly string[] }

/** What the caller gives per chain: one endpoint or a list tried in turn (replaces the network's). */
export type Override = {
  readonly coretime?: string | readonly string[]
  readonly relay?: string | readonly string[]
}

const listOf = (
  given: string | readonly string[] | undefined,
  fallback: readonly string[],
): readonly string[] =>
  given === undefined ? fallback : typeof given === 'string' ? [given] : given.length > 0 ? given : fallback

export const listsOf = (network: Network, override: Override = {}): Lists => {
  const e = Networks.get(network).endpoints
  return { coretime: listOf(override.coretime, e.coretime), relay: listOf(override.relay, e.relay) }
}

/** The endpoints of attempt `n` (from 0): each chain's list in turn, from its start again once used up. */
export const at = (lists: Lists, n: number): Endpoints => ({
  coretime: lists.coretime[n % lists.coretime.length]!,
  relay: lists.relay[n % lists.relay.length]!,
})

/** `ws://` or `wss://` with a host; anything else is refused before connecting. */
export const isValid = (url: string): boolean => {
  try {
    const u = new URL(url)
    return (u.protocol === 'ws:' || u.protocol === 'wss:') && u.host !== ''
  } catch {
    return false
  }
}
