import { run as inProcess } from './inProcess'

/**
 * Test helper: runs `coretime ARGS…` in this process through `main`, with stdout and stderr
 * captured, and gives what the binary would: `{ stdout, stderr, code }`; something escaping `main`
 * (a bug) fails the test with its own error. Most CLI tests use it or call the command functions;
 * the real edge (the bin, exit codes of the process) keeps a few spawn tests (testing/spawn.ts).
 */
export const run = async (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> => {
  const r = await inProcess(...args)
  if (r.code === 'crash') throw r.error
  return { stdout: r.stdout, stderr: r.stderr, code: r.code }
}
