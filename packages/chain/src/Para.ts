import { AutoRenew, EndHint, Networks, Plan, Sovereign, Ss58 } from '@coretime/core'
import type { PolkadotClient } from 'polkadot-api'
import { relayClock, type Snapshot } from './Snapshot'

/**
 * One parachain as the Coretime chain sees it, from a snapshot: its core now (`Workload`) and next
 * (`Workplan`), a legacy lease, its renewal records and auto-renewal, its sibling sovereign account,
 * and the planner's plan (core `Plan.plan`: deadline as a date, prices of the next renewals, funds
 * needed against the account's balance, warnings). Every figure comes from the planner or the
 * chain's own records; nothing is priced here.
 */
export type View = {
  readonly paraId: number
  readonly network: Snapshot['network']
  readonly sovereign: { readonly hex: string; readonly ss58: string }
  /** cores running the para now (`Workload`) */
  readonly coresNow: readonly number[]
  /** where the para is planned (`Workplan`): from which timeslice on which core */
  readonly next: readonly { readonly core: number; readonly timeslice: number }[]
  /** a legacy lease: until which timeslice */
  readonly lease: number | null
  /** renewal rights whose completed workload is this para's (`PotentialRenewals`) */
  readonly renewals: readonly { readonly core: number; readonly when: number; readonly price: bigint }[]
  readonly autoRenewal: { readonly core: number; readonly nextRenewal: number } | null
  /** the core the planner renews (workplan first, then workload); null: none found */
  readonly core: number | null
  readonly plan: Plan.Result
}

export type Options = {
  /** free balance of the sovereign account, planck (read with the snapshot's block) */
  readonly balance?: bigint
  /** renewals to fund and project; default 3 */
  readonly periods?: number
}

const tasksOf = (schedule: readonly { assignment: unknown }[]): number[] =>
  schedule.flatMap((i) =>
    typeof i.assignment === 'object' && i.assignment !== null && 'task' in i.assignment
      ? [(i.assignment as { task: number }).task]
      : [],
  )

/** The para's sibling account on the Coretime chain (core `Sovereign.sibling`), with the network's prefix. */
export const sovereignOf = (network: Snapshot['network'], paraId: number) => {
  const id = Sovereign.sibling(paraId)
  return {
    hex: `0x${Array.from(id, (b) => b.toString(16).padStart(2, '0')).join('')}`,
    ss58: Ss58.encode(id, Networks.get(network).ss58Prefix),
  }
}

/** Paras the snapshot knows: in the workload, the workplan, a lease or a renewal record, ascending. */
export const parasOf = (s: Snapshot): number[] => {
  const b = s.broker
  const ids = new Set<number>([
    ...b.workload.flatMap((w) => tasksOf(w.schedule)),
    ...b.workplan.flatMap((w) => tasksOf(w.schedule)),
    ...b.leases.map((l) => l.task),
    ...b.potentialRenewals.flatMap((r) => ('complete' in r.completion ? tasksOf(r.completion.complete) : [])),
  ])
  return [...ids].sort((a, b) => a - b)
}

export const of = (s: Snapshot, paraId: number, o: Options = {}): View => {
  const b = s.broker
  const workload = b.workload.flatMap((w) => tasksOf(w.schedule).map((task) => ({ core: w.core, task })))
  const workplan = b.workplan.flatMap((w) =>
    tasksOf(w.schedule).map((task) => ({ core: w.core, task, timeslice: w.timeslice })),
  )
  const potential = b.potentialRenewals.map((r) => {
    const tasks = 'complete' in r.completion ? tasksOf(r.completion.complete) : []
    return {
      core: r.core,
      when: r.when,
      price: r.price,
      task: tasks.length === 1 ? (tasks[0] ?? null) : null,
    }
  })
  const picked = EndHint.pickCore(paraId, workplan, workload)
  const core = picked.ok ? picked.value.core : null
  const auto = b.autoRenewals.find((a) => a.task === paraId)
  const lease = b.leases.find((l) => l.task === paraId)
  const clock = relayClock(s)
  const sale = b.saleInfo
  const plan: Plan.Result = sale
    ? Plan.plan({
        network: s.network,
        paraId,
        sale,
        reference: { block: clock.block, timestamp: clock.timestamp },
        saleBlocks: 'relay',
        ...(b.configuration
          ? {
              interludeLength: b.configuration.interludeLength,
              advanceNotice: b.configuration.advanceNotice,
              renewalBump: b.configuration.renewalBump,
            }
          : {}),
        coverage: EndHint.coverageOf(paraId, sale, workplan, b.leases),
        ...(core === null ? {} : { core }),
        potentialRenewals: potential,
        autoRenewals: b.autoRenewals,
        // the XCM fee `autoRenew` assumes: counted in the funds while auto-renewal is off, as there
        fee: Networks.get(s.network).coretime.assumedXcmFee,
        ...(o.balance === undefined ? {} : { balance: o.balance }),
        ...(o.periods === undefined ? {} : { periods: o.periods }),
      })
    : { ok: false, error: { code: 'InvalidPlanInput', message: 'the chain has no sale yet' } }
  return {
    paraId,
    network: s.network,
    sovereign: sovereignOf(s.network, paraId),
    coresNow: workload.filter((w) => w.task === paraId).map((w) => w.core),
    next: workplan.filter((w) => w.task === paraId).map((w) => ({ core: w.core, timeslice: w.timeslice })),
    lease: lease ? lease.until : null,
    renewals: potential
      .filter((r) => r.task === paraId)
      .map((r) => ({ core: r.core, when: r.when, price: r.price })),
    autoRenewal: auto ? { core: auto.core, nextRenewal: auto.nextRenewal } : null,
    core,
    plan,
  }
}

/**
 * Auto-renewal for the para as the planner builds it (core `AutoRenew.setup`): the
 * `enable_auto_renew` call with the plan's core and `workload_end_hint`, the XCM program the para
 * sends, and — given the para's XCM pallet index — the `send` call its sudo or governance dispatches.
 * The Transact weight and the fee are the CLI's assumptions (1e9 ref_time, 1e5 proof_size; the
 * network's assumed XCM fee, refunded when unused).
 */
export const autoRenew = (v: View, xcmPalletIndex?: number): AutoRenew.Result => {
  if (!v.plan.ok) return { ok: false, error: { code: 'InvalidArgument', message: v.plan.error.message } }
  if (v.core === null)
    return {
      ok: false,
      error: { code: 'InvalidArgument', message: `para ${v.paraId} holds no core to renew` },
    }
  const plan = v.plan.value
  return AutoRenew.setup({
    network: v.network,
    paraId: v.paraId,
    core: v.core,
    workloadEndHint: plan.workloadEndHint.timeslice,
    weight: { refTime: 1_000_000_000n, proofSize: 100_000n },
    fee: Networks.get(v.network).coretime.assumedXcmFee,
    renewalPrices: plan.prices.projection.map((p) => p.price),
    ...(xcmPalletIndex === undefined ? {} : { xcmPalletIndex }),
  })
}

/** Free balance of an account (`System.Account`) at a block, planck. */
export const freeBalance = async (client: PolkadotClient, address: string, at: string): Promise<bigint> => {
  const query = client.getUnsafeApi().query as unknown as Record<
    string,
    Record<string, { getValue(k: string, o: { at: string }): Promise<unknown> }> | undefined
  >
  const info = (await query.System?.Account?.getValue(address, { at })) as
    | { data?: { free?: unknown } }
    | undefined
  const free = info?.data?.free
  return typeof free === 'bigint' ? free : 0n
}
