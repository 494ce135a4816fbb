import * as CoreTable from './CoreTable'
import type { CoreIndex, PotentialRenewalRecord, Timeslice } from './types'

/**
 * `PotentialRenewals` storage, `(core, when) → record` (lib.rs), as a `CoreTable` by `when`: a
 * sale's renewals read and write the rights of two timeslices (its region's begin and end), so a
 * renewal's reads, its removal and its insert are array slots. Entries list in insertion order, as
 * the `Map` keyed by core·2^32 + when that this replaced did.
 */
export type PotentialRenewals = CoreTable.CoreTable<PotentialRenewalRecord>

export const create = (): PotentialRenewals => CoreTable.create()

export const get = (
  r: PotentialRenewals,
  core: CoreIndex,
  when: Timeslice,
): PotentialRenewalRecord | undefined => CoreTable.get(r, when, core)

export const has = (r: PotentialRenewals, core: CoreIndex, when: Timeslice): boolean =>
  CoreTable.has(r, when, core)

export const set = (
  r: PotentialRenewals,
  core: CoreIndex,
  when: Timeslice,
  record: PotentialRenewalRecord,
): void => CoreTable.set(r, when, core, record)

/** Removes the right; false if there was none. */
export const remove = (r: PotentialRenewals, core: CoreIndex, when: Timeslice): boolean =>
  CoreTable.take(r, when, core) !== undefined

export interface Entry {
  core: CoreIndex
  when: Timeslice
  record: PotentialRenewalRecord
}

const entry = (e: CoreTable.Entry<PotentialRenewalRecord>): Entry => ({
  core: e.core,
  when: e.time,
  record: e.value,
})

/** Every right, in insertion order. */
export const entries = (r: PotentialRenewals): Entry[] => CoreTable.entries(r).map(entry)

/** Every right in key order: core, then when (the order of the state's JSON). */
export const sorted = (r: PotentialRenewals): Entry[] =>
  entries(r).sort((x, y) => x.core - y.core || x.when - y.when)

export const clone = (r: PotentialRenewals): PotentialRenewals => CoreTable.clone(r)
