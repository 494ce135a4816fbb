import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { WebSocket } from 'ws'
import { SnapshotError } from '../errors'
import * as Snapshot from '../Snapshot'

/** The Node edge of the package: the `ws` WebSocket class (Node 20 has none) and snapshot files. */
export const websocketClass = WebSocket as unknown as typeof globalThis.WebSocket

/**
 * Writes `text` to `path` atomically: a temporary file in the same directory, fsync, then rename
 * over the target. A crash or an error leaves either the old file or the new one, never half of one.
 */
export const writeAtomic = (path: string, text: string): void => {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(tmp, 'wx', 0o644)
    writeSync(fd, text)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(tmp, path)
  } catch (e) {
    if (fd !== undefined) closeSync(fd)
    try {
      unlinkSync(tmp)
    } catch {}
    throw e
  }
  // make the rename itself durable
  try {
    const dir = openSync(dirname(path), 'r')
    fsyncSync(dir)
    closeSync(dir)
  } catch {}
}

export const writeSnapshot = (path: string, s: Snapshot.Snapshot): void =>
  writeAtomic(path, Snapshot.toJson(s))

/** Reads and validates a snapshot file; `SnapshotError` names the file and the field. */
export const readSnapshot = (path: string): Snapshot.Snapshot => {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new SnapshotError(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}`,
      {
        cause: e,
      },
    )
  }
  return Snapshot.parseOrThrow(text, path)
}
