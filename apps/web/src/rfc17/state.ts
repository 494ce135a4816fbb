/**
 * The web's "B = RFC-17 market" choice: RFC-17's parameters the page lets one change (the rest are
 * the RFC's recommended values, docs/markets.md). Amounts in planck; the market's own checks
 * (`Rfc17.Params.make`, through the scenario's `market:` block) decide what is valid.
 */
export interface Rfc17View {
  /** sale 1's reserve price, planck */
  reserve: bigint
  /** renewal surcharge when demand exceeds the cores, percent */
  penaltyPct: number
  /** K of the reserve's exponential */
  k: number
  /** TARGET_CONSUMPTION_RATE, percent */
  targetPct: number
  /** hours each clock level is held (a divisor of the 336-hour market period) */
  levelHours: number
}

/** What the inputs and links take; finer rules (a divisor of 336 hours) are the market's. */
export const RFC17_BOUNDS = {
  penalty: { min: 0, max: 1000, step: 0.01 },
  k: { min: 0, max: 100, step: 0.01 },
  target: { min: 0.01, max: 100, step: 0.01 },
  level: { min: 1, max: 336, step: 1 },
} as const

/** The RFC's recommended values, with sale 1's reserve at the view's starting price. */
export const rfc17Defaults = (startPrice: bigint): Rfc17View => ({
  reserve: startPrice,
  penaltyPct: 30,
  k: 2,
  targetPct: 90,
  levelHours: 6,
})
