import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Networks } from '@coretime/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ChainError } from '../errors'
import { Shared } from '../testing'
import { Chopsticks, DevAccounts, Devnet } from '.'

const spec = Shared.devnetSpec()

describe('Devnet.readSpec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'devnet-spec-'))
  test('error: not JSON', () => {
    const f = join(dir, 'a.json')
    writeFileSync(f, 'nope')
    expect(() => Devnet.readSpec(f)).toThrow(`${f}: not JSON (expected a raw chain spec)`)
  })
  test('error: not raw', () => {
    const f = join(dir, 'b.json')
    writeFileSync(f, JSON.stringify({ name: 'x', genesis: { runtimeGenesis: {} } }))
    expect(() => Devnet.readSpec(f)).toThrow('not a raw chain spec')
  })
  test('error: no runtime', () => {
    const f = join(dir, 'c.json')
    writeFileSync(f, JSON.stringify({ name: 'x', genesis: { raw: { top: {} } } }))
    expect(() => Devnet.readSpec(f)).toThrow('genesis.raw.top has no :code')
  })
  test('error: missing file', () => {
    expect(() => Devnet.readSpec(join(dir, 'none.json'))).toThrow('cannot read the chain spec (ENOENT)')
  })
})

describe('Devnet.start', () => {
  test('error: neither spec nor fork', async () => {
    await expect(Devnet.start({})).rejects.toThrow(ChainError)
  })
})

describe('DevAccounts', () => {
  test('default: //Alice is the well-known dev key', () => {
    expect(DevAccounts.get('Alice').address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY')
    expect(DevAccounts.get('Bob').accountId).toBe(
      '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48',
    )
  })
})

describe.skipIf(!spec)('Devnet (chopsticks over the Paseo Coretime spec)', () => {
  let net: Devnet.Devnet
  beforeAll(async () => {
    net = await Devnet.start({ spec: spec as string })
  }, 120_000)
  afterAll(async () => {
    await net?.close()
  })

  test('default: serves ws:// on a free port, funds the dev accounts, builds blocks at a relay number', async () => {
    expect(net.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
    const relay = await net.relayNumber()
    const b = await net.newBlock({ relayParentNumber: relay + 100 })
    expect(b.number).toBe(net.head().number)
    expect(await net.relayNumber()).toBe(relay + 100)
    const key = await accountKey(net, DevAccounts.get('Ferdie').accountId)
    const raw = await net.chain.head.get(key)
    // AccountInfo: nonce u32, consumers u32, providers u32, sufficients u32, then free u128 LE
    const free = BigInt(
      `0x${Buffer.from(Buffer.from((raw as string).slice(2), 'hex').subarray(16, 32))
        .reverse()
        .toString('hex')}`,
    )
    expect(free).toBe(1_000_000n * 10n ** 10n)
  }, 120_000)

  test('behavior: setHead returns to an earlier block', async () => {
    const before = net.head()
    await expect(net.newBlock({ relayParentNumber: 1 })).rejects.toThrow(
      '(relay parent 1: it must exceed the last one)',
    )
    await net.newBlock({ relayParentNumber: (await net.relayNumber()) + 80 })
    expect(net.head().number).toBe(before.number + 1)
    await net.setHead(before.hash)
    expect(net.head()).toEqual(before)
  }, 120_000)

  test('behavior: the Paseo network entry holds what the running runtime says (SS58, deposit, adapter)', async () => {
    type Consts = Record<string, Record<string, { toString(): string }>>
    const meta = (await (net.chain.head as unknown as { meta: Promise<{ consts: Consts }> }).meta).consts
    const paseo = Networks.get('paseo')
    // the chain spec's properties say 42; the compiled runtime says 0, and the runtime wins
    expect(Number(meta.system?.ss58Prefix?.toString())).toBe(paseo.ss58Prefix)
    expect(BigInt(meta.balances?.existentialDeposit?.toString() ?? '')).toBe(
      paseo.coretime.existentialDeposit,
    )
    expect(Number(meta.broker?.maxReservedCores?.toString())).toBe(paseo.runtime.maxReservedCores)
    const info = await net.info()
    expect([info.tokenSymbol, info.tokenDecimals]).toEqual([paseo.token.symbol, paseo.token.decimals])
  })

  test('error: setHead to a block that does not exist', async () => {
    await expect(net.setHead(9999)).rejects.toThrow('devnet: no block 9999')
  })

  test('behavior: --fork forks the running devnet (offline) and sees its blocks', async () => {
    const fork = await Devnet.start({ fork: net.url })
    try {
      expect(fork.head()).toEqual(net.head())
      expect(fork.port).not.toBe(net.port)
    } finally {
      await fork.close()
    }
  }, 120_000)
})

describe('Chopsticks.load', () => {
  test('error: a missing chopsticks names the install command', async () => {
    await expect(Chopsticks.load('@acala-network/chopsticks-not-installed')).rejects.toThrow(
      'a devnet needs chopsticks, which is not installed: run `npm install @acala-network/chopsticks@1.5.1`',
    )
  })
})

/** System.Account storage key: twox128(System) ++ twox128(Account) ++ blake2_128concat(id). */
const accountKey = async (net: Devnet.Devnet, accountId: string): Promise<string> => {
  const { Blake2128Concat, Twox128 } = await import('@polkadot-api/substrate-bindings')
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
  const enc = (s: string) => new TextEncoder().encode(s)
  const id = Buffer.from(accountId.slice(2), 'hex')
  void net
  return `0x${hex(Twox128(enc('System')))}${hex(Twox128(enc('Account')))}${hex(Blake2128Concat(id))}`
}
