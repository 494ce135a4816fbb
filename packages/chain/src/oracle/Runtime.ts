import type { BrokerCall, Schedule } from '@coretime/core'
import { getPolkadotSigner, type PolkadotSigner } from 'polkadot-api/signer'
import { Client, DevAccounts, type Devnet } from '../devnet'
import type { RawBlock } from '../devnet/Chopsticks'
import { type Plain, plain } from './Normal'
import { accountOf, allBlocks, type Call, FUNDS, fundedAccounts, type Scenario } from './Scenario'
import * as State from './State'

/**
 * The runtime side: a scenario played on a devnet (the compiled runtime) from a shared base block
 * (`setHead`), and what it left after each block, read with the runtime's own metadata.
 */
/** A call's outcome: `ok`, or the error's name as the trace names it (`SoldOut`, `BadOrigin`, `CallFiltered`, …). */
export type Outcome = string

export type Observed = {
  /** the relay parent of the block */
  readonly relay: number
  /** per call of the block */
  readonly outcomes: readonly Outcome[]
  /** the broker's events of the block, in plain form */
  readonly events: Plain
  /** compared storage in the trace result's state form, and `balances` of the tracked accounts */
  readonly state: Record<string, State.Json>
}

const regionArg = (id: { begin: number; core: number; mask: bigint }) => ({
  begin: id.begin,
  core: id.core,
  mask: `0x${id.mask.toString(16).padStart(20, '0')}`,
})
const enumOf = (type: string) => ({ type, value: undefined })

const schedule = (w: Schedule) =>
  w.map((i) => ({
    mask: `0x${i.mask.toString(16).padStart(20, '0')}`,
    assignment:
      typeof i.assignment === 'string' ? enumOf(i.assignment) : { type: 'Task', value: i.assignment.task },
  }))

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
    case 'claimRevenue':
      return b('claim_revenue', {
        region_id: regionArg(c.args.regionId),
        max_timeslices: c.args.maxTimeslices,
      })
    case 'dropRegion':
      return b('drop_region', { region_id: regionArg(c.args.regionId) })
    case 'dropContribution':
      return b('drop_contribution', { region_id: regionArg(c.args.regionId) })
    case 'dropHistory':
      return b('drop_history', { when: c.args.when })
    case 'dropRenewal':
      return b('drop_renewal', { core: c.args.core, when: c.args.when })
    case 'enableAutoRenew':
      return b('enable_auto_renew', {
        core: c.args.core,
        task: c.args.task,
        workload_end_hint: c.args.workloadEndHint ?? undefined,
      })
    case 'disableAutoRenew':
      return b('disable_auto_renew', { core: c.args.core, task: c.args.task })
    case 'requestCoreCount':
      return b('request_core_count', { core_count: c.args.coreCount })
    case 'reserve':
      return b('reserve', { workload: schedule(c.args.workload) })
    case 'unreserve':
      return b('unreserve', { item_index: c.args.itemIndex })
    case 'setLease':
      return b('set_lease', { task: c.args.task, until: c.args.until })
    case 'forceReserve':
      return b('force_reserve', { workload: schedule(c.args.workload), core: c.args.core })
    case 'removePotentialRenewal':
      return b('remove_potential_renewal', { core: c.args.core, when: c.args.when })
    default:
      throw new Error(`oracle: no runtime form for ${c.call}`)
  }
}
const ss58 = (hex: string): string => plain(hex) as string

type Codec = { toPrimitive(): unknown; toJSON(): unknown }
type Meta = {
  registry: {
    createType(type: string, value: unknown): Codec
    createLookupType(id: unknown): string
    findMetaError(e: Uint8Array): { section: string; name: string }
  }
  query: Record<string, Record<string, StorageEntry>>
  consts: Record<string, Record<string, Codec>>
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
const u8a = (hex: string): Uint8Array => Buffer.from(hex.replace(/^0x/, ''), 'hex')
/** polkadot-js prefixes a key with its compact length; chopsticks' storage wants the bare key */
const bare = (u: Uint8Array): string => {
  const mode = (u[0] ?? 0) & 3
  const skip = mode === 0 ? 1 : mode === 1 ? 2 : 4
  return hexOf(u.subarray(skip))
}

/** Reads broker storage of one block as `toPrimitive` values (State.read puts them in trace form). */
const reader = async (block: Block): Promise<State.Read> => {
  const meta = await block.meta
  const reg = meta.registry
  const broker = meta.query.broker as Record<string, StorageEntry>
  const entry = (item: string) => broker[item.charAt(0).toLowerCase() + item.slice(1)]
  const valueType = (e: StorageEntry) =>
    reg.createLookupType(e.meta.type.isPlain ? e.meta.type.asPlain : e.meta.type.asMap.value)
  return {
    has: (item) => entry(item) !== undefined,
    value: async (item) => {
      const e = entry(item) as StorageEntry
      const raw = await block.get(bare(e()))
      return raw === undefined ? null : reg.createType(valueType(e), u8a(raw)).toPrimitive()
    },
    rows: async (item) => {
      const e = entry(item) as StorageEntry
      const prefix = hexOf(e.keyPrefix())
      const keys = await block.getKeysPaged({ prefix, pageSize: 1000, startKey: prefix })
      const keyType = reg.createLookupType(e.meta.type.asMap.key)
      // Blake2_128Concat / Twox64Concat: the SCALE key follows the hash; both are used by the broker
      const hasher = e.meta.type.asMap.hashers[0]?.type
      const skip = hasher === 'Blake2_128Concat' ? 32 : hasher === 'Twox64Concat' ? 16 : 0
      const rows: [unknown, unknown][] = []
      for (const k of keys) {
        // bytes, not a hex string: polkadot-js reads a hex string as a big-endian number for integer types
        const key = reg.createType(keyType, u8a(k.slice(prefix.length).slice(skip))).toPrimitive()
        rows.push([key, reg.createType(valueType(e), u8a((await block.get(k)) ?? '')).toPrimitive()])
      }
      return rows
    },
  }
}

/** The broker pallet's own account (`PalletId` → `modl` ++ id, zero padded): the model's "pot". */
const potAccount = async (block: Block): Promise<string> => {
  const meta = await block.meta
  const id = String(meta.consts.broker?.palletId?.toJSON() ?? '')
  const bytes = Buffer.alloc(32)
  Buffer.from('modl').copy(bytes, 0)
  Buffer.from(id.replace(/^0x/, ''), 'hex').copy(bytes, 4)
  return hexOf(bytes)
}

/** free + reserved of each account at a block (System.Account). */
const balancesAt = async (block: Block, accounts: readonly string[]): Promise<Map<string, bigint>> => {
  const meta = await block.meta
  const e = meta.query.system?.account as StorageEntry
  const type = meta.registry.createLookupType(e.meta.type.asMap.value)
  const out = new Map<string, bigint>()
  for (const a of accounts) {
    const raw = await block.get(bare(e(a)))
    if (raw === undefined) {
      out.set(a, 0n)
      continue
    }
    const info = meta.registry.createType(type, u8a(raw)).toPrimitive() as {
      data: { free: unknown; reserved: unknown }
    }
    out.set(a, BigInt(info.data.free as string) + BigInt(info.data.reserved as string))
  }
  return out
}

/**
 * Plays `scenario` on the devnet from `base` (which it makes the head first): after each block,
 * whether each call dispatched (and its error), the broker's events, its storage in trace form,
 * and the balance of every tracked account net of the transaction fees it paid since the base
 * (the model knows no fees), as the model would hold it.
 */
/**
 * What the devnet held after a block of a scenario, so that a scenario sharing that prefix (the
 * shrinker's candidates) starts there (`setHead`) instead of from the base: the block, what was
 * observed up to it, and the nonces and fees so far.
 */
export type Saved = {
  readonly hash: string
  readonly observed: readonly Observed[]
  readonly nonces: ReadonlyMap<string, number>
  readonly fees: ReadonlyMap<string, bigint>
}
export type Cache = Map<string, Saved>

const prefixKey = (base: string, scenario: Scenario, n: number): string =>
  JSON.stringify(
    [base, scenario.config, scenario.endPrice, scenario.extraCores, scenario.blocks.slice(0, n)],
    (_, v) => (typeof v === 'bigint' ? `${v}n` : v),
  )

/**
 * Plays `scenario` on the devnet from `base` (which it makes the head first): after each block,
 * each call's outcome (`ok` or the error's name), the broker's events, its storage in trace form,
 * and the balance of every tracked account net of the transaction fees it paid since the base
 * (the model knows no fees), as the model would hold it. With a `cache`, the longest prefix played
 * before is not played again.
 */
export const play = async (
  net: Devnet.Devnet,
  base: string,
  scenario: Scenario,
  cache?: Cache,
): Promise<Observed[]> => {
  await net.setHead(base)
  const relay0 = await net.relayNumber()
  const baseBlock = net.chain.head as Block
  const pot = await potAccount(baseBlock)
  const tracked = [...fundedAccounts(), pot]
  const start = await balancesAt(baseBlock, tracked)
  const blocks = allBlocks(scenario)
  // the longest prefix (opening block + scenario blocks) already played
  let resume: Saved | undefined
  let done = 0
  if (cache)
    for (let n = scenario.blocks.length; n >= 0; n--) {
      const hit = cache.get(prefixKey(base, scenario, n))
      if (hit) {
        resume = hit
        done = n + 1
        break
      }
    }
  if (resume) await net.setHead(resume.hash)
  const out: Observed[] = [...(resume?.observed ?? [])]
  if (done === blocks.length) return out
  const fees = new Map<string, bigint>(resume?.fees ?? [])
  const nonces = new Map<string, number>(resume?.nonces ?? [])
  const client = Client.connect(net.url)
  const sign = async (c: Call): Promise<string> => {
    const name = c.origin === 'root' ? 'Alice' : c.origin
    const nonce = nonces.get(name) ?? 0
    nonces.set(name, nonce + 1)
    const call = toRuntimeCall(c.call)
    if (c.origin === 'root') return client.sudo(call, DevAccounts.get('Alice').signer, nonce)
    const signer = c.origin.startsWith('para:')
      ? mockSigner(accountOf(c.origin))
      : DevAccounts.get(c.origin as DevAccounts.Name).signer
    return client.sign(call, signer, nonce)
  }
  try {
    let relay = relay0 + blocks.slice(0, done).reduce((n, b) => n + b.relayStep, 0)
    for (let i = done; i < blocks.length; i++) {
      const b = blocks[i] as (typeof blocks)[number]
      relay += b.relayStep
      const txs = []
      for (const c of b.calls) txs.push(await sign(c))
      await net.newBlock({ transactions: txs, relayParentNumber: relay })
      const block = net.chain.head as Block
      const events = await eventsOf(block)
      for (const e of events)
        if (e.section === 'transactionPayment' && e.method === 'TransactionFeePaid') {
          const who = State.account(e.fields.who)
          const fee = BigInt(e.fields.actualFee as string) + BigInt(e.fields.tip as string)
          fees.set(who, (fees.get(who) ?? 0n) + fee)
        }
      const now = await balancesAt(block, tracked)
      const balances: Record<string, string> = {}
      for (const a of tracked) {
        const initial = a === pot ? 0n : FUNDS
        const change = (now.get(a) ?? 0n) + (fees.get(a) ?? 0n) - (start.get(a) ?? 0n)
        balances[a === pot ? 'pot' : a] = String(initial + change)
      }
      out.push({
        relay,
        outcomes: outcomesOf(events, b.calls),
        events: events
          .filter((e) => e.section === 'broker')
          .map((e) => plain({ [lowerFirst(e.method)]: e.fields })),
        state: { ...(await State.read(await reader(block))), balances },
      })
      cache?.set(prefixKey(base, scenario, i), {
        hash: block.hash,
        observed: [...out],
        nonces: new Map(nonces),
        fees: new Map(fees),
      })
    }
    return out
  } finally {
    client.close()
  }
}

/** A signer for any account: chopsticks' mock signature host accepts 0xdeadbeef padded with 0xcd. */
const mockSigner = (accountId: string): PolkadotSigner => {
  const sig = new Uint8Array(64).fill(0xcd)
  sig.set([0xde, 0xad, 0xbe, 0xef])
  return getPolkadotSigner(Buffer.from(accountId.slice(2), 'hex'), 'Sr25519', () => sig)
}

type Event = { section: string; method: string; fields: Record<string, unknown>; error?: string }
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
    const fields = Object.fromEntries(names.map((n, i) => [camel(n), values[i]]))
    const failure =
      event.section === 'system' && event.method === 'ExtrinsicFailed'
        ? fields.dispatchError
        : event.section === 'sudo' && event.method === 'Sudid'
          ? (fields.sudoResult as { err?: unknown }).err
          : undefined
    return {
      section: event.section,
      method: event.method,
      fields,
      ...(failure !== undefined && { error: errorName(meta, failure) }),
    }
  })
}

/** A `DispatchError` (toPrimitive) as the trace names errors: the pallet error's name, `BadOrigin`, a token error's variant. */
const errorName = (meta: Meta, e: unknown): string => {
  const o = e as Record<string, unknown>
  if (o && typeof o === 'object') {
    if ('module' in o) {
      const m = o.module as { index: number; error: string }
      const first = Buffer.from(String(m.error).replace(/^0x/, ''), 'hex')[0] ?? 0
      return meta.registry.findMetaError(new Uint8Array([Number(m.index), first])).name
    }
    if ('token' in o) return String(o.token)
    const k = Object.keys(o)[0] ?? 'Other'
    return k.charAt(0).toUpperCase() + k.slice(1)
  }
  return String(e).charAt(0).toUpperCase() + String(e).slice(1)
}
const camel = (x: string) => x.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
const lowerFirst = (x: string) => x.charAt(0).toLowerCase() + x.slice(1)

/**
 * Each call's outcome: `ok`, or the error's name. The signed extrinsics come after the inherents,
 * in order, each ending in ExtrinsicSuccess / ExtrinsicFailed; a root call went through
 * `Sudo.sudo`, whose extrinsic succeeds whatever the call did: its `Sudid` result is the outcome.
 */
const outcomesOf = (events: readonly Event[], calls: readonly Call[]): Outcome[] => {
  const done: Outcome[] = []
  let sudid: Event | undefined
  for (const e of events) {
    if (e.section === 'sudo' && e.method === 'Sudid') sudid = e
    if (e.section === 'system' && (e.method === 'ExtrinsicSuccess' || e.method === 'ExtrinsicFailed')) {
      done.push(e.method === 'ExtrinsicSuccess' ? (sudid ? outcomeOf(sudid) : 'ok') : (e.error ?? 'Other'))
      sudid = undefined
    }
  }
  const mine = done.slice(done.length - calls.length)
  return mine
}
const outcomeOf = (sudid: Event): Outcome => sudid.error ?? 'ok'
