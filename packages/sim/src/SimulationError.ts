import { BaseError } from '@coretime/core'

/** A run that cannot go on (a setup call the engine refused, or a broken invariant). */
export class SimulationError extends BaseError {
  override name = 'SimulationError'
}
