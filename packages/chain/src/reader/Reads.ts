import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings'
import type { PolkadotClient } from 'polkadot-api'
import * as Consistency from '../Consistency'
import * as Decode from '../Decode'
import { ChainError, ConnectionError, ShapeError } from '../errors'
import { FORMAT, type Snapshot } from '../Snapshot'
import { genesisOf, type ReadOptions } from './Options'

/**
 * Every read of one attempt, over connections already open: the chain spec and genesis check, the
 * finalized block, the Broker storage and constants, the relay's clock, scheduler parameters and
 * on-demand order status, mapped to a `Snapshot` through `Decode` and checked by `Consistency`.
 */

/** One open connection of an attempt. */
export type Conn = {
  readonly client: PolkadotClient
  readonly url: string
  readonly label: string
  /** drop the socket and silence the client (see `inert`) */
  readonly kill: () => void
}

type UnsafeApi = ReturnType<PolkadotClient['getUnsafeApi']>
type StorageEntry = {
  getValue: (o: { at: string }) => Promise<unknown>
  getEntries: (o: { at: string }) => Promise<unknown>
}

/** Storage item names per pallet, from the metadata the chain serves (the unsafe API accepts any name). */
type Items = ReadonlyMap<string, ReadonlySet<string>>
const itemsOf = (metadata: Uint8Array): Items => {
  const m = unifyMetadata(decAnyMetadata(metadata))
  return new Map(m.pallets.map((p) => [p.name, new Set((p.storage?.items ?? []).map((i) => i.name))]))
}

/** A storage item of the chain's own metadata; a runtime without it is a shape change. */
const storageOf = (c: { api: UnsafeApi; items: Items }, pallet: string, item: string): StorageEntry => {
  const entry = (c.api.query as Record<string, Record<string, unknown> | undefined>)[pallet]?.[item]
  if (entry === undefined || !c.items.get(pallet)?.has(item))
    throw new ShapeError(`${pallet}.${item}`, 'not in the runtime metadata')
  return entry as StorageEntry
}
const constantOf = (api: UnsafeApi, pallet: string, name: string): (() => Promise<unknown>) => {
  const c = (api.constants as Record<string, Record<string, unknown> | undefined>)[pallet]?.[name]
  if (typeof c !== 'function') throw new ShapeError(`${pallet}.${name}`, 'not in the runtime metadata')
  return c as () => Promise<unknown>
}

/** A polkadot-api failure while reading `item` (an error answer, or bytes that do not decode). */
const readFailure = (label: string, item: string, e: unknown): ChainError =>
  e instanceof ChainError
    ? e
    : new ConnectionError(
        'BadAnswer',
        `${label} endpoint: reading ${item} failed: ${(e as Error)?.message ?? e}`,
        {
          cause: e,
        },
      )

/**
 * One read over clients the caller keeps open (`Watch`): the Coretime chain at `at` (a block its
 * client reported; default its finalized block), the relay at its finalized block. No deadline and no
 * retry: the caller owns the connections.
 */
export const readOver = (
  coretime: { readonly client: PolkadotClient; readonly url: string },
  relay: { readonly client: PolkadotClient; readonly url: string } | undefined,
  options: Pick<ReadOptions, 'network' | 'anyChain'> & { readonly at?: Block },
): Promise<Snapshot> => {
  const conn = (c: { client: PolkadotClient; url: string }, label: string): Conn => ({
    ...c,
    label,
    kill: () => {},
  })
  return readAll(
    conn(coretime, 'coretime'),
    relay && conn(relay, 'relay'),
    { ...options, noRelay: relay === undefined },
    () => {},
  )
}

type Block = { readonly hash: string; readonly number: number }

export const readAll = async (
  coretime: Conn,
  relay: Conn | undefined,
  options: ReadOptions & { readonly at?: Block },
  setStep: (s: { label: string; what: string }) => void,
): Promise<Snapshot> => {
  const info = async (c: Conn, expected: string | undefined) => {
    setStep({ label: c.label, what: `reading ${c.label} chain spec` })
    const spec = await c.client.getChainSpecData().catch((e) => {
      throw readFailure(c.label, 'the chain spec', e)
    })
    if (!options.anyChain && expected !== undefined && spec.genesisHash.toLowerCase() !== expected)
      throw new ChainError(
        'WrongChain',
        `${c.label} endpoint ${c.url} serves ${spec.name} (genesis ${spec.genesisHash}), not the ${options.network} ${c.label === 'coretime' ? 'Coretime chain' : 'relay chain'}`,
      )
    setStep({ label: c.label, what: `waiting for ${c.label} finalized block` })
    const block = (c.label === 'coretime' && options.at) || (await c.client.getFinalizedBlock())
    const api = c.client.getUnsafeApi()
    const items = itemsOf(
      await c.client.getMetadata(block.hash).catch((e) => {
        throw readFailure(c.label, 'the metadata', e)
      }),
    )
    const version = await get(c, 'System.Version', () => constantOf(api, 'System', 'Version')())
    const v = version as { spec_name?: unknown; spec_version?: unknown }
    if (typeof v?.spec_name !== 'string' || typeof v.spec_version !== 'number')
      throw new ChainError('UnexpectedShape', `unexpected shape of ${c.label} System.Version`)
    return {
      api,
      items,
      at: block.hash,
      info: {
        genesisHash: spec.genesisHash.toLowerCase(),
        specName: v.spec_name,
        specVersion: v.spec_version,
        block: block.number,
        blockHash: block.hash.toLowerCase(),
      },
    }
  }
  const get = async <T>(c: Conn, item: string, f: () => Promise<T>): Promise<T> => {
    setStep({ label: c.label, what: `reading ${item}` })
    try {
      return await f()
    } catch (e) {
      throw readFailure(c.label, item, e)
    }
  }
  const genesis = genesisOf(options.network)
  const ct = await info(coretime, genesis?.coretime)
  const at = { at: ct.at }
  const value = (item: string) =>
    get(coretime, `Broker.${item}`, () => storageOf(ct, 'Broker', item).getValue(at))
  const mapEntries = (item: string) =>
    get(coretime, `Broker.${item}`, () => storageOf(ct, 'Broker', item).getEntries(at))
  const constant = (name: string) =>
    get(coretime, `Broker.${name}`, () => constantOf(ct.api, 'Broker', name)())
  const constants = Decode.as('Broker constants', Decode.constants, {
    TimeslicePeriod: await constant('TimeslicePeriod'),
    MaxLeasedCores: await constant('MaxLeasedCores'),
    MaxReservedCores: await constant('MaxReservedCores'),
    MaxAutoRenewals: await constant('MaxAutoRenewals'),
    MinimumCreditPurchase: await constant('MinimumCreditPurchase'),
  })
  const broker: Snapshot['broker'] = {
    configuration: Decode.asOptional(
      'Broker.Configuration',
      Decode.configuration,
      await value('Configuration'),
    ),
    status: Decode.asOptional('Broker.Status', Decode.status, await value('Status')),
    saleInfo: Decode.asOptional('Broker.SaleInfo', Decode.saleInfo, await value('SaleInfo')),
    leases: Decode.as('Broker.Leases', Decode.leases, await value('Leases')),
    reservations: Decode.as('Broker.Reservations', Decode.reservations, await value('Reservations')),
    workload: Decode.as('Broker.Workload', Decode.workload, await mapEntries('Workload')),
    workplan: Decode.as('Broker.Workplan', Decode.workplan, await mapEntries('Workplan')),
    potentialRenewals: Decode.as(
      'Broker.PotentialRenewals',
      Decode.potentialRenewals,
      await mapEntries('PotentialRenewals'),
    ),
    regions: Decode.as('Broker.Regions', Decode.regions, await mapEntries('Regions')),
    autoRenewals: Decode.as('Broker.AutoRenewals', Decode.autoRenewals, await value('AutoRenewals')),
  }
  const relayBlock = Decode.as(
    'ParachainSystem.LastRelayChainBlockNumber',
    Decode.blockNumber,
    await get(coretime, 'ParachainSystem.LastRelayChainBlockNumber', () =>
      storageOf(ct, 'ParachainSystem', 'LastRelayChainBlockNumber').getValue(at),
    ),
  )

  if (!relay) {
    const timestamp = Decode.as(
      'Timestamp.Now',
      Decode.timestamp,
      await get(coretime, 'Timestamp.Now', () => storageOf(ct, 'Timestamp', 'Now').getValue(at)),
    )
    return {
      format: FORMAT,
      network: options.network,
      endpoints: { coretime: coretime.url, relay: 'none' },
      coretime: { ...ct.info, relayBlock, timestamp },
      relay: null,
      constants,
      broker,
      onDemand: null,
    }
  }
  const rl = await info(relay, genesis?.relay)
  const rat = { at: rl.at }
  const timestamp = Decode.as(
    'Timestamp.Now',
    Decode.timestamp,
    await get(relay, 'Timestamp.Now', () => storageOf(rl, 'Timestamp', 'Now').getValue(rat)),
  )
  const params = Decode.as(
    'Configuration.ActiveConfig',
    Decode.schedulerParams,
    await get(relay, 'Configuration.ActiveConfig', () =>
      storageOf(rl, 'Configuration', 'ActiveConfig').getValue(rat),
    ),
  )
  // the on-demand pallet is `OnDemand` on Polkadot, `OnDemandAssignmentProvider` on Kusama (metadata 2026)
  const onDemand = rl.items.get('OnDemand')?.has('OrderStatus') ? 'OnDemand' : 'OnDemandAssignmentProvider'
  const order = Decode.as(
    `${onDemand}.OrderStatus`,
    Decode.orderStatus,
    await get(relay, `${onDemand}.OrderStatus`, () => storageOf(rl, onDemand, 'OrderStatus').getValue(rat)),
  )
  setStep({ label: 'relay', what: 'done' })
  const snapshot: Snapshot = {
    format: FORMAT,
    network: options.network,
    endpoints: { coretime: coretime.url, relay: relay.url },
    coretime: { ...ct.info, relayBlock },
    relay: { ...rl.info, timestamp },
    constants,
    broker,
    onDemand: {
      baseFee: params.on_demand_base_fee,
      feeVariability: params.on_demand_fee_variability,
      targetQueueUtilization: params.on_demand_target_queue_utilization,
      queueMaxSize: params.on_demand_queue_max_size,
      numCores: params.num_cores,
      traffic: order.traffic,
      queue: order.queue,
    },
  }
  // a live state is held to the same invariants as a file (a broken or forked chain is refused)
  const bad = Consistency.check(snapshot)
  if (bad) throw new ShapeError(bad.field, bad.message)
  return snapshot
}
