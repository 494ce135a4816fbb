import { MonteCarlo, type Scenario as SimScenario } from '@coretime/sim'
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
