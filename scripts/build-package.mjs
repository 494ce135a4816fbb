// Builds the workspace package in the current directory for publishing (docs/decisions/0009-package-build.md):
// ESM JavaScript with esbuild and bundled .d.ts with rollup-plugin-dts, one file per entry of the
// package's `exports` map, shared code in chunks so a class (an error) is one class across entries.
// The .d.ts bundles start from the declarations `tsc -b` emits for the project (incremental: fast
// when `npm run typecheck` has run), not from the sources (10 s instead of 0.3 s for the core).
// Every entry of `exports` names its source under the `@coretime/source` condition (what the
// workspace's own tools resolve) and its build under `types` / `default`; this script reads that map
// and nothing else. Dependencies stay imports: they are the package's `dependencies`.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { build } from 'esbuild'
import { rollup } from 'rollup'
import { dts } from 'rollup-plugin-dts'

export const SOURCE = '@coretime/source'

/** `{ 'dist/x': 'src/x.ts' }` for every entry of an exports map that has a source and a build. */
export const entriesOf = (exportsMap) => {
  const entries = {}
  for (const [key, target] of Object.entries(exportsMap ?? {})) {
    if (typeof target !== 'object' || target === null) continue
    const src = target[SOURCE]
    const js = target.default
    if (typeof src !== 'string' || typeof js !== 'string')
      throw new Error(`exports["${key}"]: expected "${SOURCE}" and "default" paths`)
    if (!js.startsWith('./dist/') || !js.endsWith('.js'))
      throw new Error(`exports["${key}"].default: expected ./dist/….js, got ${js}`)
    if (target.types !== js.replace(/\.js$/, '.d.ts'))
      throw new Error(`exports["${key}"].types: expected ${js.replace(/\.js$/, '.d.ts')}`)
    entries[js.slice('./dist/'.length, -'.js'.length)] = src
  }
  if (Object.keys(entries).length === 0) throw new Error('exports: no entry to build')
  return entries
}

/**
 * Relative imports between declaration files. rollup-plugin-dts leaves anything under a
 * node_modules folder external, and tsc's declarations live in node_modules/.cache/tsc.
 */
export const relativeDeclarations = {
  name: 'relative-declarations',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null
    const base = resolve(dirname(importer), source)
    return [`${base}.d.ts`, join(base, 'index.d.ts')].find((f) => existsSync(f)) ?? null
  },
}

const bare = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0')

export const buildPackage = async (dir = process.cwd()) => {
  const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'))
  const entries = entriesOf(pkg.exports)
  const outdir = resolve(dir, 'dist')
  rmSync(outdir, { recursive: true, force: true })
  const entryPoints = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, resolve(dir, v)]))
  await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    // every package import (ours included) stays an import; node: built-ins too
    packages: 'external',
    external: ['node:*'],
    sourcemap: true,
    chunkNames: '_chunks/[name]-[hash]',
    logLevel: 'error',
  })
  // the project's declarations, where its tsconfig puts them (outDir mirrors the package folder)
  const tsconfig = JSON.parse(readFileSync(resolve(dir, 'tsconfig.json'), 'utf8'))
  const declDir = resolve(dir, tsconfig.compilerOptions.outDir)
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-b', resolve(dir, 'tsconfig.json')], { stdio: 'inherit' })
  const declarations = Object.fromEntries(
    Object.entries(entryPoints).map(([k, v]) => [
      k,
      resolve(declDir, relative(dir, v)).replace(/\.ts$/, '.d.ts'),
    ]),
  )
  const bundle = await rollup({
    input: declarations,
    external: bare,
    plugins: [relativeDeclarations, dts()],
    onwarn: (w, warn) => {
      if (w.code !== 'EMPTY_BUNDLE') warn(w)
    },
  })
  await bundle.write({
    dir: outdir,
    format: 'es',
    entryFileNames: '[name].d.ts',
    chunkFileNames: '_chunks/[name]-[hash].d.ts',
  })
  await bundle.close()
  return { name: pkg.name, entries }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { name, entries } = await buildPackage()
  console.log(
    `built ${name}: ${Object.keys(entries)
      .map((e) => `dist/${e}.js`)
      .join(', ')}`,
  )
}
