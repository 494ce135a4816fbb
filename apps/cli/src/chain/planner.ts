import { Snapshot } from '@coretime/chain'
import { Clock } from '@coretime/core'
import { UsageError } from '../errors'

/**
 * A chain snapshot (`coretime-snapshot/1`) in the planner's snapshot shape (commands/plan.ts
 * `snapshotSchema`): the sale, the task assignments of the workplan and workload, leases,
 * auto-renewals, potential renewals, the configuration and the relay block read with its time.
 */
export const isChainSnapshot = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && (json as { format?: unknown }).format === Snapshot.FORMAT

const tasks = (schedule: Snapshot.Snapshot['broker']['reservations'][number]): number[] =>
  schedule.flatMap((i) => (typeof i.assignment === 'object' ? [i.assignment.task] : []))

export const toPlannerSnapshot = (s: Snapshot.Snapshot): Record<string, unknown> => {
  const b = s.broker
  if (!b.saleInfo) throw new UsageError('--snapshot: the chain has no sale yet (Broker.SaleInfo is empty)')
  return {
    network: s.network,
    saleinfo: {
      ...b.saleInfo,
      endPrice: String(b.saleInfo.endPrice),
      selloutPrice: b.saleInfo.selloutPrice === null ? null : String(b.saleInfo.selloutPrice),
    },
    workplan: b.workplan.flatMap((w) =>
      tasks(w.schedule).map((task) => ({ core: w.core, task, timeslice: w.timeslice })),
    ),
    workload: b.workload.flatMap((w) => tasks(w.schedule).map((task) => ({ core: w.core, task }))),
    leases: b.leases.map((l) => ({ until: l.until, task: l.task })),
    autoRenewals: b.autoRenewals.map((a) => ({ ...a })),
    potentialRenewals: b.potentialRenewals.map((r) => ({
      core: r.core,
      when: r.when,
      price: String(r.price),
      // the task a complete record renews (its first task item), null for a partial or task-less one
      task: 'complete' in r.completion ? (tasks(r.completion.complete)[0] ?? null) : null,
    })),
    reference: { block: Snapshot.relayClock(s).block, time: Clock.iso(Snapshot.relayClock(s).timestamp) },
    ...(b.configuration
      ? {
          config: {
            interludeLength: b.configuration.interludeLength,
            advanceNotice: b.configuration.advanceNotice,
            renewalBump: Number(b.configuration.renewalBump),
          },
        }
      : {}),
  }
}

/** Parsed JSON of `--snapshot`: a chain snapshot is validated and converted; anything else passes through. */
export const plannerInput = (json: unknown): unknown => {
  if (!isChainSnapshot(json)) return json
  const r = Snapshot.fromPlain(json)
  if (!r.ok) throw new UsageError(`--snapshot: ${r.error.message}`)
  return toPlannerSnapshot(r.value)
}
