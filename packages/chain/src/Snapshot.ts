import type {
  AutoRenewalRecord,
  CompletionStatus,
  ConfigRecord,
  CoreAssignment,
  LeaseRecordItem,
  SaleInfoRecord,
  Schedule,
  StatusRecord,
} from '@coretime/core'
import { Networks, Validation } from '@coretime/core'
import { z } from 'zod'
import * as Consistency from './Consistency'
import type { Network } from './Endpoints'
import { SnapshotError } from './errors'

/**
 * A snapshot: everything the reader takes from the Coretime chain and its relay at one moment, as
 * core types. Written as `coretime-snapshot/1` JSON (docs/chain.md "Snapshot format"): bigints as
 * decimal strings, core masks as `0x` + 20 hex digits, field names in camelCase.
 */
export const FORMAT = 'coretime-snapshot/1'

export type ChainInfo = {
  readonly genesisHash: string
  readonly specName: string
  readonly specVersion: number
  /** the finalized block read */
  readonly block: number
  readonly blockHash: string
}

export type Region = {
  readonly begin: number
  readonly core: number
  readonly mask: bigint
  readonly end: number
  readonly owner: string | null
  readonly paid: bigint | null
}

export type Snapshot = {
  readonly format: typeof FORMAT
  readonly network: Network
  readonly endpoints: { readonly coretime: string; readonly relay: string }
  readonly coretime: ChainInfo & {
    /** `ParachainSystem.LastRelayChainBlockNumber`: the relay block the broker last saw */
    readonly relayBlock: number
    /** the Coretime chain's `Timestamp.Now`, ms: read only when no relay was read (a devnet) */
    readonly timestamp?: number
  }
  /** null: no relay was read (a devnet has none; `--endpoint`): see `relayClock` */
  readonly relay:
    | (ChainInfo & {
        /** `Timestamp.Now` of the relay block read, ms since the epoch */
        readonly timestamp: number
      })
    | null
  /** broker pallet constants */
  readonly constants: {
    readonly timeslicePeriod: number
    readonly maxLeasedCores: number
    readonly maxReservedCores: number
    readonly maxAutoRenewals: number
    readonly minimumCreditPurchase: bigint
  }
  readonly broker: {
    readonly configuration: ConfigRecord | null
    readonly status: StatusRecord | null
    readonly saleInfo: SaleInfoRecord | null
    readonly leases: readonly LeaseRecordItem[]
    readonly reservations: readonly Schedule[]
    readonly workload: readonly { readonly core: number; readonly schedule: Schedule }[]
    readonly workplan: readonly {
      readonly timeslice: number
      readonly core: number
      readonly schedule: Schedule
    }[]
    readonly potentialRenewals: readonly {
      readonly core: number
      readonly when: number
      readonly price: bigint
      readonly completion: CompletionStatus
    }[]
    readonly regions: readonly Region[]
    readonly autoRenewals: readonly AutoRenewalRecord[]
  }
  /** relay `configuration.activeConfig.scheduler_params` (on-demand part) and `OnDemand.OrderStatus`; null without a relay */
  readonly onDemand: null | {
    readonly baseFee: bigint
    readonly feeVariability: bigint
    readonly targetQueueUtilization: bigint
    readonly queueMaxSize: number
    readonly numCores: number
    /** FixedU128 inner */
    readonly traffic: bigint
    readonly queue: readonly { readonly paraId: number; readonly orderedAt: number }[]
  }
}

// ------------------------------------------------------------------------------------------------
// JSON form
// ------------------------------------------------------------------------------------------------

const u32 = z.number().int().min(0).max(0xffff_ffff)
const u16 = z.number().int().min(0).max(0xffff)
const planck = z
  .string()
  .regex(/^\d+$/, { error: 'expected a decimal string of planck' })
  .transform((s) => BigInt(s))
const perbill = planck.refine((v) => v <= 1_000_000_000n, { error: 'expected Perbill parts ≤ 1000000000' })
const mask = z
  .string()
  .regex(/^0x[0-9a-f]{20}$/, { error: 'expected a core mask: 0x + 20 hex digits' })
  .transform((s) => BigInt(s))
const hash = z.string().regex(/^0x[0-9a-f]{64}$/, { error: 'expected a 32-byte 0x-hex hash' })
const assignment = z.union([z.literal('Idle'), z.literal('Pool'), z.strictObject({ task: u32 })])
const schedule = z.array(z.strictObject({ mask, assignment }))
const chainInfo = {
  genesisHash: hash,
  specName: z.string(),
  specVersion: u32,
  block: u32,
  blockHash: hash,
}

const fileSchema = z.strictObject({
  format: z.literal(FORMAT, { error: `expected "format": "${FORMAT}"` }),
  network: z.enum(Networks.names),
  endpoints: z.strictObject({ coretime: z.string(), relay: z.string() }),
  coretime: z.strictObject({
    ...chainInfo,
    relayBlock: u32,
    timestamp: z.number().int().nonnegative().optional(),
  }),
  relay: z.strictObject({ ...chainInfo, timestamp: z.number().int().nonnegative() }).nullable(),
  constants: z.strictObject({
    timeslicePeriod: u32.min(1),
    maxLeasedCores: u32,
    maxReservedCores: u32,
    maxAutoRenewals: u32,
    minimumCreditPurchase: planck,
  }),
  broker: z.strictObject({
    configuration: z
      .strictObject({
        advanceNotice: u32,
        interludeLength: u32,
        leadinLength: u32.min(1),
        regionLength: u32.min(1),
        idealBulkProportion: perbill,
        limitCoresOffered: u16.nullable(),
        renewalBump: perbill,
        contributionTimeout: u32,
      })
      .nullable(),
    status: z
      .strictObject({
        coreCount: u16,
        privatePoolSize: u32,
        systemPoolSize: u32,
        lastCommittedTimeslice: u32,
        lastTimeslice: u32,
      })
      .nullable(),
    saleInfo: z
      .strictObject({
        saleStart: u32,
        leadinLength: u32.min(1),
        endPrice: planck,
        regionBegin: u32,
        regionEnd: u32,
        idealCoresSold: u16,
        coresOffered: u16,
        firstCore: u16,
        selloutPrice: planck.nullable(),
        coresSold: u16,
      })
      .nullable(),
    leases: z.array(z.strictObject({ until: u32, task: u32 })),
    reservations: z.array(schedule),
    workload: z.array(z.strictObject({ core: u16, schedule })),
    workplan: z.array(z.strictObject({ timeslice: u32, core: u16, schedule })),
    potentialRenewals: z.array(
      z.strictObject({
        core: u16,
        when: u32,
        price: planck,
        completion: z.union([z.strictObject({ partial: mask }), z.strictObject({ complete: schedule })]),
      }),
    ),
    regions: z.array(
      z.strictObject({
        begin: u32,
        core: u16,
        mask,
        end: u32,
        owner: z.string().nullable(),
        paid: planck.nullable(),
      }),
    ),
    autoRenewals: z.array(z.strictObject({ core: u16, task: u32, nextRenewal: u32 })),
  }),
  onDemand: z
    .strictObject({
      baseFee: planck,
      feeVariability: perbill,
      targetQueueUtilization: perbill,
      queueMaxSize: u32,
      numCores: u32,
      traffic: planck,
      queue: z.array(z.strictObject({ paraId: u32, orderedAt: u32 })),
    })
    .nullable(),
})

const maskHex = (m: bigint): string => `0x${m.toString(16).padStart(20, '0')}`
const assignmentJson = (a: CoreAssignment) => (typeof a === 'string' ? a : { task: a.task })
const scheduleJson = (s: Schedule) =>
  s.map((i) => ({ mask: maskHex(i.mask), assignment: assignmentJson(i.assignment) }))
const opt = (v: bigint | null): string | null => (v === null ? null : String(v))

/** The snapshot as plain JSON values (what `toJson` writes). */
export const toPlain = (s: Snapshot): unknown => {
  const b = s.broker
  return {
    format: FORMAT,
    network: s.network,
    endpoints: { ...s.endpoints },
    coretime: { ...s.coretime },
    relay: s.relay && { ...s.relay },
    constants: { ...s.constants, minimumCreditPurchase: String(s.constants.minimumCreditPurchase) },
    broker: {
      configuration: b.configuration && {
        ...b.configuration,
        idealBulkProportion: String(b.configuration.idealBulkProportion),
        renewalBump: String(b.configuration.renewalBump),
      },
      status: b.status && { ...b.status },
      saleInfo: b.saleInfo && {
        ...b.saleInfo,
        endPrice: String(b.saleInfo.endPrice),
        selloutPrice: opt(b.saleInfo.selloutPrice),
      },
      leases: b.leases.map((l) => ({ until: l.until, task: l.task })),
      reservations: b.reservations.map(scheduleJson),
      workload: b.workload.map((w) => ({ core: w.core, schedule: scheduleJson(w.schedule) })),
      workplan: b.workplan.map((w) => ({
        timeslice: w.timeslice,
        core: w.core,
        schedule: scheduleJson(w.schedule),
      })),
      potentialRenewals: b.potentialRenewals.map((r) => ({
        core: r.core,
        when: r.when,
        price: String(r.price),
        completion:
          'partial' in r.completion
            ? { partial: maskHex(r.completion.partial) }
            : { complete: scheduleJson(r.completion.complete) },
      })),
      regions: b.regions.map((r) => ({
        begin: r.begin,
        core: r.core,
        mask: maskHex(r.mask),
        end: r.end,
        owner: r.owner,
        paid: opt(r.paid),
      })),
      autoRenewals: b.autoRenewals.map((a) => ({ core: a.core, task: a.task, nextRenewal: a.nextRenewal })),
    },
    onDemand: s.onDemand && {
      ...s.onDemand,
      baseFee: String(s.onDemand.baseFee),
      feeVariability: String(s.onDemand.feeVariability),
      targetQueueUtilization: String(s.onDemand.targetQueueUtilization),
      traffic: String(s.onDemand.traffic),
      queue: s.onDemand.queue.map((q) => ({ paraId: q.paraId, orderedAt: q.orderedAt })),
    },
  }
}

/** A snapshot read with its relay (every live read; the test fixtures). */
export type WithRelay = Snapshot & {
  readonly relay: NonNullable<Snapshot['relay']>
  readonly onDemand: NonNullable<Snapshot['onDemand']>
}

/**
 * The relay block and time the snapshot's dates count from: the relay's own when it was read, else
 * the relay parent the Coretime chain last saw and the Coretime chain's timestamp.
 */
export const relayClock = (s: Snapshot): { readonly block: number; readonly timestamp: number } =>
  s.relay
    ? { block: s.relay.block, timestamp: s.relay.timestamp }
    : { block: s.coretime.relayBlock, timestamp: s.coretime.timestamp ?? 0 }

/** The file text: pretty JSON with a final newline. */
export const toJson = (s: Snapshot): string => `${JSON.stringify(toPlain(s), null, 2)}\n`

export type ParseResult =
  | { readonly ok: true; readonly value: Snapshot }
  | { readonly ok: false; readonly error: { readonly code: 'InvalidSnapshot'; readonly message: string } }

/** Validates parsed JSON as a `coretime-snapshot/1`; the message names the first bad field. */
export const fromPlain = (input: unknown): ParseResult => {
  const fail = (message: string): ParseResult => ({ ok: false, error: { code: 'InvalidSnapshot', message } })
  if (typeof input === 'object' && input !== null && 'format' in input && input.format !== FORMAT)
    return fail(`format: expected "${FORMAT}", got ${JSON.stringify((input as { format: unknown }).format)}`)
  const r = fileSchema.safeParse(input)
  if (!r.success) {
    const issue = r.error.issues[0]!
    return fail(`${Validation.pathOf(issue.path) || '(root)'}: ${Validation.describe(issue)}`)
  }
  const value = r.data as Snapshot
  const bad = Consistency.describe(value)
  if (bad) return fail(bad)
  return { ok: true, value }
}

/** Parses the file text. */
export const parse = (text: string): ParseResult => {
  if (text.trim() === '') return { ok: false, error: { code: 'InvalidSnapshot', message: 'empty file' } }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { ok: false, error: { code: 'InvalidSnapshot', message: `not JSON (${(e as Error).message})` } }
  }
  return fromPlain(json)
}

/** `parse`, throwing `SnapshotError` (for callers at an edge). */
export const parseOrThrow = (text: string, where = 'snapshot'): Snapshot => {
  const r = parse(text)
  if (!r.ok) throw new SnapshotError(`${where}: ${r.error.message}`)
  return r.value
}
