/**
 * The pallet's unit-test runtime and its default `configure` step as a trace file writes them
 * (decimal strings for planck and Perbill) — the JSON twin of `Runtimes.unitTest` / `unitTestConfig`.
 * Functions, so a test may change what it gets without touching another test's copy.
 */
export const runtimeJson = () => ({
  timeslicePeriod: 2,
  priceAdapter: { kind: 'CenterTargetPrice' },
  renewalPriceRule: 'floorAtEndPrice',
  maxLeasedCores: 5,
  maxReservedCores: 5,
  maxAutoRenewals: 3,
  minimumCreditPurchase: '20',
  balanceBits: 64,
  sovereignAccount: 'taskId',
  revenueAccount: '0',
})

export const configureStep = () => ({
  block: 0,
  origin: 'root',
  call: 'configure',
  args: {
    advanceNotice: 2,
    interludeLength: 1,
    leadinLength: 1,
    regionLength: 3,
    idealBulkProportion: '0',
    limitCoresOffered: null,
    renewalBump: '100000000',
    contributionTimeout: 5,
  },
})
