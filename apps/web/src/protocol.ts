import type { Failure } from '@coretime/core'
import type { Aggregate } from '@coretime/sim'
import type { Costs, RunResult } from './model'
import type { ViewState } from './state'

/**
 * Page → worker. `run`: the view's runs (latest wins). `mc`: runs `from … to−1` of the view's
 * Monte Carlo batch; a newer `mc` or a `cancel` stops an unfinished one between runs. `warm`:
 * `runs` Monte Carlo runs of `state` whose results are dropped, so the engine's code is compiled
 * before the first batch; any `mc` or `cancel` stops it. No answer.
 */
export type Request =
  | { kind: 'run'; id: number; state: ViewState }
  | { kind: 'mc'; id: number; state: ViewState; from: number; to: number }
  | { kind: 'warm'; id: number; state: ViewState; runs: number }
  | { kind: 'cancel'; id: number }

/**
 * Why the worker gave no numbers: the view is beyond the engine's bounds (`OutOfBounds`, the model's
 * check) or the engine or simulator threw (`EngineFailed`, a bug).
 */
export type RunError = Failure<'OutOfBounds' | 'EngineFailed'>

/** Worker → page. */
export type Response =
  | {
      kind: 'run'
      id: number
      a: RunResult
      b: RunResult | null
      costs: Costs
      /** ms the worker spent on the runs */
      ms: number
    }
  /** this worker's share of the batch, as @coretime/sim's columns (buffers transferred) */
  | { kind: 'mcAggregate'; id: number; aggregate: Aggregate.Aggregate }
  /** runs done so far of this worker's share */
  | { kind: 'progress'; id: number; done: number }
  | { kind: 'error'; id: number; error: RunError }
