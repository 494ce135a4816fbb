import type * as Snapshot from '@coretime/chain/snapshot'
import * as Status from '@coretime/chain/status'
import { Broker, Networks, PriceAdapter, Sale } from '@coretime/core'

/**
 * "Now": where the sale read from the chain (a snapshot file or live state) stands, as
 * `coretime status` shows it (`@coretime/chain`'s Status, the exact engine), with this sale's price
 * curve and what the adapter would make the next sale's end price if the sale ended now
 * (`PriceAdapter.next` of @coretime/core on the sale so far). Loaded with a snapshot, not the page.
 */
export interface NowView {
  readonly status: Status.View
  /** relay block of the read */
  readonly block: number
  /** this sale's price from its rotation to the next, sampled (planck) */
  readonly curve: readonly { readonly block: number; readonly price: bigint }[]
  readonly rotation: number
  readonly close: number
  /** `PriceAdapter.next` on the sale's performance so far: the next end price if it ended now */
  readonly nextEndPrice: bigint | null
  /** ms from the read to the next phase boundary, and its name */
  readonly countdown: { readonly name: string; readonly ms: number } | null
}

const SAMPLES = 64

export const nowOf = (s: Snapshot.Snapshot): NowView => {
  const status = Status.of(s)
  const sale = s.broker.saleInfo
  const config = s.broker.configuration
  const runtime = Networks.get(s.network).runtime
  const max = Broker.maxBalance(runtime)
  const TS = s.constants.timeslicePeriod
  const next = status.sale?.next[0]
  const countdown = next
    ? { name: next.name, ms: Date.parse(next.at.date) - Date.parse(status.now.date) }
    : null
  if (!sale)
    return {
      status,
      block: status.now.block,
      curve: [],
      rotation: 0,
      close: 0,
      nextEndPrice: null,
      countdown,
    }
  const rotation = sale.saleStart - (config?.interludeLength ?? 0)
  const close = sale.regionBegin * TS - (config?.advanceNotice ?? 0)
  const blocks = [
    rotation,
    ...Array.from(
      { length: SAMPLES + 1 },
      (_, i) => sale.saleStart + Math.round((sale.leadinLength * i) / SAMPLES),
    ),
    close,
  ]
  const curve = blocks
    .filter((b, i, xs) => i === 0 || b > (xs[i - 1] ?? 0))
    .map((block) => ({ block, price: Sale.priceAt(sale, block, runtime.priceAdapter, max) }))
  const nextEndPrice = PriceAdapter.next(
    runtime.priceAdapter,
    {
      selloutPrice: sale.selloutPrice,
      endPrice: sale.endPrice,
      idealCoresSold: sale.idealCoresSold,
      coresOffered: sale.coresOffered,
      coresSold: sale.coresSold,
    },
    max,
  ).endPrice
  return { status, block: status.now.block, curve, rotation, close, nextEndPrice, countdown }
}
