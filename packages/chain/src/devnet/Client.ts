import { createClient, type PolkadotClient, type PolkadotSigner } from 'polkadot-api'
import { getWsProvider } from 'polkadot-api/ws'
import { websocketClass } from '../node'

/**
 * A polkadot-api client on a devnet, for building signed extrinsics with the runtime's own metadata
 * (the unsafe API: argument names are the runtime's snake_case ones). Moving the devnet's head
 * back kills a connected client: `close` it first and connect a new one.
 */
export type Client = {
  readonly client: PolkadotClient
  readonly api: ReturnType<PolkadotClient['getUnsafeApi']>
  /** `pallet.call(args)` signed by `signer`, as extrinsic hex for `Devnet.newBlock({ transactions })` */
  readonly sign: (
    call: { pallet: string; name: string; args: unknown },
    signer: PolkadotSigner,
    nonce: number,
  ) => Promise<string>
  /** `Sudo.sudo(call)` signed by the sudo key's signer */
  readonly sudo: (
    call: { pallet: string; name: string; args: unknown },
    signer: PolkadotSigner,
    nonce: number,
  ) => Promise<string>
  readonly close: () => void
}

type TxFactory = (args: unknown) => {
  decodedCall: unknown
  sign: (s: PolkadotSigner, o: unknown) => Promise<string | Uint8Array>
}

const hex = (x: string | Uint8Array): string =>
  typeof x === 'string' ? x : `0x${Buffer.from(x).toString('hex')}`

export const connect = (url: string): Client => {
  const client = createClient(getWsProvider(url, { websocketClass }))
  const api = client.getUnsafeApi()
  const txOf = (pallet: string, name: string): TxFactory => {
    const f = (api.tx as unknown as Record<string, Record<string, TxFactory> | undefined>)[pallet]?.[name]
    if (!f) throw new Error(`devnet: no call ${pallet}.${name} in the runtime`)
    return f
  }
  const opts = (nonce: number) => ({ nonce, mortality: { mortal: false } })
  return {
    client,
    api,
    sign: async (call, signer, nonce) =>
      hex(await txOf(call.pallet, call.name)(call.args).sign(signer, opts(nonce))),
    sudo: async (call, signer, nonce) => {
      const inner = txOf(call.pallet, call.name)(call.args).decodedCall
      return hex(await txOf('Sudo', 'sudo')({ call: inner }).sign(signer, opts(nonce)))
    },
    close: () => client.destroy(),
  }
}
