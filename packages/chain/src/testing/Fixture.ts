import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CoreAssignment, Schedule } from '@coretime/core'
import { Networks } from '@coretime/core'
import { getDynamicBuilder, getLookupFn } from '@polkadot-api/metadata-builders'
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings'
import { genesisOf } from '../Reader'
import type { WithRelay as Snapshot } from '../Snapshot'
import type { ChainFixture } from './TestNode'

/**
 * Test fixtures: chain state described with core types, encoded into storage with the real
 * metadata's own codecs (`getDynamicBuilder`), for the local test node to serve. The metadata comes
 * from `<repo>/../shared/metadata` and is never copied into the repo.
 */
const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..')
export const metadataDir = resolve(repoRoot, '../shared/metadata')

export type MetadataName = 'dotCoretime' | 'ksmCoretime' | 'dot' | 'ksm'
export const fileOf = (name: MetadataName): string => resolve(metadataDir, `${name}.scale`)

/** True when every file exists; otherwise prints a visible skip message naming the missing paths. */
export const haveMetadata = (...names: MetadataName[]): boolean => {
  const missing = names.map(fileOf).filter((f) => !existsSync(f))
  if (missing.length === 0) return true
  const why = `chain tests skipped: missing ${missing.join(', ')}`
  // under CI=true a missing file fails the test file instead of skipping it
  if (process.env.CI === 'true') throw new Error(`${why} (CI=true: failing instead of skipping)`)
  console.warn(why)
  return false
}

const hex = (u: Uint8Array): string => `0x${Buffer.from(u).toString('hex')}`
const maskHex = (m: bigint): string => `0x${m.toString(16).padStart(20, '0')}`
const assignment = (a: CoreAssignment) =>
  typeof a === 'string' ? { type: a, value: undefined } : { type: 'Task', value: a.task }
const schedule = (s: Schedule) =>
  s.map((i) => ({ mask: maskHex(i.mask), assignment: assignment(i.assignment) }))
const some = <T>(v: T | null): T | undefined => (v === null ? undefined : v)

/** Encodes storage items of one chain with its metadata. */
export const encoder = (name: MetadataName) => {
  const metadata = new Uint8Array(readFileSync(fileOf(name)))
  const builder = getDynamicBuilder(getLookupFn(unifyMetadata(decAnyMetadata(metadata))))
  const storage = new Map<string, string>()
  return {
    metadata,
    storage,
    set(pallet: string, item: string, keyArgs: unknown[], value: unknown): void {
      const codec = builder.buildStorage(pallet, item)
      storage.set(codec.keys.enc(...keyArgs).toLowerCase(), hex(codec.value.enc(value)))
    },
    /** raw bytes for a key (to serve garbage) */
    keyOf(pallet: string, item: string, ...keyArgs: unknown[]): string {
      return builder
        .buildStorage(pallet, item)
        .keys.enc(...keyArgs)
        .toLowerCase()
    },
  }
}

/** The test node fixtures (coretime chain and relay) that serve exactly `s`. */
export const fixturesOf = (s: Snapshot): { coretime: ChainFixture; relay: ChainFixture } => {
  const net = s.network === 'polkadot' ? { ct: 'dotCoretime', rl: 'dot' } : { ct: 'ksmCoretime', rl: 'ksm' }
  const ct = encoder(net.ct as MetadataName)
  const b = s.broker
  if (b.configuration) {
    const c = b.configuration
    ct.set('Broker', 'Configuration', [], {
      advance_notice: c.advanceNotice,
      interlude_length: c.interludeLength,
      leadin_length: c.leadinLength,
      region_length: c.regionLength,
      ideal_bulk_proportion: Number(c.idealBulkProportion),
      limit_cores_offered: some(c.limitCoresOffered),
      renewal_bump: Number(c.renewalBump),
      contribution_timeout: c.contributionTimeout,
    })
  }
  if (b.status)
    ct.set('Broker', 'Status', [], {
      core_count: b.status.coreCount,
      private_pool_size: b.status.privatePoolSize,
      system_pool_size: b.status.systemPoolSize,
      last_committed_timeslice: b.status.lastCommittedTimeslice,
      last_timeslice: b.status.lastTimeslice,
    })
  if (b.saleInfo) {
    const x = b.saleInfo
    ct.set('Broker', 'SaleInfo', [], {
      sale_start: x.saleStart,
      leadin_length: x.leadinLength,
      end_price: x.endPrice,
      region_begin: x.regionBegin,
      region_end: x.regionEnd,
      ideal_cores_sold: x.idealCoresSold,
      cores_offered: x.coresOffered,
      first_core: x.firstCore,
      sellout_price: some(x.selloutPrice),
      cores_sold: x.coresSold,
    })
  }
  ct.set('Broker', 'Leases', [], b.leases)
  ct.set('Broker', 'Reservations', [], b.reservations.map(schedule))
  ct.set(
    'Broker',
    'AutoRenewals',
    [],
    b.autoRenewals.map((a) => ({ core: a.core, task: a.task, next_renewal: a.nextRenewal })),
  )
  for (const w of b.workload) ct.set('Broker', 'Workload', [w.core], schedule(w.schedule))
  for (const w of b.workplan) ct.set('Broker', 'Workplan', [[w.timeslice, w.core]], schedule(w.schedule))
  for (const r of b.potentialRenewals)
    ct.set('Broker', 'PotentialRenewals', [{ core: r.core, when: r.when }], {
      price: r.price,
      completion:
        'partial' in r.completion
          ? { type: 'Partial', value: maskHex(r.completion.partial) }
          : { type: 'Complete', value: schedule(r.completion.complete) },
    })
  for (const r of b.regions)
    ct.set('Broker', 'Regions', [{ begin: r.begin, core: r.core, mask: maskHex(r.mask) }], {
      end: r.end,
      owner: some(r.owner),
      paid: some(r.paid),
    })
  ct.set('ParachainSystem', 'LastRelayChainBlockNumber', [], s.coretime.relayBlock)

  const rl = encoder(net.rl as MetadataName)
  rl.set('Timestamp', 'Now', [], BigInt(s.relay.timestamp))
  rl.set(Networks.get(s.network).relay.pallets.OnDemand, 'OrderStatus', [], {
    traffic: s.onDemand.traffic,
    queue: s.onDemand.queue.map((q) => ({ para_id: q.paraId, ordered_at: q.orderedAt })),
  })
  rl.set('Configuration', 'ActiveConfig', [], activeConfig(s))
  const genesis = genesisOf(s.network) ?? { coretime: `0x${'45'.repeat(32)}`, relay: `0x${'46'.repeat(32)}` }
  return {
    coretime: {
      name: `${s.network} coretime (test node)`,
      genesisHash: genesis.coretime,
      specName: s.coretime.specName,
      specVersion: s.coretime.specVersion,
      metadata: ct.metadata,
      blockNumber: s.coretime.block,
      storage: ct.storage,
    },
    relay: {
      name: `${s.network} (test node)`,
      genesisHash: genesis.relay,
      specName: s.relay.specName,
      specVersion: s.relay.specVersion,
      metadata: rl.metadata,
      blockNumber: s.relay.block,
      storage: rl.storage,
    },
  }
}

/** A full `HostConfiguration` (metadata 2026 field list) with the snapshot's on-demand values. */
const activeConfig = (s: Snapshot) => ({
  max_code_size: 3_145_728,
  max_head_data_size: 32_768,
  max_upward_queue_count: 174_762,
  max_upward_queue_size: 1_048_576,
  max_upward_message_size: 65_531,
  max_upward_message_num_per_candidate: 16,
  hrmp_max_message_num_per_candidate: 10,
  validation_upgrade_cooldown: 14_400,
  validation_upgrade_delay: 600,
  async_backing_params: { max_candidate_depth: 3, allowed_ancestry_len: 2 },
  max_pov_size: 10_485_760,
  max_downward_message_size: 51_200,
  hrmp_max_parachain_outbound_channels: 30,
  hrmp_sender_deposit: 0n,
  hrmp_recipient_deposit: 0n,
  hrmp_channel_max_capacity: 1000,
  hrmp_channel_max_total_size: 102_400,
  hrmp_max_parachain_inbound_channels: 30,
  hrmp_channel_max_message_size: 102_400,
  executor_params: [],
  code_retention_period: 14_400,
  max_validators: undefined,
  dispute_period: 6,
  dispute_post_conclusion_acceptance_period: 600,
  no_show_slots: 2,
  n_delay_tranches: 89,
  zeroth_delay_tranche_width: 0,
  needed_approvals: 30,
  relay_vrf_modulo_samples: 6,
  pvf_voting_ttl: 2,
  minimum_validation_upgrade_delay: 20,
  minimum_backing_votes: 2,
  node_features: [0, 0, 0, 0, 0, 0, 0, 0], // BitVec: one bit per entry
  approval_voting_params: 1, // { max_approval_coalesce_count } (one field: collapsed)
  scheduler_params: {
    group_rotation_frequency: 10,
    paras_availability_period: 10,
    max_validators_per_core: 5,
    lookahead: 3,
    num_cores: s.onDemand.numCores,
    on_demand_queue_max_size: s.onDemand.queueMaxSize,
    on_demand_target_queue_utilization: Number(s.onDemand.targetQueueUtilization),
    on_demand_fee_variability: Number(s.onDemand.feeVariability),
    on_demand_base_fee: s.onDemand.baseFee,
  },
  max_relay_parent_session_age: 0,
})
