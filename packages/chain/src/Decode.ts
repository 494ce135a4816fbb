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
import { Validation } from '@coretime/core'
import { z } from 'zod'
import { ShapeError } from './errors'
import type { Region, Snapshot } from './Snapshot'

/**
 * polkadot-api's decoded values (names as in the metadata, u8..u32 as numbers, u64/u128 as bigint,
 * `Option` None as undefined, enums as `{ type, value }`, fixed byte arrays as hex or a Binary) →
 * core types. Each item is checked against a schema once, here; a runtime whose types changed
 * gives `unexpected shape of Broker.SaleInfo: …`, never a wrong number.
 */

const int = (max: number) => z.number().int().min(0).max(max)
const u16 = int(0xffff)
const u32 = int(0xffff_ffff)
const u128 = z.bigint().nonnegative()
const perbill = u32.max(1_000_000_000).transform((n) => BigInt(n))
/** `Option<T>`: polkadot-api decodes None as undefined */
const option = <T extends z.ZodType>(t: T) => t.optional().transform((v) => (v === undefined ? null : v))

/** A `[u8; N]` as polkadot-api gives it: a hex string, or a Binary with `asHex()`. */
const bytesHex = (n: number) =>
  z.unknown().transform((v, ctx) => {
    const h =
      typeof v === 'string'
        ? v
        : typeof v === 'object' && v !== null && typeof (v as { asHex?: unknown }).asHex === 'function'
          ? (v as { asHex: () => string }).asHex()
          : undefined
    if (h === undefined || !new RegExp(`^0x[0-9a-fA-F]{${2 * n}}$`).test(h)) {
      ctx.addIssue({ code: 'custom', message: `expected ${n} bytes` })
      return z.NEVER
    }
    return h.toLowerCase()
  })
const mask = bytesHex(10).transform((h) => BigInt(h))

const assignment = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Idle') }),
    z.object({ type: z.literal('Pool') }),
    z.object({ type: z.literal('Task'), value: u32 }),
  ])
  .transform((a): CoreAssignment => (a.type === 'Task' ? { task: a.value } : a.type))
const schedule = z.array(z.object({ mask, assignment }).strict()).transform((s): Schedule => s)

export const configuration = z
  .object({
    advance_notice: u32,
    interlude_length: u32,
    leadin_length: u32,
    region_length: u32,
    ideal_bulk_proportion: perbill,
    limit_cores_offered: option(u16),
    renewal_bump: perbill,
    contribution_timeout: u32,
  })
  .strict()
  .transform(
    (c): ConfigRecord => ({
      advanceNotice: c.advance_notice,
      interludeLength: c.interlude_length,
      leadinLength: c.leadin_length,
      regionLength: c.region_length,
      idealBulkProportion: c.ideal_bulk_proportion,
      limitCoresOffered: c.limit_cores_offered,
      renewalBump: c.renewal_bump,
      contributionTimeout: c.contribution_timeout,
    }),
  )

export const status = z
  .object({
    core_count: u16,
    private_pool_size: u32,
    system_pool_size: u32,
    last_committed_timeslice: u32,
    last_timeslice: u32,
  })
  .strict()
  .transform(
    (s): StatusRecord => ({
      coreCount: s.core_count,
      privatePoolSize: s.private_pool_size,
      systemPoolSize: s.system_pool_size,
      lastCommittedTimeslice: s.last_committed_timeslice,
      lastTimeslice: s.last_timeslice,
    }),
  )

export const saleInfo = z
  .object({
    sale_start: u32,
    leadin_length: u32,
    end_price: u128,
    region_begin: u32,
    region_end: u32,
    ideal_cores_sold: u16,
    cores_offered: u16,
    first_core: u16,
    sellout_price: option(u128),
    cores_sold: u16,
  })
  .strict()
  .transform(
    (s): SaleInfoRecord => ({
      saleStart: s.sale_start,
      leadinLength: s.leadin_length,
      endPrice: s.end_price,
      regionBegin: s.region_begin,
      regionEnd: s.region_end,
      idealCoresSold: s.ideal_cores_sold,
      coresOffered: s.cores_offered,
      firstCore: s.first_core,
      selloutPrice: s.sellout_price,
      coresSold: s.cores_sold,
    }),
  )

export const leases = z
  .array(z.object({ until: u32, task: u32 }).strict())
  .transform((l): LeaseRecordItem[] => l)
export const reservations = z.array(schedule)
export const autoRenewals = z
  .array(z.object({ core: u16, task: u32, next_renewal: u32 }).strict())
  .transform((l): AutoRenewalRecord[] =>
    l.map((a) => ({ core: a.core, task: a.task, nextRenewal: a.next_renewal })),
  )

/** Map entries as `getEntries()` gives them: `{ keyArgs, value }`. */
const entries = <K extends z.ZodType, V extends z.ZodType>(key: K, value: V) =>
  z.array(z.object({ keyArgs: key, value }).loose())

export const workload = entries(z.tuple([u16]), schedule).transform((es) =>
  es.map((e) => ({ core: e.keyArgs[0], schedule: e.value })).sort((a, b) => a.core - b.core),
)
export const workplan = entries(z.tuple([z.tuple([u32, u16])]), schedule).transform((es) =>
  es
    .map((e) => ({ timeslice: e.keyArgs[0][0], core: e.keyArgs[0][1], schedule: e.value }))
    .sort((a, b) => a.timeslice - b.timeslice || a.core - b.core),
)
const completion = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Partial'), value: mask }),
    z.object({ type: z.literal('Complete'), value: schedule }),
  ])
  .transform((c): CompletionStatus => (c.type === 'Partial' ? { partial: c.value } : { complete: c.value }))
export const potentialRenewals = entries(
  z.tuple([z.object({ core: u16, when: u32 }).strict()]),
  z.object({ price: u128, completion }).strict(),
).transform((es) =>
  es
    .map((e) => ({ core: e.keyArgs[0].core, when: e.keyArgs[0].when, ...e.value }))
    .sort((a, b) => a.when - b.when || a.core - b.core),
)
export const regions = entries(
  z.tuple([z.object({ begin: u32, core: u16, mask }).strict()]),
  z.object({ end: u32, owner: option(z.string()), paid: option(u128) }).strict(),
).transform((es) =>
  es
    .map((e): Region => ({ ...e.keyArgs[0], ...e.value }))
    .sort((a, b) => a.begin - b.begin || a.core - b.core || (a.mask < b.mask ? -1 : a.mask > b.mask ? 1 : 0)),
)

export const constants = z
  .object({
    TimeslicePeriod: u32.min(1),
    MaxLeasedCores: u32,
    MaxReservedCores: u32,
    MaxAutoRenewals: u32,
    MinimumCreditPurchase: u128,
  })
  .transform((c): Snapshot['constants'] => ({
    timeslicePeriod: c.TimeslicePeriod,
    maxLeasedCores: c.MaxLeasedCores,
    maxReservedCores: c.MaxReservedCores,
    maxAutoRenewals: c.MaxAutoRenewals,
    minimumCreditPurchase: c.MinimumCreditPurchase,
  }))

/** The on-demand part of the relay's `HostConfiguration.scheduler_params` (metadata 2026; other fields ignored). */
export const schedulerParams = z
  .object({
    scheduler_params: z
      .object({
        num_cores: u32,
        on_demand_queue_max_size: u32,
        on_demand_target_queue_utilization: perbill,
        on_demand_fee_variability: perbill,
        on_demand_base_fee: u128,
      })
      .loose(),
  })
  .loose()
  .transform((c) => c.scheduler_params)

export const orderStatus = z
  .object({
    traffic: u128,
    queue: z.array(z.object({ para_id: u32, ordered_at: u32 }).strict()),
  })
  .strict()
  .transform((o) => ({
    traffic: o.traffic,
    queue: o.queue.map((q) => ({ paraId: q.para_id, orderedAt: q.ordered_at })),
  }))

export const blockNumber = u32
export const timestamp = z
  .bigint()
  .nonnegative()
  .refine((v) => v <= BigInt(Number.MAX_SAFE_INTEGER), { error: 'expected ms since the epoch' })
  .transform((v) => Number(v))

const describe = (e: z.ZodError): string => {
  const i = e.issues[0]!
  const where = i.path.length === 0 ? '' : `${i.path.map(String).join('.')}: `
  return `${where}${Validation.describe(i)}`
}

/** Checks `value` against `schema`; throws `ShapeError` naming the item and the field. */
export const as = <S extends z.ZodType>(item: string, schema: S, value: unknown): z.output<S> => {
  const r = schema.safeParse(value)
  if (!r.success) throw new ShapeError(item, describe(r.error))
  return r.data
}

/** An optional storage value (`getValue` gives undefined when absent). */
export const asOptional = <S extends z.ZodType>(
  item: string,
  schema: S,
  value: unknown,
): z.output<S> | null => (value === undefined ? null : as(item, schema, value))
