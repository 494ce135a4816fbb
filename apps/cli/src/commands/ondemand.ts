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
import { emit, showAmount, table } from '../print'

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
    .action((opts: Options) => {
      const r = ondemand(opts)
      emit(r, opts.json, renderOndemand, ondemandJson)
      // a rejected order is the answer, not a usage error: exit 1
      if (r.kind === 'orders' && r.failure !== undefined) process.exitCode = 1
    })
}

/** What `coretime ondemand` found: the orders placed in one block, or `--blocks` of steady demand. */
export type OndemandResult = OrdersResult | BlocksResult

/** `coretime ondemand` as a function: flags in, the orders' outcome (or the `--blocks` run) out. */
export const ondemand = (opts: Options): OndemandResult =>
  opts.blocks === undefined ? orders(opts) : blocksRun(opts)

/** The `--json` form of either mode. */
export const ondemandJson = (r: OndemandResult): unknown =>
  r.kind === 'orders' ? ordersJson(r) : blocksJson(r)

/** Either mode as `coretime ondemand` shows it. */
export const renderOndemand = (r: OndemandResult): string =>
  r.kind === 'orders' ? renderOrders(r) : renderBlocks(r)

/** The defaults `--base-fee`, `--variability`, `--target` and `--queue-capacity` stand for. */
const PARAM_FLAGS = ['baseFee', 'variability', 'target', 'queueCapacity'] as const
type ParamFlag = (typeof PARAM_FLAGS)[number]

/** One order placed (or refused, which ends the run) in the block. */
export type OrderOutcome = {
  order: number
  ok: boolean
  spotPrice: bigint
  traffic: string
  error?: string
}

/** Orders placed one after another in one block, as the pallet would take them. */
export type OrdersResult = {
  kind: 'orders'
  network: Token.Network
  params: OnDemand.Params.Params
  /** the pallet parameters taken from the sdk defaults (no flag given) */
  defaultsUsed: ParamFlag[]
  start: { traffic: FixedU128.FixedU128; queueSize: number }
  payment: (typeof PAYMENTS)[keyof typeof PAYMENTS]
  paraId: number
  /** orders asked for */
  requested: number
  orders: OrderOutcome[]
  paid: bigint
  end: { traffic: FixedU128.FixedU128; queueSize: number }
  /** the order that was refused: the run stopped there */
  failure?: OnDemand.Market.OrderError
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

const orders = (opts: Options): OrdersResult => {
  const network = parseNetwork(opts.network)
  const token = Token.of(network)
  const defaults = OnDemand.Params.sdkDefaults(network)
  const params = readParams(opts, token, defaults)
  const queueSize = parseCount('--queue-size', opts.queueSize ?? '0')
  if (queueSize > params.queueMaxSize)
    throw new UsageError(
      `--queue-size: ${queueSize} orders do not fit a queue capacity of ${params.queueMaxSize}`,
    )
  const traffic = parseTraffic('--traffic', opts.traffic ?? '1')
  const maxAmount =
    opts.maxAmount === undefined ? U128_MAX : parseAmount('--max-amount', opts.maxAmount, token)
  const requested = parseCount('--orders', opts.orders ?? '1', 1, 100_000)
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
  const results: OrderOutcome[] = []
  let paid = 0n
  let failure: OnDemand.Market.OrderError | undefined
  for (let i = 1; i <= requested; i++) {
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
  return {
    kind: 'orders',
    network,
    params,
    defaultsUsed: PARAM_FLAGS.filter((k) => opts[k] === undefined),
    start: { traffic, queueSize },
    payment: callType,
    paraId,
    requested,
    orders: results,
    paid,
    end: { traffic: state.traffic, queueSize: state.queue.length },
    ...(failure === undefined ? {} : { failure }),
  }
}

const ordersJson = (r: OrdersResult): unknown => {
  const token = Token.of(r.network)
  return {
    network: r.network,
    token: token.symbol,
    decimals: token.decimals,
    params: {
      baseFee: r.params.baseFee,
      feeVariability: showPercent(r.params.feeVariability),
      targetQueueUtilization: showPercent(r.params.targetQueueUtilization),
      queueMaxSize: r.params.queueMaxSize,
      defaultsUsed: r.defaultsUsed,
    },
    start: { traffic: FixedU128.format(r.start.traffic), queueSize: r.start.queueSize },
    payment: r.payment,
    orders: r.orders,
    placed: r.orders.filter((o) => o.ok).length,
    paid: r.paid,
    end: { traffic: FixedU128.format(r.end.traffic), queueSize: r.end.queueSize },
    ok: r.failure === undefined,
    ...(r.failure === undefined ? {} : { error: r.failure }),
  }
}

const renderOrders = (r: OrdersResult): string => {
  const token = Token.of(r.network)
  const { params } = r
  const label = (k: ParamFlag, v: string) =>
    r.defaultsUsed.includes(k) ? `${v} (sdk default, not a live value)` : v
  const lines = [
    `On-demand coretime on ${Networks.get(r.network).label} (relay on_demand pallet)`,
    table([
      ['base fee', label('baseFee', showAmount(params.baseFee, token))],
      ['fee variability', label('variability', showPercent(params.feeVariability))],
      ['target utilization', label('target', showPercent(params.targetQueueUtilization))],
      ['queue', `${r.start.queueSize} / ${label('queueCapacity', String(params.queueMaxSize))}`],
      ['traffic', FixedU128.format(r.start.traffic)],
      ['payment', r.payment],
    ]),
  ]
  for (const o of r.orders)
    lines.push(
      o.ok
        ? `order ${o.order}: placed for para ${r.paraId} at ${showAmount(o.spotPrice, token)}, traffic now ${o.traffic}`
        : `order ${o.order}: rejected: ${o.error}`,
    )
  if (r.failure) lines.push(describeFailure(r.failure, token))
  lines.push(
    `placed ${r.orders.filter((o) => o.ok).length} of ${r.requested}; paid ${showAmount(r.paid, token)}; ` +
      `traffic ${FixedU128.format(r.end.traffic)}; queue ${r.end.queueSize} / ${params.queueMaxSize}`,
  )
  return `${lines.join('\n')}\n`
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
export type BlocksResult = {
  kind: 'blocks'
  network: Token.Network
  params: OnDemand.Params.Params
  blocks: number
  perBlock: number
  poolCores: number
  run: OnDemand.Simulate.RunResult
}

const blocksRun = (opts: Options): BlocksResult => {
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
  return { kind: 'blocks', network, params, blocks, perBlock, poolCores, run: r }
}

const blocksJson = (b: BlocksResult): unknown => {
  const token = Token.of(b.network)
  const r = b.run
  return {
    network: b.network,
    token: token.symbol,
    decimals: token.decimals,
    perBlock: b.perBlock,
    poolCores: b.poolCores,
    placed: r.placed,
    rejected: r.rejected,
    errors: r.errors,
    served: r.served,
    paid: r.paid,
    average: average(r),
    endTraffic: FixedU128.format(r.state.traffic),
    blocks: r.blocks,
  }
}

const average = (r: OnDemand.Simulate.RunResult): bigint => (r.placed === 0 ? 0n : r.paid / BigInt(r.placed))

const renderBlocks = (b: BlocksResult): string => {
  const token = Token.of(b.network)
  const r = b.run
  const prices = r.blocks.map((x) => x.spotPrice)
  // biome-ignore lint/complexity/useMathMinMax: bigint has no Math.max
  const max = prices.reduce((a, x) => (x > a ? x : a), 0n)
  const last = r.blocks[r.blocks.length - 1]
  return `${[
    `On-demand over ${b.blocks} blocks: ${b.perBlock} order(s) a block, ${b.poolCores} pool core(s)`,
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
      ['queue at the end', `${last?.queueLength ?? 0} / ${b.params.queueMaxSize}`],
      ['paid', showAmount(r.paid, token)],
      ['average per order', showAmount(average(r), token)],
    ]),
  ].join('\n')}\n`
}
