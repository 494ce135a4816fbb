import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PUBLISHED, packAll } from '../scripts/pack.mjs'
import { undeclaredImports } from './deps'

/**
 * The packages as a user gets them: each workspace packed (its `prepack` builds it), the tarballs
 * installed with npm into an empty project, and each README's examples run there on this Node.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const readme = (dir: string) => readFileSync(join(ROOT, dir, 'README.md'), 'utf8')
const DIRS: Record<string, string> = {
  '@coretime/core': 'packages/core',
  '@coretime/sim': 'packages/sim',
  '@coretime/chain': 'packages/chain',
  '@coretime/cli': 'apps/cli',
}

/** The fenced blocks of a README in `lang`, each with the block after a line `prints` (its expected output). */
const examples = (text: string, lang: string): { code: string; prints?: string }[] => {
  const blocks = [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1],
    code: m[2]!,
    after: text.slice(m.index! + m[0].length, m.index! + m[0].length + 12),
  }))
  return blocks.flatMap((b, i) =>
    b.lang !== lang
      ? []
      : [
          {
            code: b.code,
            ...(/^\s*\nprints\s*\n/.test(b.after) && blocks[i + 1] ? { prints: blocks[i + 1]!.code } : {}),
          },
        ],
  )
}

let dir = ''
let project = ''
let tarballs: Record<string, string> = {}
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
const node = (args: string[], cwd = project) =>
  spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 })
const bin = (name: string) => join(project, 'node_modules', '.bin', name)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coretime-packaging-'))
  tarballs = packAll(join(dir, 'tarballs'))
  project = join(dir, 'project')
  mkdirSync(project)
  writeFileSync(
    join(project, 'package.json'),
    '{ "name": "user-project", "private": true, "type": "module" }\n',
  )
  npm(['install', ...PUBLISHED.map((p) => tarballs[p]!)], project)
}, 600_000)
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
}, 120_000)

describe('the packed packages, installed from their tarballs', () => {
  test('default: node -e computes the seed’s Polkadot sellout price from @coretime/core', () => {
    const script = `
      import { Broker, Runtimes, Sale } from '@coretime/core'
      const sale = { saleStart: 1544949, leadinLength: 100800, endPrice: 922760076n }
      const p = Sale.priceAt(sale, sale.saleStart + 2, Runtimes.polkadot.priceAdapter, Broker.maxBalance(Runtimes.polkadot))
      console.log([sale.endPrice, sale.leadinLength, p].join(' '))`
    const r = node(['--input-type=module', '-e', script])
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('922760076 100800 92272712073\n')
  })

  test.each(['@coretime/core', '@coretime/sim', '@coretime/chain'])(
    'default: the README examples of %s run',
    (name) => {
      const blocks = examples(readme(DIRS[name]!), 'js')
      expect(blocks.length).toBeGreaterThan(0)
      blocks.forEach((b, i) => {
        const file = join(project, `readme-${name.split('/')[1]}-${i}.mjs`)
        writeFileSync(file, b.code)
        const r = node([file])
        expect(r.stderr).toBe('')
        expect(r.status).toBe(0)
        expect(r.stdout).not.toBe('')
        if (b.prints !== undefined) expect(r.stdout).toBe(b.prints)
      })
    },
  )

  test('default: the CLI README example runs with the installed bin', () => {
    const lines = examples(readme('apps/cli'), 'sh')
      .flatMap((b) => b.code.split('\n'))
      .filter((l) => l.startsWith('coretime '))
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines) {
      const r = spawnSync('sh', ['-c', line], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH}` },
      })
      expect(r.stderr, line).toBe('')
      expect(r.status, line).toBe(0)
    }
  })

  test('default: coretime --version prints the version, from the project, npm install -g and npx', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'apps/cli/package.json'), 'utf8')) as {
      version: string
    }
    expect(execFileSync(bin('coretime'), ['--version'], { encoding: 'utf8' })).toBe(`${version}\n`)
    const prefix = join(dir, 'global')
    npm(['install', '-g', '--prefix', prefix, tarballs['@coretime/cli']!], dir)
    expect(execFileSync(join(prefix, 'bin', 'coretime'), ['--version'], { encoding: 'utf8' })).toBe(
      `${version}\n`,
    )
    const npx = execFileSync(
      'npx',
      ['--yes', '--package', tarballs['@coretime/cli']!, '--', 'coretime', '--version'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    )
    expect(npx).toBe(`${version}\n`)
  })

  test('default: @coretime/chain/testing loads with the published dependencies only', () => {
    const r = node([
      '--input-type=module',
      '-e',
      "import('@coretime/chain/testing').then((m) => console.log(typeof m.TestNode.start))",
    ])
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('function\n')
  })

  test('behavior: every import of a published build is a declared dependency', () => {
    for (const name of PUBLISHED) {
      const root = join(project, 'node_modules', name)
      expect(undeclaredImports(root), name).toEqual([])
    }
  })

  test('error: the sources are not an entry point of the published package', () => {
    const r = node(['--input-type=module', '-e', "await import('@coretime/core/src/index.ts')"])
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED')
  })

  test('error: the installed CLI reports bad input in one line, exit 2', () => {
    const r = spawnSync(bin('coretime'), ['ondemand', '--bogus'], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^coretime: unknown option '--bogus'.*\n$/)
  })
})

describe('examples (README code blocks)', () => {
  test('default: js blocks, with the block after "prints" as their output', () => {
    const text = 'a\n```js\nconsole.log(1)\n```\n\nprints\n\n```\n1\n```\n```sh\nls\n```\n'
    expect(examples(text, 'js')).toEqual([{ code: 'console.log(1)\n', prints: '1\n' }])
    expect(examples(text, 'sh')).toEqual([{ code: 'ls\n' }])
  })

  test('error: a README without a block of that language gives none', () => {
    expect(examples('no code here\n', 'js')).toEqual([])
  })
})
