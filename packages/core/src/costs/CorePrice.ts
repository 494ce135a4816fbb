import * as Ratio from '../fixed/Ratio'
import * as Networks from '../networks/Networks'
import type { Network } from '../units/Token'
import * as Token from '../units/Token'

/**
 * Cost-based price of one core for one month: the two methods of the forum post "Initial Coretime
 * Pricing" (seed 004, erin, early 2024), with every input a parameter. Token amounts are planck; the
 * other inputs are exact decimals (`Ratio`). Results are floored to the planck.
 */
export type Inputs = {
  /** USD per whole token (DOT or KSM) */
  readonly tokenPriceUsd: Ratio.Ratio
  /** data availability one core provides, MB per second */
  readonly dataAvailabilityMBps: Ratio.Ratio
  /** share of the maximum block weight actually used (Polkadot median 1.8%) */
  readonly blockWeightUse: Ratio.Ratio
  /** execution time per block, seconds (2 s with async backing) */
  readonly executionTimeS: Ratio.Ratio
  /** maximum PoV size, MB */
  readonly povSizeMB: Ratio.Ratio
  /** relay blocks per day (14 400 at 6 s) */
  readonly blocksPerDay: bigint
  /** validator rewards paid per day, planck */
  readonly validatorRewardsPerDay: bigint
  /** validators in a backing group; each receives the PoV from the other `size − 1` */
  readonly backingGroupSize: bigint
  /** cloud egress/ingress price, USD per GiB */
  readonly bandwidthUsdPerGiB: Ratio.Ratio
  /** MB in the post's "GiB": the post divides by 1000 */
  readonly mbPerGiB: Ratio.Ratio
  /** VM price, USD per hour (GCP n2-standard-32) */
  readonly vmUsdPerHour: Ratio.Ratio
  /** days in a month for the validator-rewards method */
  readonly validatorMonthDays: Ratio.Ratio
  /** days in a month for the infrastructure method */
  readonly infrastructureMonthDays: Ratio.Ratio
  /** registration deposit whose opportunity cost is subtracted, planck */
  readonly registrationDeposit: bigint
  /** yearly return forgone on the deposit (staking, 15%) */
  readonly opportunityRatePerYear: Ratio.Ratio
}

const r = (s: string): Ratio.Ratio => Ratio.parse(s) as Ratio.Ratio

/** The networks the post gives inputs for: a test network's token (Paseo's PAS) has no price. */
export const POST_NETWORKS = ['polkadot', 'kusama'] as const
export type PostNetwork = (typeof POST_NETWORKS)[number]
export const isPostNetwork = (n: Network): n is PostNetwork =>
  (POST_NETWORKS as readonly Network[]).includes(n)

/**
 * The post's inputs. Its Polkadot figures need a 365/12-day month for the validator method and a
 * 30-day month with 1 GiB = 1000 MB for the infrastructure method. Kusama: backing groups of 3,
 * 2 KSM/day of rewards, full block weight; the post gives no Kusama deposit, 312 KSM is back-solved
 * from its 3.9 KSM/month at 15%.
 */
export const postDefaults = (network: PostNetwork): Inputs => {
  const token = Token.of(network)
  const common = {
    dataAvailabilityMBps: r('0.83'),
    executionTimeS: r('2'),
    povSizeMB: r('5'),
    blocksPerDay: BigInt(Networks.relayBlocksPerDay(network)),
    bandwidthUsdPerGiB: r('0.085'),
    mbPerGiB: r('1000'),
    vmUsdPerHour: r('1.710784'),
    validatorMonthDays: Ratio.of(365n, 12n),
    infrastructureMonthDays: r('30'),
    opportunityRatePerYear: r('0.15'),
  }
  return network === 'polkadot'
    ? {
        ...common,
        tokenPriceUsd: r('6.5'),
        blockWeightUse: r('0.018'),
        validatorRewardsPerDay: Token.fromTokens(1170n, token),
        backingGroupSize: 5n,
        registrationDeposit: Token.fromTokens(1052n, token),
      }
    : {
        ...common,
        tokenPriceUsd: r('38'),
        blockWeightUse: r('1'),
        validatorRewardsPerDay: Token.fromTokens(2n, token),
        backingGroupSize: 3n,
        registrationDeposit: Token.fromTokens(312n, token),
      }
}

export type Breakdown = {
  /** validator-rewards method before the deposit adjustment, planck/month */
  readonly validatorRewards: bigint
  /** bandwidth part of the infrastructure method, planck/month */
  readonly bandwidth: bigint
  /** compute part of the infrastructure method, planck/month */
  readonly compute: bigint
  /** bandwidth + compute */
  readonly infrastructure: bigint
  /** deposit × rate / 12, planck/month */
  readonly opportunityCost: bigint
  /** validatorRewards − opportunityCost (0 if negative) */
  readonly validatorRewardsFinal: bigint
  /** infrastructure − opportunityCost (0 if negative) */
  readonly infrastructureFinal: bigint
  /** the mean of the two final figures, which the post suggests as one option */
  readonly average: bigint
}

const planck = (x: Ratio.Ratio): bigint => Ratio.floor(x)
const minus = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n)

/** Monthly price of one core under both methods, in planck of `token`. */
export const compute = (i: Inputs, token: Token.Token): Breakdown => {
  const unit = Ratio.int(token.unit)
  // validator rewards: DA × weight use × (execution time / PoV) × rewards per day × month
  const validatorRewards = planck(
    Ratio.mul(
      i.dataAvailabilityMBps,
      i.blockWeightUse,
      Ratio.div(i.executionTimeS, i.povSizeMB),
      Ratio.int(i.validatorRewardsPerDay),
      i.validatorMonthDays,
    ),
  )
  const perBlockToMonth = Ratio.mul(Ratio.int(i.blocksPerDay), i.infrastructureMonthDays)
  const usdToPlanck = Ratio.div(unit, i.tokenPriceUsd)
  // bandwidth: each of the other backers' PoV received, per block, at the cloud price per GiB
  const received = Ratio.mul(i.povSizeMB, Ratio.int(i.backingGroupSize > 0n ? i.backingGroupSize - 1n : 0n))
  const bandwidth = planck(
    Ratio.mul(i.bandwidthUsdPerGiB, Ratio.div(received, i.mbPerGiB), perBlockToMonth, usdToPlanck),
  )
  // compute: a VM for the execution time of every block
  const compute = planck(
    Ratio.mul(i.vmUsdPerHour, Ratio.div(i.executionTimeS, Ratio.int(3600)), perBlockToMonth, usdToPlanck),
  )
  const infrastructure = bandwidth + compute
  const opportunityCost = planck(
    Ratio.mul(Ratio.int(i.registrationDeposit), i.opportunityRatePerYear, Ratio.of(1n, 12n)),
  )
  const validatorRewardsFinal = minus(validatorRewards, opportunityCost)
  const infrastructureFinal = minus(infrastructure, opportunityCost)
  return {
    validatorRewards,
    bandwidth,
    compute,
    infrastructure,
    opportunityCost,
    validatorRewardsFinal,
    infrastructureFinal,
    average: (validatorRewardsFinal + infrastructureFinal) / 2n,
  }
}

/** planck → USD at the inputs' token price (display). */
export const toUsd = (amount: bigint, token: Token.Token, tokenPriceUsd: Ratio.Ratio): Ratio.Ratio =>
  Ratio.mul(Ratio.of(amount, token.unit), tokenPriceUsd)
