import { FixedU128, Networks, OnDemand, Token } from '@coretime/core'
import type { Command } from 'commander'
import { UsageError } from '../errors'
import {
  networkChoices,
  parseAmount,
  parseCount,
  parseNetwork,
  parsePercent,
  parseTraffic,
  showPercent,
} from '../flags'
import { checkBlockWork } from '../limits'
import { printJson, showAmount, table } from '../print'

type Options = {
  network?: string
  baseFee?: string
  variability?: string
  target?: string
  queueCapacity?: string
  queueSize?: string
  traffic?: string
  maxAmount?: string
  orders?: string
  para?: string
  pay?: string
  balance?: string
  credits?: string
  blocks?: string
  perBlock?: string
  poolCores?: string
  json?: boolean
}

const PAYMENTS = {
  balance: 'placeOrderAllowDeath',
  'keep-alive': 'placeOrderKeepAlive',
  credits: 'placeOrderWithCredits',
} as const
const ORDERER = 'you'
const U128_MAX = (1n << 128n) - 1n

/** `coretime ondemand`: price and place on-demand orders on the relay, exactly as the pallet would. */
export const registerOndemand = (program: Command): void => {
  program
    .command('ondemand')
    .description(
      'Spot price of on-demand coretime and the outcome of placing orders (relay on_demand pallet). ' +
        'Parameters default to polkadot-sdk defaults, not live values.',
    )
    .option('--network <name>', networkChoices(), 'polkadot')
    .option(
      '--base-fee <amount>',
      'on_demand_base_fee, tokens ("0.001 DOT") or planck (sdk default 10000000)',
    )
    .option('--variability <pct>', 'on_demand_fee_variability, percent (sdk default 3%)')
    .option('--target <pct>', 'on_demand_target_queue_utilization, percent (sdk default 25%)')
    .option('--queue-capacity <n>', 'on_demand_queue_max_size (sdk default 10000)')
    .option('--queue-size <n>', 'orders already in the queue', '0')
    .option('--traffic <x>', 'current traffic multiplier (1.0 = base fee)', '1')
    .option('--max-amount <amount>', 'the most each order may pay (max_amount); default: no limit')
    .option('--orders <n>', 'orders to place, one after another in this block', '1')
    .option('--para <id>', 'para id ordered for', '2000')
    .option('--pay <how>', 'balance (place_order_allow_death), keep-alive, or credits', 'balance')
    .option('--balance <amount>', 'free balance of the ordering account (default: 1000 tokens)')
    .option('--credits <amount>', 'on-demand credits of the ordering account', '0')
    .option('--blocks <n>', 'instead: run n blocks of steady demand through the pallet and the scheduler')
    .option('--per-block <n>', 'with --blocks: orders placed every block', '1')
    .option('--pool-cores <n>', 'with --blocks: on-demand pool cores served every block', '1')
    .option('--json', 'machine-readable output')
    .action((opts: Options) => (opts.blocks === undefined ? ondemand(opts) : simulate(opts)))
}

const readParams = (
  opts: Options,
  token: Token.Token,
  defaults: OnDemand.Params.Params,
): OnDemand.Params.Params => ({
  ...defaults,
  baseFee: opts.baseFee === undefined ? defaults.baseFee : parseAmount('--base-fee', opts.baseFee, token),
  feeVariability:
    opts.variability === undefined
      ? defaults.feeVariability
      : parsePercent('--variability', opts.variability),
  targetQueueUtilization:
    opts.target === undefined ? defaults.targetQueueUtilization : parsePercent('--target', opts.target),
  queueMaxSize:
    opts.queueCapacity === undefined
      ? defaults.queueMaxSize
      : parseCount('--queue-capacity', opts.queueCapacity, 1, OnDemand.Params.MAX_QUEUE_MAX_SIZE),
})

export const ondemand = (opts: Options): void => {
  const network = parseNetwork(opts.network)
  const token = Token.of(network)
  const defaults = OnDemand.Params.sdkDefaults(network)
  const given = (k: keyof Options) => opts[k] !== undefined
  const params = readParams(opts, token, defaults)
  const queueSize = parseCount('--queue-size', opts.queueSize ?? '0')
  if (queueSize > params.queueMaxSize)
    throw new UsageError(
      `--queue-size: ${queueSize} orders do not fit a queue capacity of ${params.queueMaxSize}`,
    )
  const traffic = parseTraffic('--traffic', opts.traffic ?? '1')
  const maxAmount =
    opts.maxAmount === undefined ? U128_MAX : parseAmount('--max-amount', opts.maxAmount, token)
  const orders = parseCount('--orders', opts.orders ?? '1', 1, 100_000)
  const paraId = parseCount('--para', opts.para ?? '2000', 0, 4_294_967_295)
  const pay = (opts.pay ?? 'balance').toLowerCase()
  if (!(pay in PAYMENTS))
    throw new UsageError(`--pay: expected balance, keep-alive or credits, got "${opts.pay}"`)
  const callType = PAYMENTS[pay as keyof typeof PAYMENTS]
  const balance =
    opts.balance === undefined
      ? Token.fromTokens(1000n, token)
      : parseAmount('--balance', opts.balance, token)
  const credits = parseAmount('--credits', opts.credits ?? '0', token)

  // The stored state within the current block: each order runs the pallet's per-order update first.
  let state: OnDemand.Market.State = {
    ...OnDemand.Market.initial({
      now: 1,
      traffic,
      balances: { [ORDERER]: balance },
      credits: { [ORDERER]: credits },
    }),
    queue: Array.from({ length: queueSize }, (_, i) => ({ paraId: 1_000_000 + i, orderedAt: 0 })),
    revenue: [0n],
  }
  const results: {
    order: number
    ok: boolean
    spotPrice: bigint
    traffic: string
    error?: string
  }[] = []
  let paid = 0n
  let failure: OnDemand.Market.OrderError | undefined
  for (let i = 1; i <= orders; i++) {
    const r = OnDemand.Market.apply(state, params, { type: callType, who: ORDERER, maxAmount, paraId })
    if (!r.ok) {
      failure = r.error
      // the extrinsic reverts, so the stored traffic stays what it was before this order
      results.push({
        order: i,
        ok: false,
        spotPrice: r.error.spotPrice,
        traffic: FixedU128.format(state.traffic),
        error: r.error.code,
      })
      break
    }
    state = r.state
    const placed = r.events.find((e) => e.type === 'OnDemandOrderPlaced')
    const price = placed?.type === 'OnDemandOrderPlaced' ? placed.spotPrice : 0n
    paid += price
    results.push({ order: i, ok: true, spotPrice: price, traffic: FixedU128.format(state.traffic) })
  }
  const label = (k: keyof Options, v: string) => (given(k) ? v : `${v} (sdk default, not a live value)`)

  if (opts.json) {
    printJson({
      network,
      token: token.symbol,
      decimals: token.decimals,
      params: {
        baseFee: params.baseFee,
        feeVariability: showPercent(params.feeVariability),
        targetQueueUtilization: showPercent(params.targetQueueUtilization),
        queueMaxSize: params.queueMaxSize,
        defaultsUsed: (['baseFee', 'variability', 'target', 'queueCapacity'] as const).filter(
          (k) => !given(k),
        ),
      },
      start: { traffic: FixedU128.format(traffic), queueSize },
      payment: callType,
      orders: results,
      placed: results.filter((r) => r.ok).length,
      paid,
      end: { traffic: FixedU128.format(state.traffic), queueSize: state.queue.length },
      ok: failure === undefined,
      ...(failure === undefined ? {} : { error: failure }),
    })
  } else {
    const lines = [
      `On-demand coretime on ${Networks.get(network).label} (relay on_demand pallet)`,
      table([
        ['base fee', label('baseFee', showAmount(params.baseFee, token))],
        ['fee variability', label('variability', showPercent(params.feeVariability))],
        ['target utilization', label('target', showPercent(params.targetQueueUtilization))],
        ['queue', `${queueSize} / ${label('queueCapacity', String(params.queueMaxSize))}`],
        ['traffic', FixedU128.format(traffic)],
        ['payment', callType],
      ]),
    ]
    for (const r of results)
      lines.push(
        r.ok
          ? `order ${r.order}: placed for para ${paraId} at ${showAmount(r.spotPrice, token)}, traffic now ${r.traffic}`
          : `order ${r.order}: rejected: ${r.error}`,
      )
    if (failure) lines.push(describeFailure(failure, token))
    lines.push(
      `placed ${results.filter((r) => r.ok).length} of ${orders}; paid ${showAmount(paid, token)}; ` +
        `traffic ${FixedU128.format(state.traffic)}; queue ${state.queue.length} / ${params.queueMaxSize}`,
    )
    process.stdout.write(`${lines.join('\n')}\n`)
  }
  if (failure) process.exitCode = 1
}

const describeFailure = (e: OnDemand.Market.OrderError, token: Token.Token): string => {
  const price = showAmount(e.spotPrice, token)
  switch (e.code) {
    case 'SpotPriceHigherThanMaxAmount':
      return `  the order would have cost ${price}, above the max amount ${showAmount(e.maxAmount, token)}`
    case 'QueueFull':
      return `  the queue already holds ${e.queueMaxSize} orders (on_demand_queue_max_size); the price was ${price}`
    case 'InsufficientCredits':
      return `  the order costs ${price} but the account has ${showAmount(e.credits, token)} of credits`
    case 'InsufficientBalance':
      return `  the order costs ${price} but the free balance is ${showAmount(e.balance, token)}`
    case 'Expendability':
      return `  paying ${price} would take the balance ${showAmount(e.balance, token)} below the existential deposit (keep-alive)`
  }
}

/** `--blocks`: steady demand through `on_initialize`, the orders and the scheduler, block after block. */
export const simulate = (opts: Options): void => {
  const network = parseNetwork(opts.network)
  const token = Token.of(network)
  const params = readParams(opts, token, OnDemand.Params.sdkDefaults(network))
  const blocks = parseCount('--blocks', opts.blocks ?? '1', 1, 1_000_000)
  const perBlock = parseCount('--per-block', opts.perBlock ?? '1', 0, 100_000)
  const poolCores = parseCount('--pool-cores', opts.poolCores ?? '1', 0, 100_000)
  checkBlockWork(blocks, perBlock)
  const queued = parseCount('--queue-size', opts.queueSize ?? '0')
  if (queued > params.queueMaxSize)
    throw new UsageError(
      `--queue-size: ${queued} orders do not fit a queue capacity of ${params.queueMaxSize}`,
    )
  const traffic = parseTraffic('--traffic', opts.traffic ?? '1')
  const r = OnDemand.Simulate.run(params, {
    blocks,
    ordersPerBlock: perBlock,
    poolCores,
    traffic,
    queued,
    ...(opts.maxAmount === undefined
      ? {}
      : { maxAmount: parseAmount('--max-amount', opts.maxAmount, token) }),
  })
  const prices = r.blocks.map((b) => b.spotPrice)
  // biome-ignore lint/complexity/useMathMinMax: bigint has no Math.max
  const max = prices.reduce((a, b) => (b > a ? b : a), 0n)
  const last = r.blocks[r.blocks.length - 1]
  const average = r.placed === 0 ? 0n : r.paid / BigInt(r.placed)
  if (opts.json) {
    printJson({
      network,
      token: token.symbol,
      decimals: token.decimals,
      perBlock,
      poolCores,
      placed: r.placed,
      rejected: r.rejected,
      errors: r.errors,
      served: r.served,
      paid: r.paid,
      average,
      endTraffic: FixedU128.format(r.state.traffic),
      blocks: r.blocks,
    })
    return
  }
  process.stdout.write(
    `${[
      `On-demand over ${blocks} blocks: ${perBlock} order(s) a block, ${poolCores} pool core(s)`,
      table([
        ['spot price, first block', showAmount(prices[0] ?? 0n, token)],
        ['spot price, last block', showAmount(last?.spotPrice ?? 0n, token)],
        ['highest spot price', showAmount(max, token)],
        ['orders placed', String(r.placed)],
        [
          'orders rejected',
          r.rejected === 0
            ? '0'
            : `${r.rejected} (${Object.entries(r.errors)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')})`,
        ],
        ['blocks served', String(r.served)],
        ['queue at the end', `${last?.queueLength ?? 0} / ${params.queueMaxSize}`],
        ['paid', showAmount(r.paid, token)],
        ['average per order', showAmount(average, token)],
      ]),
    ].join('\n')}\n`,
  )
}
