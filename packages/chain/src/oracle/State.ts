import { Ss58 } from '@coretime/core'

/**
 * The runtime's broker storage in the trace result's `state` form (docs/trace-format.md, "The
 * result"): the same JSON `TraceResult.stateToJson` gives for the model, so the two compare as
 * JSON and a reproducer's expectations are the runtime's values as a trace states them. Input is
 * polkadot-js `toPrimitive` of the runtime's own types (structs with camelCase fields, u32 as
 * numbers, u128 as a number or a decimal string, accounts as SS58, masks as 0x-hex, enums as
 * `{ variant: value }`, `Option` as the value or null).
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json }

/** The storage items compared after every block, by their trace-state names. */
export const ITEMS = [
  'configuration',
  'status',
  'saleInfo',
  'regions',
  'potentialRenewals',
  'leases',
  'reservations',
  'forceReservations',
  'workplan',
  'workload',
  'autoRenewals',
  'instaPoolIo',
  'instaPoolContribution',
  'instaPoolHistory',
] as const
export type Item = (typeof ITEMS)[number]

type P = Record<string, unknown>
const n = (x: unknown): number => Number(x)
const bal = (x: unknown): string => BigInt(x as string | number).toString()
const optBal = (x: unknown): string | null => (x === null || x === undefined ? null : bal(x))

/** An account: SS58 (any prefix) or 0x-hex → 0x + 64 hex digits, as the model names accounts. */
export const account = (x: unknown): string => {
  const s = String(x)
  const hex = Ss58.accountHex(s)
  if (hex === undefined) throw new Error(`oracle: the runtime gave an account that is not SS58: ${s}`)
  return hex
}
const optAccount = (x: unknown): string | null => (x === null || x === undefined ? null : account(x))

/** A core mask: 0x + 20 hex digits. */
export const mask = (x: unknown): string => {
  const s = typeof x === 'string' ? x.replace(/^0x/, '') : BigInt(x as number).toString(16)
  return `0x${s.padStart(20, '0').toLowerCase()}`
}

/** `CoreAssignment`: `{ idle: null }` → "Idle", `{ pool: null }` → "Pool", `{ task: n }` → `{ task: n }`. */
export const assignment = (x: unknown): Json => {
  const o = x as P
  if (typeof x === 'string') return x.charAt(0).toUpperCase() + x.slice(1)
  if ('task' in o) return { task: n(o.task) }
  if ('idle' in o) return 'Idle'
  if ('pool' in o) return 'Pool'
  throw new Error(`oracle: unknown CoreAssignment ${JSON.stringify(x)}`)
}
export const schedule = (x: unknown): Json =>
  (x as P[]).map((i) => ({ mask: mask(i.mask), assignment: assignment(i.assignment) }))
const regionId = (k: unknown): { begin: number; core: number; mask: string } => {
  const o = k as P
  return { begin: n(o.begin), core: n(o.core), mask: mask(o.mask) }
}

const byNumbers =
  <T>(key: (x: T) => readonly (number | bigint)[]) =>
  (a: T, b: T): number => {
    const ka = key(a)
    const kb = key(b)
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] as number | bigint
      const y = kb[i] as number | bigint
      if (x !== y) return x < y ? -1 : 1
    }
    return 0
  }
const regionOrder = (r: { begin: number; core: number; mask: string }) => [r.begin, r.core, BigInt(r.mask)]

/** One storage value (`value`) or map (`rows`: [key, value] pairs) of the runtime, in trace form. */
export type Read = {
  readonly value: (item: string) => Promise<unknown>
  readonly rows: (item: string) => Promise<[unknown, unknown][]>
  readonly has: (item: string) => boolean
}

/** Every compared item, read from the runtime and put in the trace form; an item the runtime lacks is left out. */
export const read = async (r: Read): Promise<Record<string, Json>> => {
  const out: Record<string, Json> = {}
  const c = (await r.value('Configuration')) as P | null
  out.configuration = c && {
    advanceNotice: n(c.advanceNotice),
    interludeLength: n(c.interludeLength),
    leadinLength: n(c.leadinLength),
    regionLength: n(c.regionLength),
    idealBulkProportion: bal(c.idealBulkProportion),
    limitCoresOffered: c.limitCoresOffered === null ? null : n(c.limitCoresOffered),
    renewalBump: bal(c.renewalBump),
    contributionTimeout: n(c.contributionTimeout),
  }
  const st = (await r.value('Status')) as P | null
  out.status = st && {
    coreCount: n(st.coreCount),
    privatePoolSize: n(st.privatePoolSize),
    systemPoolSize: n(st.systemPoolSize),
    lastCommittedTimeslice: n(st.lastCommittedTimeslice),
    lastTimeslice: n(st.lastTimeslice),
  }
  const sale = (await r.value('SaleInfo')) as P | null
  out.saleInfo = sale && {
    saleStart: n(sale.saleStart),
    leadinLength: n(sale.leadinLength),
    endPrice: bal(sale.endPrice),
    regionBegin: n(sale.regionBegin),
    regionEnd: n(sale.regionEnd),
    idealCoresSold: n(sale.idealCoresSold),
    coresOffered: n(sale.coresOffered),
    firstCore: n(sale.firstCore),
    selloutPrice: optBal(sale.selloutPrice),
    coresSold: n(sale.coresSold),
  }
  out.regions = (await r.rows('Regions'))
    .map(([k, v]) => {
      const o = v as P
      return { id: regionId(k), end: n(o.end), owner: optAccount(o.owner), paid: optBal(o.paid) }
    })
    .sort(byNumbers((x) => regionOrder(x.id)))
  out.potentialRenewals = (await r.rows('PotentialRenewals'))
    .map(([k, v]) => {
      const key = k as P
      const o = v as P
      const comp = o.completion as P
      return {
        core: n(key.core),
        when: n(key.when),
        price: bal(o.price),
        completion:
          'complete' in comp ? { complete: schedule(comp.complete) } : { partial: mask(comp.partial) },
      }
    })
    .sort(byNumbers((x) => [x.core, x.when]))
  out.leases = (((await r.value('Leases')) as P[] | null) ?? []).map((l) => ({
    until: n(l.until),
    task: n(l.task),
  }))
  out.reservations = (((await r.value('Reservations')) as unknown[] | null) ?? []).map(schedule)
  if (r.has('ForceReservations'))
    out.forceReservations = (((await r.value('ForceReservations')) as unknown[] | null) ?? []).map(schedule)
  out.workplan = (await r.rows('Workplan'))
    .map(([k, v]) => {
      const [t, core] = k as [unknown, unknown]
      return { timeslice: n(t), core: n(core), schedule: schedule(v) }
    })
    .sort(byNumbers((x) => [x.timeslice, x.core]))
  out.workload = (await r.rows('Workload'))
    .map(([k, v]) => ({ core: n(k), schedule: schedule(v) }))
    .sort(byNumbers((x) => [x.core]))
  out.autoRenewals = (((await r.value('AutoRenewals')) as P[] | null) ?? []).map((a) => ({
    core: n(a.core),
    task: n(a.task),
    nextRenewal: n(a.nextRenewal),
  }))
  out.instaPoolIo = (await r.rows('InstaPoolIo'))
    .map(([k, v]) => {
      const o = v as P
      return { timeslice: n(k), private: n(o.private), system: n(o.system) }
    })
    .sort(byNumbers((x) => [x.timeslice]))
  out.instaPoolContribution = (await r.rows('InstaPoolContribution'))
    .map(([k, v]) => {
      const o = v as P
      return { regionId: regionId(k), length: n(o.length), payee: account(o.payee) }
    })
    .sort(byNumbers((x) => regionOrder(x.regionId)))
  out.instaPoolHistory = (await r.rows('InstaPoolHistory'))
    .map(([k, v]) => {
      const o = v as P
      return {
        timeslice: n(k),
        privateContributions: n(o.privateContributions),
        systemContributions: n(o.systemContributions),
        maybePayout: optBal(o.maybePayout),
      }
    })
    .sort(byNumbers((x) => [x.timeslice]))
  return out
}
