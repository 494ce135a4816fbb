import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Fixture, type TestNode } from '@coretime/chain/testing'

const BIN = fileURLToPath(new URL('../../bin/coretime.js', import.meta.url))

/**
 * Test helper: runs the real `coretime` binary in a child process without blocking this process's
 * event loop (the local test node runs here). `interruptAfterMs` sends Ctrl-C (SIGINT).
 */
export const coretimeAsync = (
  args: string[],
  options: { interruptAfterMs?: number } = {},
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
    const t =
      options.interruptAfterMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGINT'), options.interruptAfterMs)
    child.on('close', (code) => {
      if (t) clearTimeout(t)
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
