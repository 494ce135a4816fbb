/**
 * Where a run's time goes (`simulate(scenario, { profile })`, read by `npm run bench`): the
 * caller owns the clock and the totals, so the simulator stays free of I/O and global state.
 */
export const PHASES = ['setup', 'decide', 'calls', 'rotate', 'record'] as const
export type Phase = (typeof PHASES)[number]

export interface Profile {
  /** a monotonic clock in ms (e.g. `performance.now`) */
  now: () => number
  /** ms spent per phase, summed over every run profiled with this object */
  ms: Record<Phase, number>
  runs: number
}

export const create = (now: () => number): Profile => ({
  now,
  ms: { setup: 0, decide: 0, calls: 0, rotate: 0, record: 0 },
  runs: 0,
})

const noop = (_phase: Phase): void => {}

/**
 * A function that adds the time since its previous call (or since now) to a phase; a no-op
 * without a profile. Counts the run.
 */
export const lapper = (p: Profile | undefined): ((phase: Phase) => void) => {
  if (!p) return noop
  p.runs++
  let t = p.now()
  return (phase) => {
    const now = p.now()
    p.ms[phase] += now - t
    t = now
  }
}
