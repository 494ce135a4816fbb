import * as Rng from '../Rng'
import type { Dist, Range } from '../Scenario'

/** A whole number drawn uniformly from [a, b] (no draw when a = b). */
export const pick = (rng: Rng.Rng, [a, b]: Range): number => (a === b ? a : a + Rng.int(rng, b - a + 1))

/** An amount drawn from a scenario distribution (planck). */
export const draw = (rng: Rng.Rng, d: Dist): bigint => {
  switch (d.dist) {
    case 'fixed':
      return d.value
    case 'uniform':
      return d.min + BigInt(Math.floor(Rng.float(rng) * Number(d.max - d.min + 1n)))
    case 'lognormal': {
      const v = Number(d.median) * Math.exp(d.sigma * Rng.normal(rng))
      return BigInt(Math.max(0, Math.round(v)))
    }
  }
}

/** Whether sale `k` is inside an agent's window (`null`: every sale). */
export const inWindow = (sales: Range | null, k: number): boolean =>
  sales === null || (k >= sales[0] && k <= sales[1])
