import type { Actor } from './Actor'
import type { Decisions, IntentType, SaleView } from './View'

/**
 * A sale view over a straight-line lead-in (price falls by 1 planck a block from `start` to
 * `end`, flat after), and decisions that are just recorded: for testing agent modules alone.
 */
export const fakeView = (o: Partial<SaleView> & { start?: bigint; end?: bigint } = {}): SaleView => {
  const saleStart = o.saleStart ?? 100
  const leadinLength = o.leadinLength ?? 50
  const leadinEnd = saleStart + leadinLength
  const lastBlock = o.lastBlock ?? 200
  const start = o.start ?? 1000n
  const end = o.end ?? 950n
  const priceAt = (b: number): bigint =>
    b >= leadinEnd ? end : b <= saleStart ? start : start - BigInt(b - saleStart)
  const clampBuy = (from: number) => Math.min(Math.max(from, saleStart + 1), lastBlock)
  return {
    k: 1,
    now: 10,
    saleStart,
    leadinLength,
    leadinEnd,
    lastBlock,
    regionBegin: 5,
    regionEnd: 10,
    tableRenewalsLeft: 0,
    priceAt,
    firstAtOrBelow: (from, limit) => {
      for (let b = from; b <= lastBlock; b++) if (priceAt(b) <= limit) return b
      return null
    },
    interludeBlock: () => 11,
    leadinBlock: (f) => clampBuy(saleStart + Math.round(f * leadinLength)),
    clampBuy,
    ...o,
  }
}

export interface Recorded {
  intents: { type: IntentType; id: string; block: number; limit: bigint; count: number }[]
  failures: { id: string; reason: string }[]
  lapsed: string[]
}

export const recorder = (): { out: Decisions; seen: Recorded } => {
  const seen: Recorded = { intents: [], failures: [], lapsed: [] }
  return {
    seen,
    out: {
      intend: (type, a: Actor, block, limit, count) =>
        seen.intents.push({ type, id: a.id, block, limit, count }),
      fail: (a, reason) => seen.failures.push({ id: a.id, reason }),
      lapse: (a) => seen.lapsed.push(a.id),
    },
  }
}
