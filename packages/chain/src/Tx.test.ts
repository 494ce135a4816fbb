import type { PolkadotSigner } from 'polkadot-api'
import { getPolkadotSignerFromPjs } from 'polkadot-api/pjs-signer'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DevAccounts, Devnet, Scene } from './devnet'
import { websocketClass } from './node'
import * as Para from './Para'
import type { Snapshot } from './Snapshot'
import * as Tx from './Tx'
import { Shared, Wallet } from './testing'
import { type Watch, watch } from './Watch'

const spec = Shared.devnetSpec()
const PARA = 2000

describe('Tx.dispatchErrorOf', () => {
  test('default: a module error is named by the pallet’s error', () => {
    expect(
      Tx.dispatchErrorOf({ type: 'Module', value: { type: 'Broker', value: { type: 'Overpriced' } } }),
    ).toEqual({ code: 'Overpriced', message: 'Broker.Overpriced: the call failed; nothing changed' })
  })
  test('behavior: other dispatch errors keep their kind', () => {
    expect(Tx.dispatchErrorOf({ type: 'BadOrigin', value: undefined }).code).toBe('BadOrigin')
    expect(Tx.dispatchErrorOf({ type: 'Token', value: { type: 'FundsUnavailable' } }).code).toBe(
      'FundsUnavailable',
    )
  })
})

describe('Para.sovereignOf', () => {
  test('default: the sibling account of para 2000 (b"sibl" ++ u32 LE ++ zeros)', () => {
    expect(Para.sovereignOf('paseo', 2000).hex).toBe(`0x7369626cd0070000${'0'.repeat(48)}`)
  })
})

describe.skipIf(!spec)(
  'transactions on a devnet (chopsticks, Paseo Coretime runtime, real signatures)',
  () => {
    let net: Devnet.Devnet
    let w: Watch
    let latest: Snapshot | undefined
    let scene: Scene.Scene
    const sovereign = Para.sovereignOf('paseo', PARA)
    beforeAll(async () => {
      net = await Devnet.start({ spec: spec as string, blockMode: 'instant' })
      scene = await Scene.saleWithPara(net.url, {
        paraId: PARA,
        sovereign: { accountId: sovereign.hex, balance: 5_000n * Scene.PAS },
      })
      w = watch({
        network: 'paseo',
        coretime: net.url,
        anyChain: true,
        websocketClass,
        onSnapshot: (s) => {
          latest = s
        },
      })
      latest = await w.refresh()
    }, 180_000)
    afterAll(async () => {
      w?.stop()
      await net?.close()
    })

    test('default: the scene’s para has its core now and its renewal record', () => {
      const s = latest as Snapshot
      const v = Para.of(s, PARA, { balance: 5_000n * Scene.PAS })
      expect(v.coresNow).toEqual([scene.core])
      expect(v.renewals).toEqual([{ core: scene.core, when: scene.regionBegin, price: scene.renewalPrice }])
      expect(v.core).toBe(scene.core)
      expect(v.plan.ok).toBe(true)
      if (v.plan.ok) expect(v.plan.value.prices.renewalPrice).toBe(scene.renewalPrice)
      expect(Para.parasOf(s)).toEqual([PARA])
    })

    test('error: a purchase below the price is Overpriced and changes nothing', async () => {
      const before = latest as Snapshot
      const alice = DevAccounts.get('Alice')
      const call = Tx.calls.purchase(1n)
      const prepared = await Tx.prepare(w.client, call, alice.address)
      expect(prepared.ok && prepared.value.fee > 0n).toBe(true)
      const r = await Tx.submit(w.client, call, alice.signer)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('Overpriced')
      const after = await w.refresh()
      expect(after?.broker.saleInfo?.coresSold).toBe(before.broker.saleInfo?.coresSold)
      expect(after?.broker.regions).toEqual(before.broker.regions)
    }, 120_000)

    test('error: a signer that refuses leaves the chain as it was', async () => {
      const before = net.head().number
      const refusing: PolkadotSigner = {
        ...DevAccounts.get('Alice').signer,
        signTx: async () => {
          throw new Error('Cancelled')
        },
      }
      const r = await Tx.submit(w.client, Tx.calls.renew(scene.core), refusing)
      expect(r).toEqual({
        ok: false,
        error: { code: 'Rejected', message: 'not signed: Cancelled; nothing was sent' },
      })
      expect(net.head().number).toBe(before)
    })

    test('default: renew through the test wallet’s payload signing (what an extension signs) succeeds', async () => {
      const bob = DevAccounts.get('Bob')
      const signer = getPolkadotSignerFromPjs(
        bob.address,
        async (json) => ({ id: 1, ...Wallet.sign(json as unknown as Wallet.PayloadJson) }),
        async (raw) => ({ id: 1, ...Wallet.signRequest('raw', raw) }),
      )
      const r = await Tx.submit(w.client, Tx.calls.renew(scene.core), signer)
      if (!r.ok) throw new Error(r.error.message)
      const renewed = r.events.find((e) => e.pallet === 'Broker' && e.name === 'Renewed')
      expect(renewed?.fields).toMatchObject({
        core: scene.core,
        price: scene.renewalPrice,
        begin: scene.regionBegin,
      })
      const after = (await w.refresh()) as Snapshot
      const v = Para.of(after, PARA)
      // the right moved to the next region; the para is planned on the core from the region's begin
      expect(v.renewals.map((x) => x.when)).toEqual([scene.regionEnd])
      expect(v.next).toEqual([{ core: scene.core, timeslice: scene.regionBegin }])
    }, 120_000)

    test('behavior: enable_auto_renew as the sovereign account (devnet mock signature)', async () => {
      const signer = Tx.devnetSigner(Uint8Array.from(Buffer.from(sovereign.hex.slice(2), 'hex')))
      const r = await Tx.submit(w.client, Tx.calls.enableAutoRenew(scene.core, PARA, scene.regionEnd), signer)
      if (!r.ok) throw new Error(r.error.message)
      expect(r.events.some((e) => e.name === 'AutoRenewalEnabled')).toBe(true)
      const v = Para.of((await w.refresh()) as Snapshot, PARA)
      expect(v.autoRenewal).toEqual({ core: scene.core, nextRenewal: scene.regionEnd })
    }, 120_000)
  },
)
