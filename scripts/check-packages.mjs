// `npm run check:packages`: builds and packs every published package, then lints each tarball with
// publint (package.json fields against the packed files) and "are the types wrong" (the types
// resolve, and match the JavaScript, under Node's ESM resolution and bundlers; the packages are
// ESM only, so CommonJS and node10 resolution are not checked).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packAll } from './pack.mjs'

const run = (cmd, args) =>
  new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    p.stdout.on('data', (d) => (out += d))
    p.stderr.on('data', (d) => (out += d))
    p.on('close', (code) => resolve({ code, out }))
  })

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname

const dest = mkdtempSync(join(tmpdir(), 'coretime-pack-'))
try {
  const tarballs = packAll(dest)
  const checks = Object.entries(tarballs).flatMap(([name, tgz]) => [
    { name, tool: 'publint', run: run(bin('publint'), ['--strict', tgz]) },
    { name, tool: 'attw', run: run(bin('attw'), ['--profile', 'esm-only', '--format', 'ascii', tgz]) },
  ])
  let failed = 0
  for (const c of checks) {
    const r = await c.run
    if (r.code === 0) console.log(`${c.tool} ${c.name}: ok`)
    else {
      failed++
      console.error(`${c.tool} ${c.name}: FAILED\n${r.out}`)
    }
  }
  process.exitCode = failed === 0 ? 0 : 1
} finally {
  rmSync(dest, { recursive: true, force: true })
}
