import * as ParaId from '../accounts/ParaId'
import * as Renewal from '../broker/Renewal'
import * as Sale from '../broker/Sale'
import type { AutoRenewalRecord, PriceAdapterConfig, RenewalPriceRule, SaleInfoRecord } from '../broker/types'
import * as Perbill from '../fixed/Perbill'
import { U128_MAX } from '../fixed/rounding'
import * as Networks from '../networks/Networks'
import { format as formatToken, type Network, of as tokenOf } from '../units/Token'
import { coretime } from './Chains'
import { type Clock, iso, timeOf } from './Clock'
import * as EndHint from './EndHint'

/**
 * The renewal plan of one para: the current and next sale's phases as blocks and dates, when to renew
 * (the interlude is the safe window; the hard deadline is the next sale rotation), what it costs now and
 * over the next periods, and what can go wrong. Sale rules follow pallet-broker (tick_impls.rs
 * `rotate_sale`, dispatchable_impls.rs `do_renew`, utility_impls.rs `purchase_core`).
 */
export type Input = {
  readonly network: Network
  readonly paraId: number
  readonly sale: SaleInfoRecord
  /** a block of the sale's clock with its time (ms since the epoch); `now` defaults to this block */
  readonly reference: { readonly block: number; readonly timestamp: number }
  readonly now?: number
  /**
   * Unit of `saleStart`/`leadinLength`: relay blocks (broker since fellows 1.6.0) or coretime-chain
   * blocks (before the v4 migration, 12 s). Detected from the numbers when omitted.
   */
  readonly saleBlocks?: 'relay' | 'parachain'
  /** ms per sale-clock block; default 6000 (relay) or 12000 (parachain) */
  readonly blockMs?: number
  /** `ConfigRecord.interlude_length` in sale-clock blocks; default 7 days */
  readonly interludeLength?: number
  /** `ConfigRecord.advance_notice` in relay blocks; default 10 */
  readonly advanceNotice?: number
  /** `ConfigRecord.renewal_bump` (Perbill parts); default 3% */
  readonly renewalBump?: bigint
  readonly coverage: EndHint.Coverage
  readonly core?: number
  /** the `PotentialRenewals` price recorded for the core at the renewal (what the next renewal costs) */
  readonly renewalPrice?: bigint
  /** `broker.potentialRenewals` when known: the price is looked up at (core, hint) if not given */
  readonly potentialRenewals?: readonly {
    readonly core: number
    readonly when: number
    readonly price: bigint
    /** the task of the record's complete workload (null: none, or partial); absent: not known */
    readonly task?: number | null
  }[]
  /** `broker.autoRenewals`; undefined = not known */
  readonly autoRenewals?: readonly AutoRenewalRecord[]
  /** free balance of the para's sibling account on the coretime chain */
  readonly balance?: bigint
  /** renewals to fund and project; default 3 */
  readonly periods?: number
  /** XCM execution fee counted in the funds when auto-renewal still has to be enabled */
  readonly fee?: bigint
  /** future sales: price adapter (default: live MinimumPrice), renewal rule (default RFC-149), assumed end price */
  readonly adapter?: PriceAdapterConfig
  readonly rule?: RenewalPriceRule
  readonly assumedEndPrice?: bigint
}

export type Point = {
  /** block in the sale's clock */
  readonly block: number
  readonly relayBlock: number
  readonly timestamp: number
  readonly date: string
  /** set for region boundaries */
  readonly timeslice?: number
}
export type Phase = {
  readonly sale: 'current' | 'next'
  readonly name: 'interlude' | 'leadin' | 'fixed' | 'region'
  readonly start: Point
  readonly end: Point
}
export type Warning = {
  readonly code:
    | 'ParachainBlocks'
    | 'SystemChain'
    | 'SoldOut'
    | 'InterludeOver'
    | 'DeadlinePassed'
    | 'NoRenewalRecord'
    | 'RenewalNotPossible'
    | 'AutoRenewalMissing'
    | 'AutoRenewalUnknown'
    | 'FundsShort'
    | 'ForeignRenewalRecord'
  readonly message: string
  /** what to do instead, when there is a right call (ForeignRenewalRecord) */
  readonly action?: {
    readonly call: 'enableAutoRenew' | 'renew'
    readonly core: number
    readonly task: number
    readonly workloadEndHint: number
  }
}

export type Plan = {
  readonly network: Network
  readonly paraId: number
  readonly core: number | undefined
  readonly units: { readonly saleBlocks: 'relay' | 'parachain'; readonly blockMs: number }
  readonly now: Point
  readonly phaseNow: 'interlude' | 'leadin' | 'fixed'
  readonly workloadEndHint: { readonly timeslice: number; readonly reason: string }
  readonly phases: readonly Phase[]
  readonly renewal: {
    /** the sale whose region begins at the hint: where the renewal happens */
    readonly sale: 'current' | 'next' | 'later'
    readonly regionBegin: number
    readonly safeWindow: { readonly start: Point; readonly end: Point }
    readonly deadline: Point
  }
  readonly prices: {
    readonly endPrice: bigint
    readonly salePriceNow: bigint
    readonly renewalPrice: bigint | undefined
    readonly nextRenewalPrice: bigint | undefined
    readonly projection: readonly {
      readonly regionBegin: number
      readonly regionEnd: number
      readonly price: bigint
    }[]
    readonly assumptions: readonly string[]
  }
  readonly funds: { readonly needed: bigint | undefined; readonly balance: bigint | undefined }
  readonly warnings: readonly Warning[]
}

export type PlanError = { readonly code: 'InvalidPlanInput'; readonly message: string }
export type Result =
  | { readonly ok: true; readonly value: Plan }
  | { readonly ok: false; readonly error: PlanError }

const DAY_MS = 86_400_000

/** The live price adapter: `MinimumPrice`, 10 DOT / 1 KSM (fellows #754, release 1.6.0), from the network entry. */
export const liveAdapter = (network: Network): PriceAdapterConfig =>
  Networks.get(network).runtime.priceAdapter

/** Sale blocks far below the region's relay blocks are coretime-chain blocks (pre-migration saleinfo). */
export const detectUnits = (sale: SaleInfoRecord, timeslicePeriod: number): 'relay' | 'parachain' => {
  const regionLength = sale.regionEnd - sale.regionBegin
  return sale.saleStart >= (sale.regionBegin - 2 * regionLength) * timeslicePeriod ? 'relay' : 'parachain'
}

export const plan = (input: Input): Result => {
  const fail = (message: string): Result => ({ ok: false, error: { code: 'InvalidPlanInput', message } })
  if (!ParaId.isValid(input.paraId)) return fail(`paraId: ${input.paraId} is not a u32`)
  const chain = coretime[input.network]
  const TS = chain.timeslicePeriod
  const sale = input.sale
  const saleBlocks = input.saleBlocks ?? detectUnits(sale, TS)
  const network = Networks.get(input.network)
  const blockMs = input.blockMs ?? (saleBlocks === 'relay' ? network.relay.blockMs : network.coretime.blockMs)
  if (!(blockMs > 0)) return fail('blockMs: must be positive')
  const interlude = input.interludeLength ?? Math.round((7 * DAY_MS) / blockMs)
  const advance = input.advanceNotice ?? network.sale.configuration.advanceNotice
  const bump = input.renewalBump ?? network.sale.configuration.renewalBump
  const periods = input.periods ?? 3
  if (!Number.isInteger(periods) || periods < 1 || periods > 100) return fail('periods: expected 1..100')
  const regionLength = sale.regionEnd - sale.regionBegin
  const S: Clock = { block: input.reference.block, timestamp: input.reference.timestamp, blockMs }
  const interludeStart = sale.saleStart - interlude
  // The current sale rotated (interlude began) when relay_block + advance_notice reached the previous
  // region's begin (tick_impls.rs `do_tick` → `rotate_sale` once `commit_timeslice >= sale.region_begin`).
  const relayMs = chain.relayBlockSeconds * 1000
  const R: Clock =
    saleBlocks === 'relay'
      ? S
      : {
          block: (sale.regionBegin - regionLength) * TS - advance,
          timestamp: timeOf(S, interludeStart),
          blockMs: relayMs,
        }
  const fromSale = (block: number): Point => {
    const timestamp = timeOf(S, block)
    const relayBlock =
      saleBlocks === 'relay' ? block : R.block + Math.round((timestamp - R.timestamp) / relayMs)
    return { block, relayBlock, timestamp, date: iso(timestamp) }
  }
  const fromRelay = (relayBlock: number, timeslice?: number): Point => {
    const timestamp = timeOf(R, relayBlock)
    const block =
      saleBlocks === 'relay' ? relayBlock : S.block + Math.round((timestamp - S.timestamp) / blockMs)
    return {
      block,
      relayBlock,
      timestamp,
      date: iso(timestamp),
      ...(timeslice === undefined ? {} : { timeslice }),
    }
  }
  const afterMs = (p: Point, ms: number): Point => {
    const timestamp = p.timestamp + ms
    return {
      block: S.block + Math.round((timestamp - S.timestamp) / blockMs),
      relayBlock: R.block + Math.round((timestamp - R.timestamp) / R.blockMs),
      timestamp,
      date: iso(timestamp),
    }
  }
  const region = (begin: number): Point => fromRelay(begin * TS, begin)
  const rotationFor = (regionBegin: number): Point => fromRelay(regionBegin * TS - advance)

  // Current sale: exact from saleinfo. Next sale: rotates when the current region is about to begin.
  const cur = {
    interlude: fromSale(interludeStart),
    leadin: fromSale(sale.saleStart),
    fixed: fromSale(sale.saleStart + sale.leadinLength),
    end: rotationFor(sale.regionBegin),
  }
  const nextInterlude = cur.end
  const nextLeadin = afterMs(nextInterlude, interlude * blockMs)
  const nextFixed = afterMs(nextLeadin, sale.leadinLength * blockMs)
  const next = {
    interlude: nextInterlude,
    leadin: nextLeadin,
    fixed: nextFixed,
    end: rotationFor(sale.regionEnd),
  }
  const phases: Phase[] = [
    { sale: 'current', name: 'interlude', start: cur.interlude, end: cur.leadin },
    { sale: 'current', name: 'leadin', start: cur.leadin, end: cur.fixed },
    { sale: 'current', name: 'fixed', start: cur.fixed, end: cur.end },
    { sale: 'current', name: 'region', start: region(sale.regionBegin), end: region(sale.regionEnd) },
    { sale: 'next', name: 'interlude', start: next.interlude, end: next.leadin },
    { sale: 'next', name: 'leadin', start: next.leadin, end: next.fixed },
    { sale: 'next', name: 'fixed', start: next.fixed, end: next.end },
    {
      sale: 'next',
      name: 'region',
      start: region(sale.regionEnd),
      end: region(sale.regionEnd + regionLength),
    },
  ]

  const nowBlock = input.now ?? input.reference.block
  const now = fromSale(nowBlock)
  const phaseNow = Sale.phaseAt(sale, nowBlock)
  const hint = EndHint.endOf(input.coverage, sale)
  const foreign = foreignRecords(input, hint)
  const own = ownRecord(input, hint)
  const record =
    foreign.length > 0 && own?.when === hint
      ? own
      : input.potentialRenewals?.find((r) => r.core === input.core && r.when === hint)
  const renewalPrice = input.renewalPrice ?? record?.price

  // Renewal happens in the sale whose region begins at the hint (PotentialRenewals key `when` = region_begin).
  const renewalSale: Plan['renewal']['sale'] =
    hint === sale.regionBegin ? 'current' : hint === sale.regionEnd ? 'next' : 'later'
  const window =
    renewalSale === 'current'
      ? { start: cur.interlude, end: cur.leadin }
      : renewalSale === 'next'
        ? { start: next.interlude, end: next.leadin }
        : {
            start: rotationFor(hint - regionLength),
            end: afterMs(rotationFor(hint - regionLength), interlude * blockMs),
          }
  const deadline = rotationFor(hint)

  // Prices. Before the sale starts the price is the top of the lead-in (Sale.priceAt clamps at 0).
  const adapter = input.adapter ?? liveAdapter(input.network)
  const rule = input.rule ?? 'floorAtEndPrice'
  const minimum = adapter.kind === 'MinimumPrice' ? adapter.minimumEndPrice : 0n
  const futureEnd = input.assumedEndPrice ?? (sale.endPrice > minimum ? sale.endPrice : minimum)
  const topPrice = (endPrice: bigint): bigint =>
    Sale.priceAt({ saleStart: 1, leadinLength: sale.leadinLength, endPrice }, 0, adapter, U128_MAX)
  const salePriceNow = Sale.priceAt(sale, nowBlock, adapter, U128_MAX)
  const assumptions = [
    `renewals happen in the interlude (auto-renewal runs at the sale rotation), so the sale price then is the lead-in top`,
    `renewal rule: ${rule === 'floorAtEndPrice' ? 'min(sale price, max(paid + bump, end price)) (RFC-149)' : 'min(sale price, paid + bump)'}; bump ${Perbill.format(bump)}`,
    `future sales' end price stays ${formatToken(futureEnd, tokenOf(input.network))}${input.assumedEndPrice === undefined ? ` (current end price${minimum > 0n ? ', floored at the adapter minimum' : ''})` : ''}`,
    `dates assume ${blockMs / 1000} s ${saleBlocks === 'relay' ? 'relay' : 'coretime-chain'} blocks from the reference block`,
  ]
  const projection: { regionBegin: number; regionEnd: number; price: bigint }[] = []
  if (renewalPrice !== undefined) {
    let paid = renewalPrice
    for (let k = 0; k < periods; k++) {
      const begin = hint + k * regionLength
      projection.push({ regionBegin: begin, regionEnd: begin + regionLength, price: paid })
      const end = k === 0 && renewalSale === 'current' ? sale.endPrice : futureEnd
      // dispatchable_impls.rs `do_renew`: the record for the following region.
      paid = Renewal.nextPrice(rule, paid, bump, end, topPrice(end))
    }
  }
  const nextRenewalPrice = projection[1]?.price

  const warnings: Warning[] = []
  const token = tokenOf(input.network)
  if (saleBlocks === 'parachain')
    warnings.push({
      code: 'ParachainBlocks',
      message: `saleStart ${sale.saleStart} is a coretime-chain block (broker before the relay-block migration, fellows 1.6.0); dates use ${blockMs / 1000} s blocks and relay dates are anchored at the sale rotation`,
    })
  if (ParaId.isSystem(input.paraId))
    warnings.push({
      code: 'SystemChain',
      message: `para ${input.paraId} is a system chain: its cores are reserved, not renewed`,
    })
  if (renewalSale === 'current' && sale.coresSold >= sale.coresOffered)
    warnings.push({
      code: 'SoldOut',
      message: `the current sale is sold out (${sale.coresSold}/${sale.coresOffered} cores): renewing in it fails with SoldOut`,
    })
  if (now.timestamp >= deadline.timestamp)
    warnings.push({
      code: 'DeadlinePassed',
      message: `the renewal deadline (sale rotation at ${deadline.date}) has passed: the core is lost unless bought again`,
    })
  else if (now.timestamp >= window.end.timestamp)
    warnings.push({
      code: 'InterludeOver',
      message: `the interlude ended at ${window.end.date}: renew now, before the cores sell out (deadline ${deadline.date})`,
    })
  if (renewalPrice === undefined && input.potentialRenewals !== undefined)
    warnings.push({
      code: 'RenewalNotPossible',
      message: `broker.potentialRenewals has no entry for core ${input.core ?? '?'} at when=${hint}: renewal is not possible from this core (buy a core in the sale instead)`,
    })
  else if (renewalPrice === undefined)
    warnings.push({
      code: 'NoRenewalRecord',
      message: `no renewal price given: renewal is possible only if broker.potentialRenewals has core ${input.core ?? '?'} at when=${hint}`,
    })
  if (input.autoRenewals === undefined)
    warnings.push({
      code: 'AutoRenewalUnknown',
      message: 'auto-renewal state unknown: pass broker.autoRenewals to check it',
    })
  else if (
    !input.autoRenewals.some(
      (r) => r.task === input.paraId && (input.core === undefined || r.core === input.core),
    )
  )
    warnings.push({
      code: 'AutoRenewalMissing',
      message: `no auto-renewal record for task ${input.paraId}${input.core === undefined ? '' : ` on core ${input.core}`}: enable it (coretime autorenew) or renew by hand`,
    })
  for (const f of foreign) warnings.push(foreignWarning(input.paraId, f, own, input.autoRenewals))
  const autoMissing =
    input.autoRenewals !== undefined && warnings.some((w) => w.code === 'AutoRenewalMissing')
  const needed =
    projection.length === 0
      ? undefined
      : projection.reduce(
          (a, p) => a + p.price,
          chain.existentialDeposit + (autoMissing ? (input.fee ?? 0n) : 0n),
        )
  if (needed !== undefined && input.balance !== undefined && input.balance < needed)
    warnings.push({
      code: 'FundsShort',
      message: `the sovereign account holds ${input.balance} planck but ${periods} renewal(s) need ${needed} planck (${token.symbol}: short by ${needed - input.balance} planck)`,
    })

  return {
    ok: true,
    value: {
      network: input.network,
      paraId: input.paraId,
      core: input.core,
      units: { saleBlocks, blockMs },
      now,
      phaseNow,
      workloadEndHint: { timeslice: hint, reason: EndHint.describe(input.coverage) },
      phases,
      renewal: { sale: renewalSale, regionBegin: hint, safeWindow: window, deadline },
      prices: {
        endPrice: sale.endPrice,
        salePriceNow,
        renewalPrice,
        nextRenewalPrice,
        projection,
        assumptions,
      },
      funds: { needed, balance: input.balance },
      warnings,
    },
  }
}

type RenewalEntry = NonNullable<Input['potentialRenewals']>[number]

/**
 * Renewal records another task holds on a core this para would renew: the core it names (`core`)
 * and the cores of its auto-renewal records, at the region they renew into. Live `do_renew` and
 * `renew_cores` renew whatever record sits at (core, region begin), whoever's task it is
 * (dispatchable_impls.rs `do_renew`, tick_impls.rs `renew_cores`), so the para's sovereign
 * account would pay for that task's coretime.
 */
const foreignRecords = (input: Input, hint: number): RenewalEntry[] => {
  const records = input.potentialRenewals ?? []
  const checks: { core: number; when: number }[] = []
  if (input.core !== undefined) checks.push({ core: input.core, when: hint })
  for (const a of input.autoRenewals ?? [])
    if (a.task === input.paraId) checks.push({ core: a.core, when: a.nextRenewal })
  const out: RenewalEntry[] = []
  for (const c of checks) {
    const r = records.find((x) => x.core === c.core && x.when === c.when)
    if (r && typeof r.task === 'number' && r.task !== input.paraId && !out.includes(r)) out.push(r)
  }
  return out
}

/** The para's own renewal record: at the hint if there is one, else its earliest one. */
const ownRecord = (input: Input, hint: number): RenewalEntry | undefined => {
  const mine = (input.potentialRenewals ?? []).filter((r) => r.task === input.paraId)
  return mine.find((r) => r.when === hint) ?? [...mine].sort((a, b) => a.when - b.when)[0]
}

const foreignWarning = (
  para: number,
  f: RenewalEntry,
  own: RenewalEntry | undefined,
  autoRenewals: Input['autoRenewals'],
): Warning => {
  const auto = autoRenewals?.some((a) => a.task === para && a.core === f.core) ?? false
  const risk = `core ${f.core} at when=${f.when} holds task ${f.task}'s renewal record, not para ${para}'s: ${auto ? 'the auto-renewal of' : 'renewing'} core ${f.core} would pay for task ${f.task}'s coretime from para ${para}'s sovereign account and leave para ${para}'s own record unrenewed`
  if (own === undefined)
    return {
      code: 'ForeignRenewalRecord',
      message: `${risk}. Para ${para} has no renewal record: do not renew core ${f.core}${auto ? ` (disable_auto_renew(core ${f.core}, task ${para}))` : ''}; buy a core in the sale instead`,
    }
  const action = { call: 'enableAutoRenew' as const, core: own.core, task: para, workloadEndHint: own.when }
  return {
    code: 'ForeignRenewalRecord',
    message: `${risk}. Para ${para}'s record is core ${own.core} at when=${own.when}: ${auto ? `disable_auto_renew(core ${f.core}, task ${para}), then ` : ''}enable_auto_renew(core ${own.core}, task ${para}, workload_end_hint ${own.when}) (coretime autorenew --core ${own.core}), or renew core ${own.core} by hand in that sale`,
    action,
  }
}
