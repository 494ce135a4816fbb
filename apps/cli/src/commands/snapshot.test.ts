import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSnapshot } from '@coretime/chain/node'
import { sample } from '@coretime/chain/testing'
import { describe, expect, test } from 'vitest'
import { coretimeAsync, haveMetadata, testNodes, urlArgs } from '../chain/run.test-util'
import { opts } from '../testing/opts'
import { run } from '../testing/run'
import { renderSnapshot, snapshot } from './snapshot'

const startBoth = testNodes()
const tmp = () => mkdtempSync(join(tmpdir(), 'ct-snapshot-'))

describe.skipIf(!haveMetadata())('coretime snapshot (local test node)', () => {
  test('default: writes what the node serves', async () => {
    const n = await startBoth()
    const dir = tmp()
    const out = join(dir, 'dot.json')
    const r = await coretimeAsync(['snapshot', '--network', 'polkadot', '-o', out, ...urlArgs(n)])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`written to ${out}: sale of region 353085–358125, 3/20 cores sold`)
    expect(readSnapshot(out)).toEqual({
      ...sample,
      endpoints: { coretime: n.coretime.url, relay: n.relay.url },
    })
    expect(readdirSync(dir)).toEqual(['dot.json'])
  })

  test('default: snapshot() in-process writes the file and returns what it read', async () => {
    const n = await startBoth()
    const dir = tmp()
    const out = join(dir, 'dot.json')
    const r = await snapshot({ ...opts(...urlArgs(n), '--retries', '0', '--timeout', '30'), output: out })
    expect(r.file).toBe(out)
    expect(readSnapshot(out)).toEqual(r.snapshot)
    expect(renderSnapshot(r)).toBe(
      `snapshot of polkadot at relay block ${sample.relay.block} (coretime #${sample.coretime.block}) written to ${out}: sale of region 353085–358125, 3/20 cores sold\n`,
    )
  })

  test('error: snapshot() refuses an unusable -o before reading', async () => {
    await expect(snapshot({ output: '' })).rejects.toThrow('-o: expected a file name, got an empty string')
  })

  test('behavior: a snapshot from the node, fed to simulate --from, starts from exactly that sale', async () => {
    const n = await startBoth()
    const out = join(tmp(), 'dot.json')
    expect((await coretimeAsync(['snapshot', '-o', out, ...urlArgs(n)])).code).toBe(0)
    const r = await run('simulate', '--from', out, '--sales', '3', '--json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout)
    const sale = sample.broker.saleInfo!
    expect(result.sales[0]).toMatchObject({
      sale: 1,
      saleStartBlock: sale.saleStart,
      regionBegin: sale.regionBegin,
      regionEnd: sale.regionEnd,
      endPrice: String(sale.endPrice),
      coresOffered: sale.coresOffered,
      dates: { leadinEnd: '2026-11-30T15:19:00.000Z' },
    })
    expect(result.sales[0].coresSold).toBeGreaterThanOrEqual(sale.coresSold)
    expect(result.sales).toHaveLength(3)
  })

  test('error: the node is killed mid-read: a clear error and no file, not even a partial one', async () => {
    const n = await startBoth({ coretime: [{ kind: 'dieOn', method: 'chainHead_v1_storage', nth: 6 }] })
    const dir = tmp()
    const out = join(dir, 'dot.json')
    const r = await coretimeAsync(['snapshot', '-o', out, ...urlArgs(n), '--retries', '1'])
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(
      /dropped the connection while reading Broker\.\w+; retrying in 1 s \(attempt 2 of 2\)\n/,
    )
    expect(r.stderr).toMatch(
      /\ncoretime: cannot connect to the coretime endpoint ws:\/\/127\.0\.0\.1:\d+: connection refused \(nothing listens there\)\n$/,
    )
    expect(readdirSync(dir)).toEqual([])
  })

  test('error: an existing snapshot survives a failed read unchanged', async () => {
    const n = await startBoth({ relay: [{ kind: 'garbageOn', method: 'chainHead_v1_storage' }] })
    const out = join(tmp(), 'dot.json')
    writeFileSync(out, 'previous')
    const r = await coretimeAsync(['snapshot', '-o', out, ...urlArgs(n)])
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(
      /^coretime: relay endpoint \S+ answered something that is not JSON-RPC while connecting\n$/,
    )
    expect(readFileSync(out, 'utf8')).toBe('previous')
  })

  test('error: Ctrl-C exits 130 and writes nothing', async () => {
    const n = await startBoth({ relay: [{ kind: 'silentOn', method: 'chainHead_v1_storage', nth: 2 }] })
    const dir = tmp()
    const out = join(dir, 'dot.json')
    const r = await coretimeAsync(['snapshot', '-o', out, ...urlArgs(n)], {
      // the reader is waiting on the silent relay read: the CLI is past start-up and inside the read
      interruptWhen: () => n.relay.requests.filter((m) => m === 'chainHead_v1_storage').length >= 2,
    })
    expect(r.code).toBe(130)
    expect(r.stderr).toBe('coretime: interrupted; nothing was written\n')
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir)).toEqual([])
  })

  test('error: -o is required', async () => {
    const r = await run('snapshot')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("required option '-o, --output <file>' not specified")
  })

  test('error: an unusable -o is refused before the chain is read (no endpoint is contacted)', async () => {
    const dir = tmp()
    const nowhere = [
      '--coretime-url',
      'ws://127.0.0.1:9',
      '--relay-url',
      'ws://127.0.0.1:9',
      '--retries',
      '0',
    ]
    const missing = join(dir, 'no-such-dir', 'dot.json')
    for (const [out, line] of [
      ['', 'coretime: -o: expected a file name, got an empty string\n'],
      [dir, `coretime: -o: cannot write ${dir}: it is a directory\n`],
      [missing, `coretime: -o: cannot write ${missing}: no such directory\n`],
    ] as const) {
      const r = await run('snapshot', '-o', out, ...nowhere)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe(line)
    }
    expect(readdirSync(dir)).toEqual([])
  })
})
