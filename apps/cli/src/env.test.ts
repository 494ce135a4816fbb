import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Snapshot } from '@coretime/chain'
import { Fixture, sample, TestNode } from '@coretime/chain/testing'
import { describe, expect, test } from 'vitest'
import pkg from '../package.json' with { type: 'json' }
import { testNodes } from './chain/run.test-util'

const BIN = fileURLToPath(new URL('../bin/coretime.js', import.meta.url))

type Run = { stdout: string; stderr: string; code: number | null }

/** The real `coretime` in a child process with these environment variables (and no inherited CORETIME_*). */
const run = (args: string[], env: Record<string, string> = {}, pipe?: (out: NodeJS.ReadableStream) => void) =>
  new Promise<Run>((resolve) => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CORETIME_')))
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    if (pipe) pipe(child.stdout)
    else child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ stdout, stderr, code }))
  })

describe('coretime --version', () => {
  test('default: prints the package version', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await run([flag])
      expect(r).toEqual({ stdout: `${pkg.version}\n`, stderr: '', code: 0 })
    }
  })

  test('error: -v is not the version flag: an unknown option, exit 2', async () => {
    const r = await run(['-v'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^coretime: unknown option '-v'/)
  })
})

describe('CORETIME_NETWORK', () => {
  test('default: stands in for --network', async () => {
    const r = await run(['ondemand'], { CORETIME_NETWORK: 'kusama' })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^On-demand coretime on Kusama/)
    expect(r.stdout).toContain('KSM')
  })

  test('behavior: the flag wins over the variable', async () => {
    const r = await run(['ondemand', '--network', 'polkadot'], { CORETIME_NETWORK: 'kusama' })
    expect(r.stdout).toMatch(/^On-demand coretime on Polkadot/)
  })

  test('behavior: a snapshot file’s own network wins (no conflict with --snapshot)', async () => {
    const file = join(tmpdir(), `coretime-env-${process.pid}.json`)
    writeFileSync(file, Snapshot.toJson(sample))
    const r = await run(['status', '--snapshot', file], { CORETIME_NETWORK: 'kusama' })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^polkadot/)
  })

  test('error: a bad value names the variable, exit 2', async () => {
    const r = await run(['ondemand'], { CORETIME_NETWORK: 'moon' })
    expect(r).toEqual({
      stdout: '',
      stderr: 'coretime: CORETIME_NETWORK: expected one of "polkadot", "kusama", "paseo", got "moon"\n',
      code: 2,
    })
  })
})

const have = Fixture.haveMetadata('dotCoretime', 'dot')

describe.skipIf(!have)('CORETIME_ENDPOINT and CORETIME_RELAY_ENDPOINT', () => {
  const start = testNodes()
  const dead = async () => {
    const n = await TestNode.start(Fixture.fixturesOf(sample).coretime)
    await n.close()
    return n.url
  }

  test('default: the variables give the endpoints; a list is tried in turn', async () => {
    const n = await start()
    const r = await run(['status', '--json', '--timeout', '10'], {
      CORETIME_ENDPOINT: `${await dead()}, ${n.coretime.url}`,
      CORETIME_RELAY_ENDPOINT: n.relay.url,
    })
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(
      /cannot connect to the coretime endpoint .*; trying ws:\/\/.* \(attempt 2 of 3\)\n$/,
    )
    expect(JSON.parse(r.stdout).sale.coresSold).toBe(sample.broker.saleInfo!.coresSold)
  })

  test('behavior: a flag wins over the variable', async () => {
    const n = await start()
    const r = await run(['status', '--json', '--coretime-url', n.coretime.url, '--relay-url', n.relay.url], {
      CORETIME_ENDPOINT: 'ws://127.0.0.1:1',
      CORETIME_RELAY_ENDPOINT: 'ws://127.0.0.1:1',
    })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  })

  test('error: not a ws URL names the variable, exit 2, nothing read', async () => {
    const r = await run(['status'], { CORETIME_ENDPOINT: 'https://example.com' })
    expect(r).toEqual({
      stdout: '',
      stderr:
        'coretime: CORETIME_ENDPOINT: expected a ws:// or wss:// URL, or a comma-separated list of them, got "https://example.com"\n',
      code: 2,
    })
  })
})

describe('a closed stdout', () => {
  test('default: `coretime simulate … | head` ends quietly, exit 0', async () => {
    // the reader closes the pipe before the output is written, as `head` does once it has its lines
    const r = await run(['simulate', '--sales', '60', '--json'], {}, (out) =>
      (out as unknown as { destroy: () => void }).destroy(),
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  })

  test('error: a failure before the pipe closes still reports itself', async () => {
    const r = await run(['simulate', '--sales', 'x'], {}, (out) =>
      (out as unknown as { destroy: () => void }).destroy(),
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^coretime: --sales/)
    expect(r.stderr).not.toMatch(/EPIPE|at /)
  })
})
