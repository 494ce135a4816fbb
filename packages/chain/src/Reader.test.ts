import { Sovereign, Ss58 } from '@coretime/core'
import { afterEach, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import * as Reader from './Reader'
import { encoder, fixturesOf, haveMetadata } from './testing/Fixture'
import { sample } from './testing/sample'
import * as TestNode from './testing/TestNode'

const have = haveMetadata('dotCoretime', 'dot')
const nodes: TestNode.TestNode[] = []
afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.close()))
})

const startBoth = async (
  misbehave: { coretime?: TestNode.Misbehaviour[]; relay?: TestNode.Misbehaviour[] } = {},
) => {
  const f = fixturesOf(sample)
  const coretime = await TestNode.start(f.coretime, { misbehave: misbehave.coretime ?? [] })
  const relay = await TestNode.start(f.relay, { misbehave: misbehave.relay ?? [] })
  nodes.push(coretime, relay)
  return { coretime, relay }
}

describe.skipIf(!have)('Reader.read', () => {
  test('default: reads what the test node serves', async () => {
    const { coretime, relay } = await startBoth()
    const snap = await Reader.read({
      network: 'polkadot',
      endpoints: { coretime: coretime.url, relay: relay.url },
      websocketClass: WebSocket as never,
      timeoutMs: 10_000,
    })
    expect(snap).toEqual({ ...sample, endpoints: { coretime: coretime.url, relay: relay.url } })
  })
})

const SALE_INFO_KEY = encoder('dotCoretime').keyOf('Broker', 'SaleInfo')

describe.skipIf(!have)('Reader.read failures', () => {
  const read = (urls: { coretime: string; relay: string }, extra: Partial<Reader.ReadOptions> = {}) =>
    Reader.read({
      network: 'polkadot',
      endpoints: urls,
      websocketClass: WebSocket as never,
      timeoutMs: 5_000,
      retries: 0,
      backoffMs: 10,
      ...extra,
    })
  const urls = (n: { coretime: TestNode.TestNode; relay: TestNode.TestNode }) => ({
    coretime: n.coretime.url,
    relay: n.relay.url,
  })

  test('error: the node dies mid-read', async () => {
    const n = await startBoth({ coretime: [{ kind: 'dieOn', method: 'chainHead_v1_storage', nth: 4 }] })
    await expect(read(urls(n))).rejects.toMatchObject({
      name: 'ConnectionError',
      code: 'Disconnected',
      message: expect.stringMatching(
        /coretime endpoint ws:\/\/127\.0\.0\.1:\d+ dropped the connection while reading Broker\./,
      ),
    })
  })

  test('error: the node dies and stays dead: retries, then gives up', async () => {
    const n = await startBoth({ relay: [{ kind: 'dieOn', method: 'chainHead_v1_storage', nth: 1 }] })
    const retries: number[] = []
    const err = await read(urls(n), { retries: 2, onRetry: (r) => retries.push(r.delayMs) }).catch((e) => e)
    expect(retries).toEqual([10, 20])
    expect(err).toMatchObject({
      code: 'Unreachable',
      message: expect.stringContaining('cannot connect to the relay endpoint'),
    })
  })

  test('behavior: a dropped connection is retried and the read succeeds', async () => {
    const n = await startBoth({ coretime: [{ kind: 'dropOn', method: 'chainHead_v1_storage', nth: 2 }] })
    const retries: string[] = []
    const snap = await read(urls(n), { retries: 1, onRetry: (r) => retries.push(r.error.code) })
    expect(retries).toEqual(['Disconnected'])
    expect(snap.broker).toEqual(sample.broker)
  })

  test('error: the node answers garbage instead of JSON', async () => {
    const n = await startBoth({ coretime: [{ kind: 'garbageOn', method: 'chainHead_v1_storage' }] })
    await expect(read(urls(n))).rejects.toMatchObject({
      code: 'BadAnswer',
      message: expect.stringContaining('answered something that is not JSON-RPC'),
    })
  })

  test('error: a storage value that does not decode with the metadata', async () => {
    const n = await startBoth({ coretime: [{ kind: 'override', key: SALE_INFO_KEY, value: '0x0102' }] })
    await expect(read(urls(n))).rejects.toMatchObject({
      code: 'BadAnswer',
      message: expect.stringContaining('reading Broker.SaleInfo failed'),
    })
  })

  test('error: a node that never answers times out with a clear message', async () => {
    // the relay's first storage request is the client's own (`:code`); the reader's first is Timestamp.Now
    const n = await startBoth({ relay: [{ kind: 'silentOn', method: 'chainHead_v1_storage', nth: 2 }] })
    // 2.5 s: long enough for the steps before it on a loaded CI machine, so the silent one is what times out
    const err = await read(urls(n), { timeoutMs: 2500 }).catch((e) => e)
    expect(err.code).toBe('Timeout')
    expect(err.message).toMatch(/^timed out after 2\.5 s while reading Timestamp\.Now .*raise --timeout$/)
  })

  test('args: timeoutAdvice replaces the CLI hint in a timeout message', async () => {
    const n = await startBoth({ relay: [{ kind: 'silentOn', method: 'chainHead_v1_storage', nth: 2 }] })
    const err = await read(urls(n), { timeoutMs: 3000, timeoutAdvice: 'try again later' }).catch((e) => e)
    expect(err.message).toMatch(/^timed out after 3 s while reading Timestamp\.Now .*; try again later$/)
    expect(err.message).not.toContain('--timeout')
  })

  test('error: endpoints of the other network', async () => {
    const n = await startBoth()
    await expect(read(urls(n), { network: 'kusama' })).rejects.toMatchObject({
      code: 'WrongChain',
      message: expect.stringContaining('not the kusama Coretime chain'),
    })
  })

  test('error: nothing listens at the endpoint', async () => {
    const n = await startBoth()
    await n.coretime.close()
    await expect(read(urls(n))).rejects.toMatchObject({ code: 'Unreachable' })
  })

  test('error: aborted (Ctrl-C) stops the read at once', async () => {
    const n = await startBoth({ relay: [{ kind: 'silentOn', method: 'chainHead_v1_storage' }] })
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 300)
    await expect(read(urls(n), { signal: ac.signal, timeoutMs: 20_000 })).rejects.toMatchObject({
      name: 'AbortedError',
    })
  })

  test('error: a runtime without an item the reader needs names it', async () => {
    // a "relay" that serves the Coretime chain's runtime: it has Timestamp but no Configuration pallet
    const f = fixturesOf(sample)
    const t = encoder('dotCoretime')
    t.set('Timestamp', 'Now', [], BigInt(sample.relay.timestamp))
    const coretime = await TestNode.start(f.coretime)
    const relay = await TestNode.start({
      ...f.coretime,
      genesisHash: Reader.GENESIS.polkadot.relay,
      storage: new Map([...f.coretime.storage, ...t.storage]),
    })
    nodes.push(coretime, relay)
    await expect(read({ coretime: coretime.url, relay: relay.url })).rejects.toMatchObject({
      name: 'ShapeError',
      message: 'unexpected shape of Configuration.ActiveConfig: not in the runtime metadata',
    })
  })

  test('error: not a WebSocket URL', async () => {
    await expect(read({ coretime: 'https://example.com', relay: 'ws://127.0.0.1:1' })).rejects.toMatchObject({
      code: 'BadEndpoint',
    })
  })
})

describe.skipIf(!haveMetadata('ksmCoretime', 'ksm'))('Reader.read (Kusama metadata)', () => {
  test('default: the Kusama runtimes decode to the same core types', async () => {
    const ksm: typeof sample = {
      ...sample,
      network: 'kusama',
      coretime: {
        ...sample.coretime,
        genesisHash: Reader.GENESIS.kusama.coretime,
        specName: 'coretime-kusama',
      },
      relay: { ...sample.relay, genesisHash: Reader.GENESIS.kusama.relay, specName: 'kusama' },
      broker: {
        ...sample.broker,
        regions: sample.broker.regions.map((r) => ({
          ...r,
          owner: Ss58.encode(Sovereign.sibling(3002), Ss58.KUSAMA),
        })),
      },
    }
    const f = fixturesOf(ksm)
    const coretime = await TestNode.start(f.coretime)
    const relay = await TestNode.start(f.relay)
    nodes.push(coretime, relay)
    const snap = await Reader.read({
      network: 'kusama',
      endpoints: { coretime: coretime.url, relay: relay.url },
      websocketClass: WebSocket as never,
      timeoutMs: 10_000,
    })
    expect(snap.broker).toEqual(ksm.broker)
    expect(snap.onDemand).toEqual(ksm.onDemand)
    expect(snap.coretime.specName).toBe('coretime-kusama')
    expect(snap.relay).toMatchObject({
      block: ksm.relay.block,
      timestamp: ksm.relay.timestamp,
      specName: 'kusama',
    })
  })
})
