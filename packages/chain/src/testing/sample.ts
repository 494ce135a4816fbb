import { CoreMask, Sovereign, Ss58 } from '@coretime/core'
import { GENESIS } from '../Reader'
import { FORMAT, type WithRelay } from '../Snapshot'
import { blockHashOf } from './TestNode'

/**
 * A Polkadot-shaped state for tests, mid lead-in: 20 cores on sale from core 60, 3 sold, renewals due
 * for cores 11 and 12, core 10 already renewed, a lease ending with this region, one unassigned
 * region, an auto-renewal. Numbers are illustrative, but consistent with the pallet's rules
 * (region boundaries ≡ 285 mod 5040, sale start = previous rotation + interlude).
 */
const DOT = 10_000_000_000n
const TS = 80
const advanceNotice = 10
const interludeLength = 100_800
const leadinLength = 201_600
const regionBegin = 353_085
const regionEnd = regionBegin + 5040
const saleStart = (regionBegin - 5040) * TS - advanceNotice + interludeLength
const relayNow = saleStart + 55_610 // in the lead-in
const brokerRelay = relayNow - 2
const task = (t: number) => [{ mask: CoreMask.complete, assignment: { task: t } }]

export const sample: WithRelay = {
  format: FORMAT,
  network: 'polkadot',
  endpoints: { coretime: 'ws://127.0.0.1:1', relay: 'ws://127.0.0.1:2' },
  coretime: {
    genesisHash: GENESIS.polkadot.coretime,
    specName: 'coretime-polkadot',
    specVersion: 2_002_001,
    block: 7_012_345,
    blockHash: blockHashOf(7_012_345),
    relayBlock: brokerRelay,
  },
  relay: {
    genesisHash: GENESIS.polkadot.relay,
    specName: 'polkadot',
    specVersion: 2_002_001,
    block: relayNow,
    blockHash: blockHashOf(relayNow),
    timestamp: Date.parse('2026-11-20T12:00:00Z'),
  },
  constants: {
    timeslicePeriod: TS,
    maxLeasedCores: 55,
    maxReservedCores: 50,
    maxAutoRenewals: 100,
    minimumCreditPurchase: 1_000_000_000n,
  },
  broker: {
    configuration: {
      advanceNotice,
      interludeLength,
      leadinLength,
      regionLength: 5040,
      idealBulkProportion: 1_000_000_000n,
      limitCoresOffered: null,
      renewalBump: 30_000_000n,
      contributionTimeout: 5040,
    },
    status: {
      coreCount: 80,
      privatePoolSize: 0,
      systemPoolSize: 0,
      lastCommittedTimeslice: Math.floor((brokerRelay + advanceNotice) / TS),
      lastTimeslice: Math.floor(brokerRelay / TS),
    },
    saleInfo: {
      saleStart,
      leadinLength,
      endPrice: 123_456_789_012n,
      regionBegin,
      regionEnd,
      idealCoresSold: 20,
      coresOffered: 20,
      firstCore: 60,
      selloutPrice: 123_456_789_012n,
      coresSold: 3,
    },
    leases: [
      { until: regionEnd, task: 2004 },
      { until: regionEnd + 5040, task: 2006 },
    ],
    reservations: [task(1000), task(1001)],
    workload: [
      { core: 0, schedule: task(1000) },
      { core: 1, schedule: task(1001) },
      { core: 2, schedule: task(2004) },
      { core: 3, schedule: task(2006) },
      { core: 10, schedule: task(2000) },
      { core: 11, schedule: task(2030) },
      { core: 12, schedule: task(2031) },
      {
        core: 20,
        schedule: [
          { mask: CoreMask.fromChunk(0, 40), assignment: 'Pool' },
          { mask: CoreMask.fromChunk(40, 80), assignment: { task: 2100 } },
        ],
      },
    ],
    workplan: [
      { timeslice: regionBegin, core: 10, schedule: task(2000) },
      { timeslice: regionBegin, core: 60, schedule: task(3000) },
      { timeslice: regionBegin, core: 61, schedule: task(3001) },
    ],
    potentialRenewals: [
      { core: 11, when: regionBegin, price: 95n * DOT, completion: { complete: task(2030) } },
      { core: 12, when: regionBegin, price: 130n * DOT, completion: { complete: task(2031) } },
      { core: 20, when: regionBegin, price: 40n * DOT, completion: { partial: CoreMask.fromChunk(0, 40) } },
      { core: 10, when: regionEnd, price: 110n * DOT, completion: { complete: task(2000) } },
    ],
    regions: [
      {
        begin: regionBegin,
        core: 62,
        mask: CoreMask.complete,
        end: regionEnd,
        owner: Ss58.encode(Sovereign.sibling(3002), Ss58.POLKADOT),
        paid: 150n * DOT + 1n,
      },
    ],
    autoRenewals: [{ core: 11, task: 2030, nextRenewal: regionBegin }],
  },
  onDemand: {
    baseFee: 10_000_000n,
    feeVariability: 30_000_000n,
    targetQueueUtilization: 250_000_000n,
    queueMaxSize: 10_000,
    numCores: 80,
    traffic: 1_000_000_000_000_000_000n,
    queue: [{ paraId: 3333, orderedAt: relayNow - 3 }],
  },
}
