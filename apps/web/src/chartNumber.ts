/**
 * The app's one lossy step: planck (exact bigint) → a float number of tokens, for drawing only.
 * Tables, CSV and labels use exact formatting (Token.format); only chart coordinates pass here.
 */
export const planckToChartNumber = (planck: bigint, decimals: number): number => {
  const unit = 10n ** BigInt(decimals)
  return Number(planck / unit) + Number(planck % unit) / Number(unit)
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 })
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })

/**
 * A y-axis tick (tokens, as drawn): up to 99,999 written out, larger ones compact (`250K`, `1.5M`,
 * `100B`, `10T`), so huge prices keep their labels inside the axis instead of running off it.
 */
export const tickLabel = (v: number): string => (Math.abs(v) >= 100_000 ? compact.format(v) : plain.format(v))
