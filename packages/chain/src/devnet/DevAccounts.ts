import { Ss58 } from '@coretime/core'
import { sr25519CreateDerive } from '@polkadot-labs/hdkd'
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from '@polkadot-labs/hdkd-helpers'
import { getPolkadotSigner, type PolkadotSigner } from 'polkadot-api/signer'

/**
 * The standard development accounts (`//Alice` … `//Ferdie` from the dev phrase, sr25519): what a
 * devnet funds and what tests sign with. Real keys: their signatures verify on any chain.
 */
export const NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const
export type Name = (typeof NAMES)[number]

export type DevAccount = {
  readonly name: Name
  /** 32-byte public key = AccountId32 */
  readonly publicKey: Uint8Array
  /** 0x-hex of the public key */
  readonly accountId: string
  /** SS58 with the generic prefix 42 */
  readonly address: string
  readonly sign: (message: Uint8Array) => Uint8Array
  /** a polkadot-api signer */
  readonly signer: PolkadotSigner
}

let derive: ((path: string) => { publicKey: Uint8Array; sign: (m: Uint8Array) => Uint8Array }) | undefined
const cache = new Map<Name, DevAccount>()

export const get = (name: Name): DevAccount => {
  const hit = cache.get(name)
  if (hit) return hit
  derive ??= sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)))
  const pair = derive(`//${name}`)
  const account: DevAccount = {
    name,
    publicKey: pair.publicKey,
    accountId: `0x${Buffer.from(pair.publicKey).toString('hex')}`,
    address: Ss58.encode(pair.publicKey, Ss58.GENERIC),
    sign: (m) => pair.sign(m),
    signer: getPolkadotSigner(pair.publicKey, 'Sr25519', (m) => pair.sign(m)),
  }
  cache.set(name, account)
  return account
}

export const all = (): readonly DevAccount[] => NAMES.map(get)
