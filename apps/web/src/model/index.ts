/**
 * The web app's one door to the numbers. Every price, count and cost the page shows comes from
 * here, and everything here is a call into @coretime/core (the exact broker engine) or
 * @coretime/sim: the page itself never computes a price. Sales run through @coretime/sim (the
 * table demand and the agents over the exact engine); prices along the curve and the user's
 * renewal line are @coretime/core's Sale.priceAt and Renewal.nextPrice; Monte Carlo bands are
 * @coretime/sim's MonteCarlo; bulk against on-demand is @coretime/core's BulkVsOnDemand.
 */
export * from './costs'
export * from './monteCarlo'
export * from './run'
export * from './scenario'
export * from './types'
export * from './units'
