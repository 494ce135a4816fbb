/**
 * A count per sale (the scenario's `Series`): constant, sale by sale (the last value repeats), or
 * growing geometrically. Kept apart from the scenario schema so the simulator's run loop (and the
 * web app's worker) does not load the schema library.
 */
export type SeriesValue = number | readonly number[] | { readonly start: number; readonly growth: number }

/** The value of a per-sale series at sale `k` (1-based). */
export const seriesAt = (s: SeriesValue, k: number): number => {
  if (typeof s === 'number') return s
  if (Array.isArray(s)) return s[Math.min(k, s.length) - 1] ?? 0
  const g = s as { readonly start: number; readonly growth: number }
  return Math.max(0, Math.round(g.start * (1 + g.growth) ** (k - 1)))
}
