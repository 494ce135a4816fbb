import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, DevAccounts, Devnet } from '@coretime/chain/devnet'
import { Shared } from '@coretime/chain/testing'
import { Networks, Ss58 } from '@coretime/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { coretimeAsync } from './run.test-util'

/**
 * The reader against the real runtime: a devnet of the compiled Paseo Coretime runtime with a sale
 * the runtime itself started (sudo configure + start_sales) and one purchase; `status`,
 * `snapshot`, `plan --para` and `simulate --from` read it over its own metadata and storage.
 */
const spec = Shared.devnetSpec()
const PAS = 10_000_000_000n

describe.skipIf(!spec)('the CLI against a devnet (Paseo Coretime runtime 2000006)', () => {
  let net: Devnet.Devnet
  let saleRelay: number
  const dir = mkdtempSync(join(tmpdir(), 'devnet-cli-'))
  beforeAll(async () => {
    net = await Devnet.start({ spec: spec as string })
    const c = Client.connect(net.url)
    try {
      const alice = DevAccounts.get('Alice').signer
      const config = {
        advance_notice: 2,
        interlude_length: 40,
        leadin_length: 400,
        region_length: 3,
        ideal_bulk_proportion: 0,
        limit_cores_offered: undefined,
        renewal_bump: 100_000_000,
        contribution_timeout: 5,
      }
      const txs = [
        await c.sudo({ pallet: 'Broker', name: 'configure', args: { config } }, alice, 0),
        await c.sudo(
          { pallet: 'Broker', name: 'start_sales', args: { end_price: 100n * PAS, extra_cores: 2 } },
          alice,
          1,
        ),
      ]
      saleRelay = (await net.relayNumber()) + 10
      await net.newBlock({ transactions: txs, relayParentNumber: saleRelay })
      // into the lead-in (sale start = the relay number the hook saw + interlude), then buy one core
      const buy = await c.sign(
        { pallet: 'Broker', name: 'purchase', args: { price_limit: 1_000_000n * PAS } },
        DevAccounts.get('Bob').signer,
        0,
      )
      await net.newBlock({ transactions: [buy], relayParentNumber: saleRelay + 60 })
    } finally {
      c.close()
    }
  }, 240_000)
  afterAll(async () => {
    await net?.close()
  })

  test('default: status --network paseo --endpoint reads the sale the runtime started', async () => {
    const r = await coretimeAsync(['status', '--network', 'paseo', '--endpoint', net.url])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^paseo — now: /)
    expect(r.stdout).toContain('chains: coretime-paseo 2000006')
    expect(r.stdout).toContain('phase now            leadin')
    // Paseo's adapter: whatever start_sales said, the sale ends at 500 PAS and starts at 100× that
    expect(r.stdout).toMatch(/lead-in start price +50000 PAS/)
    expect(r.stdout).toMatch(/end of lead-in price +500 PAS /)
    // the model's price at the relay number the purchase saw is what the runtime charged Bob
    expect(r.stdout).toMatch(/price now +45500 PAS /)
    expect(r.stdout).toMatch(/cores +1 of 2 sold/)
    expect(r.stdout).toContain('on-demand: not read (no relay endpoint)')
  }, 60_000)

  test('default: snapshot, then plan --para and simulate --from read it', async () => {
    const file = join(dir, 'paseo.json')
    const s = await coretimeAsync(['snapshot', '--network', 'paseo', '--endpoint', net.url, '-o', file])
    expect(s.stderr).toBe('')
    expect(s.code).toBe(0)
    const snap = JSON.parse(readFileSync(file, 'utf8'))
    expect(snap.relay).toBeNull()
    expect(snap.onDemand).toBeNull()
    expect(snap.constants).toEqual({
      timeslicePeriod: 80,
      maxLeasedCores: 55,
      maxReservedCores: 10,
      maxAutoRenewals: 100,
      minimumCreditPurchase: '1000000000',
    })
    // the Paseo network entry holds what the running runtime says
    const paseo = Networks.get('paseo')
    expect(snap.constants).toEqual({
      timeslicePeriod: paseo.runtime.timeslicePeriod,
      maxLeasedCores: paseo.runtime.maxLeasedCores,
      maxReservedCores: paseo.runtime.maxReservedCores,
      maxAutoRenewals: paseo.runtime.maxAutoRenewals,
      minimumCreditPurchase: String(paseo.runtime.minimumCreditPurchase),
    })
    expect(snap.broker.saleInfo.endPrice).toBe(String(500n * PAS))
    expect(snap.broker.saleInfo.coresSold).toBe(1)
    expect(snap.broker.regions).toHaveLength(1)
    expect(snap.broker.regions[0].paid).toBe(String(45_500n * PAS))
    expect(snap.broker.regions[0].owner).toBe(Ss58.encode(DevAccounts.get('Bob').publicKey, 0))

    const plan = await coretimeAsync(['plan', '--para', '2000', '--core', '0', '--snapshot', file])
    expect(plan.stderr).toBe('')
    expect(plan.code).toBe(0)
    expect(plan.stdout).toContain('PAS')

    const sim = await coretimeAsync([
      'simulate',
      '--from',
      file,
      '--runs',
      '2',
      '--sales',
      '2',
      '--seed',
      '1',
    ])
    expect(sim.stderr).toBe('')
    expect(sim.code).toBe(0)
    expect(sim.stdout).toMatch(/^from-snapshot/)
  }, 120_000)

  test('error: --endpoint with --relay-url', async () => {
    const r = await coretimeAsync([
      'status',
      '--network',
      'paseo',
      '--endpoint',
      net.url,
      '--relay-url',
      net.url,
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('coretime: --endpoint: give either --endpoint or --coretime-url/--relay-url\n')
  })

  test('error: --endpoint that is no chain', async () => {
    const r = await coretimeAsync([
      'status',
      '--network',
      'paseo',
      '--endpoint',
      'ws://127.0.0.1:1',
      '--retries',
      '0',
    ])
    expect(r.code).toBe(3)
    expect(r.stderr).toBe(
      'coretime: cannot connect to the coretime endpoint ws://127.0.0.1:1: connection refused (nothing listens there)\n',
    )
  })
})
