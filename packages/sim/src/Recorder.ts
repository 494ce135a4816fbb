import { type BlockNumber, type BrokerCall, CoreMask, type Origin, type Runtime } from '@coretime/core'

/**
 * Records the engine calls of a run and writes them as a `coretime-trace/1` file
 * (shared/spec/trace-format.md), so every simulated run can be replayed and audited.
 */
export interface RecordedStep {
  block: BlockNumber
  origin: Origin | null
  call: BrokerCall | null
}

export type TraceJson = {
  format: 'coretime-trace/1'
  name: string
  runtime: Record<string, unknown>
  balances: Record<string, string>
  steps: Record<string, unknown>[]
}

const MASK_KEYS = new Set(['mask', 'pivot'])

/** Call args as trace JSON: bigints as decimal strings, masks as 0x-prefixed 20-hex-digit strings. */
const toJson = (v: unknown, key = ''): unknown => {
  if (typeof v === 'bigint') return MASK_KEYS.has(key) ? CoreMask.toHex(v) : v.toString()
  if (Array.isArray(v)) return v.map((x) => toJson(x))
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = toJson(x, k)
    return out
  }
  return v
}

export const runtimeJson = (runtime: Runtime, startBlock: number): Record<string, unknown> => ({
  timeslicePeriod: runtime.timeslicePeriod,
  priceAdapter: toJson(runtime.priceAdapter),
  renewalPriceRule: runtime.renewalPriceRule,
  maxLeasedCores: runtime.maxLeasedCores,
  maxReservedCores: runtime.maxReservedCores,
  maxAutoRenewals: runtime.maxAutoRenewals,
  minimumCreditPurchase: runtime.minimumCreditPurchase.toString(),
  balanceBits: runtime.balanceBits,
  sovereignAccount: runtime.sovereignAccount,
  revenueAccount: runtime.revenueAccount,
  startBlock,
})

/** The trace of a run: its runtime, starting balances (sorted by account) and steps. */
export const toTrace = (
  name: string,
  runtime: Runtime,
  startBlock: number,
  balances: ReadonlyMap<string, bigint>,
  steps: readonly RecordedStep[],
): TraceJson => ({
  format: 'coretime-trace/1',
  name,
  runtime: runtimeJson(runtime, startBlock),
  balances: Object.fromEntries(
    [...balances.entries()]
      .filter(([, b]) => b !== 0n)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, b]) => [k, b.toString()]),
  ),
  steps: steps.map((s) =>
    s.call === null
      ? { block: s.block }
      : { block: s.block, origin: s.origin, call: s.call.call, args: toJson(s.call.args) },
  ),
})
