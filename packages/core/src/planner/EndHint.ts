import type { LeaseRecordItem, SaleInfoRecord, TaskId, Timeslice } from '../broker/types'

/**
 * Which core to name in `enable_auto_renew` and what `workload_end_hint` to give, by the rules of the
 * docs.polkadot.com "Coretime Renewal" guide (seed 002): the core from `broker.workplan` if the task is
 * there, else from `broker.workload`; the hint is the sale's `regionBegin` when the core expires in the
 * current sale, `regionEnd` when it was already renewed, or the lease's `until`.
 */
export type Assignment = {
  readonly core: number
  readonly task: TaskId
  readonly timeslice?: Timeslice | undefined
}

export type Coverage =
  /** coretime ends when the current sale's region begins: renew in this sale */
  | { readonly kind: 'currentSale' }
  /** already renewed (or bought) for the sale's region: ends at `regionEnd` */
  | { readonly kind: 'renewed' }
  /** a legacy lease ends at `until` */
  | { readonly kind: 'lease'; readonly until: Timeslice }

export type HintError = { readonly code: 'NoCore' | 'NoCoverage'; readonly message: string }
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: HintError }

/** workplan first (the core the task will have), then workload (the core it has now). */
export const pickCore = (
  task: TaskId,
  workplan: readonly Assignment[],
  workload: readonly Assignment[],
): Result<{ core: number; source: 'workplan' | 'workload' }> => {
  const planned = workplan.find((a) => a.task === task)
  if (planned) return { ok: true, value: { core: planned.core, source: 'workplan' } }
  const current = workload.find((a) => a.task === task)
  if (current) return { ok: true, value: { core: current.core, source: 'workload' } }
  return {
    ok: false,
    error: {
      code: 'NoCore',
      message: `task ${task} is in neither broker.workplan nor broker.workload: no core to renew`,
    },
  }
}

/**
 * Coverage from chain state: a lease for the task wins; a workplan entry at or after the sale's
 * `regionBegin` means the next region is already paid for (renewed); otherwise it ends at `regionBegin`.
 */
export const coverageOf = (
  task: TaskId,
  sale: Pick<SaleInfoRecord, 'regionBegin'>,
  workplan: readonly Assignment[],
  leases: readonly LeaseRecordItem[],
): Coverage => {
  const lease = leases.find((l) => l.task === task)
  if (lease) return { kind: 'lease', until: lease.until }
  const renewed = workplan.some(
    (a) => a.task === task && (a.timeslice === undefined || a.timeslice >= sale.regionBegin),
  )
  return renewed ? { kind: 'renewed' } : { kind: 'currentSale' }
}

/** The timeslice at which the task's current coretime ends: the `workload_end_hint`. */
export const endOf = (
  coverage: Coverage,
  sale: Pick<SaleInfoRecord, 'regionBegin' | 'regionEnd'>,
): Timeslice => {
  switch (coverage.kind) {
    case 'currentSale':
      return sale.regionBegin
    case 'renewed':
      return sale.regionEnd
    case 'lease':
      return coverage.until
  }
}

export const describe = (coverage: Coverage): string => {
  switch (coverage.kind) {
    case 'currentSale':
      return 'coretime ends when the current sale region begins (renew in this sale): hint = saleinfo.regionBegin'
    case 'renewed':
      return 'already renewed for the current sale region: hint = saleinfo.regionEnd'
    case 'lease':
      return `lease ends at timeslice ${coverage.until}: hint = lease until`
  }
}
