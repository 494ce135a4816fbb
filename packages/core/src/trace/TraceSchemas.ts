import { z } from 'zod'
import * as CoreMask from '../broker/CoreMask'
import type { RegionId } from '../broker/RegionId'
import type {
  AccountId,
  Balance,
  BrokerCall,
  BrokerCallName,
  CoreAssignment,
  Origin,
  Schedule,
} from '../broker/types'

// The schemas of a `coretime-trace/1` file's values (docs/trace-format.md): leaves, each call's
// arguments, the runtime object. Messages say what was expected and what was found.

// ---------------------------------------------------------------------------------------------
// Leaf schemas. Messages say what was expected and what was found.

export const describe = (v: unknown): string => {
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${v}`
  return typeof v === 'object' ? 'an object' : typeof v
}

export const expecting =
  (what: string) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined ? `missing, expected ${what}` : `expected ${what}, got ${describe(iss.input)}`

export const leaf = <T>(what: string, test: (v: unknown) => boolean) =>
  z.custom<T>(test, { error: expecting(what) })

export const U16 = 0xffff
export const U32 = 0xffff_ffff
export const isUint = (max: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max

export const u32 = (what = 'a non-negative integer') => leaf<number>(what, isUint(U32))
export const blockNumber = u32('a block number (non-negative integer)')
export const timeslice = u32('a timeslice (non-negative integer)')
export const core = leaf<number>('a core index (integer 0..65535)', isUint(U16))
export const task = u32('a task (para id, non-negative integer)')
export const count = u32('a count (non-negative integer)')
export const optionalTimeslice = leaf<number | null>(
  'a timeslice or null',
  (v) => v === null || isUint(U32)(v),
)

export const DECIMAL = /^(0|[1-9][0-9]*)$/
export const isDecimal = (v: unknown): v is string => typeof v === 'string' && DECIMAL.test(v)
export const U128_MAX = (1n << 128n) - 1n

/** A decimal string of planck, at most `max` (the runtime's Balance width). */
export const planckUpTo = (max: bigint) =>
  z
    .custom<string>((v) => isDecimal(v) && v.length <= 40 && BigInt(v) <= max, {
      error: (iss) =>
        isDecimal(iss.input)
          ? `expected a decimal string of planck at most ${max} (the runtime's Balance width), got ${iss.input}`
          : expecting('a decimal string of planck')(iss),
    })
    .transform((s): Balance => BigInt(s))
export const perbill = leaf<string>(
  'a decimal string of Perbill parts (0..1000000000)',
  (v) => isDecimal(v) && v.length <= 10 && BigInt(v) <= 1_000_000_000n,
).transform((s) => BigInt(s))
export const mask = leaf<string>(
  'a core mask ("0x" and 20 hex digits)',
  (v) => typeof v === 'string' && CoreMask.parse(v) !== null,
).transform((s) => CoreMask.parse(s)!)
export const account = leaf<AccountId>(
  'an account id (non-empty string other than "root")',
  (v) => typeof v === 'string' && v.length > 0 && v !== 'root',
)
export const origin = leaf<Origin>(
  'an origin ("root" or an account id)',
  (v) => typeof v === 'string' && v.length > 0,
)

export const isAssignment = (v: unknown): boolean => {
  if (v === 'Idle' || v === 'Pool') return true
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const keys = Object.keys(v)
  return keys.length === 1 && keys[0] === 'task' && isUint(U32)((v as { task: unknown }).task)
}
export const assignment = leaf<CoreAssignment>('"Idle", "Pool" or {"task": N}', isAssignment).transform(
  (a): CoreAssignment => (typeof a === 'string' ? a : { task: a.task }),
)
export const finality = leaf<'Provisional' | 'Final'>(
  '"Provisional" or "Final"',
  (v) => v === 'Provisional' || v === 'Final',
)

export const obj = <S extends z.core.$ZodLooseShape>(what: string, shape: S) =>
  z.strictObject(shape, { error: expecting(what) })

export const schedule = z.array(obj('a schedule item {mask, assignment}', { mask, assignment }), {
  error: expecting('a schedule: a list of {mask, assignment}'),
}) as unknown as z.ZodType<Schedule>
export const regionId = obj('a region id {begin, core, mask}', {
  begin: timeslice,
  core,
  mask,
}) as unknown as z.ZodType<RegionId>

// ---------------------------------------------------------------------------------------------
// Calls: one args schema per extrinsic (trace-format.md, steps).

export type ArgsSchemas = { [K in BrokerCallName]: z.ZodType<Extract<BrokerCall, { call: K }>['args']> }

export const argsSchemas = (maxBalance: bigint): ArgsSchemas => {
  const planck = planckUpTo(maxBalance)
  const args = <S extends z.core.$ZodLooseShape>(shape: S) => obj('an object of arguments', shape)
  return {
    configure: args({
      advanceNotice: blockNumber,
      interludeLength: blockNumber,
      leadinLength: blockNumber,
      regionLength: timeslice,
      idealBulkProportion: perbill,
      limitCoresOffered: leaf<number | null>('a core count or null', (v) => v === null || isUint(U16)(v)),
      renewalBump: perbill,
      contributionTimeout: timeslice,
    }),
    reserve: args({ workload: schedule }),
    unreserve: args({ itemIndex: count }),
    setLease: args({ task, until: timeslice }),
    startSales: args({
      endPrice: planck,
      extraCores: leaf<number>('a core count (integer 0..65535)', isUint(U16)),
    }),
    purchase: args({ priceLimit: planck }),
    renew: args({ core }),
    transfer: args({ regionId, newOwner: account }),
    partition: args({ regionId, pivot: timeslice }),
    interlace: args({ regionId, pivot: mask }),
    assign: args({ regionId, task, finality }),
    pool: args({ regionId, payee: account, finality }),
    claimRevenue: args({ regionId, maxTimeslices: timeslice }),
    purchaseCredit: args({ amount: planck, beneficiary: account }),
    dropRegion: args({ regionId }),
    dropContribution: args({ regionId }),
    dropHistory: args({ when: timeslice }),
    dropRenewal: args({ core, when: timeslice }),
    requestCoreCount: args({ coreCount: leaf<number>('a core count (integer 0..65535)', isUint(U16)) }),
    notifyCoreCount: args({ coreCount: leaf<number>('a core count (integer 0..65535)', isUint(U16)) }),
    notifyRevenue: args({
      revenue: obj('a revenue record {until, amount}', { until: blockNumber, amount: planck }),
    }),
    enableAutoRenew: args({ core, task, workloadEndHint: optionalTimeslice }),
    disableAutoRenew: args({ core, task }),
    forceReserve: args({ workload: schedule, core }),
    removeLease: args({ task }),
    removeAssignment: args({ regionId }),
    removePotentialRenewal: args({ core, when: timeslice }),
    swapLeases: args({ id: task, other: task }),
    forceTransfer: args({ regionId, newOwner: account }),
  }
}

export const ARGS_64 = argsSchemas((1n << 64n) - 1n)
export const ARGS_128 = argsSchemas(U128_MAX)
export const CALL_NAMES = Object.keys(ARGS_128) as BrokerCallName[]

// ---------------------------------------------------------------------------------------------
// Runtime, balances, steps, expect.

export const PRICE_ADAPTERS = [
  'CenterTargetPrice',
  'MinimumPrice',
  'MinimumPriceWithFixedTargetPrice',
  'Linear',
  'Fixed',
] as const

export const priceAdapter = z
  .custom<{ kind: string }>(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      (PRICE_ADAPTERS as readonly unknown[]).includes((v as { kind?: unknown }).kind),
    { error: expecting(`{"kind": ${PRICE_ADAPTERS.map((k) => `"${k}"`).join(' | ')}}`) },
  )
  .pipe(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('CenterTargetPrice') }),
      z.strictObject({ kind: z.literal('MinimumPrice'), minimumEndPrice: planckUpTo(U128_MAX) }),
      z.strictObject({
        kind: z.literal('MinimumPriceWithFixedTargetPrice'),
        minimumEndPrice: planckUpTo(U128_MAX),
        fixedTargetPrice: planckUpTo(U128_MAX),
      }),
      z.strictObject({ kind: z.literal('Linear') }),
      z.strictObject({ kind: z.literal('Fixed') }),
    ]),
  )

export const enumOf = <T extends string>(values: readonly T[]) =>
  leaf<T>(values.map((v) => JSON.stringify(v)).join(' or '), (v) =>
    (values as readonly unknown[]).includes(v),
  )

export const runtimeSchema = obj('the runtime object', {
  timeslicePeriod: leaf<number>(
    'relay blocks per timeslice (a positive integer)',
    (v) => isUint(U32)(v) && v !== 0,
  ),
  priceAdapter,
  renewalPriceRule: enumOf(['floorAtEndPrice', 'bumpOnly'] as const),
  maxLeasedCores: count,
  maxReservedCores: count,
  maxAutoRenewals: count,
  minimumCreditPurchase: planckUpTo(U128_MAX),
  balanceBits: leaf<64 | 128>('64 or 128', (v) => v === 64 || v === 128),
  sovereignAccount: enumOf(['taskId', 'sibling'] as const),
  revenueAccount: account,
  // the runtime's own behaviour (docs/model.md "Per runtime"); absent: as the pallet's unit tests
  callFilter: z
    .array(
      leaf<BrokerCallName>('a call name (e.g. "purchaseCredit")', (v) =>
        CALL_NAMES.includes(v as BrokerCallName),
      ),
      {
        error: expecting('a list of call names'),
      },
    )
    .optional(),
  creditsReachRelay: leaf<boolean>('true or false', (v) => typeof v === 'boolean').optional(),
  maxAssignmentItems: leaf<number>('a positive item count', (v) => isUint(U32)(v) && v !== 0).optional(),
  existentialDeposit: planckUpTo(U128_MAX).optional(),
  relaySessionLength: leaf<number>(
    'relay blocks per session (a positive integer)',
    (v) => isUint(U32)(v) && v !== 0,
  ).optional(),
  saleIndex: leaf<boolean>('true or false', (v) => typeof v === 'boolean').optional(),
  forceReservations: leaf<boolean>('true or false', (v) => typeof v === 'boolean').optional(),
  autoRenewFollowsCore: leaf<boolean>('true or false', (v) => typeof v === 'boolean').optional(),
  startBlock: blockNumber.optional(),
})
