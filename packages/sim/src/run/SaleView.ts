import { Broker, Sale, type SaleInfoRecord } from '@coretime/core'
import type { SaleView } from '../agents/View'
import type { SaleFrame } from '../Results'
import * as Rng from '../Rng'
import { seriesAt } from '../Series'
import { SimulationError } from '../SimulationError'
import { firstBlockAtOrBelow, type PriceAt } from './PriceSearch'
import type { Run } from './Run'

/** The sale the engine has open, as agents see it (`view`) and as its result starts (`frame`). */
export const open = (run: Run, k: number): { view: SaleView; frame: SaleFrame; rotation: number } => {
  const { runtime, configuration: config } = run.scenario.chain
  const s = run.engine.s
  const sale: SaleInfoRecord | null = s.saleInfo
  if (!sale) throw new SimulationError('no sale after rotation')
  const period = runtime.timeslicePeriod
  const adapter = runtime.priceAdapter
  const maxBal = Broker.maxBalance(runtime)
  // The sale's prices depend only on its start, lead-in and end price (a copy: `sale` is live).
  const priced = { saleStart: sale.saleStart, leadinLength: sale.leadinLength, endPrice: sale.endPrice }
  // every search probes the lead-in's middle and end: computed once per sale
  const knot = sale.saleStart + Math.floor(sale.leadinLength / 2)
  const leadinEnd = sale.saleStart + sale.leadinLength
  const knotPrice = Sale.priceAt(priced, knot, adapter, maxBal)
  const endPrice = Sale.priceAt(priced, leadinEnd, adapter, maxBal)
  const priceAt: PriceAt = (b) =>
    b === knot ? knotPrice : b >= leadinEnd ? endPrice : Sale.priceAt(priced, b, adapter, maxBal)
  const now = s.block
  const rotation = sale.regionBegin * period - config.advanceNotice
  const lastBlock = rotation - 1
  const firstBuy = Math.min(sale.saleStart + 1, lastBlock)
  const clampBuy = (from: number) => Math.min(Math.max(from, firstBuy), lastBlock)
  const interlude = config.interludeLength
  const table = run.scenario.demand.table
  const view: SaleView = {
    k,
    now,
    saleStart: sale.saleStart,
    leadinLength: sale.leadinLength,
    leadinEnd,
    lastBlock,
    regionBegin: sale.regionBegin,
    regionEnd: sale.regionEnd,
    tableRenewalsLeft: table ? seriesAt(table.renewals, k) : 0,
    priceAt,
    firstAtOrBelow: (from, limit) => firstBlockAtOrBelow(priceAt, from, lastBlock, limit, knot, leadinEnd),
    interludeBlock: (rng) => Math.min(now + 1 + (interlude > 1 ? Rng.int(rng, interlude) : 0), lastBlock),
    leadinBlock: (fraction) => clampBuy(sale.saleStart + Math.round(fraction * sale.leadinLength)),
    clampBuy,
  }
  const frame: SaleFrame = {
    sale: k,
    regionBegin: sale.regionBegin,
    regionEnd: sale.regionEnd,
    saleStartBlock: sale.saleStart,
    leadinEndBlock: leadinEnd,
    lastBlock,
    dates: {
      saleStart: run.dateOf(sale.saleStart),
      leadinEnd: run.dateOf(leadinEnd),
      regionBegin: run.dateOf(sale.regionBegin * period),
      regionEnd: run.dateOf(sale.regionEnd * period),
    },
    startPrice: priceAt(sale.saleStart),
    endPrice: sale.endPrice,
    coresOffered: sale.coresOffered,
    idealCoresSold: sale.idealCoresSold,
  }
  return { view, frame, rotation }
}
