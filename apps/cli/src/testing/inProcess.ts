import { main } from '../main'

export type Run = {
  readonly stdout: string
  readonly stderr: string
  /** the exit code `main` returns; `'crash'` when something escaped it (a bug: the bin would print a stack) */
  readonly code: number | 'crash'
  readonly error?: unknown
}

/**
 * Test helper: runs `coretime ARGS…` in this process through `main` (what the bin calls), with
 * stdout and stderr captured. Much faster than spawning the bin (which the edge tests still do), so
 * the fuzz suite can run thousands of cases; what escapes `main` is reported as `code: 'crash'`.
 * Most tests use `testing/run.ts`, which throws it instead.
 */
export const run = async (...args: string[]): Promise<Run> => {
  const out: string[] = []
  const err: string[] = []
  const write = { out: process.stdout.write, err: process.stderr.write }
  const before = process.exitCode
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
  } catch (error) {
    return { stdout: out.join(''), stderr: err.join(''), code: 'crash', error }
  } finally {
    process.stdout.write = write.out
    process.stderr.write = write.err
    process.exitCode = before
  }
}
