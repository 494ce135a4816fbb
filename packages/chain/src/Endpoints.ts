/**
 * Public JSON-RPC endpoints used when none is given (docs/chain.md "Endpoints"). Any endpoint that
 * speaks the new JSON-RPC spec works (`--coretime-url`, `--relay-url`).
 */
export type Network = 'polkadot' | 'kusama'

export type Endpoints = { readonly coretime: string; readonly relay: string }

export const defaults: Readonly<Record<Network, Endpoints>> = {
  polkadot: {
    coretime: 'wss://polkadot-coretime-rpc.polkadot.io',
    relay: 'wss://rpc.polkadot.io',
  },
  kusama: {
    coretime: 'wss://kusama-coretime-rpc.polkadot.io',
    relay: 'wss://kusama-rpc.polkadot.io',
  },
}

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
