import { Blake2256, compact, u32 } from '@polkadot-api/substrate-bindings'
import * as DevAccounts from '../devnet/DevAccounts'

/**
 * A test wallet extension for browser tests: `window.injectedWeb3[NAME]` in the polkadot-js shape
 * that polkadot-api's `connectInjectedExtension` reads (`enable()` → `accounts.get/subscribe` and a
 * `signer` with `signPayload`/`signRaw`), signing in Node with the real sr25519 dev keys — the
 * devnet verifies the signatures. The page never sees a key: signing goes through a function the
 * test exposes (`page.exposeFunction(SIGN_FN, sign)`), which can also refuse like a user would.
 */
export const NAME = 'coretime-test-wallet'
/** the page-side name of the Node signing function */
export const SIGN_FN = '__coretimeTestWalletSign'

/** polkadot-js `SignerPayloadJSON`, the fields polkadot-api's pjs signer fills */
export type PayloadJson = {
  readonly address: string
  readonly method: string
  readonly signedExtensions: readonly string[]
  readonly era?: string
  readonly blockHash?: string
  readonly genesisHash?: string
  readonly nonce?: string
  readonly tip?: string
  readonly specVersion?: string
  readonly transactionVersion?: string
  readonly mode?: number
  readonly metadataHash?: string
  readonly assetId?: string
}

const fromHex = (h: string): Uint8Array => {
  const s = h.startsWith('0x') ? h.slice(2) : h
  return Uint8Array.from({ length: s.length / 2 }, (_, i) => Number.parseInt(s.slice(2 * i, 2 * i + 2), 16))
}
const toHex = (u: Uint8Array): string => `0x${Buffer.from(u).toString('hex')}`
const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
const need = (json: PayloadJson, field: keyof PayloadJson): string => {
  const v = json[field]
  if (typeof v !== 'string') throw new Error(`test wallet: payload has no ${field}`)
  return v
}

/**
 * The bytes a wallet signs for a payload (the signing payload of an extrinsic v4): the call, then each
 * signed extension's explicit part in order, then each one's implicit part in order; hashed with
 * blake2-256 when longer than 256 bytes. Extensions not listed here carry nothing (polkadot-api
 * refuses to send a payload to an extension otherwise).
 */
export const payloadBytes = (json: PayloadJson): Uint8Array => {
  const explicit: Uint8Array[] = []
  const implicit: Uint8Array[] = []
  for (const id of json.signedExtensions) {
    switch (id) {
      case 'CheckSpecVersion':
        implicit.push(u32.enc(Number(need(json, 'specVersion'))))
        break
      case 'CheckTxVersion':
        implicit.push(u32.enc(Number(need(json, 'transactionVersion'))))
        break
      case 'CheckGenesis':
        implicit.push(fromHex(need(json, 'genesisHash')))
        break
      case 'CheckMortality':
      case 'CheckEra':
        explicit.push(fromHex(need(json, 'era')))
        implicit.push(fromHex(need(json, 'blockHash')))
        break
      case 'CheckNonce':
        explicit.push(compact.enc(Number(need(json, 'nonce'))))
        break
      case 'ChargeTransactionPayment':
        explicit.push(compact.enc(BigInt(need(json, 'tip'))))
        break
      case 'ChargeAssetTxPayment':
        explicit.push(compact.enc(BigInt(need(json, 'tip'))))
        explicit.push(json.assetId ? concat([Uint8Array.of(1), fromHex(json.assetId)]) : Uint8Array.of(0))
        break
      case 'CheckMetadataHash':
        explicit.push(Uint8Array.of(json.mode ?? 0))
        implicit.push(
          json.mode && json.metadataHash
            ? concat([Uint8Array.of(1), fromHex(json.metadataHash)])
            : Uint8Array.of(0),
        )
        break
      default:
        break
    }
  }
  const bytes = concat([fromHex(json.method), ...explicit, ...implicit])
  return bytes.length > 256 ? Blake2256(bytes) : bytes
}

/** What the extension answers: the signature with its MultiSignature tag (0x01 = sr25519). */
export const sign = (json: PayloadJson): { signature: string } => {
  const account = DevAccounts.all().find((a) => a.address === json.address)
  if (!account) throw new Error(`test wallet: no dev account ${json.address}`)
  return { signature: toHex(concat([Uint8Array.of(1), account.sign(payloadBytes(json))])) }
}

/**
 * The page script that installs the extension (`page.addInitScript`): the given dev accounts, and
 * a signer that forwards to `window[SIGN_FN]` (the Node side), whose `{ error }` answer is thrown as
 * an extension's refusal (`Cancelled`).
 */
export const initScript = (names: readonly DevAccounts.Name[]): string => {
  const accounts = names.map((n) => ({ address: DevAccounts.get(n).address, name: n, type: 'sr25519' }))
  return `(() => {
  const accounts = ${JSON.stringify(accounts)};
  const call = async (kind, payload) => {
    const r = await window[${JSON.stringify(SIGN_FN)}](kind, payload);
    if (r && r.error) throw new Error(r.error);
    return { id: 1, signature: r.signature };
  };
  window.injectedWeb3 = Object.assign(window.injectedWeb3 || {}, {
    ${JSON.stringify(NAME)}: {
      version: '0.0.1',
      enable: async () => ({
        accounts: { get: async () => accounts, subscribe: (cb) => { cb(accounts); return () => {} } },
        signer: {
          signPayload: (payload) => call('payload', payload),
          signRaw: (raw) => call('raw', raw),
        },
      }),
    },
  });
})();`
}

/** The Node side of the signer: `payload` signs; raw bytes sign as given (`<Bytes>` wrapping left out). */
export const signRequest = (kind: 'payload' | 'raw', payload: unknown): { signature: string } => {
  if (kind === 'payload') return sign(payload as PayloadJson)
  const raw = payload as { address: string; data: string }
  const account = DevAccounts.all().find((a) => a.address === raw.address)
  if (!account) throw new Error(`test wallet: no dev account ${raw.address}`)
  return { signature: toHex(concat([Uint8Array.of(1), account.sign(fromHex(raw.data))])) }
}
