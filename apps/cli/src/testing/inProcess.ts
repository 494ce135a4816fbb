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
 * the fuzz suite can run thousands of cases.
 */
export const run = async (...args: string[]): Promise<Run> => {
  let stdout = ''
  let stderr = ''
  const out = process.stdout.write
  const err = process.stderr.write
  const before = process.exitCode
  process.exitCode = undefined
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  }) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk)
    return true
  }) as typeof process.stderr.write
  try {
    const code = await main(['node', 'coretime', ...args])
    return { stdout, stderr, code }
  } catch (error) {
    return { stdout, stderr, code: 'crash', error }
  } finally {
    process.stdout.write = out
    process.stderr.write = err
    process.exitCode = before
  }
}
