import { Twox128 } from '@polkadot-api/substrate-bindings'
import * as Client from './Client'
import * as DevAccounts from './DevAccounts'

/**
 * A sale with a parachain in it, put on a devnet for tests and rehearsals: the broker configured
 * and a sale started by root (`sudo` from //Alice, real signatures), a relay parent in the lead-in,
 * and — written with `setStorage`, as no month of sales is played — the para's core now (`Workload`)
 * and its renewal right into the sale's region (`PotentialRenewals`), optionally its sovereign account
 * funded. The numbers are small so blocks stay cheap (timeslices of 80 relay blocks are the runtime's).
 */
export type SceneOptions = {
  readonly paraId: number
  /** the para's core; default 0 */
  readonly core?: number
  /** the renewal price recorded for it, planck; default 600 PAS */
  readonly renewalPrice?: bigint
  /** `start_sales` end price, planck; default 100 PAS (Paseo's adapter makes it 500 PAS) */
  readonly endPrice?: bigint
  /** cores beyond reservations and leases; default 3 */
  readonly extraCores?: number
  /** relay blocks after the sale starts that the last block sits at; default 100 (in the lead-in) */
  readonly intoLeadin?: number
  /** the para's sibling account on the Coretime chain gets this much, planck; default nothing */
  readonly sovereign?: { readonly accountId: string; readonly balance: bigint }
}

export const PAS = 10_000_000_000n

/** small, so one sale spans few blocks: interlude 20, lead-in 400, regions of 30 timeslices (2,400 relay blocks) */
export const CONFIG = {
  advance_notice: 10,
  interlude_length: 20,
  leadin_length: 400,
  region_length: 30,
  ideal_bulk_proportion: 0,
  limit_cores_offered: undefined,
  renewal_bump: 30_000_000,
  contribution_timeout: 5,
} as const

export type Scene = {
  readonly paraId: number
  readonly core: number
  /** the sale's region: where the renewal right points */
  readonly regionBegin: number
  readonly regionEnd: number
  readonly renewalPrice: bigint
}

/** 80 bits set: a whole core */
const FULL = `0x${'f'.repeat(20)}`

/** JSON-RPC of a devnet (chopsticks' `dev_*` and the legacy `state_getStorage`) over a polkadot-api client */
type Rpc = <T = unknown>(method: string, params: unknown[]) => Promise<T>

const storageKey = (pallet: string, item: string) => {
  const h = (s: string) => Buffer.from(Twox128(new TextEncoder().encode(s))).toString('hex')
  return `0x${h(pallet)}${h(item)}`
}
const read = async (rpc: Rpc, pallet: string, item: string): Promise<Buffer | undefined> => {
  const raw = await rpc<string | null>('state_getStorage', [storageKey(pallet, item)])
  return raw ? Buffer.from(raw.slice(2), 'hex') : undefined
}

/**
 * Puts the scene on the devnet at `url` (in-process `Devnet` or a `coretime devnet` process: only its
 * JSON-RPC is used). Builds three blocks; the last sits `intoLeadin` relay blocks into the lead-in.
 */
export const saleWithPara = async (url: string, o: SceneOptions): Promise<Scene> => {
  const core = o.core ?? 0
  const renewalPrice = o.renewalPrice ?? 600n * PAS
  const alice = DevAccounts.get('Alice')
  const client = Client.connect(url)
  const rpc: Rpc = (method, params) => client.client._request(method, params)
  try {
    const query = client.api.query as unknown as Record<
      string,
      Record<string, { getValue(k: string): Promise<unknown> }>
    >
    const info = (await query.System?.Account?.getValue(alice.address)) as { nonce: number } | undefined
    const nonce = info?.nonce ?? 0
    const txs = [
      await client.sudo(
        { pallet: 'Broker', name: 'configure', args: { config: CONFIG } },
        alice.signer,
        nonce,
      ),
      await client.sudo(
        {
          pallet: 'Broker',
          name: 'start_sales',
          args: { end_price: o.endPrice ?? 100n * PAS, extra_cores: o.extraCores ?? 3 },
        },
        alice.signer,
        nonce + 1,
      ),
    ]
    const relay = (await read(rpc, 'ParachainSystem', 'LastRelayChainBlockNumber'))?.readUInt32LE(0) ?? 0
    await rpc('dev_newBlock', [{ transactions: txs, relayParentNumber: relay + 10 }])
    // the next block's tick initialises the sale: sale_start = its previous relay number + interlude
    await rpc('dev_newBlock', [{ relayParentNumber: relay + 20 }])
    // SaleInfoRecord: sale_start u32, leadin_length u32, end_price u128, region_begin u32, region_end u32, …
    const sale = await read(rpc, 'Broker', 'SaleInfo')
    if (!sale) throw new Error('devnet scene: no sale after start_sales')
    const saleStart = sale.readUInt32LE(0)
    const regionBegin = sale.readUInt32LE(24)
    const regionEnd = sale.readUInt32LE(28)
    await rpc('dev_newBlock', [{ relayParentNumber: saleStart + (o.intoLeadin ?? 100) }])
    const schedule = [{ mask: FULL, assignment: { Task: o.paraId } }]
    await rpc('dev_setStorage', [
      {
        Broker: {
          Workload: [[[core], schedule]],
          PotentialRenewals: [
            [
              [{ core, when: regionBegin }],
              { price: renewalPrice.toString(), completion: { Complete: schedule } },
            ],
          ],
        },
        ...(o.sovereign
          ? {
              System: {
                Account: [
                  [
                    [o.sovereign.accountId],
                    {
                      nonce: 0,
                      consumers: 0,
                      providers: 1,
                      sufficients: 0,
                      data: { free: o.sovereign.balance.toString(), reserved: 0, frozen: 0 },
                    },
                  ],
                ],
              },
            }
          : {}),
      },
    ])
    return { paraId: o.paraId, core, regionBegin, regionEnd, renewalPrice }
  } finally {
    client.close()
  }
}
