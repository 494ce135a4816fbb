import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs'
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

/**
 * The most bytes an input file (snapshot, trace, scenario, saleinfo) may have: far above any real
 * one (a Polkadot snapshot is ~100 kB, a 100-sale trace a few MB), far below what would exhaust the
 * memory of a small machine once parsed.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/**
 * Reads a text file, refusing it once it passes `maxBytes` — before reading the rest — so an
 * endless or huge input (`/dev/zero`, a wrong path) costs at most that much. The error has code
 * `EFBIG` and `limit`, like a Node file-system error.
 */
export const readText = (path: string, maxBytes = MAX_FILE_BYTES): string => {
  const fd = openSync(path, 'r')
  try {
    const chunks: Buffer[] = []
    let total = 0
    const chunk = Buffer.allocUnsafe(1024 * 1024)
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      total += n
      if (total > maxBytes)
        throw Object.assign(new Error(`larger than ${maxBytes} bytes`), { code: 'EFBIG', limit: maxBytes })
      chunks.push(Buffer.from(chunk.subarray(0, n)))
    }
    return Buffer.concat(chunks, total).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** Why `readText` failed, in words. */
export const readFailure = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException & { limit?: number }
  switch (err?.code) {
    case 'EFBIG':
      return `larger than the ${Math.round((err.limit ?? MAX_FILE_BYTES) / 1024 / 1024)} MiB an input file may have`
    case 'ENOENT':
      return 'no such file'
    case 'EISDIR':
      return 'it is a directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    default:
      return err?.code ?? String(e)
  }
}

export const writeSnapshot = (path: string, s: Snapshot.Snapshot): void =>
  writeAtomic(path, Snapshot.toJson(s))

/** Reads and validates a snapshot file; `SnapshotError` names the file and the field. */
export const readSnapshot = (path: string): Snapshot.Snapshot => {
  let text: string
  try {
    text = readText(path)
  } catch (e) {
    throw new SnapshotError(`cannot read ${path}: ${readFailure(e)}`, { cause: e })
  }
  return Snapshot.parseOrThrow(text, path)
}
