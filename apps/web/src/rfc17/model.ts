import { Compare, Scenario } from '@coretime/sim'
import { inputOf, mainSeed, scenarioOf } from '../model'
import type { ViewState } from '../state'
import type { Rfc17View } from './state'

/**
 * The web's RFC-17 comparison: the view's demand and agents (parameter set A) through today's sale
 * and RFC-17's market with the same seed — @coretime/sim's `Compare.compare`, run in the worker.
 * Nothing here computes a price: the scenario's `market:` block is checked by the simulator, whose
 * message names the field.
 */

export type Rfc17Outcome = { ok: true; comparison: Compare.Comparison } | { ok: false; message: string }

/** The scenario file's `market:` block for the view's RFC-17 settings. */
export const marketBlock = (r: Rfc17View): Record<string, unknown> => ({
  kind: 'rfc17',
  reservePrice: r.reserve.toString(),
  penalty: r.penaltyPct,
  k: r.k,
  targetConsumption: r.targetPct,
  levelHours: r.levelHours,
})

export const rfc17Compare = (v: ViewState, r: Rfc17View): Rfc17Outcome => {
  const raw = scenarioOf(inputOf(v, v.a), v.network, v.start) as Record<string, unknown>
  const p = Scenario.parse({ ...raw, market: marketBlock(r) })
  if (!p.ok) return { ok: false, message: p.error.issues.map(Scenario.formatIssue).join('; ') }
  return { ok: true, comparison: Compare.compare(p.scenario, mainSeed(v)) }
}
