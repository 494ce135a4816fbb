import { Broker, Clock, Networks, Sale, Token } from '@coretime/core'
import { relayClock, type Snapshot } from './Snapshot'
import { toBrokerState } from './State'

/**
 * What `coretime status` shows, computed from a snapshot with the exact engine: the sale phase now,
 * the price now and at the end of the lead-in, cores offered and sold, the dates of the next phases
 * and the renewals due in this sale with their prices. Dates count 6 s relay blocks from the relay
 * block read and its timestamp (an estimate: slots can be missed).
 */
export type Point = { readonly block: number; readonly date: string }

export type View = {
  readonly network: Snapshot['network']
  readonly token: { readonly symbol: string; readonly decimals: number }
  readonly now: Point
  readonly chains: { readonly coretime: string; readonly relay: string }
  readonly sale: null | {
    readonly phase: 'interlude' | 'leadin' | 'fixed'
    readonly priceNow: bigint
    /** the lead-in's top price (at the sale start) */
    readonly startPrice: bigint
    /** the price once the lead-in ends: the end price */
    readonly leadinEndPrice: bigint
    readonly selloutPrice: bigint | null
    readonly coresOffered: number
    readonly coresSold: number
    readonly idealCoresSold: number
    readonly firstCore: number
    readonly region: {
      readonly begin: number
      readonly end: number
      readonly beginDate: string
      readonly endDate: string
    }
    /** upcoming phase boundaries, in order */
    readonly next: readonly { readonly name: string; readonly at: Point }[]
  }
  /** potential renewals whose region begins with the current sale's region */
  readonly renewalsDue: readonly {
    readonly core: number
    readonly when: number
    readonly price: bigint
    readonly task: number | null
    readonly complete: boolean
    readonly autoRenew: boolean
  }[]
  /** null: no relay was read */
  readonly onDemand: null | { readonly baseFee: bigint; readonly queued: number; readonly numCores: number }
}

/** ms per relay block of a network (core's `Networks`). */
export const relayBlockMs = (network: Networks.Network): number => Networks.get(network).relay.blockMs

export const of = (s: Snapshot): View => {
  const token = Token.of(s.network)
  const clock: Clock.Clock = { ...relayClock(s), blockMs: relayBlockMs(s.network) }
  const point = (block: number): Point => ({ block, date: Clock.iso(Clock.timeOf(clock, block)) })
  const now = clock.block
  const state = toBrokerState(s)
  const max = Broker.maxBalance(state.runtime)
  const adapter = state.runtime.priceAdapter
  const sale = s.broker.saleInfo
  const config = s.broker.configuration
  const TS = s.constants.timeslicePeriod
  let saleView: View['sale'] = null
  if (sale) {
    const leadinEnd = sale.saleStart + sale.leadinLength
    const rotation = sale.regionBegin * TS - (config?.advanceNotice ?? 0)
    const boundaries = [
      { name: 'lead-in starts', block: sale.saleStart },
      { name: 'lead-in ends (fixed price)', block: leadinEnd },
      { name: 'next sale (interlude) starts', block: rotation },
      { name: 'region begins', block: sale.regionBegin * TS },
      ...(config ? [{ name: 'next lead-in starts', block: rotation + config.interludeLength }] : []),
    ]
    saleView = {
      phase: Sale.phaseAt(sale, now),
      priceNow: Sale.priceAt(sale, now, adapter, max),
      startPrice: Sale.priceAt(sale, sale.saleStart, adapter, max),
      leadinEndPrice: Sale.priceAt(sale, leadinEnd, adapter, max),
      selloutPrice: sale.selloutPrice,
      coresOffered: sale.coresOffered,
      coresSold: sale.coresSold,
      idealCoresSold: sale.idealCoresSold,
      firstCore: sale.firstCore,
      region: {
        begin: sale.regionBegin,
        end: sale.regionEnd,
        beginDate: point(sale.regionBegin * TS).date,
        endDate: point(sale.regionEnd * TS).date,
      },
      next: boundaries
        .filter((b) => b.block > now)
        .sort((a, b) => a.block - b.block)
        .map((b) => ({ name: b.name, at: point(b.block) })),
    }
  }
  const auto = new Set(s.broker.autoRenewals.map((a) => `${a.core}:${a.task}`))
  const renewalsDue = sale
    ? s.broker.potentialRenewals
        .filter((r) => r.when === sale.regionBegin)
        .map((r) => {
          const complete = 'complete' in r.completion
          const first = complete
            ? (r.completion as { complete: { assignment: unknown }[] }).complete[0]
            : undefined
          const a = first?.assignment
          const task =
            typeof a === 'object' && a !== null && 'task' in a ? (a as { task: number }).task : null
          return {
            core: r.core,
            when: r.when,
            price: r.price,
            task,
            complete,
            autoRenew: task !== null && auto.has(`${r.core}:${task}`),
          }
        })
    : []
  return {
    network: s.network,
    token: { symbol: token.symbol, decimals: token.decimals },
    now: point(now),
    chains: {
      coretime: `${s.coretime.specName} ${s.coretime.specVersion} #${s.coretime.block}`,
      relay: s.relay ? `${s.relay.specName} ${s.relay.specVersion} #${s.relay.block}` : 'not read',
    },
    sale: saleView,
    renewalsDue,
    onDemand: s.onDemand && {
      baseFee: s.onDemand.baseFee,
      queued: s.onDemand.queue.length,
      numCores: s.onDemand.numCores,
    },
  }
}
