import type { BrokerState } from '@coretime/core'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { Devnet } from '../devnet'
import { Shared } from '../testing'
import { Oracle } from '.'
import { generate } from './Scenario'

const spec = Shared.devnetSpec()

/** A deliberately broken rule for the test only: the price a region records is rounded up (to a multiple of 3 planck) instead of down. */
const ceilPaid = (s: BrokerState): void => {
  for (const [k, r] of s.regions)
    if (r.paid !== null && r.paid % 3n !== 0n) s.regions.set(k, { ...r, paid: r.paid + (3n - (r.paid % 3n)) })
}

describe('OracleScenario.generate', () => {
  test('default: the same seed gives the same scenario; each spans two sale rotations', () => {
    const a = generate(7, 1000)
    expect(generate(7, 1000)).toEqual(a)
    const relay = a.blocks.reduce((n, b) => n + b.relayStep, 0)
    expect(relay).toBeGreaterThanOrEqual(a.config.regionLength * 80 * 2)
    expect(generate(8, 1000)).not.toEqual(a)
  })
})

describe.skipIf(!spec)('Oracle (the model against the compiled Paseo Coretime runtime)', () => {
  let net: Devnet.Devnet
  let base: string
  beforeAll(async () => {
    net = await Devnet.start({ spec: spec as string })
    base = net.head().hash
  }, 120_000)
  // every run starts from the devnet's first block, whatever an earlier test left
  beforeEach(async () => {
    await net.setHead(base)
  })
  afterAll(async () => {
    await net?.close()
  })

  test('default: 20 fixed scenarios agree block by block', async () => {
    const report = await Oracle.run({ runs: 20, seed: 2026, devnet: net })
    expect(report.differences.map((d) => `${d.scenario.seed} block ${d.block}: ${d.path}`)).toEqual([])
    expect(report.agree).toBe(20)
  }, 1_200_000)

  test('error: a flipped rounding in the model is caught, with a short reproducer holding the runtime value', async () => {
    const report = await Oracle.run({ runs: 3, seed: 2026, devnet: net, tamper: ceilPaid })
    expect(report.agree).toBeLessThan(3)
    const d = report.differences[0] as Oracle.Difference
    expect(d.path).toMatch(/^state\.(regions|potentialRenewals|events)/)
    const file = JSON.parse(Oracle.reproducer(d))
    expect(file.format).toBe('coretime-oracle-reproducer/1')
    expect(file.difference.expected).not.toEqual(file.difference.model)
    // shrunk: no block after the one that differs
    expect(file.scenario.blocks.length).toBeLessThanOrEqual(d.block)
  }, 1_200_000)
})
