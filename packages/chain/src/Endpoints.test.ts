import { Networks } from '@coretime/core'
import { afterEach, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import * as Endpoints from './Endpoints'
import * as Reader from './Reader'
import { fixturesOf, haveMetadata } from './testing/Fixture'
import { sample } from './testing/sample'
import * as TestNode from './testing/TestNode'

describe('Endpoints.listsOf', () => {
  test('default: each network’s list from Networks; Polkadot and Kusama have fallbacks', () => {
    for (const n of Networks.names) {
      const lists = Endpoints.listsOf(n)
      expect(lists).toEqual(Networks.get(n).endpoints)
      expect(Endpoints.defaults[n]).toEqual({ coretime: lists.coretime[0], relay: lists.relay[0] })
    }
    for (const n of ['polkadot', 'kusama'] as const) {
      expect(Endpoints.listsOf(n).coretime.length).toBeGreaterThan(1)
      expect(Endpoints.listsOf(n).relay.length).toBeGreaterThan(1)
    }
  })

  test('args: one endpoint or a list replaces the network’s; an empty list does not', () => {
    const l = Endpoints.listsOf('kusama', { coretime: 'ws://a', relay: ['ws://b', 'ws://c'] })
    expect(l).toEqual({ coretime: ['ws://a'], relay: ['ws://b', 'ws://c'] })
    expect(Endpoints.listsOf('polkadot', { relay: [] }).relay).toEqual(
      Networks.get('polkadot').endpoints.relay,
    )
  })

  test('behavior: attempt n takes the n-th of each list, from the start again once used up', () => {
    const l = { coretime: ['ws://a', 'ws://b'], relay: ['ws://r'] }
    expect([0, 1, 2].map((n) => Endpoints.at(l, n))).toEqual([
      { coretime: 'ws://a', relay: 'ws://r' },
      { coretime: 'ws://b', relay: 'ws://r' },
      { coretime: 'ws://a', relay: 'ws://r' },
    ])
  })
})

const have = haveMetadata('dotCoretime', 'dot')

describe.skipIf(!have)('Reader.read over a list of endpoints', () => {
  const nodes: TestNode.TestNode[] = []
  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((n) => n.close()))
  })
  /** a URL where nothing listens: a node started and closed again */
  const deadUrl = async () => {
    const n = await TestNode.start(fixturesOf(sample).coretime)
    await n.close()
    return n.url
  }
  const read = (
    endpoints: Endpoints.Override,
    onRetry: NonNullable<Reader.ReadOptions['onRetry']>,
    retries = 2,
  ) =>
    Reader.read({
      network: 'polkadot',
      endpoints,
      websocketClass: WebSocket as never,
      timeoutMs: 5_000,
      retries,
      backoffMs: 10,
      onRetry,
    })

  test('default: an endpoint that is down is skipped for the next one, at once', async () => {
    const f = fixturesOf(sample)
    const coretime = await TestNode.start(f.coretime)
    const relay = await TestNode.start(f.relay)
    nodes.push(coretime, relay)
    const dead = await deadUrl()
    const told: { delayMs: number; next: Endpoints.Endpoints }[] = []
    const snap = await read({ coretime: [dead, coretime.url], relay: [relay.url] }, (r) =>
      told.push({ delayMs: r.delayMs, next: r.next }),
    )
    expect(told).toEqual([{ delayMs: 0, next: { coretime: coretime.url, relay: relay.url } }])
    expect(snap.endpoints).toEqual({ coretime: coretime.url, relay: relay.url })
    expect(snap.broker).toEqual(sample.broker)
  })

  test('error: every endpoint down: each tried in turn, then backoff, then one clear error', async () => {
    const dead = [await deadUrl(), await deadUrl()]
    const told: { delayMs: number; coretime: string }[] = []
    const err = await read({ coretime: dead, relay: dead[0]! }, (r) =>
      told.push({ delayMs: r.delayMs, coretime: r.next.coretime }),
    ).catch((e) => e)
    expect(told).toEqual([
      { delayMs: 0, coretime: dead[1] },
      { delayMs: 10, coretime: dead[0] },
    ])
    expect(err).toMatchObject({ code: 'Unreachable', message: expect.stringContaining('cannot connect') })
  })
})
