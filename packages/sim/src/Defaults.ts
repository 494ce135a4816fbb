import type { RawScenario } from './Scenario'

/**
 * The scenario `coretime simulate` runs without a file (docs/simulator.md "Default projection").
 * Every number is an assumption, stated here and in the docs:
 * - chain: the `polkadot` preset (live runtime constants, assumed governance configuration);
 * - the first sale's end price is 50 DOT;
 * - 60 cores on sale: 45 `extraCores` and 15 leases that end over the first year;
 * - sale 1 stands in for the bulk cores already held today: 40 are bought at the end price; from
 *   sale 2 on, up to 50 holders renew in the interlude and 5 new parachains buy at the end price;
 * - one year: 13 sales of 28 days from 2026-12-01 (the web app's default start too).
 */
export const polkadotProjection: RawScenario = {
  name: 'polkadot-projection',
  description:
    'Polkadot over one year with a steady demand table: 40 cores in bulk today, up to 50 renewals and 5 new purchases per sale.',
  chain: { preset: 'polkadot', startDate: '2026-12-01T00:00:00Z' },
  horizon: 13,
  start: { endPrice: '50 DOT', extraCores: 45, leases: [{ count: 15, renewInSale: [2, 13] }] },
  demand: { table: { renewals: 50, purchases: [40, 5] } },
}
