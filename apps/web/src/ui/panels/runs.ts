import { BOUNDS, type ViewState } from '../../state'
import type { Store } from '../../store'
import { numberField } from '../fields'
import type { Refresh } from './common'

/** Monte Carlo runs and seed. */
export const mcFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => [
  numberField(
    store,
    {
      id: 'runs',
      label: 'Monte Carlo runs',
      help: 'Run the sales many times through the simulator, each run with its own random draws for the agents, and draw p5–p95 bands of what buyers paid and of the end price. 0 turns it off. Computed in background workers; the page stays usable.',
      bound: BOUNDS.runs,
      slider: { min: 0, max: 500, step: 10 },
      get: (s) => s.mc.runs,
      set: (s, v) => ({ ...s, mc: { ...s.mc, runs: v } }),
    },
    refreshers,
  ),
  numberField(
    store,
    {
      id: 'seed',
      label: 'Seed',
      help: 'Where the random draws start: the same seed gives the same agents, runs and bands. The main chart is the batch’s first run.',
      bound: BOUNDS.seed,
      slider: { min: 0, max: 1000, step: 1 },
      get: (s) => s.mc.seed,
      set: (s, v) => ({ ...s, mc: { ...s.mc, seed: v } }),
    },
    refreshers,
  ),
]

/** Blocks a day the parachain needs (bulk against on-demand). */
export const costFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => [
  numberField(
    store,
    {
      id: 'bpd',
      label: 'Blocks a day your parachain needs',
      help: 'A full core makes 14,400 blocks a day (one every 6 s). On-demand buys each block separately.',
      bound: BOUNDS.bpd,
      slider: { min: 0, max: 14_400, step: 60 },
      get: (s) => s.blocksPerDay,
      set: (s, v) => ({ ...s, blocksPerDay: v }),
      note: (v) => `${((v / 14_400) * 100).toFixed(1)}% of a core`,
    },
    refreshers,
  ),
]
