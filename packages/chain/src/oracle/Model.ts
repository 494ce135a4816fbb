import { Broker, type BrokerState, type TestHooks, TraceResult } from '@coretime/core'
import { type Plain, plain } from './Normal'
import { accountOf, allBlocks, fundedAccounts, modelAt, type Scenario } from './Scenario'
import { ITEMS, type Json } from './State'

/**
 * The model side: the same scenario on the engine, driven by the parachain clock (one tick per
 * block at the previous relay number, calls at the block's relay parent), read after each block in
 * the form the runtime's side is put in (`State.ts`).
 */
export type Modelled = {
  readonly relay: number
  readonly outcomes: readonly string[]
  readonly events: Plain
  readonly state: Record<string, Json>
}

export const play = (base: number, scenario: Scenario, testHooks?: TestHooks): Modelled[] => {
  const s = modelAt(base, testHooks)
  const out: Modelled[] = []
  let relay = base
  for (const b of allBlocks(scenario)) {
    relay += b.relayStep
    const sink = Broker.sink()
    Broker.paraBlock(s, relay, sink)
    const outcomes = b.calls.map((c) => {
      const r = Broker.execute(s, c.origin === 'root' ? 'root' : accountOf(c.origin), c.call, sink)
      return r.ok ? 'ok' : r.error.code
    })
    out.push({
      relay,
      outcomes,
      events: sink.events.map((e) => plain({ [lowerFirst(e.name)]: e.data })),
      state: stateOf(s),
    })
  }
  return out
}

/** The compared items of the model's state (trace result form) and the tracked accounts' balances. */
export const stateOf = (s: BrokerState, items: readonly string[] = ITEMS): Record<string, Json> => {
  const all = TraceResult.stateToJson(s) as unknown as Record<string, Json>
  const out: Record<string, Json> = {}
  for (const k of items) out[k] = all[k] ?? null
  const balances: Record<string, string> = {}
  for (const a of [...fundedAccounts(), 'pot']) balances[a] = String(Broker.balanceOf(s, a))
  out.balances = balances
  return out
}

const lowerFirst = (x: string) => x.charAt(0).toLowerCase() + x.slice(1)
