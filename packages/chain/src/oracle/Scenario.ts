import {
  Broker,
  type BrokerCall,
  type BrokerState,
  type ConfigRecord,
  type CoreAssignment,
  RegionId,
  type Runtime,
  Runtimes,
  type Schedule,
  type TestHooks,
} from '@coretime/core'
import { Rng } from '@coretime/sim'
import { DevAccounts } from '../devnet'

/**
 * A scenario of the oracle: a sale configured and started by root, then parachain blocks, each at
 * a relay parent some relay blocks after the last, each with a few broker calls from dev accounts,
 * from root (through `Sudo.sudo`) or from a sibling parachain's sovereign account. Generated from a
 * seed with the model choosing arguments (the regions, renewals and contributions that exist);
 * then explicit, so a reproducer replays it without the generator.
 */
/** `root` (sudo), a dev account, or `para:N` (the sibling sovereign account of para N, mock-signed) */
export type Origin = 'root' | DevAccounts.Name | `para:${number}`
export type Call = { readonly origin: Origin; readonly call: BrokerCall }
export type Block = { readonly relayStep: number; readonly calls: readonly Call[] }
export type Scenario = {
  readonly seed: number
  readonly config: ConfigRecord
  readonly endPrice: bigint
  readonly extraCores: number
  readonly blocks: readonly Block[]
}

export const PAS = 10_000_000_000n
/** dev accounts and the sibling accounts hold this much in both worlds (the devnet is funded so; the model is told) */
export const FUNDS = 1_000_000n * PAS
const BUYERS = ['Bob', 'Charlie', 'Dave', 'Eve'] as const satisfies readonly DevAccounts.Name[]
/** the paras whose sovereign accounts enable and disable auto-renewals */
export const TASKS = [2000, 2001, 2002] as const
/** relay blocks from the base to the opening block */
export const OPENING_STEP = 10

/**
 * The runtime the model runs for the oracle: Paseo's, except that the devnet has no relay chain,
 * so a requested core count never comes back (`notify_core_count` is never sent): modelled as a
 * relay session longer than any scenario (docs/oracle.md, "Differences").
 */
export const RUNTIME: Runtime = { ...Runtimes.paseo, relaySessionLength: 2 ** 31 }

export const sovereignOf = (task: number): string => Broker.sovereignAccountOf(RUNTIME, task)

export const accountOf = (origin: Exclude<Origin, 'root'>): string =>
  origin.startsWith('para:')
    ? sovereignOf(Number(origin.slice(5)))
    : DevAccounts.get(origin as DevAccounts.Name).accountId

/** Every account the scenario funds (dev accounts, then sibling sovereign accounts), with FUNDS. */
export const fundedAccounts = (): readonly string[] => [
  ...DevAccounts.NAMES.map((n) => DevAccounts.get(n).accountId),
  ...TASKS.map(sovereignOf),
]

/** The model at the scenario's start: the oracle's runtime, the accounts funded, the clock at `relay`. */
export const modelAt = (relay: number, testHooks?: TestHooks): BrokerState =>
  Broker.create(
    RUNTIME,
    new Map(fundedAccounts().map((a) => [a, FUNDS])),
    relay,
    testHooks ? { testHooks } : {},
  )

/** The calls of the first block: configure and start_sales, both as root (sudo). */
export const opening = (s: Scenario): readonly Call[] => [
  { origin: 'root', call: { call: 'configure', args: s.config } },
  { origin: 'root', call: { call: 'startSales', args: { endPrice: s.endPrice, extraCores: s.extraCores } } },
]

/** The opening block and then the scenario's blocks, as played. */
export const allBlocks = (s: Scenario): readonly Block[] => [
  { relayStep: OPENING_STEP, calls: opening(s) },
  ...s.blocks,
]

/**
 * Blocks spanning at least two sale rotations: small regions (2–3 timeslices of 80 relay blocks)
 * and relay steps of 40–120, so a scenario is ~5–9 parachain blocks (~0.7 s of CPU each).
 */
export const generate = (seed: number, base: number): Scenario => {
  const rng = Rng.create(seed)
  const config: ConfigRecord = {
    advanceNotice: 2 + Rng.int(rng, 10),
    interludeLength: 20 + Rng.int(rng, 60),
    leadinLength: 40 + Rng.int(rng, 160),
    regionLength: 2 + Rng.int(rng, 2),
    idealBulkProportion: BigInt(Rng.int(rng, 1_000_000_001)),
    limitCoresOffered: Rng.chance(rng, 0.3) ? 1 + Rng.int(rng, 3) : null,
    renewalBump: BigInt(Rng.int(rng, 200_000_001)),
    contributionTimeout: 1 + Rng.int(rng, 5),
  }
  const endPrice = BigInt(1 + Rng.int(rng, 1000)) * PAS
  const extraCores = 1 + Rng.int(rng, 3)
  const head: Scenario = { seed, config, endPrice, extraCores, blocks: [] }
  // run the model alongside to choose arguments that mean something
  const s = modelAt(base)
  const out = Broker.sink()
  Broker.paraBlock(s, base + OPENING_STEP, out)
  for (const c of opening(head)) Broker.execute(s, c.origin, c.call, out)
  const blocks: Block[] = []
  const span = config.regionLength * 80 * 2 + config.interludeLength
  let relay = base + OPENING_STEP
  while (relay < base + OPENING_STEP + span) {
    const relayStep = 40 + Rng.int(rng, 81)
    Broker.paraBlock(s, relay + relayStep, out)
    relay += relayStep
    const calls: Call[] = []
    for (let k = Rng.int(rng, 4); k > 0; k--) {
      const c = nextCall(s, rng)
      if (!c) continue
      calls.push(c)
      Broker.execute(s, c.origin === 'root' ? 'root' : accountOf(c.origin), c.call, out)
    }
    blocks.push({ relayStep, calls })
  }
  return { ...head, blocks }
}

const FULL = (1n << 80n) - 1n
const HALF = FULL ^ ((1n << 40n) - 1n)

const KINDS = [
  ['purchase', 4],
  ['purchaseLow', 1],
  ['renew', 5],
  ['renewAny', 1],
  ['transfer', 1],
  ['partition', 1],
  ['assign', 6],
  ['pool', 4],
  ['interlace', 1],
  ['purchaseCredit', 1],
  ['claimRevenue', 3],
  ['dropRegion', 1],
  ['dropContribution', 2],
  ['dropHistory', 1],
  ['dropRenewal', 1],
  ['enableAutoRenew', 2],
  ['disableAutoRenew', 1],
  ['requestCoreCount', 1],
  ['reserve', 1],
  ['setLease', 1],
  ['forceReserve', 1],
  ['adminBySigned', 1],
] as const
type Kind = (typeof KINDS)[number][0]
const WEIGHT = KINDS.reduce((n, [, w]) => n + w, 0)
const pickKind = (rng: Rng.Rng): Kind => {
  let x = Rng.int(rng, WEIGHT)
  for (const [k, w] of KINDS) {
    if (x < w) return k
    x -= w
  }
  return 'purchase'
}

const nextCall = (s: BrokerState, rng: Rng.Rng): Call | undefined => {
  const pick = <T>(xs: readonly T[]): T => xs[Rng.int(rng, xs.length)] as T
  // a region call comes from the region's owner (a dev account), or now and then from another buyer (NotOwner)
  const regions = Broker.regionsInOrder(s)
  const owned = regions.filter(({ record: r }) => BUYERS.some((b) => accountOf(b) === r.owner))
  const region = owned.length > 0 ? pick(owned) : undefined
  const regionId = region?.id
  const owner = BUYERS.find((b) => region && accountOf(b) === region.record.owner)
  const who = owner && Rng.chance(rng, 0.9) ? owner : pick(BUYERS)
  const anyRegion = regions.length > 0 ? pick(regions).id : undefined
  const renewals = Broker.renewalsInOrder(s).map(({ core, when, record: r }) => ({ core, when, r }))
  const renewal = renewals.length > 0 ? pick(renewals) : undefined
  // renewals due in the sale now, with their whole workload assigned: these renew
  const due = renewals.filter((r) => r.when === s.saleInfo?.regionBegin && 'complete' in r.r.completion)
  const contributions = [...s.instaPoolContribution.keys()].map(RegionId.fromKey)
  const contribution = contributions.length > 0 ? pick(contributions) : undefined
  const task = pick(TASKS)
  const finality = () => (Rng.chance(rng, 0.5) ? 'Final' : 'Provisional') as 'Final' | 'Provisional'
  const timeslice = Math.floor(s.block / 80)
  const workload = (): Schedule => {
    const a: CoreAssignment = Rng.chance(rng, 0.3) ? 'Pool' : { task: pick(TASKS) }
    return Rng.chance(rng, 0.7)
      ? [{ mask: FULL, assignment: a }]
      : [
          { mask: HALF, assignment: a },
          { mask: FULL ^ HALF, assignment: 'Idle' },
        ]
  }
  const kind = pickKind(rng)
  switch (kind) {
    case 'purchase':
      return { origin: who, call: { call: 'purchase', args: { priceLimit: 100_000n * PAS } } }
    case 'purchaseLow': // must fail: below the price
      return { origin: who, call: { call: 'purchase', args: { priceLimit: 1n } } }
    case 'renew': {
      // a renewal that exists (it succeeds when it is due now and complete)
      const r = due.length > 0 ? pick(due) : renewal
      if (!r) return undefined
      return { origin: who, call: { call: 'renew', args: { core: r.core } } }
    }
    case 'renewAny':
      return { origin: who, call: { call: 'renew', args: { core: Rng.int(rng, 4) } } }
    case 'purchaseCredit': // filtered by the runtime
      return {
        origin: who,
        call: { call: 'purchaseCredit', args: { amount: PAS, beneficiary: accountOf(who) } },
      }
    case 'claimRevenue': {
      if (!contribution) return undefined
      return {
        origin: who,
        call: { call: 'claimRevenue', args: { regionId: contribution, maxTimeslices: 1 + Rng.int(rng, 4) } },
      }
    }
    case 'dropRegion':
      if (!anyRegion) return undefined
      return { origin: who, call: { call: 'dropRegion', args: { regionId: anyRegion } } }
    case 'dropContribution':
      if (!contribution) return undefined
      return { origin: who, call: { call: 'dropContribution', args: { regionId: contribution } } }
    case 'dropHistory': {
      const history = [...s.instaPoolIo.keys()]
      const when =
        history.length > 0 && Rng.chance(rng, 0.7)
          ? pick(history)
          : Math.max(0, timeslice - 1 - Rng.int(rng, 6))
      return { origin: who, call: { call: 'dropHistory', args: { when } } }
    }
    case 'dropRenewal':
      if (!renewal) return undefined
      return { origin: who, call: { call: 'dropRenewal', args: { core: renewal.core, when: renewal.when } } }
    case 'enableAutoRenew': {
      // from the sovereign account of the renewal's task when there is one; else a random para
      const r = due.length > 0 && Rng.chance(rng, 0.7) ? pick(due) : renewal
      const t =
        r && 'complete' in r.r.completion
          ? r.r.completion.complete.map((i) => i.assignment).find((a) => typeof a === 'object')
          : undefined
      const para = t && typeof t === 'object' && Rng.chance(rng, 0.8) ? t.task : task
      return {
        origin: `para:${para}`,
        call: {
          call: 'enableAutoRenew',
          args: {
            core: r?.core ?? Rng.int(rng, 4),
            task: para,
            workloadEndHint: Rng.chance(rng, 0.7) ? null : timeslice + Rng.int(rng, 8),
          },
        },
      }
    }
    case 'disableAutoRenew': {
      const a = s.autoRenewals.length > 0 && Rng.chance(rng, 0.8) ? pick(s.autoRenewals) : undefined
      const para = a?.task ?? task
      return {
        origin: `para:${para}`,
        call: { call: 'disableAutoRenew', args: { core: a?.core ?? Rng.int(rng, 4), task: para } },
      }
    }
    case 'requestCoreCount':
      return { origin: 'root', call: { call: 'requestCoreCount', args: { coreCount: 1 + Rng.int(rng, 5) } } }
    case 'reserve':
      return { origin: 'root', call: { call: 'reserve', args: { workload: workload() } } }
    case 'setLease':
      return {
        origin: 'root',
        call: { call: 'setLease', args: { task, until: timeslice + Rng.int(rng, 10) } },
      }
    case 'forceReserve':
      return {
        origin: 'root',
        call: { call: 'forceReserve', args: { workload: workload(), core: Rng.int(rng, 5) } },
      }
    case 'adminBySigned': // must fail: BadOrigin
      return { origin: who, call: { call: 'reserve', args: { workload: workload() } } }
  }
  if (!regionId || !region) return undefined
  switch (kind) {
    case 'transfer':
      return {
        origin: who,
        call: { call: 'transfer', args: { regionId, newOwner: accountOf(pick(BUYERS)) } },
      }
    case 'partition': {
      const len = region.record.end - regionId.begin
      return {
        origin: who,
        call: { call: 'partition', args: { regionId, pivot: regionId.begin + Rng.int(rng, len + 1) } },
      }
    }
    case 'assign':
      return {
        origin: who,
        call: {
          call: 'assign',
          args: { regionId, task: pick(TASKS), finality: Rng.chance(rng, 0.75) ? 'Final' : 'Provisional' },
        },
      }
    case 'pool':
      return {
        origin: who,
        call: { call: 'pool', args: { regionId, payee: accountOf(who), finality: finality() } },
      }
    case 'interlace': // filtered by the runtime
      return { origin: who, call: { call: 'interlace', args: { regionId, pivot: regionId.mask >> 40n } } }
  }
  return undefined
}
