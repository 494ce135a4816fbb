import type { Aggregate } from '@coretime/sim'
import { type Bands, bandsOfAggregates, type Costs, type RunResult } from './model'
import type { Request, Response, RunError } from './protocol'
import { defaults, hasAgents, type ViewState } from './state'
import { encode } from './url'

/**
 * The runner: a plain store (the TanStack shape: get, subscribe) that owns the workers and their
 * results. The view sends it every new state; it keeps one run in flight and, behind it, only the
 * latest state asked for (latest request wins: results of a superseded request are dropped), and
 * splits each Monte Carlo batch over its workers by run index. It never touches the DOM, so it is
 * tested with a fake Worker (test/runner.test.ts).
 */

/** What the runner needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: Request): void
  onmessage: ((e: { data: Response }) => void) | null
  terminate(): void
}

export interface Results {
  a: RunResult
  b: RunResult | null
  costs: Costs
  /** The view these are the numbers of. */
  state: ViewState
}

export type McState =
  | { readonly status: 'off' }
  | { readonly status: 'running'; readonly total: number; readonly done: number }
  | { readonly status: 'done'; readonly bands: Bands; readonly state: ViewState }
  | { readonly status: 'failed'; readonly error: RunError }

export interface RunnerState {
  readonly results: Results | null
  /** A run for a newer view is in flight or queued. */
  readonly computing: boolean
  /** The last run's failure (the engine refused the view), cleared by the next success. */
  readonly error: RunError | null
  /** ms the worker spent on the last run. */
  readonly workerMs: number
  readonly mc: McState
}

export interface Runner {
  get(): RunnerState
  subscribe(listener: (s: RunnerState) => void): () => void
  /** Asks for the numbers of `state` (a no-op when nothing the engine reads changed). */
  request(state: ViewState): void
  /**
   * Makes the Monte Carlo workers, if not yet made, and has each run `runs` throw-away runs of
   * `state` (with agents), so a first batch runs on compiled code; once, and never during a batch.
   */
  warm(state: ViewState, runs: number): void
  dispose(): void
}

/** A worker's share when it has none (more workers than runs). */
const EMPTY: Aggregate.Aggregate = { runs: 0, sales: 0, cols: [] }

/** What a run reads: everything but the chart's scale. */
export const runKey = (s: ViewState): string => encode({ ...s, log: true })
/** What a Monte Carlo batch reads: not the user's price, set B, the on-demand needs or the scale. */
export const mcKey = (s: ViewState): string => {
  const d = defaults()
  return encode({ ...s, b: null, userPaid: d.userPaid, blocksPerDay: d.blocksPerDay, log: true })
}

/**
 * `mc`: the Monte Carlo workers, or a function making them: then they are made at the first batch
 * or by `warm` (which the page calls once its first chart is drawn and it is idle, so they never
 * slow the first load).
 */
export const createRunner = (
  run: WorkerLike,
  mc: readonly WorkerLike[] | (() => readonly WorkerLike[]),
): Runner => {
  let made: readonly WorkerLike[] | null = typeof mc === 'function' ? null : mc
  const mcWorkers = (): readonly WorkerLike[] => {
    if (made) return made
    made = (mc as () => readonly WorkerLike[])()
    made.forEach(listen)
    return made
  }
  let state: RunnerState = {
    results: null,
    computing: false,
    error: null,
    workerMs: 0,
    mc: { status: 'off' },
  }
  const listeners = new Set<(s: RunnerState) => void>()
  const set = (patch: Partial<RunnerState>): void => {
    state = { ...state, ...patch }
    for (const l of listeners) l(state)
  }

  // ---- the run: one in flight, the latest wanted queued behind it ----------------------------
  let nextId = 1
  let inFlight: { id: number; view: ViewState } | null = null
  let queued: ViewState | null = null
  let lastKey = ''
  const send = (view: ViewState): void => {
    inFlight = { id: nextId++, view }
    run.postMessage({ kind: 'run', id: inFlight.id, state: view })
  }
  run.onmessage = ({ data: m }) => {
    if (!inFlight || m.id !== inFlight.id) return
    const view = inFlight.view
    inFlight = null
    const next = queued
    queued = null
    if (next) send(next)
    // a superseded run's numbers are dropped: only the latest view's reach the page
    if (next) return
    if (m.kind === 'run')
      set({
        results: { a: m.a, b: m.b, costs: m.costs, state: view },
        computing: false,
        error: null,
        workerMs: m.ms,
      })
    else if (m.kind === 'error') set({ computing: false, error: m.error })
  }

  // ---- Monte Carlo: the batch split by run index over the workers ----------------------------
  let mcId = 0
  let mcKeyNow = ''
  let parts: (Aggregate.Aggregate | null)[] = []
  let done: number[] = []
  let mcView: ViewState | null = null
  const requestMc = (view: ViewState): void => {
    const key = mcKey(view)
    if (key === mcKeyNow) return
    mcKeyNow = key
    mcId++
    if (view.mc.runs === 0) {
      for (const w of made ?? []) w.postMessage({ kind: 'cancel', id: mcId })
      set({ mc: { status: 'off' } })
      return
    }
    mcView = view
    const workers = mcWorkers()
    const n = Math.min(workers.length, view.mc.runs)
    parts = workers.map((_, i) => (i < n ? null : EMPTY))
    done = workers.map(() => 0)
    workers.forEach((w, i) => {
      if (i >= n) {
        w.postMessage({ kind: 'cancel', id: mcId })
        return
      }
      const from = Math.floor((view.mc.runs * i) / n)
      const to = Math.floor((view.mc.runs * (i + 1)) / n)
      w.postMessage({ kind: 'mc', id: mcId, state: view, from, to })
    })
    set({ mc: { status: 'running', total: view.mc.runs, done: 0 } })
  }
  function listen(w: WorkerLike, i: number): void {
    w.onmessage = ({ data: m }) => {
      if (m.id !== mcId || !mcView) return
      if (m.kind === 'progress') {
        done[i] = m.done
        set({ mc: { status: 'running', total: mcView.mc.runs, done: done.reduce((a, x) => a + x, 0) } })
      } else if (m.kind === 'mcAggregate') {
        parts[i] = m.aggregate
        if (parts.some((p) => p === null)) return
        set({
          mc: {
            status: 'done',
            bands: bandsOfAggregates(parts.filter((p): p is Aggregate.Aggregate => p !== null)),
            state: mcView,
          },
        })
      } else if (m.kind === 'error') {
        mcId++ // the rest of this batch is void
        set({ mc: { status: 'failed', error: m.error } })
      }
    }
  }
  made?.forEach(listen)

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    request(view) {
      const key = runKey(view)
      if (key !== lastKey) {
        lastKey = key
        if (inFlight) queued = view
        else send(view)
        if (!state.computing) set({ computing: true })
      }
      requestMc(view)
    },
    warm(view, runs) {
      if (made !== null) return // a batch made them: they are warm, or busy
      const workers = mcWorkers()
      // with agents, so the agents' code is compiled too (the view's own, or a few),
      // and at most 12 sales: the code is the same for any length, the cost is not
      const agents = hasAgents(view.agents)
        ? view.agents
        : { ...view.agents, renewers: 2, buyers: 2, speculators: 1 }
      const state = { ...view, sales: Math.min(view.sales, 12), agents }
      for (const w of workers) w.postMessage({ kind: 'warm', id: mcId, state, runs })
    },
    dispose() {
      run.terminate()
      for (const w of made ?? []) w.terminate()
      listeners.clear()
    },
  }
}
