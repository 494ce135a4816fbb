import { Costs, Networks, Ratio, Token } from '@coretime/core'
import type { Command } from 'commander'
import { UsageError } from '../errors'
import { parseAmountWithUnit, parseCount, parseNetwork, parsePercentRatio, parseRatio } from '../flags'
import { emit, showAmount, table } from '../print'

type Options = Record<string, string | boolean | undefined> & { network?: string; json?: boolean }

/** The numeric flags, the input each sets, and how to read it. */
const FLAGS = [
  ['--token-price <usd>', 'tokenPriceUsd', 'USD per DOT/KSM (post: 6.5 / 38)', 'positive'],
  ['--da-rate <MBps>', 'dataAvailabilityMBps', 'data availability per core, MB/s (0.83)', 'ratio'],
  ['--weight-use <pct>', 'blockWeightUse', 'share of max block weight used (1.8% / 100%)', 'percent'],
  ['--exec-time <s>', 'executionTimeS', 'execution time per block, s (2)', 'ratio'],
  ['--pov-size <MB>', 'povSizeMB', 'max PoV size, MB (5)', 'positive'],
  ['--blocks-per-day <n>', 'blocksPerDay', 'relay blocks per day (14400)', 'count'],
  [
    '--rewards-per-day <amount>',
    'validatorRewardsPerDay',
    'validator rewards per day, with its unit (1170 DOT / 2 KSM; or N planck)',
    'amount',
  ],
  ['--backing-group <n>', 'backingGroupSize', 'validators per backing group (5 / 3)', 'group'],
  ['--bandwidth-price <usd>', 'bandwidthUsdPerGiB', 'USD per GiB of bandwidth (0.085)', 'ratio'],
  ['--mb-per-gib <n>', 'mbPerGiB', 'MB per GiB; the post uses 1000 (1024 is binary)', 'positive'],
  ['--vm-price <usd>', 'vmUsdPerHour', 'VM USD per hour (1.710784)', 'ratio'],
  [
    '--validator-month <days>',
    'validatorMonthDays',
    'month length for the validator method (365/12)',
    'positive',
  ],
  [
    '--infra-month <days>',
    'infrastructureMonthDays',
    'month length for the infrastructure method (30)',
    'positive',
  ],
  [
    '--deposit <amount>',
    'registrationDeposit',
    'registration deposit, with its unit (1052 DOT / 312 KSM; or N planck)',
    'amount',
  ],
  [
    '--opportunity-rate <pct>',
    'opportunityRatePerYear',
    'yearly return forgone on the deposit (15%)',
    'percent',
  ],
] as const

const key = (flag: string) =>
  flag
    .split(' ')[0]!
    .replace(/^--/, '')
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())

/** `coretime costs`: the two cost-based core prices of the "Initial Coretime Pricing" post. */
export const registerCosts = (program: Command): void => {
  const cmd = program
    .command('costs')
    .description(
      'Cost-based price of a core per month: validator rewards and infrastructure methods (seed 004), ' +
        "minus the registration opportunity cost. Defaults are the post's inputs.",
    )
    .option('--network <name>', Networks.choice(Costs.CorePrice.POST_NETWORKS), 'polkadot')
  for (const [flag, , help] of FLAGS) cmd.option(flag, help)
  cmd
    .option('--json', 'machine-readable output')
    .action((opts: Options) => emit(costs(opts), opts.json, renderCosts, costsJson))
}

/** What `coretime costs` computed: the inputs used (the post's, with any flags applied) and the price. */
export type CostsResult = {
  network: Token.Network
  inputs: Costs.CorePrice.Inputs
  /** the input fields a flag changed */
  changed: string[]
  perCoreMonth: ReturnType<typeof Costs.CorePrice.compute>
}

/** `coretime costs` as a function: flags in, the price out; a bad flag throws a one-line UsageError. */
export const costs = (opts: Options): CostsResult => {
  const posts = Costs.CorePrice.POST_NETWORKS
  const raw = (opts.network ?? 'polkadot').toLowerCase()
  if (!Networks.isNetwork(raw))
    throw new UsageError(
      `--network: expected ${Networks.choice(posts.map((n) => `"${n}"`))}, got "${opts.network}"`,
    )
  const network = parseNetwork(raw)
  if (!Costs.CorePrice.isPostNetwork(network))
    throw new UsageError(
      `--network: the post's cost inputs are for ${posts.join(' and ')}, not ${network} (a test network: its token has no price)`,
    )
  const token = Token.of(network)
  const inputs: Record<string, unknown> = { ...Costs.CorePrice.postDefaults(network) }
  const changed: string[] = []
  for (const [flag, field, , kind] of FLAGS) {
    const raw = opts[key(flag)]
    if (typeof raw !== 'string') continue
    const name = flag.split(' ')[0]!
    changed.push(field)
    inputs[field] =
      kind === 'ratio'
        ? parseRatio(name, raw)
        : kind === 'positive'
          ? parseRatio(name, raw, true)
          : kind === 'percent'
            ? parsePercentRatio(name, raw)
            : kind === 'amount'
              ? parseAmountWithUnit(name, raw, token)
              : BigInt(parseCount(name, raw, kind === 'group' ? 1 : 1))
  }
  const i = inputs as Costs.CorePrice.Inputs
  return { network, inputs: i, changed, perCoreMonth: Costs.CorePrice.compute(i, Token.of(network)) }
}

const usdOf = (r: CostsResult) => (p: bigint) =>
  Ratio.format(Costs.CorePrice.toUsd(p, Token.of(r.network), r.inputs.tokenPriceUsd), 2)

/** The `--json` form: exact decimals as strings, USD beside each figure. */
export const costsJson = (r: CostsResult): unknown => {
  const token = Token.of(r.network)
  const usd = usdOf(r)
  const show = (v: unknown) =>
    typeof v === 'object' && v !== null && 'num' in v ? Ratio.format(v as Ratio.Ratio, 9) : v
  return {
    network: r.network,
    token: token.symbol,
    decimals: token.decimals,
    inputs: Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, show(v)])),
    changed: r.changed,
    perCoreMonth: r.perCoreMonth,
    usd: Object.fromEntries(Object.entries(r.perCoreMonth).map(([k, v]) => [k, usd(v)])),
  }
}

/** The price as `coretime costs` shows it. */
export const renderCosts = (r: CostsResult): string => {
  const token = Token.of(r.network)
  const usd = usdOf(r)
  const b = r.perCoreMonth
  const row = (label: string, p: bigint): [string, string] => [
    label,
    `${Ratio.format(Ratio.of(p, token.unit), 2)} ${token.symbol} ($${usd(p)} at $${Ratio.format(r.inputs.tokenPriceUsd, 2)})`,
  ]
  return `${[
    `Cost-based price of one ${Networks.get(r.network).label} core per month (seed 004 methods)`,
    r.changed.length === 0
      ? "  inputs: the post's own (see docs/relay.md)"
      : `  inputs changed: ${r.changed.join(', ')}`,
    table([
      row('validator rewards', b.validatorRewards),
      row('bandwidth', b.bandwidth),
      row('compute', b.compute),
      row('infrastructure', b.infrastructure),
      row('deposit opportunity', b.opportunityCost),
      row('validator method, final', b.validatorRewardsFinal),
      row('infrastructure, final', b.infrastructureFinal),
      row('average of the two', b.average),
    ]),
    `  exact: validator final ${showAmount(b.validatorRewardsFinal, token)},`,
    `         infrastructure final ${showAmount(b.infrastructureFinal, token)}`,
  ].join('\n')}\n`
}
