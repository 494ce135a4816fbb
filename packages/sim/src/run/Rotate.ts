import { Broker, type Sink } from '@coretime/core'
import type { Actor } from '../agents/Actor'
import type { HeldRegion } from '../agents/Base'
import * as Engine from './Engine'
import type { Run } from './Run'

/** Holders drop their regions that have ended (`drop_region`, a call anyone may make). */
export const dropEnded = (run: Run): void => {
  const e = run.engine
  const nowSlice = Broker.currentTimeslice(e.s)
  for (const a of run.actors) {
    if (a.regions.length === 0) continue
    let kept: HeldRegion[] | null = null
    for (let i = 0; i < a.regions.length; i++) {
      const r = a.regions[i] as HeldRegion
      const dropped = r.end <= nowSlice && Engine.dropRegion(e, a.id, r.id).ok
      if (dropped) kept ??= a.regions.slice(0, i)
      else kept?.push(r)
    }
    if (kept) a.regions = kept
  }
}

/** Time runs to the next sale's rotation; leases ending there become renewal rights of their holders. */
export const rotate = (run: Run, rotation: number): void => {
  const e = run.engine
  e.sink = e.loud
  Engine.clearSink(e.sink)
  Engine.advanceTo(e, rotation)
  takeLeaseRights(e.sink, run.byTask)
  Engine.clearSink(e.sink)
  e.sink = e.quiet // within the sale the run reads what calls did from the state
}

/** Leases that end become renewal rights (`Renewable` then `LeaseEnding` in a rotation): hand them to their holders. */
export const takeLeaseRights = (sink: Sink, byTask: ReadonlyMap<number, Actor>): void => {
  let renewable: number | null = null
  for (const e of sink.events) {
    if (e.name === 'Renewable') renewable = e.data.core
    else if (e.name === 'LeaseEnding' && renewable !== null) {
      const holder = byTask.get(e.data.task)
      if (holder) {
        holder.right = { core: renewable, when: e.data.when }
        holder.heldUntil.push(e.data.when) // the lease covers the region that ends at `when`
      }
    }
  }
}
