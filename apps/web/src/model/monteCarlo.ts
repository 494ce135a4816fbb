import { Aggregate, MonteCarlo, type Scenario as SimScenario } from '@coretime/sim'
import type { ViewState } from '../state'
import { inputOf } from './run'
import { resolveScenario } from './scenario'

/** Monte Carlo: @coretime/sim's MonteCarlo over the view's scenario (table demand and agents). */

export type Bands = MonteCarlo.Bands

/** The scenario the Monte Carlo runs: parameter set A with the view's demand and agents. */
export const mcScenario = (v: ViewState): SimScenario.Scenario =>
  resolveScenario(inputOf(v, v.a), v.network, v.start)

/**
 * Runs `from … to−1` of the view's batch (seeded `v.mc.seed`), as @coretime/sim's
 * MonteCarlo.runs: a batch split over workers gives the same bands as one `monteCarlo` call.
 */
export const mcRuns = (
  v: ViewState,
  from: number,
  to: number,
  scenario: SimScenario.Scenario = mcScenario(v),
): MonteCarlo.RunSummary[] => MonteCarlo.runs(scenario, { seed: v.mc.seed, from, to })

/** The whole batch in one call (@coretime/sim's monteCarlo): what the workers' split must equal. */
export const monteCarlo = (v: ViewState): Bands =>
  MonteCarlo.monteCarlo(mcScenario(v), { runs: v.mc.runs, seed: v.mc.seed })

/** Bands from the runs the workers sent back (@coretime/sim's MonteCarlo.bands). */
export const bandsOf = (runs: readonly MonteCarlo.RunSummary[]): Bands => MonteCarlo.bands(runs)

/**
 * Runs `from … to−1` of the view's batch reduced to columns in the worker (@coretime/sim's
 * MonteCarlo.aggregate): only the aggregate's typed arrays cross to the page.
 */
export const mcAggregate = (
  v: ViewState,
  from: number,
  to: number,
  scenario: SimScenario.Scenario = mcScenario(v),
): Aggregate.Aggregate => MonteCarlo.aggregate(scenario, { seed: v.mc.seed, from, to })

/** The bands of the workers' aggregates, merged (@coretime/sim's Aggregate.merge and bands). */
export const bandsOfAggregates = (parts: readonly Aggregate.Aggregate[]): Bands =>
  Aggregate.bands(Aggregate.merge(parts))

/** The buffers an aggregate's columns hold, to transfer rather than copy to the page. */
export const transferables = (a: Aggregate.Aggregate): ArrayBuffer[] =>
  a.cols.flatMap((c) => ('f64' in c ? [c.f64.buffer] : []))
