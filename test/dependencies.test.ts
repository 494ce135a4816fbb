import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'
import { duplicates, type LsNode, undeclaredImports } from './deps'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

describe('one copy of each polkadot-api package', () => {
  test('default: npm ls reaches each polkadot-api package in one version from our workspaces', () => {
    const tree = JSON.parse(
      execFileSync('npm', ['ls', '--all', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }),
    ) as LsNode
    const names = JSON.stringify(tree).match(/"@polkadot-api\/substrate-bindings"/g) ?? []
    expect(names.length).toBeGreaterThan(1) // the tree was read: several packages use the codecs
    expect(duplicates(tree)).toEqual([])
  })

  test('error: a second version is named with both versions', () => {
    const tree: LsNode = {
      dependencies: {
        '@coretime/core': { dependencies: { '@polkadot-api/substrate-bindings': { version: '0.21.0' } } },
        'polkadot-api': {
          version: '2.2.2',
          dependencies: { '@polkadot-api/substrate-bindings': { version: '0.20.3' } },
        },
        // an optional tool's own line is not ours
        '@acala-network/chopsticks': { dependencies: { 'polkadot-api': { version: '0.3.0' } } },
      },
    }
    expect(duplicates(tree)).toEqual(['@polkadot-api/substrate-bindings: 0.20.3, 0.21.0'])
  })
})

describe('undeclaredImports', () => {
  const fake = (deps: Record<string, string>, files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'coretime-deps-'))
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@x/pkg', dependencies: deps }))
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(join(dir, f, '..'), { recursive: true })
      writeFileSync(join(dir, f), text)
    }
    return dir
  }

  test('default: declared packages, subpaths, built-ins, relative files and the package itself pass', () => {
    const dir = fake(
      { zod: '^4', 'polkadot-api': '2' },
      {
        'dist/a.js':
          "import { z } from 'zod'\nimport { x } from './b.js'\nexport * from 'polkadot-api/ws'\nimport 'node:fs'\nimport('@x/pkg/y')\n",
      },
    )
    expect(undeclaredImports(dir)).toEqual([])
    rmSync(dir, { recursive: true })
  })

  test('error: a dev-only import in a published file is named with its file', () => {
    const dir = fake(
      { zod: '^4' },
      { 'dist/testing.js': "import { getDynamicBuilder } from '@polkadot-api/metadata-builders'\n" },
    )
    expect(undeclaredImports(dir)).toEqual(['dist/testing.js: @polkadot-api/metadata-builders'])
    rmSync(dir, { recursive: true })
  })
})

/** `name → folders` of the polkadot-api packages whose files are in a bundle's inputs. */
const copiesIn = (inputs: string[]): Map<string, Set<string>> => {
  const copies = new Map<string, Set<string>>()
  for (const i of inputs) {
    const m = /^(.*node_modules\/((?:@polkadot-api\/[^/]+)|polkadot-api))\//.exec(i)
    if (!m) continue
    const set = copies.get(m[2]!) ?? new Set()
    set.add(m[1]!)
    copies.set(m[2]!, set)
  }
  return copies
}

describe('the browser bundle', () => {
  test('default: the web app’s chain reader bundles one copy of each polkadot-api package', async () => {
    const r = await build({
      entryPoints: [join(ROOT, 'packages/chain/src/browser.ts'), join(ROOT, 'packages/core/src/index.ts')],
      bundle: true,
      conditions: ['@coretime/source'],
      platform: 'browser',
      format: 'esm',
      outdir: join(tmpdir(), 'coretime-bundle-check'),
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const copies = copiesIn(Object.keys(r.metafile.inputs))
    expect(copies.get('@polkadot-api/substrate-bindings')?.size).toBe(1)
    expect([...copies].filter(([, dirs]) => dirs.size > 1)).toEqual([])
  })

  test('error: two folders of one package are counted as two copies', () => {
    const copies = copiesIn([
      'node_modules/@polkadot-api/substrate-bindings/dist/a.mjs',
      'node_modules/polkadot-api/node_modules/@polkadot-api/substrate-bindings/dist/a.mjs',
    ])
    expect(copies.get('@polkadot-api/substrate-bindings')?.size).toBe(2)
  })
})
