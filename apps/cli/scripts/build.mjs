// Bundles the CLI and its Monte Carlo worker (with every package they use) into
// dist/cli/{coretime,sim-worker}.mjs with esbuild, so `coretime` starts in ~0.2 s instead of
// transpiling TypeScript on every start (~1.2 s), and so the published package is this one file
// pair and needs no other package (docs/decisions/0009-package-build.md). The licences of the
// bundled packages go to dist/cli/THIRD-PARTY-LICENSES.txt.
// In a checkout bin/fresh.js uses a bundle only while it is newer than every source file. It sits
// two levels down (dist/cli/), as the sources do (src/<dir>/), so their
// `new URL('../../bin/…', import.meta.url)` paths hold in the bundle too.
// `--types` also writes dist/cli/index.d.ts (the `main` function) for the package's export.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build as esbuild } from 'esbuild'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))
export const BUNDLE = here('../dist/cli/coretime.mjs')

/** The package folder of a bundled input (`…/node_modules/@scope/name/…`), or undefined for ours. */
const packageDirOf = (input) => {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
  return m?.[1]
}

const licenses = (inputs) => {
  const dirs = [...new Set(inputs.map(packageDirOf).filter((d) => d !== undefined))].sort()
  const parts = dirs.map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f))
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${pkg.license ?? 'unknown'}`
    return `${pkg.name}@${pkg.version} (${pkg.license ?? 'see text'})\n\n${text}\n`
  })
  return `Packages bundled into dist/cli/*.mjs, with their licences.\n\n${parts.join(`\n${'-'.repeat(72)}\n\n`)}`
}

export const build = async ({ types = false } = {}) => {
  const r = await esbuild({
    entryPoints: {
      coretime: here('../src/main.ts'),
      'sim-worker': here('../src/sim/worker.ts'),
    },
    outdir: here('../dist/cli/'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // the workspace packages from their sources, not their package builds
    conditions: ['@coretime/source'],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    metafile: true,
    // some dependencies are CommonJS and call require(); give the ESM bundle one
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  })
  const inputs = Object.keys(r.metafile.inputs).map((i) => join(process.cwd(), i))
  writeFileSync(here('../dist/cli/THIRD-PARTY-LICENSES.txt'), licenses(inputs.filter((i) => existsSync(i))))
  if (types) await buildTypes()
  return BUNDLE
}

/** dist/cli/index.d.ts from the declarations `tsc -b` emits for the CLI project. */
const buildTypes = async () => {
  const { execFileSync } = await import('node:child_process')
  const { createRequire } = await import('node:module')
  const { rollup } = await import('rollup')
  const { dts } = await import('rollup-plugin-dts')
  const { relativeDeclarations } = await import('../../../scripts/build-package.mjs')
  const tsconfig = here('../tsconfig.json')
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-b', tsconfig], { stdio: 'inherit' })
  const outDir = JSON.parse(readFileSync(tsconfig, 'utf8')).compilerOptions.outDir
  const bundle = await rollup({
    input: join(dirname(tsconfig), outDir, 'src/index.d.ts'),
    plugins: [relativeDeclarations, dts()],
  })
  await bundle.write({ file: here('../dist/cli/index.d.ts'), format: 'es' })
  await bundle.close()
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build({ types: process.argv.includes('--types') })
  console.log(`built ${BUNDLE}`)
}
