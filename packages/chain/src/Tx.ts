import type { PolkadotClient, PolkadotSigner } from 'polkadot-api'
import { getPolkadotSigner } from 'polkadot-api/signer'

/**
 * Transactions on the Coretime chain over polkadot-api's unsafe API (the runtime's own metadata,
 * snake_case argument names): the broker calls a team makes, the fee estimate before signing, and
 * the outcome once the transaction is in a block — its events, or the pallet's error by name. The
 * signer is whatever the caller holds (an injected wallet extension in the web app, dev keys in
 * tests); nothing here sees a key.
 */
export type Call = { readonly pallet: string; readonly name: string; readonly args: unknown }

export type RegionId = { readonly begin: number; readonly core: number; readonly mask: bigint }

/** A core mask as the unsafe API takes it: `0x` + 20 hex digits (80 bits). */
const maskHex = (mask: bigint) => `0x${mask.toString(16).padStart(20, '0')}`
const region = (id: RegionId) => ({ begin: id.begin, core: id.core, mask: maskHex(id.mask) })
const broker = (name: string, args: unknown): Call => ({ pallet: 'Broker', name, args })

/** The calls, as the runtime names them (pallet-broker lib.rs; pallet-balances for funding). */
export const calls = {
  renew: (core: number) => broker('renew', { core }),
  purchase: (priceLimit: bigint) => broker('purchase', { price_limit: priceLimit }),
  assign: (id: RegionId, task: number, finality: 'Final' | 'Provisional') =>
    broker('assign', { region_id: region(id), task, finality: { type: finality, value: undefined } }),
  transfer: (id: RegionId, newOwner: string) =>
    broker('transfer', { region_id: region(id), new_owner: newOwner }),
  partition: (id: RegionId, pivot: number) => broker('partition', { region_id: region(id), pivot }),
  interlace: (id: RegionId, pivot: bigint) =>
    broker('interlace', { region_id: region(id), pivot: maskHex(pivot) }),
  enableAutoRenew: (core: number, task: number, workloadEndHint: number | undefined) =>
    broker('enable_auto_renew', { core, task, workload_end_hint: workloadEndHint }),
  /** `Balances.transfer_keep_alive`: fund an account (a para's sovereign account) */
  fund: (dest: string, value: bigint) =>
    ({
      pallet: 'Balances',
      name: 'transfer_keep_alive',
      args: { dest: { type: 'Id', value: dest }, value },
    }) as Call,
} as const

type TxLike = {
  getEncodedData(): Promise<Uint8Array>
  getEstimatedFees(from: string): Promise<bigint>
  signSubmitAndWatch(
    signer: PolkadotSigner,
    o?: unknown,
  ): {
    subscribe(o: { next: (e: TxEventLike) => void; error: (e: unknown) => void; complete?: () => void }): {
      unsubscribe(): void
    }
  }
}
type TxEventLike = {
  type: string
  found?: boolean
  ok?: boolean
  events?: { type: string; value: { type: string; value: unknown } }[]
  dispatchError?: { type: string; value: unknown }
  block?: { hash: string; number: number; index: number }
}

const txOf = (client: PolkadotClient, call: Call): TxLike | undefined => {
  const api = client.getUnsafeApi()
  const f = (api.tx as unknown as Record<string, Record<string, (a: unknown) => TxLike> | undefined>)[
    call.pallet
  ]?.[call.name]
  return f?.(call.args)
}

const hexOf = (u: Uint8Array): string => `0x${Array.from(u, (b) => b.toString(16).padStart(2, '0')).join('')}`

export type Prepared = {
  /** SCALE call data, 0x-hex (what Apps decodes) */
  readonly callData: string
  /** the fee estimate for `from`, planck (`TransactionPaymentApi`, at the finalized block) */
  readonly fee: bigint
}

export type TxError = {
  /** the pallet's error name (`Overpriced`, `SoldOut`, `NotAllowed`…), or Rejected, Invalid, NoSuchCall, Failed */
  readonly code: string
  readonly message: string
}
export type TxEvent = { readonly pallet: string; readonly name: string; readonly fields: unknown }
export type Outcome =
  | {
      readonly ok: true
      readonly block: { readonly hash: string; readonly number: number }
      readonly events: readonly TxEvent[]
    }
  | {
      readonly ok: false
      readonly error: TxError
      /** set when the transaction was included and failed in dispatch */
      readonly block?: { readonly hash: string; readonly number: number }
      readonly events?: readonly TxEvent[]
    }

const noSuchCall = (call: Call): TxError => ({
  code: 'NoSuchCall',
  message: `the runtime has no call ${call.pallet}.${call.name}`,
})

/** Call data and the fee estimate, before anything is signed. */
export const prepare = async (
  client: PolkadotClient,
  call: Call,
  from: string,
): Promise<{ ok: true; value: Prepared } | { ok: false; error: TxError }> => {
  const tx = txOf(client, call)
  if (!tx) return { ok: false, error: noSuchCall(call) }
  try {
    const [data, fee] = await Promise.all([tx.getEncodedData(), tx.getEstimatedFees(from)])
    return { ok: true, value: { callData: hexOf(data), fee } }
  } catch (e) {
    return { ok: false, error: { code: 'Invalid', message: messageOf(e) } }
  }
}

/** The event list of a transaction as `{ pallet, name, fields }`. */
const eventsOf = (e: TxEventLike): TxEvent[] =>
  (e.events ?? []).map((x) => ({ pallet: x.type, name: x.value.type, fields: x.value.value }))

/** `DispatchError` as an error: a module error by its name (`Broker.Overpriced` → `Overpriced`). */
export const dispatchErrorOf = (d: { type: string; value: unknown }): TxError => {
  if (d.type === 'Module') {
    const m = d.value as { type?: string; value?: { type?: string } } | undefined
    if (m?.type && m.value?.type)
      return { code: m.value.type, message: `${m.type}.${m.value.type}: the call failed; nothing changed` }
  }
  const inner = (d.value as { type?: string } | undefined)?.type
  const name = inner ? `${d.type}.${inner}` : d.type
  return { code: inner ?? d.type, message: `${name}: the call failed; nothing changed` }
}

const messageOf = (e: unknown): string => {
  const m = (e as { message?: unknown })?.message
  return typeof m === 'string' ? m : String(e)
}

/**
 * Signs with `signer`, submits, and settles once the transaction is in a best block: its events, or
 * the pallet's error by name. A signer that throws (the user cancelled in the extension) gives
 * `Rejected`; a transaction the chain refuses before a block (no funds for the fee, a bad proof)
 * gives `Invalid`. `onProgress` hears `signing`, `broadcast` and `included`.
 */
export const submit = (
  client: PolkadotClient,
  call: Call,
  signer: PolkadotSigner,
  onProgress?: (step: 'signing' | 'broadcast' | 'included') => void,
): Promise<Outcome> =>
  new Promise((resolve) => {
    const tx = txOf(client, call)
    if (!tx) return resolve({ ok: false, error: noSuchCall(call) })
    let signed = false
    let done = false
    onProgress?.('signing')
    const sub = tx.signSubmitAndWatch(signer).subscribe({
      next: (e) => {
        if (done) return
        if (e.type === 'signed') signed = true
        if (e.type === 'broadcasted') onProgress?.('broadcast')
        if ((e.type === 'txBestBlocksState' && e.found) || e.type === 'finalized') {
          done = true
          onProgress?.('included')
          const block = { hash: e.block?.hash ?? '', number: e.block?.number ?? 0 }
          resolve(
            e.ok
              ? { ok: true, block, events: eventsOf(e) }
              : {
                  ok: false,
                  error: dispatchErrorOf(e.dispatchError ?? { type: 'Other', value: undefined }),
                  block,
                  events: eventsOf(e),
                },
          )
          queueMicrotask(() => sub?.unsubscribe())
        }
      },
      error: (err) => {
        if (done) return
        done = true
        const message = messageOf(err)
        if ((err as { name?: string })?.name === 'InvalidTxError')
          resolve({
            ok: false,
            error: { code: 'Invalid', message: `the chain refused the transaction: ${invalidOf(err)}` },
          })
        else if (!signed)
          resolve({
            ok: false,
            error: { code: 'Rejected', message: `not signed: ${message}; nothing was sent` },
          })
        else resolve({ ok: false, error: { code: 'Failed', message } })
      },
    })
  })

/** `{ type: 'Invalid', value: { type: 'Payment' } }` → `Invalid.Payment` */
const invalidOf = (e: unknown): string => {
  const x = (e as { error?: { type?: string; value?: { type?: string } } }).error
  return x?.type ? [x.type, x.value?.type].filter(Boolean).join('.') : messageOf(e)
}

/**
 * A signer for any account that only a devnet accepts: chopsticks' mock signature host takes
 * `0xdeadbeef` followed by `0xcd` bytes as a valid signature for every account (docs/devnet.md).
 * Used to act as a para's sovereign account, whose key nobody holds.
 */
export const devnetSigner = (publicKey: Uint8Array): PolkadotSigner =>
  getPolkadotSigner(publicKey, 'Sr25519', async () => {
    const sig = new Uint8Array(64).fill(0xcd)
    sig.set([0xde, 0xad, 0xbe, 0xef])
    return sig
  })
