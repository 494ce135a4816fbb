import { Broker, type BrokerState, RegionId } from '@coretime/core'
import { type Plain, plain } from './Normal'
import { accountOf, modelAt, opening, type Scenario } from './Scenario'

/**
 * The model side: the same scenario on the engine, driven by the parachain clock (one tick per
 * block at the previous relay number, calls at the block's relay parent), read in the same plain
 * form as the runtime's storage after each block.
 */
export type Modelled = { readonly relay: number; readonly ok: readonly boolean[]; readonly state: Plain }

/** A test-only hook: a function that may change the state after each call (a deliberately broken rule). */
export type Tamper = (s: BrokerState) => void

export const play = (base: number, scenario: Scenario, tamper?: Tamper): Modelled[] => {
  const s = modelAt(base)
  const out: Modelled[] = []
  const blocks = [{ relayStep: 10, calls: opening(scenario) }, ...scenario.blocks]
  let relay = base
  for (const b of blocks) {
    relay += b.relayStep
    const sink = Broker.sink()
    Broker.paraBlock(s, relay, sink)
    const ok = b.calls.map((c) => {
      const r = Broker.execute(s, c.origin === 'root' ? 'root' : accountOf(c.origin), c.call, sink)
      tamper?.(s)
      return r.ok
    })
    out.push({ relay, ok, state: stateOf(s, sink.events) })
  }
  return out
}

const assignment = (a: unknown): Plain =>
  typeof a === 'string' ? plain({ [a.toLowerCase()]: null }) : plain(a)

const scheduleOf = (items: readonly { mask: bigint; assignment: unknown }[]): Plain =>
  items.map((i) => plain({ mask: i.mask, assignment: assignment(i.assignment) }) as Plain)

export const stateOf = (s: BrokerState, events: readonly { name: string; data: unknown }[]): Plain => {
  const rows = (xs: [Plain, Plain][]) =>
    xs.sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1)).map(([k, v]) => [k, v] as Plain)
  return {
    configuration: plain(s.configuration),
    status: plain(s.status),
    saleInfo: plain(s.saleInfo),
    regions: rows(
      [...s.regions.entries()].map(([k, r]) => [
        plain(RegionId.fromKey(k)),
        plain({ end: r.end, owner: r.owner, paid: r.paid }),
      ]),
    ),
    potentialRenewals: rows(
      [...s.potentialRenewals.entries()].map(([key, r]) => [
        plain(Broker.renewalKeyParts(key)),
        plain({
          price: r.price,
          completion:
            'partial' in r.completion
              ? { partial: r.completion.partial }
              : { complete: scheduleOf(r.completion.complete) },
        }),
      ]),
    ),
    events: events.map((e) => plain({ [lowerFirst(e.name)]: e.data })),
  }
}
const lowerFirst = (x: string) => x.charAt(0).toLowerCase() + x.slice(1)
