import type { Band, CostRow, RunResult } from './model'
import type { ViewState } from './state'

/** Page → worker. */
export type Request = { kind: 'run' | 'mc'; id: number; state: ViewState }

/** Worker → page. */
export type Response =
  | {
      kind: 'run'
      id: number
      a: RunResult
      b: RunResult | null
      costs: { spot: bigint; rows: CostRow[] }
      ms: number
    }
  | { kind: 'mc'; id: number; bands: Band[] }
  | { kind: 'progress'; id: number; done: number; of: number }
  | { kind: 'error'; id: number; message: string }
