/**
 * The parameters of RFC-17's market (polkadot-fellows/RFCs text/0017-coretime-market-redesign.md,
 * revision 2025-06-04). Every number the RFC names is an input with its recommended value as the
 * default; every point the text leaves open is a named choice (docs/markets.md "Choices").
 * Ratios are bigint parts of 10^9 (FixedU64 / Perbill style), money is planck.
 */

/** Parts of 10^9: 1_000_000_000n is 1 (100%). */
export const ONE = 1_000_000_000n

export interface Params {
  /** `PRICE_MULTIPLIER` (parts of 1e9): opening = max(MIN_OPENING_PRICE, multiplier × reserve). RFC: 3 */
  priceMultiplier: bigint
  /** `MIN_OPENING_PRICE` (planck). RFC: 150 DOT */
  minOpeningPrice: bigint
  /** `PENALTY` (parts of 1e9): renewal = clearing × (1 + PENALTY) when demand exceeds cores. RFC: 30% */
  penalty: bigint
  /** `TARGET_CONSUMPTION_RATE` (parts of 1e9). RFC: 90% */
  targetConsumption: bigint
  /** `K` (parts of 1e9), sensitivity of the reserve update. RFC: "between 2 and 3"; default 2 */
  k: bigint
  /** `P_MIN` (planck), floor of the reserve price. RFC: 1 DOT */
  pMin: bigint
  /** `MIN_INCREMENT` (planck), least rise of the reserve after a 100% sell-out. RFC: 100 DOT */
  minIncrement: bigint
  /** `MARKET_PERIOD` in hours. RFC: 14 days */
  marketHours: number
  /** how long each discrete clock price is held, in hours. RFC: "e.g. 6–12 hours"; default 6 */
  levelHours: number
  /** `RENEWAL_PERIOD` in hours. RFC: 7 days (reported; the model needs no blocks inside it) */
  renewalHours: number
  /** `SETTLEMENT_PERIOD` in hours. RFC: 7 days */
  settlementHours: number

  // ---- choices where the text is open (docs/markets.md "Choices") ----
  /**
   * The uniform price when every core is sold: the price of the bid that sold the last unit
   * (`lastUnitBid`, the RFC's words) or the clock price at which the market closed (`clockLevel`).
   */
  clearingRule: 'lastUnitBid' | 'clockLevel'
  /**
   * What "unique bidders plus current tenants with renewal rights exceed the cores" counts:
   * `entities` — bidders and tenants who still hold a renewal right after forfeits, each counted
   * once; `units` — cores bid for plus renewal rights left.
   */
  penaltyTrigger: 'entities' | 'units'
  /** At the opening price, break multi-core bids into one-core tickets for the lottery. RFC: "may" */
  splitBulkAtOpening: boolean
  /**
   * Ties at the marginal price below the opening price: a seeded lottery (`random`, as the RFC
   * asks at the opening price) or first come first served (`firstCome`, bid order).
   */
  tieBreak: 'random' | 'firstCome'
}

export type Choice = 'clearingRule' | 'penaltyTrigger' | 'splitBulkAtOpening' | 'tieBreak'

/** The RFC's recommended values, with amounts in a token whose one unit is `unit` planck. */
export const defaults = (unit: bigint): Params => ({
  priceMultiplier: 3n * ONE,
  minOpeningPrice: 150n * unit,
  penalty: 300_000_000n,
  targetConsumption: 900_000_000n,
  k: 2n * ONE,
  pMin: unit,
  minIncrement: 100n * unit,
  marketHours: 14 * 24,
  levelHours: 6,
  renewalHours: 7 * 24,
  settlementHours: 7 * 24,
  clearingRule: 'lastUnitBid',
  penaltyTrigger: 'entities',
  splitBulkAtOpening: true,
  tieBreak: 'random',
})

export interface ParamError {
  code: 'InvalidParameter'
  field: keyof Params
  message: string
}
export type Checked = { ok: true; params: Params } | { ok: false; error: ParamError }

/** Largest K accepted (parts of 1e9): the exponent K·(c − target) stays within ±100. */
export const MAX_K = 100n * ONE
/** Largest multiplier or penalty accepted (parts of 1e9): 1000×. */
export const MAX_RATIO = 1000n * ONE

/**
 * The defaults with `overrides` applied, checked: the first bad field is named with what was
 * expected. Nothing else in the market validates parameters again.
 */
export const make = (unit: bigint, overrides: Partial<Params> = {}): Checked => {
  const p: Params = { ...defaults(unit), ...overrides }
  const bad = (field: keyof Params, message: string): Checked => ({
    ok: false,
    error: { code: 'InvalidParameter', field, message: `${field}: ${message}` },
  })
  const ratio = (v: bigint) => `${v} parts of 1e9`
  if (p.priceMultiplier < ONE || p.priceMultiplier > MAX_RATIO)
    return bad(
      'priceMultiplier',
      `expected 1 ≤ multiplier ≤ 1000 (the clock descends to the reserve), got ${ratio(p.priceMultiplier)}`,
    )
  if (p.minOpeningPrice < 0n) return bad('minOpeningPrice', 'expected a non-negative amount')
  if (p.penalty < 0n || p.penalty > MAX_RATIO)
    return bad('penalty', `expected 0 ≤ penalty ≤ 1000 (×), got ${ratio(p.penalty)}`)
  if (p.targetConsumption <= 0n || p.targetConsumption > ONE)
    return bad('targetConsumption', `expected 0 < target ≤ 1, got ${ratio(p.targetConsumption)}`)
  if (p.k < 0n || p.k > MAX_K) return bad('k', `expected 0 ≤ K ≤ 100, got ${ratio(p.k)}`)
  if (p.pMin <= 0n) return bad('pMin', 'expected at least 1 planck (the reserve never reaches zero)')
  if (p.minIncrement < 0n) return bad('minIncrement', 'expected a non-negative amount')
  const hours = (f: 'marketHours' | 'levelHours' | 'renewalHours' | 'settlementHours') =>
    Number.isSafeInteger(p[f]) && p[f] >= 0
  for (const f of ['marketHours', 'levelHours', 'renewalHours', 'settlementHours'] as const)
    if (!hours(f)) return bad(f, `expected a whole number of hours ≥ 0, got ${p[f]}`)
  if (p.levelHours < 1) return bad('levelHours', 'expected each price level to last at least 1 hour')
  if (p.marketHours % p.levelHours !== 0)
    return bad('levelHours', `expected a divisor of marketHours (${p.marketHours}), got ${p.levelHours}`)
  if (p.marketHours / p.levelHours < 2)
    return bad('marketHours', 'expected at least two price levels (marketHours ≥ 2 × levelHours)')
  if (p.clearingRule !== 'lastUnitBid' && p.clearingRule !== 'clockLevel')
    return bad(
      'clearingRule',
      `expected "lastUnitBid" or "clockLevel", got ${JSON.stringify(p.clearingRule)}`,
    )
  if (p.penaltyTrigger !== 'entities' && p.penaltyTrigger !== 'units')
    return bad('penaltyTrigger', `expected "entities" or "units", got ${JSON.stringify(p.penaltyTrigger)}`)
  if (typeof p.splitBulkAtOpening !== 'boolean') return bad('splitBulkAtOpening', 'expected true or false')
  if (p.tieBreak !== 'random' && p.tieBreak !== 'firstCome')
    return bad('tieBreak', `expected "random" or "firstCome", got ${JSON.stringify(p.tieBreak)}`)
  return { ok: true, params: p }
}

/** Number of discrete clock prices in the market period (each held `levelHours`). */
export const levels = (p: Params): number => p.marketHours / p.levelHours
