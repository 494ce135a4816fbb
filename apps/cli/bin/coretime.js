#!/usr/bin/env node
// Runs the bundled CLI (dist/cli/coretime.mjs, from `npm run build`) when it is newer than every
// source file it was built from; otherwise the TypeScript sources through tsx, so a stale bundle
// is never used.
import { readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))
const bundle = here('../dist/cli/coretime.mjs')
const sources = [
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

const fresh = () => {
  try {
    const built = statSync(bundle).mtimeMs
    return sources.every((s) => newest(here(s)) <= built)
  } catch {
    return false
  }
}

let main
if (fresh()) {
  ;({ main } = await import(bundle))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../src/main.ts'))
}
process.exitCode = await main(process.argv)
