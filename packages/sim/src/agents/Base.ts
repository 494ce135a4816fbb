import type { AccountId, RegionId } from '@coretime/core'

/** A renewal right: the engine's potential renewal for `core` in the region that begins at `when`. */
export interface Right {
  core: number
  when: number
}

/** A region held without assigning it (speculators, large actors, buyers who do not renew). */
export interface HeldRegion {
  id: RegionId.RegionId
  /** the timeslice the region ends at */
  end: number
  /** planck paid for it */
  paid: bigint
  /** the sale it was bought in */
  sale: number
}

/** Who an actor is: its account, its group (the scenario's agent name) and its parachain. */
export interface Who {
  id: AccountId
  group: string
  task: number
}

/** What every actor has besides its kind's parameters: identity, holdings and its ledger. */
export interface ActorBase extends Who {
  /** the renewal right it holds, if any */
  right: Right | null
  /** regions bought and held unassigned */
  regions: HeldRegion[]
  /** region ends of the cores obtained (the results count those covering the last region) */
  heldUntil: number[]
  /** planck paid to the broker, plus resale prices paid to speculators */
  cost: bigint
  /** resale income (speculators) */
  income: bigint
  purchases: number
  renewals: number
  failures: number
}

/** Default balance of an agent without a budget: effectively unlimited. */
export const UNLIMITED = 10n ** 30n

export const base = (who: Who): ActorBase => ({
  id: who.id,
  group: who.group,
  task: who.task,
  right: null,
  regions: [],
  heldUntil: [],
  cost: 0n,
  income: 0n,
  purchases: 0,
  renewals: 0,
  failures: 0,
})
