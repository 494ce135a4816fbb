// Packs the published workspaces into `dest` with `npm pack` (each `prepack` builds its package) and
// returns the tarball of each, by package name. Used by `npm run check:packages` and by the
// install test (test/packaging.test.ts).
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const PUBLISHED = ['@coretime/core', '@coretime/sim', '@coretime/chain', '@coretime/cli']

export const packAll = (dest, root = new URL('..', import.meta.url).pathname) => {
  mkdirSync(dest, { recursive: true })
  const out = execFileSync(
    'npm',
    ['pack', '--json', '--pack-destination', dest, ...PUBLISHED.flatMap((w) => ['-w', w])],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 },
  )
  // prepack's own output precedes npm's JSON array
  const json = JSON.parse(out.slice(out.indexOf('\n[') + 1))
  return Object.fromEntries(json.map((p) => [p.name, join(dest, p.filename)]))
}
