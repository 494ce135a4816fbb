import { type Result, SaleInfo } from '@coretime/core'
import type { Network } from './Endpoints'
import type { Snapshot } from './Snapshot'

/**
 * The invariants the chain keeps, checked on every state that enters from outside (a snapshot file,
 * a live read), so a state that could never be on chain is refused with the field named instead of
 * being shown or simulated. The shape is the schema's job (Snapshot.fromPlain); this is consistency.
 * Only invariants that no governance call can break mid-sale are checked: e.g. `status.coreCount`
 * may shrink after the sale began, so `firstCore + coresOffered ≤ coreCount` is not one of them.
 */
export type Problem = { readonly field: string; readonly message: string }

/** The first inconsistency, or `null`. */
export const check = (s: Snapshot): Problem | null => {
  const b = s.broker
  const sale = b.saleInfo
  if (sale) {
    const p = SaleInfo.check(sale)
    if (p) return { field: `broker.saleInfo.${p.field}`, message: p.message }
  }
  for (const [i, r] of b.regions.entries()) {
    // pallet-broker types.rs RegionRecord: end is the timeslice after the last one; a region is never empty
    if (r.end <= r.begin)
      return {
        field: `broker.regions.${i}.end`,
        message: `must be after the region's begin (${r.begin}), got ${r.end}`,
      }
    // pallet-broker dispatchable_impls.rs do_interlace: a void mask (no parts) is never stored
    if (r.mask === 0n)
      return { field: `broker.regions.${i}.mask`, message: 'a region holds at least one part' }
  }
  if (sale) {
    // The newest renewal record the chain writes is keyed by the sale's regionEnd (pallet-broker
    // dispatchable_impls.rs do_renew, tick_impls.rs rotate_sale); a later one cannot exist. Older
    // ones can: records of cores that were not renewed stay in storage.
    for (const [i, r] of b.potentialRenewals.entries())
      if (r.when > sale.regionEnd)
        return {
          field: `broker.potentialRenewals.${i}.when`,
          message: `a renewal record is at most one region ahead (≤ the sale's regionEnd ${sale.regionEnd}), got ${r.when}`,
        }
    for (const [i, a] of b.autoRenewals.entries())
      if (a.nextRenewal > sale.regionEnd)
        return {
          field: `broker.autoRenewals.${i}.nextRenewal`,
          message: `an auto-renewal is due at most one region ahead (≤ the sale's regionEnd ${sale.regionEnd}), got ${a.nextRenewal}`,
        }
  }
  return null
}

/** `check` as one line, or `null`. */
export const describe = (s: Snapshot): string | null => {
  const p = check(s)
  return p && `${p.field}: ${p.message}`
}

/**
 * One rule for which network a file belongs to: the file says it (`network`); a `--network` flag
 * that names another one is refused, because amounts would be read with the wrong token (130 DOT
 * shown as 1.3 KSM). Without the file's word, the flag, then Polkadot.
 */
export const networkOf = (
  given: { readonly flag: string; readonly value: string | undefined },
  file: { readonly where: string; readonly network: Network | undefined },
): Result<string, NetworkMismatch> => {
  const flag = given.value?.toLowerCase()
  if (file.network !== undefined && flag !== undefined && flag !== file.network)
    return {
      ok: false,
      error: {
        code: 'NetworkMismatch',
        message: `${given.flag}: ${given.value} does not match ${file.where}, which is a ${file.network} state; drop ${given.flag} or use a ${given.value} file`,
        flag: given.value ?? '',
        file: file.network,
      },
    }
  return { ok: true, value: file.network ?? given.value ?? 'polkadot' }
}

/** A `--network` naming another network than the file's: `flag` as given, `file` the file's. */
export type NetworkMismatch = {
  readonly code: 'NetworkMismatch'
  readonly message: string
  readonly flag: string
  readonly file: Network
}
