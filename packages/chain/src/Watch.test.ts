import { afterAll, describe, expect, test } from 'vitest'
import { Devnet } from './devnet'
import { ChainError } from './errors'
import { websocketClass } from './node'
import type { Snapshot } from './Snapshot'
import { freePort, Shared } from './testing'
import { type WatchStatus, watch } from './Watch'

const spec = Shared.devnetSpec()

describe('Watch.watch', () => {
  test('error: an endpoint that is not ws:// is refused before connecting', () => {
    expect(() => watch({ network: 'paseo', coretime: 'https://example.org', onSnapshot: () => {} })).toThrow(
      new ChainError(
        'BadEndpoint',
        'coretime endpoint: expected a ws:// or wss:// URL, got "https://example.org"',
      ),
    )
  })
})

describe.skipIf(!spec)('Watch.watch on a devnet (chopsticks over the Paseo Coretime spec)', () => {
  let net: Devnet.Devnet | undefined
  afterAll(async () => {
    await net?.close()
  })

  test('behavior: nothing listens (lost), a devnet starts there (reconnected), then a snapshot per new block', async () => {
    const port = await freePort()
    const url = `ws://127.0.0.1:${port}`
    const snapshots: Snapshot[] = []
    const statuses: WatchStatus[] = []
    const errors: ChainError[] = []
    const w = watch({
      network: 'paseo',
      coretime: url,
      anyChain: true,
      websocketClass,
      onSnapshot: (s) => snapshots.push(s),
      onStatus: (s) => statuses.push(s),
      onError: (e) => errors.push(e),
    })
    try {
      await expect.poll(() => statuses.at(-1)?.kind, { timeout: 30_000 }).toBe('lost')
      expect(statuses.at(-1)?.message).toBe(`Cannot connect to ${url}; retrying…`)
      net = await Devnet.start({ spec: spec as string, port })
      expect(net.url).toBe(url)
      await expect.poll(() => snapshots.length, { timeout: 90_000 }).toBeGreaterThan(0)
      expect(statuses.map((s) => s.kind)).toEqual(['connecting', 'lost', 'reconnected', 'live'])
      expect(snapshots.at(-1)?.coretime.block).toBe(net.head().number)
      const relay = await net.relayNumber()
      await net.newBlock({ relayParentNumber: relay + 40 })
      await expect.poll(() => snapshots.at(-1)?.coretime.block, { timeout: 60_000 }).toBe(net.head().number)
      expect(snapshots.at(-1)?.coretime.relayBlock).toBe(relay + 40)
      expect(errors).toEqual([])
    } finally {
      w.stop()
    }
  }, 240_000)
})
