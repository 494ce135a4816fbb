import { Networks, Runtimes } from '@coretime/core'
import { createClient, type PolkadotClient } from 'polkadot-api'
import { getWsProvider } from 'polkadot-api/ws'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import * as Papi from './Papi'
import * as Status from './Status'
import { fixturesOf, haveMetadata } from './testing/Fixture'
import { sample } from './testing/sample'
import * as TestNode from './testing/TestNode'

/**
 * The values come from polkadot-api itself: its client reads the local test node, which serves the
 * sample state encoded with the real Polkadot coretime metadata, through the unsafe API a dashboard
 * without descriptors uses. So they have exactly the shapes a dashboard gets.
 */
const have = haveMetadata('dotCoretime')

type Values = {
  saleInfo: unknown
  configuration: unknown
  status: unknown
  potentialRenewals: unknown
  workplan: unknown
  workload: unknown
  leases: unknown
  autoRenewals: unknown
}

describe('Papi.runtimeOf', () => {
  test('default: each network is priced by its own runtime (Paseo by Paseo’s adapter)', () => {
    for (const name of Networks.names) expect(Papi.runtimeOf(name)).toBe(Networks.get(name).runtime)
    expect(Papi.runtimeOf('paseo').priceAdapter.kind).toBe('MinimumPriceWithFixedTargetPrice')
  })
  test('error: no network borrows another’s runtime', () => {
    expect(Papi.runtimeOf('paseo')).not.toBe(Runtimes.kusama)
    expect(Papi.runtimeOf('kusama')).not.toBe(Runtimes.polkadot)
  })
})

describe.skipIf(!have)('Papi (values as polkadot-api returns them)', () => {
  let node: TestNode.TestNode
  let client: PolkadotClient
  let v: Values
  const relayBlock = sample.relay.block
  const network = 'polkadot' as const

  beforeAll(async () => {
    node = await TestNode.start(fixturesOf(sample).coretime)
    client = createClient(getWsProvider(node.url, { websocketClass: WebSocket as never }))
    // the unsafe API, as a dashboard without generated descriptors uses it
    type Item = { getValue: () => Promise<unknown>; getEntries: () => Promise<unknown> }
    const q = client.getUnsafeApi().query.Broker as unknown as Record<string, Item>
    const item = (name: string): Item => q[name]!
    v = {
      saleInfo: await item('SaleInfo').getValue(),
      configuration: await item('Configuration').getValue(),
      status: await item('Status').getValue(),
      potentialRenewals: await item('PotentialRenewals').getEntries(),
      workplan: await item('Workplan').getEntries(),
      workload: await item('Workload').getEntries(),
      leases: await item('Leases').getValue(),
      autoRenewals: await item('AutoRenewals').getValue(),
    }
  })
  afterAll(async () => {
    client?.destroy()
    await node?.close()
  })

  test('default: the values have polkadot-api shapes (snake_case, bigint, keyArgs)', () => {
    expect(v.saleInfo).toMatchObject({ sale_start: expect.any(Number), end_price: 123_456_789_012n })
    expect((v.potentialRenewals as { keyArgs: unknown }[])[0]).toHaveProperty('keyArgs')
  })

  test('default: records from Broker.SaleInfo, Configuration, Status and PotentialRenewals', () => {
    expect(Papi.saleInfo(v.saleInfo)).toEqual(sample.broker.saleInfo)
    expect(Papi.configuration(v.configuration)).toEqual(sample.broker.configuration)
    expect(Papi.status(v.status)).toEqual(sample.broker.status)
    expect(Papi.potentialRenewals(v.potentialRenewals)).toEqual(sample.broker.potentialRenewals)
  })

  test('default: the sale now, priced as coretime status prices it', () => {
    const sale = Papi.sale({ network, saleInfo: v.saleInfo, configuration: v.configuration, relayBlock })
    const view = Status.of(sample).sale!
    expect(sale).toMatchObject({
      phase: 'leadin',
      priceNow: view.priceNow,
      startPrice: view.startPrice,
      endPrice: 123_456_789_012n,
      coresOffered: 20,
      coresSold: 3,
      coresLeft: 17,
    })
    const s = sample.broker.saleInfo!
    expect(sale.phases.leadin).toEqual({ start: s.saleStart, end: s.saleStart + s.leadinLength })
    expect(sale.phases.interlude.end).toBe(s.saleStart)
    expect(sale.phases.fixed.end).toBe(s.regionBegin * 80 - 10)
    expect(sale.priceNow > sale.endPrice && sale.priceNow < sale.startPrice).toBe(true)
  })

  test('default: a renewal due now and its next price (+3 %, capped by the sale price)', () => {
    const r = Papi.renewal({ network, ...v, relayBlock, core: 11 })
    expect(r).toEqual({ price: 950_000_000_000n, nextPrice: 950_000_000_000n + 28_500_000_000n })
    expect(Papi.renewal({ network, ...v, relayBlock, core: 60 })).toBeNull() // no renewal right
  })

  test('default: a para’s plan from the same values', () => {
    const r = Papi.plan({ network, ...v, relayBlock, timestamp: sample.relay.timestamp, paraId: 2030 })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.core).toBe(11)
    expect(r.value.phaseNow).toBe('leadin')
    expect(r.value.prices.renewalPrice).toBe(950_000_000_000n)
    expect(r.value.phases.map((p) => p.name)).toContain('interlude')
  })

  test('error: values of another shape are refused, naming the item and the field', () => {
    const { end_price: _, ...old } = v.saleInfo as Record<string, unknown>
    expect(() =>
      Papi.sale({ network, saleInfo: { ...old, price: 1n }, configuration: v.configuration, relayBlock }),
    ).toThrow(/Broker\.SaleInfo/)
    // before sales start polkadot-api gives undefined
    expect(() => Papi.saleInfo(undefined)).toThrow(/Broker\.SaleInfo/)
    expect(() => Papi.configuration({ ...(v.configuration as object), renewal_bump: 2_000_000_000 })).toThrow(
      /Broker\.Configuration: renewal_bump/,
    )
  })
})
