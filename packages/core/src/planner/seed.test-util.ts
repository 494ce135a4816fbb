/** Seed 002's `broker.saleInfo` (docs.polkadot.com "Coretime Renewal", Polkadot, April 2025), as printed there. */
export const seedSaleInfo = {
  saleStart: 1544949,
  leadinLength: 100800,
  endPrice: 922760076,
  regionBegin: 322845,
  regionEnd: 327885,
  idealCoresSold: 18,
  coresOffered: 18,
  firstCore: 44,
  selloutPrice: 92272712073,
  coresSold: 18,
}
