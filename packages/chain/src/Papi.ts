import {
  Broker,
  type ConfigRecord,
  EndHint,
  Networks,
  Plan,
  Renewal,
  type Runtime,
  Sale,
  type SaleInfoRecord,
  type StatusRecord,
} from '@coretime/core'
import * as Decode from './Decode'
import type { Network } from './Endpoints'

/**
 * Adapters for a dashboard that already reads the chain with polkadot-api: pass the values exactly
 * as `api.query.Broker.X.getValue()` / `.getEntries()` return them (typed or unsafe API: snake_case
 * fields, u64/u128 as bigint, `None` as undefined, enums as `{ type, value }`, masks as hex or
 * Binary) and get the engine's prices, phases and plans back. Each value is checked once
 * (`ShapeError` names the item and the field); nothing here opens a connection, so this entry
 * (`@coretime/chain/papi`) loads neither polkadot-api's client nor `ws`.
 */

/** `Broker.SaleInfo` → the core record (`ShapeError` for anything else, e.g. undefined before sales start). */
export const saleInfo = (value: unknown): SaleInfoRecord =>
  Decode.as('Broker.SaleInfo', Decode.saleInfo, value)
export const configuration = (value: unknown): ConfigRecord =>
  Decode.as('Broker.Configuration', Decode.configuration, value)
export const status = (value: unknown): StatusRecord => Decode.as('Broker.Status', Decode.status, value)
/** `Broker.PotentialRenewals.getEntries()` → `{ core, when, price, completion }`, ordered by when, core. */
export const potentialRenewals = (entries: unknown) =>
  Decode.as('Broker.PotentialRenewals', Decode.potentialRenewals, entries)

/** A span of relay blocks, `end` exclusive. */
export type Span = { readonly start: number; readonly end: number }

export type SaleView = {
  readonly phase: 'interlude' | 'leadin' | 'fixed'
  readonly priceNow: bigint
  /** the lead-in's top price, at `saleStart` */
  readonly startPrice: bigint
  /** the price from the end of the lead-in on */
  readonly endPrice: bigint
  readonly selloutPrice: bigint | null
  readonly coresOffered: number
  readonly coresSold: number
  readonly coresLeft: number
  /** this sale's phases in relay blocks; `fixed` ends when the next sale's interlude begins */
  readonly phases: { readonly interlude: Span; readonly leadin: Span; readonly fixed: Span }
  /** the region sold, in timeslices and in relay blocks */
  readonly region: {
    readonly begin: number
    readonly end: number
    readonly beginBlock: number
    readonly endBlock: number
  }
}

export type SaleInput = {
  readonly network: Network
  /** `Broker.SaleInfo` */
  readonly saleInfo: unknown
  /** `Broker.Configuration` */
  readonly configuration: unknown
  /** the relay block to price at: `ParachainSystem.LastRelayChainBlockNumber` or the relay's own */
  readonly relayBlock: number
}

/** The network's broker runtime, from the Networks module (Paseo had been priced as Kusama). */
export const runtimeOf = (network: Network): Runtime => Networks.get(network).runtime

/** The sale at `relayBlock`: phase, prices and phase boundaries, by the live runtime's rules. */
export const sale = (input: SaleInput): SaleView => {
  const s = saleInfo(input.saleInfo)
  const c = configuration(input.configuration)
  const runtime = runtimeOf(input.network)
  const max = Broker.maxBalance(runtime)
  const price = (block: number) => Sale.priceAt(s, block, runtime.priceAdapter, max)
  const TS = runtime.timeslicePeriod
  const leadinEnd = s.saleStart + s.leadinLength
  // the next sale rotates advance_notice blocks before the region begins (tick_impls.rs rotate_sale)
  const rotation = s.regionBegin * TS - c.advanceNotice
  return {
    phase: Sale.phaseAt(s, input.relayBlock),
    priceNow: price(input.relayBlock),
    startPrice: price(s.saleStart),
    endPrice: price(leadinEnd),
    selloutPrice: s.selloutPrice,
    coresOffered: s.coresOffered,
    coresSold: s.coresSold,
    coresLeft: Math.max(0, s.coresOffered - s.coresSold),
    phases: {
      interlude: { start: s.saleStart - c.interludeLength, end: s.saleStart },
      leadin: { start: s.saleStart, end: leadinEnd },
      fixed: { start: leadinEnd, end: rotation },
    },
    region: {
      begin: s.regionBegin,
      end: s.regionEnd,
      beginBlock: s.regionBegin * TS,
      endBlock: s.regionEnd * TS,
    },
  }
}

export type RenewalInput = SaleInput & {
  /** `Broker.PotentialRenewals.getEntries()` */
  readonly potentialRenewals: unknown
  readonly core: number
}

export type RenewalView = {
  /** what renewing the core in this sale costs: the price recorded for it */
  readonly price: bigint
  /** the price recorded for the renewal after that one, if renewed at `relayBlock` */
  readonly nextPrice: bigint
}

/**
 * The renewal of `core` into this sale's region: its recorded price, and the next one (dispatchable_impls.rs
 * `do_renew`). `null` when the core has no renewal right for this region.
 */
export const renewal = (input: RenewalInput): RenewalView | null => {
  const s = saleInfo(input.saleInfo)
  const c = configuration(input.configuration)
  const record = potentialRenewals(input.potentialRenewals).find(
    (r) => r.core === input.core && r.when === s.regionBegin,
  )
  if (!record) return null
  const runtime = runtimeOf(input.network)
  const now = Sale.priceAt(s, input.relayBlock, runtime.priceAdapter, Broker.maxBalance(runtime))
  return {
    price: record.price,
    nextPrice: Renewal.nextPrice(runtime.renewalPriceRule, record.price, c.renewalBump, s.endPrice, now),
  }
}

export type PlanInput = SaleInput & {
  readonly paraId: number
  /** the time of `relayBlock`, ms since the epoch (`Timestamp.Now` on the relay) */
  readonly timestamp: number
  /** `Broker.PotentialRenewals.getEntries()` */
  readonly potentialRenewals?: unknown
  /** `Broker.AutoRenewals` */
  readonly autoRenewals?: unknown
  /** `Broker.Workplan.getEntries()`: where the para's next region is already assigned */
  readonly workplan?: unknown
  /** `Broker.Workload.getEntries()`: the core the para has now */
  readonly workload?: unknown
  /** `Broker.Leases` */
  readonly leases?: unknown
  /** free balance of the para's sibling account on the coretime chain, planck */
  readonly balance?: bigint
}

const tasksOf = (schedule: readonly { assignment: unknown }[]): number[] =>
  schedule.flatMap((i) =>
    typeof i.assignment === 'object' && i.assignment !== null && 'task' in i.assignment
      ? [(i.assignment as { task: number }).task]
      : [],
  )

/** A para's renewal plan (core `Plan.plan`): phases as blocks and dates, deadline, prices, warnings. */
export const plan = (input: PlanInput): Plan.Result => {
  const s = saleInfo(input.saleInfo)
  const c = configuration(input.configuration)
  const workplan =
    input.workplan === undefined
      ? []
      : Decode.as('Broker.Workplan', Decode.workplan, input.workplan).flatMap((w) =>
          tasksOf(w.schedule).map((task) => ({ core: w.core, task, timeslice: w.timeslice })),
        )
  const workload =
    input.workload === undefined
      ? []
      : Decode.as('Broker.Workload', Decode.workload, input.workload).flatMap((w) =>
          tasksOf(w.schedule).map((task) => ({ core: w.core, task })),
        )
  const leases = input.leases === undefined ? [] : Decode.as('Broker.Leases', Decode.leases, input.leases)
  const core = EndHint.pickCore(input.paraId, workplan, workload)
  return Plan.plan({
    network: input.network,
    paraId: input.paraId,
    sale: s,
    reference: { block: input.relayBlock, timestamp: input.timestamp },
    saleBlocks: 'relay',
    interludeLength: c.interludeLength,
    advanceNotice: c.advanceNotice,
    renewalBump: c.renewalBump,
    coverage: EndHint.coverageOf(input.paraId, s, workplan, leases),
    ...(core.ok ? { core: core.value.core } : {}),
    ...(input.potentialRenewals === undefined
      ? {}
      : { potentialRenewals: potentialRenewals(input.potentialRenewals) }),
    ...(input.autoRenewals === undefined
      ? {}
      : { autoRenewals: Decode.as('Broker.AutoRenewals', Decode.autoRenewals, input.autoRenewals) }),
    ...(input.balance === undefined ? {} : { balance: input.balance }),
  })
}
