import { main } from '../main'

/**
 * Test helper: runs `coretime ARGS…` in this process through `main`, with stdout and stderr
 * captured, and gives what the binary would: `{ stdout, stderr, code }`. Most CLI tests use it; the
 * real edge (the bin, exit codes of the process) keeps a few spawn tests (testing/spawn.ts).
 */
export const run = async (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> => {
  const out: string[] = []
  const err: string[] = []
  const write = { out: process.stdout.write, err: process.stderr.write }
  const capture =
    (into: string[]) =>
    (chunk: unknown): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'))
      return true
    }
  process.stdout.write = capture(out) as typeof process.stdout.write
  process.stderr.write = capture(err) as typeof process.stderr.write
  process.exitCode = undefined
  try {
    const code = await main(['node', 'coretime', ...args])
    return { stdout: out.join(''), stderr: err.join(''), code }
  } finally {
    process.stdout.write = write.out
    process.stderr.write = write.err
    process.exitCode = undefined
  }
}
