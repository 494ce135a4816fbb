import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Fixture, sample, TestNode } from '@coretime/chain/testing'
import { afterEach } from 'vitest'

const BIN = fileURLToPath(new URL('../../bin/coretime.js', import.meta.url))

/**
 * Test helper: runs the real `coretime` binary in a child process without blocking this process's
 * event loop (the local test node runs here). `interruptWhen` sends Ctrl-C (SIGINT) once it holds.
 */
export const coretimeAsync = (
  args: string[],
  options: { interruptWhen?: () => boolean } = {},
): Promise<{ stdout: string; stderr: string; code: number | null }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    // Ctrl-C once the condition holds (e.g. the read has reached the node), polled every 50 ms
    const t =
      options.interruptWhen === undefined
        ? undefined
        : setInterval(() => {
            if (options.interruptWhen?.()) {
              clearInterval(t)
              child.kill('SIGINT')
            }
          }, 50)
    child.on('close', (code) => {
      if (t) clearInterval(t)
      resolve({ stdout, stderr, code })
    })
  })

export const haveMetadata = (): boolean => Fixture.haveMetadata('dotCoretime', 'dot')

/** `--coretime-url … --relay-url …` for a pair of test nodes. */
export const urlArgs = (n: { coretime: TestNode.TestNode; relay: TestNode.TestNode }): string[] => [
  '--coretime-url',
  n.coretime.url,
  '--relay-url',
  n.relay.url,
]

/**
 * For a test file: a function that starts the coretime and relay test nodes (serving the sample
 * state, each with its own misbehaviour); every node started is closed after each test.
 */
export const testNodes = () => {
  const nodes: TestNode.TestNode[] = []
  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((n) => n.close()))
  })
  return async (misbehave: { coretime?: TestNode.Misbehaviour[]; relay?: TestNode.Misbehaviour[] } = {}) => {
    const f = Fixture.fixturesOf(sample)
    const coretime = await TestNode.start(f.coretime, { misbehave: misbehave.coretime ?? [] })
    const relay = await TestNode.start(f.relay, { misbehave: misbehave.relay ?? [] })
    nodes.push(coretime, relay)
    return { coretime, relay }
  }
}
