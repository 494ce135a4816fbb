import {
  Broker,
  type BrokerCall,
  type BrokerState,
  type ConfigRecord,
  RegionId,
  Runtimes,
} from '@coretime/core'
import { Rng } from '@coretime/sim'
import { DevAccounts } from '../devnet'

/**
 * A scenario of the oracle: a sale configured and started by root, then parachain blocks, each at
 * a relay parent some relay blocks after the last, each with a few broker calls from dev accounts.
 * Generated from a seed with the model choosing arguments (the regions that exist); then explicit,
 * so a reproducer replays it without the generator.
 */
export type Call = { readonly origin: 'root' | DevAccounts.Name; readonly call: BrokerCall }
export type Block = { readonly relayStep: number; readonly calls: readonly Call[] }
export type Scenario = {
  readonly seed: number
  readonly config: ConfigRecord
  readonly endPrice: bigint
  readonly extraCores: number
  readonly blocks: readonly Block[]
}

export const PAS = 10_000_000_000n
/** dev accounts hold this much in both worlds (the devnet funds them so; the model is told) */
export const FUNDS = 1_000_000n * PAS
const BUYERS = ['Bob', 'Charlie', 'Dave', 'Eve'] as const satisfies readonly DevAccounts.Name[]

export const accountOf = (name: DevAccounts.Name): string => DevAccounts.get(name).accountId

/** The model at the scenario's start: Paseo's runtime, dev accounts funded, the clock at `relay`. */
export const modelAt = (relay: number): BrokerState =>
  Broker.create(Runtimes.paseo, new Map(DevAccounts.NAMES.map((n) => [accountOf(n), FUNDS])), relay)

/** The calls of the first block: configure and start_sales, both as root (sudo). */
export const opening = (s: Scenario): readonly Call[] => [
  { origin: 'root', call: { call: 'configure', args: s.config } },
  { origin: 'root', call: { call: 'startSales', args: { endPrice: s.endPrice, extraCores: s.extraCores } } },
]

/**
 * Blocks spanning at least two sale rotations: small regions (2–3 timeslices of 80 relay blocks)
 * and relay steps of 40–120, so a scenario is ~5–9 parachain blocks (~0.7 s of CPU each).
 */
export const generate = (seed: number, base: number): Scenario => {
  const rng = Rng.create(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Rng.int(rng, xs.length)] as T
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
  Broker.paraBlock(s, base + 10, out)
  for (const c of opening(head)) Broker.execute(s, c.origin, c.call, out)
  const blocks: Block[] = []
  const span = config.regionLength * 80 * 2 + config.interludeLength
  let relay = base + 10
  while (relay < base + 10 + span) {
    const relayStep = 40 + Rng.int(rng, 81)
    Broker.paraBlock(s, relay + relayStep, out)
    relay += relayStep
    const calls: Call[] = []
    for (let k = Rng.int(rng, 3); k > 0; k--) {
      const c = nextCall(s, rng, pick)
      if (!c) continue
      calls.push(c)
      Broker.execute(s, c.origin === 'root' ? 'root' : accountOf(c.origin), c.call, out)
    }
    blocks.push({ relayStep, calls })
  }
  return { ...head, blocks }
}

const nextCall = (s: BrokerState, rng: Rng.Rng, pick: <T>(xs: readonly T[]) => T): Call | undefined => {
  const who = pick(BUYERS)
  const owned = [...s.regions.entries()].filter(([, r]) => r.owner === accountOf(who))
  const region = owned.length > 0 ? pick(owned) : undefined
  const regionId = region ? RegionId.fromKey(region[0]) : undefined
  const kind = pick([
    'purchase',
    'purchase',
    'purchaseLow',
    'renew',
    'transfer',
    'partition',
    'assign',
    'pool',
    'interlace',
    'purchaseCredit',
  ] as const)
  switch (kind) {
    case 'purchase':
      return { origin: who, call: { call: 'purchase', args: { priceLimit: 100_000n * PAS } } }
    case 'purchaseLow': // must fail: below the price
      return { origin: who, call: { call: 'purchase', args: { priceLimit: 1n } } }
    case 'renew':
      return { origin: who, call: { call: 'renew', args: { core: Rng.int(rng, 3) } } }
    case 'purchaseCredit': // filtered by the runtime
      return {
        origin: who,
        call: { call: 'purchaseCredit', args: { amount: PAS, beneficiary: accountOf(who) } },
      }
  }
  if (!regionId || !region) return undefined
  switch (kind) {
    case 'transfer':
      return {
        origin: who,
        call: { call: 'transfer', args: { regionId, newOwner: accountOf(pick(BUYERS)) } },
      }
    case 'partition': {
      const len = region[1].end - regionId.begin
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
          args: {
            regionId,
            task: 2000 + Rng.int(rng, 3),
            finality: Rng.chance(rng, 0.5) ? 'Final' : 'Provisional',
          },
        },
      }
    case 'pool':
      return {
        origin: who,
        call: {
          call: 'pool',
          args: { regionId, payee: accountOf(who), finality: Rng.chance(rng, 0.5) ? 'Final' : 'Provisional' },
        },
      }
    case 'interlace': // filtered by the runtime
      return { origin: who, call: { call: 'interlace', args: { regionId, pivot: regionId.mask >> 40n } } }
  }
}
