import type { SaleRow } from './model'

const n = (x: number): string => x.toLocaleString('en-US')

/**
 * A plain-words hint when a sale's phases do not fit in its region, read off the engine's sale
 * record (rotation, lead-in start and end, next rotation); null when they fit. Blocks, not prices.
 */
export const phaseFitHint = (rows: readonly SaleRow[]): string | null => {
  const r = rows.find((x) => x.leadinEnd > x.close)
  if (!r) return null
  const phases = `interlude and lead-in take ${n(r.leadinEnd - r.rotation)} relay blocks, but the next sale opens ${n(r.close - r.rotation)} blocks after this one`
  const fix = 'Shorten the interlude or lead-in, or lengthen the region.'
  if (r.saleStart >= r.close)
    return `The sale phases do not fit in a region: ${phases}, before the lead-in starts — so nobody can buy a core on the open market, only renew. ${fix}`
  return `The sale phases do not fit in a region: ${phases}, before the lead-in ends — so the price never falls to the end price. ${fix}`
}
