// In a checkout: loads a bundled entry (dist/cli/*.mjs, built by scripts/build.mjs) when it is newer
// than every source file it was built from; otherwise the TypeScript source through tsx, so a stale
// bundle never runs. Not in the published package (bin/coretime.js imports the bundle there).
import { readdirSync, statSync } from 'node:fs'
import { register as registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))
const SOURCES = [
  '../src',
  '../../../packages/core/src',
  '../../../packages/sim/src',
  '../../../packages/chain/src',
]

const newest = (dir) => {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`
    const m = e.isDirectory() ? newest(p) : statSync(p).mtimeMs
    if (m > t) t = m
  }
  return t
}

const fresh = (bundle) => {
  try {
    const built = statSync(bundle).mtimeMs
    return SOURCES.every((s) => newest(here(s)) <= built)
  } catch {
    return false
  }
}

/**
 * Resolves workspace packages to their TypeScript sources (the `@coretime/source` export
 * condition, docs/decisions/0009-package-build.md) in this thread, for tsx.
 */
export const registerSources = async () => {
  const hook = `export const resolve = (s, c, next) => next(s, { ...c, conditions: [...c.conditions, '@coretime/source'] })`
  registerHooks(`data:text/javascript,${encodeURIComponent(hook)}`)
  const { register } = await import('tsx/esm/api')
  register()
}

/** Imports `bundle` (relative to bin/) if fresh, else `source` (relative to bin/) via tsx. */
export const load = async (bundle, source) => {
  const built = here(bundle)
  if (fresh(built)) return import(built)
  await registerSources()
  return import(here(source))
}
