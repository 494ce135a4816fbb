import * as PoolHistory from './PoolHistory'
import type { BlockNumber, BrokerState, Sink } from './types'
import { currentTimeslice, emit, latestTimesliceReadyToCommit } from './Utility'
import * as Workplan from './Workplan'

// Our optimisation, not the pallet's: skipping blocks in which `do_tick` would only write the
// pool history record of one more timeslice (and say so with `HistoryInitialized`).
// FastForward.test.ts proves it changes nothing, in the state or in the events.

/**
 * Commits in one step every timeslice up to `target` (or up to the next one where the hook has
 * work: a rotation, a workplan entry, a pool change) when each would only write its history
 * record, as `do_tick` would one block at a time, with the same `HistoryInitialized` events
 * unless the sink leaves them out. False if there is no such run from here.
 */
export const fastForward = (s: BrokerState, target: BlockNumber, out: Sink): boolean => {
  const config = s.configuration
  const status = s.status
  if (!config || !status || s.coreCountInbox !== null || s.revenueInbox !== null) return false
  const p = s.runtime.timeslicePeriod
  if (status.lastCommittedTimeslice !== latestTimesliceReadyToCommit(s, config)) return false
  if (status.lastTimeslice !== currentTimeslice(s)) return false
  const first = status.lastCommittedTimeslice + 1
  let busy = s.saleInfo ? s.saleInfo.regionBegin : Number.POSITIVE_INFINITY
  const planned = Workplan.firstAtOrAfter(s.workplan, first)
  if (planned < busy) busy = planned
  for (const t of s.instaPoolIo.keys()) if (t >= first && t < busy) busy = t
  // Timeslice c is committed in the first block b with floor((b + notice) / p) >= c.
  const busyBlock = busy === Number.POSITIVE_INFINITY ? busy : busy * p - config.advanceNotice
  // a pending core count reaches the inbox after its block
  const pendingAt = s.coreCountPending ? s.coreCountPending.at : Number.POSITIVE_INFINITY
  const to = Math.min(target, busyBlock - 1, pendingAt)
  if (to <= s.block) return false
  const last = Math.floor((to + config.advanceNotice) / p)
  const privatePoolSize = status.privatePoolSize
  const systemPoolSize = status.systemPoolSize
  if (last >= first) {
    PoolHistory.append(s.instaPoolHistory, first, last - first + 1, privatePoolSize, systemPoolSize)
    // tick_impls.rs process_pool's event, one per timeslice committed, in order
    // emitted in the block that commits `when` (as ticking would: the sink may stamp s.block)
    if (!out.quietHistory && !out.quietEvents)
      for (let when = first; when <= last; when++) {
        s.block = when * p - config.advanceNotice
        emit(out, { name: 'HistoryInitialized', data: { when, privatePoolSize, systemPoolSize } })
      }
  }
  s.block = to
  // in place: `status` is the stored record, read by nothing that expects it unchanged (Storage
  // `clone` copies it), and one object less per step keeps a simulation's collector quiet
  status.lastCommittedTimeslice = last
  status.lastTimeslice = Math.floor(to / p)
  return true
}

/** The first block after the current one in which `do_tick` can change anything. */
export const nextActiveBlock = (s: BrokerState): BlockNumber => {
  const config = s.configuration
  const status = s.status
  if (!config || !status) return Number.POSITIVE_INFINITY
  if (s.coreCountInbox !== null || s.revenueInbox !== null) return s.block + 1
  const p = s.runtime.timeslicePeriod
  const pending = s.coreCountPending
  // a commit needs floor((b + notice)/p) > lastCommitted; a new timeslice needs floor(b/p) > lastTimeslice
  const commitAt = (status.lastCommittedTimeslice + 1) * p - config.advanceNotice
  const sliceAt = (status.lastTimeslice + 1) * p
  let at = commitAt < sliceAt ? commitAt : sliceAt
  if (pending !== null && pending.at + 1 < at) at = pending.at + 1
  return at > s.block ? at : s.block + 1
}
