import { type BrokerState, Clock } from '@coretime/core'
import { Scenario } from '@coretime/sim'
import { SnapshotError } from './errors'
import { relayClock, type Snapshot } from './Snapshot'
import { runtimeOf, toBrokerState } from './State'
import { relayBlockMs } from './Status'

/**
 * A simulation that starts from a snapshot's sale: the engine state is the chain's (`toBrokerState`)
 * and the scenario's chain part is replaced by the chain's runtime constants, configuration, relay
 * block and date. Demand and horizon come from the given scenario, or the default below.
 */
export const defaultDemand = {
  name: 'from-snapshot',
  description:
    'From a chain snapshot: every holder of a renewal right renews, no new purchases (give a scenario file for more).',
  horizon: 13,
  demand: { table: { renewals: 1000, purchases: 0 } },
}

export type Start = { readonly scenario: Scenario.Scenario; readonly state: BrokerState }

export type StartResult =
  | { readonly ok: true; readonly value: Start }
  | { readonly ok: false; readonly error: { readonly code: 'InvalidScenario'; readonly message: string } }

export const fromSnapshot = (snapshot: Snapshot, raw: unknown = defaultDemand): StartResult => {
  const b = snapshot.broker
  if (!b.configuration || !b.saleInfo || !b.status)
    throw new SnapshotError(
      'the snapshot has no sale (Broker.Configuration, Status or SaleInfo is empty): sales have not started',
    )
  const withChain =
    typeof raw === 'object' && raw !== null
      ? { ...(raw as Record<string, unknown>), chain: { preset: snapshot.network } }
      : raw
  const parsed = Scenario.parse(withChain)
  if (!parsed.ok)
    return {
      ok: false,
      error: { code: 'InvalidScenario', message: parsed.error.message },
    }
  const state = toBrokerState(snapshot)
  const clock: Clock.Clock = { ...relayClock(snapshot), blockMs: relayBlockMs(snapshot.network) }
  const scenario: Scenario.Scenario = {
    ...parsed.scenario,
    chain: {
      ...parsed.scenario.chain,
      runtime: runtimeOf(snapshot),
      configuration: { ...b.configuration },
      blockTimeSeconds: relayBlockMs(snapshot.network) / 1000,
      startBlock: state.block,
      startDate: new Date(Clock.timeOf(clock, state.block)).toISOString(),
    },
    start: { endPrice: b.saleInfo.endPrice, extraCores: 0, reservations: 0, leases: [] },
  }
  return { ok: true, value: { scenario, state } }
}
