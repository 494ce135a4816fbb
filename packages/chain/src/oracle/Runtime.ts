import type { BrokerCall } from '@coretime/core'
import { Client, DevAccounts, type Devnet } from '../devnet'
import type { RawBlock } from '../devnet/Chopsticks'
import { type Plain, plain } from './Normal'
import { type Call, opening, type Scenario } from './Scenario'

/**
 * The runtime side: a scenario played on a devnet (the compiled runtime) from a shared base block
 * (`setHead`), and what it left after each block, read with the runtime's own metadata.
 */
export type Observed = {
  /** the relay parent of the block */
  readonly relay: number
  /** per extrinsic: did it dispatch */
  readonly ok: readonly boolean[]
  readonly state: Plain
}

const regionArg = (id: { begin: number; core: number; mask: bigint }) => ({
  begin: id.begin,
  core: id.core,
  mask: `0x${id.mask.toString(16).padStart(20, '0')}`,
})
const enumOf = (type: string) => ({ type, value: undefined })

/** The model's call as the runtime's call (snake_case names and arguments). */
export const toRuntimeCall = (c: BrokerCall): { pallet: string; name: string; args: unknown } => {
  const b = (name: string, args: unknown) => ({ pallet: 'Broker', name, args })
  switch (c.call) {
    case 'configure': {
      const x = c.args
      return b('configure', {
        config: {
          advance_notice: x.advanceNotice,
          interlude_length: x.interludeLength,
          leadin_length: x.leadinLength,
          region_length: x.regionLength,
          ideal_bulk_proportion: Number(x.idealBulkProportion),
          limit_cores_offered: x.limitCoresOffered ?? undefined,
          renewal_bump: Number(x.renewalBump),
          contribution_timeout: x.contributionTimeout,
        },
      })
    }
    case 'startSales':
      return b('start_sales', { end_price: c.args.endPrice, extra_cores: c.args.extraCores })
    case 'purchase':
      return b('purchase', { price_limit: c.args.priceLimit })
    case 'renew':
      return b('renew', { core: c.args.core })
    case 'transfer':
      return b('transfer', { region_id: regionArg(c.args.regionId), new_owner: ss58(c.args.newOwner) })
    case 'partition':
      return b('partition', { region_id: regionArg(c.args.regionId), pivot: c.args.pivot })
    case 'interlace':
      return b('interlace', {
        region_id: regionArg(c.args.regionId),
        pivot: `0x${c.args.pivot.toString(16).padStart(20, '0')}`,
      })
    case 'assign':
      return b('assign', {
        region_id: regionArg(c.args.regionId),
        task: c.args.task,
        finality: enumOf(c.args.finality),
      })
    case 'pool':
      return b('pool', {
        region_id: regionArg(c.args.regionId),
        payee: ss58(c.args.payee),
        finality: enumOf(c.args.finality),
      })
    case 'purchaseCredit':
      return b('purchase_credit', { amount: c.args.amount, beneficiary: ss58(c.args.beneficiary) })
    default:
      throw new Error(`oracle: no runtime form for ${c.call}`)
  }
}
const ss58 = (hex: string): string => plain(hex) as string

type Meta = {
  registry: {
    createType(type: string, value: unknown): { toPrimitive(): unknown }
    createLookupType(id: unknown): string
  }
  query: Record<string, Record<string, StorageEntry>>
}
type StorageEntry = {
  (...args: unknown[]): Uint8Array
  keyPrefix(): Uint8Array
  meta: {
    type: {
      isPlain: boolean
      asPlain: unknown
      asMap: { value: unknown; key: unknown; hashers: { type: string }[] }
    }
  }
}
type Block = RawBlock & { meta: Promise<Meta> }

const hexOf = (u: Uint8Array) => `0x${Buffer.from(u).toString('hex')}`
/** polkadot-js prefixes a key with its compact length; chopsticks' storage wants the bare key */
const bare = (u: Uint8Array): string => {
  const mode = (u[0] ?? 0) & 3
  const skip = mode === 0 ? 1 : mode === 1 ? 2 : 4
  return hexOf(u.subarray(skip))
}

/** Broker storage and events of one block, in plain form. */
export const readState = async (block: Block): Promise<Plain> => {
  const meta = await block.meta
  const reg = meta.registry
  const broker = meta.query.broker as Record<string, StorageEntry>
  const valueType = (e: StorageEntry) =>
    reg.createLookupType(e.meta.type.isPlain ? e.meta.type.asPlain : e.meta.type.asMap.value)
  const value = async (item: string): Promise<Plain> => {
    const e = broker[item.charAt(0).toLowerCase() + item.slice(1)] as StorageEntry
    const raw = await block.get(bare(e()))
    return raw === undefined ? null : plain(reg.createType(valueType(e), raw).toPrimitive())
  }
  const map = async (item: string): Promise<Plain> => {
    const e = broker[item.charAt(0).toLowerCase() + item.slice(1)] as StorageEntry
    const prefix = hexOf(e.keyPrefix())
    const keys = await block.getKeysPaged({ prefix, pageSize: 1000, startKey: prefix })
    const keyType = reg.createLookupType(e.meta.type.asMap.key)
    const rows: [string, Plain, Plain][] = []
    for (const k of keys) {
      // Blake2_128Concat / Twox64Concat: the SCALE key follows the hash; both are used by the broker
      const tail = k.slice(prefix.length)
      const hasher = e.meta.type.asMap.hashers[0]?.type
      const skip = hasher === 'Blake2_128Concat' ? 32 : hasher === 'Twox64Concat' ? 16 : 0
      const key = plain(reg.createType(keyType, `0x${tail.slice(skip)}`).toPrimitive())
      rows.push([
        JSON.stringify(key),
        key,
        plain(reg.createType(valueType(e), await block.get(k)).toPrimitive()),
      ])
    }
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    return rows.map(([, k, v]) => [k, v])
  }
  const brokerEvents = (await eventsOf(block))
    .filter((e) => e.section === 'broker')
    .map((e) => plain({ [lowerFirst(e.method)]: e.fields }))
  return {
    configuration: await value('Configuration'),
    status: await value('Status'),
    saleInfo: await value('SaleInfo'),
    regions: await map('Regions'),
    potentialRenewals: await map('PotentialRenewals'),
    events: brokerEvents,
  }
}

/** Plays `scenario` on the devnet from `base` (which it makes the head first). */
export const play = async (net: Devnet.Devnet, base: string, scenario: Scenario): Promise<Observed[]> => {
  await net.setHead(base)
  const relay0 = await net.relayNumber()
  const client = Client.connect(net.url)
  const nonces = new Map<string, number>()
  const sign = async (c: Call): Promise<string> => {
    const name = c.origin === 'root' ? 'Alice' : c.origin
    const nonce = nonces.get(name) ?? 0
    nonces.set(name, nonce + 1)
    const signer = DevAccounts.get(name).signer
    const call = toRuntimeCall(c.call)
    return c.origin === 'root' ? client.sudo(call, signer, nonce) : client.sign(call, signer, nonce)
  }
  try {
    const out: Observed[] = []
    const blocks = [{ relayStep: 10, calls: opening(scenario) }, ...scenario.blocks]
    let relay = relay0
    for (const b of blocks) {
      relay += b.relayStep
      const txs = []
      for (const c of b.calls) txs.push(await sign(c))
      await net.newBlock({ transactions: txs, relayParentNumber: relay })
      const block = net.chain.head as Block
      out.push({ relay, ok: await outcomes(block, b.calls.length), state: await readState(block) })
    }
    return out
  } finally {
    client.close()
  }
}

type Event = { section: string; method: string; fields: Record<string, unknown> }
type DecodedEvent = {
  section: string
  method: string
  data: { names?: string[] | null; map(f: (x: { toPrimitive(): unknown }) => unknown): unknown[] }
}

/** `System.Events` of a block, each with its pallet, name and named fields (camelCase). */
const eventsOf = async (block: Block): Promise<Event[]> => {
  const meta = await block.meta
  const e = meta.query.system?.events as StorageEntry
  const raw = await block.get(bare(e()))
  if (raw === undefined) return []
  const records = meta.registry.createType(
    meta.registry.createLookupType(e.meta.type.asPlain),
    raw,
  ) as unknown as {
    event: DecodedEvent
  }[]
  return [...records].map(({ event }) => {
    const values = event.data.map((x) => x.toPrimitive())
    const names = event.data.names ?? values.map((_, i) => String(i))
    return {
      section: event.section,
      method: event.method,
      fields: Object.fromEntries(names.map((n, i) => [camel(n), values[i]])),
    }
  })
}
const camel = (x: string) => x.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
const lowerFirst = (x: string) => x.charAt(0).toLowerCase() + x.slice(1)

/** ExtrinsicSuccess / ExtrinsicFailed of the signed extrinsics (after the inherents), in order. */
const outcomes = async (block: Block, n: number): Promise<boolean[]> => {
  const done = (await eventsOf(block))
    .filter(
      (e) => e.section === 'system' && (e.method === 'ExtrinsicSuccess' || e.method === 'ExtrinsicFailed'),
    )
    .map((e) => e.method === 'ExtrinsicSuccess')
  return done.slice(done.length - n)
}
