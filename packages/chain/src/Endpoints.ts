import { Networks } from '@coretime/core'

/**
 * Public JSON-RPC endpoints used when none is given: the first of each network's list in core's
 * `Networks` (docs/chain.md "Endpoints"). Any endpoint that speaks the new JSON-RPC spec works
 * (`--coretime-url`, `--relay-url`).
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

/** `ws://` or `wss://` with a host; anything else is refused before connecting. */
export const isValid = (url: string): boolean => {
  try {
    const u = new URL(url)
    return (u.protocol === 'ws:' || u.protocol === 'wss:') && u.host !== ''
  } catch {
    return false
  }
}
