import {
  type AccountId,
  Broker,
  type BrokerCall,
  type BrokerState,
  CoreMask,
  type Outcome,
  type RegionId,
  type SaleInfoRecord,
  type Sink,
} from '@coretime/core'
import type * as Recorder from '../Recorder'
import { SimulationError } from '../SimulationError'

/**
 * The engine as a run sees it: calls through `Broker.execute` (recorded when the run keeps a
 * trace), time through `Broker.advanceTo`, and a few reads. The only module of the simulator that
 * holds the broker state.
 */
export interface Engine {
  s: BrokerState
  /** the sink calls go to: `loud` for setup and rotations (lease rights are read from events), `quiet` in a sale */
  sink: Sink
  loud: Sink
  quiet: Sink
  steps: Recorder.RecordedStep[] | null
  /** call objects reused from call to call when nothing records them (the engine keeps no args) */
  reuse: {
    renew: { call: 'renew'; args: { core: number } }
    purchase: { call: 'purchase'; args: { priceLimit: bigint } }
    dropRegion: { call: 'dropRegion'; args: { regionId: RegionId.RegionId } }
  } | null
}

export const create = (s: BrokerState, record: boolean): Engine => {
  const loud = Broker.sink({ quietHistory: true, quietSchedules: true })
  return {
    s,
    sink: loud,
    loud,
    // within a sale the runner reads what a call did from the state, so no events are built
    quiet: Broker.sink({ quietHistory: true, quietSchedules: true, quietEvents: true }),
    steps: record ? [] : null,
    reuse: record
      ? null
      : {
          renew: { call: 'renew', args: { core: 0 } },
          purchase: { call: 'purchase', args: { priceLimit: 0n } },
          dropRegion: { call: 'dropRegion', args: { regionId: { begin: 0, core: 0, mask: 0n } } },
        },
  }
}

/** Empties the sink between calls (setting an array's length is a runtime call: only when needed). */
export const clearSink = (sink: Sink): void => {
  if (sink.events.length !== 0) sink.events.length = 0
  if (sink.assignments.length !== 0) sink.assignments.length = 0
}

/** One call, recorded when the run keeps a trace. */
export const exec = (e: Engine, origin: AccountId, call: BrokerCall): Outcome => {
  clearSink(e.sink)
  e.steps?.push({ block: e.s.block, origin, call })
  return Broker.execute(e.s, origin, call, e.sink)
}

/** A setup call that must succeed. */
export const must = (e: Engine, origin: AccountId, call: BrokerCall): void => {
  const r = exec(e, origin, call)
  if (!r.ok) throw new SimulationError(`setup call ${call.call} failed: ${errorCode(r)}`)
}

/** The error code of a refused call. */
export const errorCode = (r: Extract<Outcome, { ok: false }>): string => r.error.code

export const renew = (e: Engine, who: AccountId, core: number): Outcome => {
  const c = e.reuse?.renew
  if (!c) return exec(e, who, { call: 'renew', args: { core } })
  c.args.core = core
  return exec(e, who, c)
}

export const purchase = (e: Engine, who: AccountId, priceLimit: bigint): Outcome => {
  const c = e.reuse?.purchase
  if (!c) return exec(e, who, { call: 'purchase', args: { priceLimit } })
  c.args.priceLimit = priceLimit
  return exec(e, who, c)
}

export const dropRegion = (e: Engine, who: AccountId, regionId: RegionId.RegionId): Outcome => {
  const c = e.reuse?.dropRegion
  if (!c) return exec(e, who, { call: 'dropRegion', args: { regionId } })
  c.args.regionId = regionId
  return exec(e, who, c)
}

/** Assigns a whole region to a parachain for good (the owner's call; a run cannot go on if refused). */
export const assignFinal = (e: Engine, who: AccountId, regionId: RegionId.RegionId, task: number): void => {
  const r = exec(e, who, { call: 'assign', args: { regionId, task, finality: 'Final' } })
  if (!r.ok) throw new SimulationError(`assign failed: ${errorCode(r)}`)
}

export const advanceTo = (e: Engine, block: number): void => Broker.advanceTo(e.s, block, e.sink)

/** The price recorded for renewing `core` into the region that begins at `when` (undefined: no such right). */
export const renewalPrice = (e: Engine, core: number, when: number): bigint | undefined =>
  Broker.renewalAt(e.s, core, when)?.price

/** The sale the broker has open (`SaleInfo`). */
export const sale = (e: Engine): SaleInfoRecord => {
  const info = e.s.saleInfo
  if (!info) throw new SimulationError('no sale')
  return info
}

/** The current sale's last core sold (what a purchase or renewal that succeeded took). */
export const lastCoreSold = (e: Engine): number => {
  const info = sale(e)
  return info.firstCore + info.coresSold - 1
}

/** The whole-core region a purchase in the current sale got on `core`, and what its buyer paid. */
export const purchased = (
  e: Engine,
  regionBegin: number,
  core: number,
): { id: RegionId.RegionId; paid: bigint } => {
  const id = { begin: regionBegin, core, mask: CoreMask.complete }
  const paid = Broker.regionPaid(e.s, id)
  if (paid == null) throw new SimulationError('purchase succeeded without its region')
  return { id, paid }
}

/** Cores the relay can serve on-demand orders from now: the broker's instantaneous pool / 80. */
export const poolCores = (e: Engine): number => {
  const st = e.s.status
  return st ? Math.floor((st.systemPoolSize + st.privatePoolSize) / 80) : 0
}

export const setBalance = (e: Engine, who: AccountId, amount: bigint): void =>
  Broker.setBalance(e.s, who, amount)
