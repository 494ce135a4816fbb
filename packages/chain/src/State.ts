import { Broker, type BrokerState, Networks, type Runtime } from '@coretime/core'
import type { Snapshot } from './Snapshot'

/**
 * A snapshot as the engine's state, so a simulation or a plan starts from exactly the chain's sale.
 * The price adapter and renewal rule are runtime code, not chain state: they come from the network's
 * live runtime (its `Networks` entry); the read constants override the rest. Not read and
 * therefore empty: balances, on-demand credits, the instantaneous pool (contributions, io, history)
 * and the inboxes. The state's block is the relay block the broker last saw.
 */
export const runtimeOf = (s: Snapshot): Runtime => ({
  ...Networks.get(s.network).runtime,
  timeslicePeriod: s.constants.timeslicePeriod,
  maxLeasedCores: s.constants.maxLeasedCores,
  maxReservedCores: s.constants.maxReservedCores,
  maxAutoRenewals: s.constants.maxAutoRenewals,
  minimumCreditPurchase: s.constants.minimumCreditPurchase,
})

export const toBrokerState = (s: Snapshot): BrokerState => {
  const state = Broker.create(runtimeOf(s), new Map(), s.coretime.relayBlock)
  const b = s.broker
  state.configuration = b.configuration && { ...b.configuration }
  state.status = b.status && { ...b.status }
  state.saleInfo = b.saleInfo && { ...b.saleInfo }
  state.reservations = b.reservations.map((r) => [...r])
  state.leases = b.leases.map((l) => ({ ...l }))
  for (const w of b.workload) state.workload.set(w.core, [...w.schedule])
  for (const w of b.workplan) Broker.setWorkplan(state, w.timeslice, w.core, [...w.schedule])
  for (const r of b.potentialRenewals)
    Broker.setRenewal(state, r.core, r.when, {
      price: r.price,
      completion: r.completion,
    })
  for (const r of b.regions)
    Broker.setRegion(
      state,
      { begin: r.begin, core: r.core, mask: r.mask },
      {
        end: r.end,
        owner: r.owner,
        paid: r.paid,
      },
    )
  state.autoRenewals = b.autoRenewals.map((a) => ({ ...a }))
  return state
}
