import * as Snapshot from '@coretime/chain/snapshot'
import { type Failure, Networks, type Result, Results } from '@coretime/core'
import type { ViewState } from './state'

/**
 * Loading a chain snapshot (`coretime snapshot -o FILE`, docs/chain.md) as the starting point: the
 * governance configuration, the current sale's end price, cores offered, the date of its rotation,
 * and as demand the renewals due and the cores sold so far. The web simulator starts a fresh sale
 * with these values; `coretime simulate --from FILE` continues the exact chain state instead.
 */
export interface Start {
  readonly state: ViewState
  /** Where the view came from, one line (`Loaded polkadot at relay block …`). */
  readonly note: string
  readonly snapshot: Snapshot.Snapshot
}

/**
 * Why a snapshot or a live read gave no starting view: a file that is not a snapshot
 * (`InvalidSnapshot`), a chain without a sale yet (`NoSale`), an endpoint that is not ws:// or
 * wss:// (`InvalidEndpoint`), a read cancelled (`Aborted`) or failed (`ChainUnreadable`, with the
 * chain's own code in `chainCode`: Timeout, Unreachable, BadAnswer, …). `message` is the whole line
 * the page shows.
 */
export type LoadError =
  | Failure<'InvalidSnapshot' | 'NoSale' | 'InvalidEndpoint' | 'Aborted'>
  | (Failure<'ChainUnreadable'> & { readonly chainCode: string | null })

export type Loaded = Result<Start, LoadError>

const DAY_MS = 86_400_000
/** Perbill parts → percent with at most two decimals (what the inputs hold). */
const percent = (parts: bigint): number => Math.round(Number(parts) / 100_000) / 100

export const fromSnapshotText = (text: string, base: ViewState): Loaded => {
  const r = Snapshot.parse(text)
  if (!r.ok)
    return Results.fail({ code: 'InvalidSnapshot', message: `Snapshot not loaded: ${r.error.message}` })
  return fromSnapshot(r.value, base)
}

/**
 * A snapshot (from a file or read live, `./live`) as the starting view. `source` opens the note and
 * the error: `Loaded` / `Snapshot not loaded` for files.
 */
export const fromSnapshot = (
  s: Snapshot.Snapshot,
  base: ViewState,
  source: { readonly loaded: string; readonly failed: string } = {
    loaded: 'Loaded',
    failed: 'Snapshot not loaded',
  },
): Loaded => {
  const { configuration: c, saleInfo: sale } = s.broker
  if (!c || !sale)
    return Results.fail({ code: 'NoSale', message: `${source.failed}: the chain has no sale yet` })
  const network = Networks.get(s.network)
  const adapter = network.runtime.priceAdapter
  const TS = s.constants.timeslicePeriod
  const rotation = (sale.regionBegin - c.regionLength) * TS - c.advanceNotice
  const relay = Snapshot.relayClock(s)
  const rotationMs = relay.timestamp + (rotation - relay.block) * network.relay.blockMs
  const renewals = s.broker.potentialRenewals.filter(
    (p) => p.when === sale.regionBegin && 'complete' in p.completion,
  ).length
  const state: ViewState = {
    ...base,
    network: s.network,
    start: new Date(Math.floor(rotationMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10),
    a: {
      ...base.a,
      adapter: 'MinimumPrice',
      minPrice: adapter.kind === 'MinimumPrice' ? adapter.minimumEndPrice : base.a.minPrice,
      startPrice: sale.endPrice,
      interlude: c.interludeLength,
      leadin: c.leadinLength,
      regionLength: c.regionLength,
      idealPct: percent(c.idealBulkProportion),
      coreLimit: c.limitCoresOffered ?? sale.coresOffered,
      bumpPct: percent(c.renewalBump),
      renewalRule: 'floorAtEndPrice',
    },
    b: null,
    demand: { ...base.demand, mode: 'constant', renewals: [renewals], purchases: [sale.coresSold] },
  }
  const note = `${source.loaded} ${s.network} at relay block ${relay.block}: sale of region ${sale.regionBegin}–${sale.regionEnd}, ${sale.coresSold} of ${sale.coresOffered} cores sold, ${renewals} renewals due.`
  return Results.ok({ state, note, snapshot: s })
}
