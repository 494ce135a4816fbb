import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/coretime.js', import.meta.url))

/** Test helper: runs the real `coretime` binary in a child process. */
export const coretime = (...args: string[]): { stdout: string; stderr: string; code: number | null } => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { stdout: r.stdout, stderr: r.stderr, code: r.status }
}
