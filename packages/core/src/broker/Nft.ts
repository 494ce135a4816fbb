import type { RegionId } from './RegionId'
import * as Regions from './Regions'
import type { AccountId, BrokerState, Outcome } from './types'
import { fail, OK } from './Utility'

// The regions as NFTs (pallet-broker nonfungible_impl.rs `Mutate`): trait functions other pallets
// (XCM reserve transfers) call, not extrinsics. A burnt region keeps its record with no owner.

/** nonfungible_impl.rs `mint_into`: only a burnt (owner-less) region can be minted to `who`. */
export const mintInto = (s: BrokerState, id: RegionId, who: AccountId): Outcome => {
  const record = Regions.get(s.regions, id)
  if (!record) return fail('UnknownRegion')
  if (record.owner !== null) return fail('NotAllowed')
  // utility_impls.rs `issue`: the same end and paid, the new owner
  Regions.set(s.regions, id, { end: record.end, owner: who, paid: record.paid })
  return OK
}

/** nonfungible_impl.rs `burn`: the region stays, without an owner; `checkOwner` must own it. */
export const burn = (s: BrokerState, id: RegionId, checkOwner: AccountId | null): Outcome => {
  const record = Regions.get(s.regions, id)
  if (!record) return fail('UnknownRegion')
  if (checkOwner !== null && record.owner !== checkOwner) return fail('NotOwner')
  Regions.set(s.regions, id, { ...record, owner: null })
  return OK
}

/** nonfungible_impl.rs `set_attribute` / `set_typed_attribute`: `TokenError::Unsupported`. */
export const setAttribute = (): Outcome => fail('Unsupported')
