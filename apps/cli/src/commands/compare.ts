import { BulkVsOnDemand, FixedU128, Networks, Ratio, Token } from '@coretime/core'
import type { Command } from 'commander'
import { UsageError } from '../errors'
import {
  networkChoices,
  parseAmount,
  parseCount,
  parseNetwork,
  parsePercent,
  parsePercentRatio,
  parseTraffic,
  showPercent,
} from '../flags'
import { emit, showAmount, table } from '../print'

type Options = {
  network?: string
  blocksPerDay?: string
  share?: string
  regions?: string
  purchasePrice?: string
  endPrice?: string
  renewalSalePrice?: string
  bump?: string
  rule?: string
  baseFee?: string
  traffic?: string
  json?: boolean
}

const RULES = { 'floor-at-end-price': 'floorAtEndPrice', 'bump-only': 'bumpOnly' } as const

/** `coretime compare`: bulk coretime (purchase + renewals) against on-demand orders for a demand. */
export const registerCompare = (program: Command): void => {
  program
    .command('compare')
    .description(
      'Bulk versus on-demand cost for a parachain needing N blocks a day, and the break-even point',
    )
    .option('--network <name>', networkChoices(), 'polkadot')
    .option('--blocks-per-day <n>', 'parachain blocks needed per day (default: a full core, 14400)')
    .option('--share <pct>', 'or: the share of one core needed, percent')
    .option('--regions <n>', 'bulk regions (28 days each) to compare over', '12')
    .option('--purchase-price <amount>', 'price of the first core (default: the end price)')
    .option(
      '--end-price <amount>',
      'end price of every later sale (default 10 DOT / 1 KSM, the live minimum)',
    )
    .option(
      '--renewal-sale-price <amount>',
      'sale price when renewing (default 100 × end price: the interlude)',
    )
    .option('--bump <pct>', 'broker renewal_bump (assumed 3%)')
    .option('--rule <rule>', 'floor-at-end-price (RFC-149, live) or bump-only', 'floor-at-end-price')
    .option('--base-fee <amount>', 'on_demand_base_fee (sdk default 10000000 planck, not a live value)')
    .option('--traffic <x>', 'on-demand traffic multiplier the orders meet', '1')
    .option('--json', 'machine-readable output')
    .action((opts: Options) => emit(compare(opts), opts.json, renderCompare, compareJson))
}

/** What `coretime compare` computed: the inputs used and the comparison. */
export type CompareResult = {
  network: Token.Network
  inputs: BulkVsOnDemand.Compare.Inputs
  comparison: BulkVsOnDemand.Compare.Comparison
}

/** `coretime compare` as a function: flags in, the comparison out; a bad flag throws a UsageError. */
export const compare = (opts: Options): CompareResult => {
  const network = parseNetwork(opts.network)
  const token = Token.of(network)
  const d = BulkVsOnDemand.Compare.defaults(network)
  if (opts.blocksPerDay !== undefined && opts.share !== undefined)
    throw new UsageError('--share: give either --blocks-per-day or --share, not both')
  let blocksPerDay = d.blocksPerDay
  if (opts.blocksPerDay !== undefined)
    blocksPerDay = parseCount('--blocks-per-day', opts.blocksPerDay, 1, 100 * d.relayBlocksPerDay)
  if (opts.share !== undefined) {
    const share = parsePercentRatio('--share', opts.share)
    if (share.num === 0n) throw new UsageError(`--share: must be greater than 0%, got "${opts.share}"`)
    // ceil: a share that is not a whole number of blocks still needs the partial block
    blocksPerDay = Number(-Ratio.floor(Ratio.mul(share, Ratio.int(-d.relayBlocksPerDay))))
  }
  const endPrice = opts.endPrice === undefined ? d.endPrice : parseAmount('--end-price', opts.endPrice, token)
  const rule = RULES[(opts.rule ?? 'floor-at-end-price').toLowerCase() as keyof typeof RULES]
  if (!rule) throw new UsageError(`--rule: expected floor-at-end-price or bump-only, got "${opts.rule}"`)
  const traffic = parseTraffic('--traffic', opts.traffic ?? '1')
  const inputs: BulkVsOnDemand.Compare.Inputs = {
    ...d,
    blocksPerDay,
    regions: parseCount('--regions', opts.regions ?? '12', 1, 1000),
    endPrice,
    purchasePrice:
      opts.purchasePrice === undefined
        ? endPrice
        : parseAmount('--purchase-price', opts.purchasePrice, token),
    renewalSalePrice:
      opts.renewalSalePrice === undefined
        ? 100n * endPrice
        : parseAmount('--renewal-sale-price', opts.renewalSalePrice, token),
    renewalBump: opts.bump === undefined ? d.renewalBump : parsePercent('--bump', opts.bump),
    renewalRule: rule,
    onDemandBaseFee:
      opts.baseFee === undefined ? d.onDemandBaseFee : parseAmount('--base-fee', opts.baseFee, token),
    traffic,
  }
  return { network, inputs, comparison: BulkVsOnDemand.Compare.compare(inputs) }
}

const breakEvenOf = (c: BulkVsOnDemand.Compare.Comparison) => ({
  blocksPerDay: c.breakEvenBlocksPerDay === undefined ? null : Ratio.format(c.breakEvenBlocksPerDay, 2),
  share:
    c.breakEvenShare === undefined
      ? null
      : `${Ratio.format(Ratio.mul(c.breakEvenShare, Ratio.int(100)), 2)}%`,
})

/** The `--json` form: exact decimals and percentages as strings. */
export const compareJson = (r: CompareResult): unknown => {
  const token = Token.of(r.network)
  const breakEven = breakEvenOf(r.comparison)
  return {
    network: r.network,
    token: token.symbol,
    decimals: token.decimals,
    inputs: {
      ...r.inputs,
      traffic: FixedU128.format(r.inputs.traffic),
      renewalBump: showPercent(r.inputs.renewalBump),
    },
    ...r.comparison,
    breakEvenBlocksPerDay: breakEven.blocksPerDay,
    breakEvenShare: breakEven.share,
  }
}

/** The comparison as `coretime compare` shows it. */
export const renderCompare = (r: CompareResult): string => {
  const { inputs, comparison: c } = r
  const token = Token.of(r.network)
  const { blocksPerDay: breakEven, share: breakEvenShare } = breakEvenOf(c)
  const lines = [
    `Bulk vs on-demand on ${Networks.get(r.network).label}: ${inputs.blocksPerDay} blocks a day over ${inputs.regions} regions of 28 days`,
    table([
      [
        'bulk',
        `${c.cores} core(s); renewal rule ${inputs.renewalRule}, bump ${showPercent(inputs.renewalBump)}`,
      ],
      ['on-demand', `${c.ordersPerRegion} orders per region at ${showAmount(c.spotPrice, token)}`],
    ]),
    '  region  kind      bulk                on-demand',
    ...c.perRegion.map(
      (row) =>
        `  ${String(row.region).padStart(6)}  ${row.kind.padEnd(8)}  ${Token.format(row.bulk, token, { digits: 4 }).padEnd(18)}  ${Token.format(row.onDemand, token, { digits: 4 })}`,
    ),
    table([
      ['total bulk', showAmount(c.totalBulk, token)],
      ['total on-demand', showAmount(c.totalOnDemand, token)],
      ['cheaper', c.cheaper === 'onDemand' ? 'on-demand' : c.cheaper],
      [
        'break-even',
        breakEven === null
          ? 'none (the spot price is 0)'
          : `${breakEven} blocks a day (${breakEvenShare} of a core): below it on-demand is cheaper`,
      ],
    ]),
    'Assumed, not live: the renewal bump and the on-demand base fee (see docs/relay.md).',
  ]
  return `${lines.join('\n')}\n`
}
