import { Para, Tx, type WatchStatus, watch } from '@coretime/chain/browser'
import type { Snapshot } from '@coretime/chain/snapshot'
import type { Networks } from '@coretime/core'
import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer'
import { myParaCard } from '../ui/myPara'
import { signCard } from '../ui/sign'

/**
 * A live session, loaded with the live-chain chunk (never on the first load): `@coretime/chain`'s
 * `watch` on the endpoints read, each new block's snapshot handed to Now, My parachain and the
 * signing card, the connection's state told as it changes. One session at a time: a new read or a
 * snapshot file stops it.
 */
export type SessionOptions = {
  readonly network: Networks.Network
  readonly coretime: string
  /** none: a devnet (the Coretime chain alone, any genesis) */
  readonly relay?: string
  /** where My parachain and Sign and submit go */
  readonly mount: HTMLElement
  readonly onSnapshot: (s: Snapshot) => void
  readonly onStatus: (s: WatchStatus) => void
}

export type Session = { readonly stop: () => void }

export const startSession = (o: SessionOptions): Session => {
  let stopped = false
  let para: ReturnType<typeof myParaCard> | null = null
  let sign: ReturnType<typeof signCard> | null = null
  const w = watch({
    network: o.network,
    coretime: o.coretime,
    ...(o.relay ? { relay: o.relay } : { anyChain: true }),
    onSnapshot: (s) => {
      if (stopped) return
      o.onSnapshot(s)
      para?.update(s)
      sign?.update(s)
    },
    onStatus: (s) => {
      if (!stopped) o.onStatus(s)
    },
    onError: (e) => {
      if (!stopped) o.onStatus({ kind: 'lost', message: `Not updated: ${e.message}` })
    },
  })
  let devnet: Promise<boolean> | undefined
  sign = signCard({
    Tx,
    Para,
    client: w.client,
    extensions: getInjectedExtensions,
    connect: (name) => connectInjectedExtension(name, 'Coretime Lab'),
    refresh: () => w.refresh(),
    // chopsticks serves dev_newBlock; a node does not
    isDevnet: () => {
      devnet ??= w.client
        ._request<{ methods?: string[] }>('rpc_methods', [])
        .then((r) => r.methods?.includes('dev_newBlock') ?? false)
        .catch(() => false)
      return devnet
    },
  })
  para = myParaCard({
    Para,
    balance: (address, at) => Para.freeBalance(w.client, address, at),
    onView: (v) => sign?.setPara(v),
  })
  o.mount.replaceChildren(para.element, sign.element)
  return {
    stop: () => {
      stopped = true
      w.stop()
      o.mount.replaceChildren()
    },
  }
}
