import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Snapshot } from '@coretime/chain'
import { writeSnapshot } from '@coretime/chain/node'
import { sample } from '@coretime/chain/testing'
import { describe, expect, test } from 'vitest'
import { coretimeAsync, haveMetadata, testNodes, urlArgs } from '../chain/run.test-util'
import { opts } from '../testing/opts'
import { run } from '../testing/run'
import { renderStatus, status } from './status'

const startBoth = testNodes()

describe.skipIf(!haveMetadata())('coretime status (local test node)', () => {
  test('default: prints the state the node serves, with dates', async () => {
    const n = await startBoth()
    const r = await coretimeAsync(['status', '--network', 'polkadot', ...urlArgs(n)])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const sale = sample.broker.saleInfo!
    expect(r.stdout).toContain(`polkadot — now: 2026-11-20T12:00:00Z, relay block ${sample.relay.block}`)
    expect(r.stdout).toContain(`sale of region ${sale.regionBegin}–${sale.regionEnd}`)
    expect(r.stdout).toMatch(/phase now\s+leadin/)
    expect(r.stdout).toMatch(/end of lead-in price\s+12\.3456789012 DOT/)
    expect(r.stdout).toMatch(/cores\s+3 of 20 sold \(ideal 20, from core 60\)/)
    // next phase dates: 6 s relay blocks from the block read
    const leadinEnd = new Date(
      sample.relay.timestamp + (sale.saleStart + sale.leadinLength - sample.relay.block) * 6000,
    )
    expect(r.stdout).toContain(
      `${leadinEnd.toISOString().replace('.000Z', 'Z')}  block ${sale.saleStart + sale.leadinLength}`,
    )
    expect(r.stdout).toMatch(/core 11\s+para 2030\s+95 DOT \(950000000000 planck\)\s+\(auto-renew\)/)
    expect(r.stdout).toMatch(/core 12\s+para 2031\s+130 DOT/)
  })

  test('args: --json', async () => {
    const n = await startBoth()
    const r = await coretimeAsync(['status', '--json', ...urlArgs(n)])
    expect(r.code).toBe(0)
    const v = JSON.parse(r.stdout)
    expect(v.sale).toMatchObject({
      phase: 'leadin',
      coresSold: 3,
      coresOffered: 20,
      leadinEndPrice: '123456789012',
    })
    expect(v.renewalsDue).toHaveLength(3)
  })

  test('default: status() reads the node in-process and returns the view the JSON shows', async () => {
    const n = await startBoth()
    const r = await status(opts(...urlArgs(n), '--retries', '0', '--timeout', '30'))
    expect(r.network).toBe('polkadot')
    expect(r.view.sale).toMatchObject({ phase: 'leadin', coresSold: 3, leadinEndPrice: 123_456_789_012n })
    expect(renderStatus(r, 80)).toMatch(/cores\s+3 of 20 sold \(ideal 20, from core 60\)/)
  })

  test('error: the node dies mid-read: one clear line, exit 3', async () => {
    const n = await startBoth({ coretime: [{ kind: 'dieOn', method: 'chainHead_v1_storage', nth: 3 }] })
    const r = await coretimeAsync(['status', ...urlArgs(n), '--retries', '0'])
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(
      /^coretime: coretime endpoint ws:\/\/127\.0\.0\.1:\d+ dropped the connection while reading Broker\.\w+\n$/,
    )
  })
})

describe('coretime status --snapshot', () => {
  test('default: offline, from a file', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'ct-status-')), 's.json')
    writeSnapshot(f, sample)
    const r = await status({ snapshot: f })
    expect(r.view.renewalsDue).toHaveLength(3)
    expect(renderStatus(r, 80)).toMatch(/cores\s+3 of 20 sold/)
    // every line within the width asked for, except words that cannot be broken
    for (const line of renderStatus(r, 60).split('\n'))
      expect(line.length <= 60 || !line.trim().includes(' ')).toBe(true)
    const cli = await run('status', '--snapshot', f)
    expect(cli.code).toBe(0)
    expect(cli.stdout).toBe(renderStatus(r, 80))
  })

  test('error: a bad snapshot file names the field', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'ct-status-')), 's.json')
    const plain = Snapshot.toPlain(sample) as { network: string }
    plain.network = 'westend'
    writeFileSync(f, JSON.stringify(plain))
    await expect(status({ snapshot: f })).rejects.toThrow(/^--snapshot: .*s\.json: network: /)
    const r = await run('status', '--snapshot', f)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^coretime: --snapshot: .*s\.json: network: /)
  })

  test('error: a bad endpoint flag', async () => {
    const r = await run('status', '--coretime-url', 'http://x')
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('coretime: --coretime-url: expected a ws:// or wss:// URL, got "http://x"\n')
  })
})

describe.skipIf(!haveMetadata())('coretime plan --para (chain state)', () => {
  test('default: live from the test node: the core, the renewal price and the dates the chain gives', async () => {
    const n = await startBoth()
    const r = await coretimeAsync(['plan', '--para', '2031', '--json', ...urlArgs(n)])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const p = JSON.parse(r.stdout)
    expect(p.core).toBe(12)
    expect(p.coreSource).toBe('broker.workload')
    expect(p.now).toMatchObject({ block: sample.relay.block, date: '2026-11-20T12:00:00Z' })
    expect(p.workloadEndHint.timeslice).toBe(sample.broker.saleInfo!.regionBegin)
    expect(p.prices.renewalPrice).toBe('1300000000000')
  })

  test('args: --snapshot with a coretime-snapshot/1 file, offline', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'ct-plan-')), 's.json')
    writeSnapshot(f, sample)
    const r = await run('plan', '--para', '2030', '--snapshot', f, '--json')
    expect(r.stderr).toBe('')
    const p = JSON.parse(r.stdout)
    expect(p.core).toBe(11)
    expect(p.prices.renewalPrice).toBe('950000000000')
  })

  test('error: live read of a dead endpoint', async () => {
    const n = await startBoth()
    await n.relay.close()
    const r = await coretimeAsync(['plan', '--para', '2031', ...urlArgs(n), '--retries', '0'])
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(
      /^coretime: cannot connect to the relay endpoint ws:\/\/127\.0\.0\.1:\d+: connection refused \(nothing listens there\)\n$/,
    )
  })
})
