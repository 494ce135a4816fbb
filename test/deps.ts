import { readdirSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { join, relative } from 'node:path'

/**
 * The dependency tree as `npm ls --all --json` prints it, and the check that our workspaces reach one
 * version of each polkadot-api package (docs/decisions/0007-npm-ci-one-polkadot-api.md).
 */
export type LsNode = {
  readonly version?: string
  readonly dependencies?: Readonly<Record<string, LsNode>>
}

const POLKADOT_API = /^(polkadot-api|@polkadot-api\/.+)$/
/** optional tools that bring their own (older) polkadot-api line; their code is not ours */
const NOT_OURS = /^@acala-network\//

/** `name: v1, v2` for every polkadot-api package reachable in more than one version. */
export const duplicates = (root: LsNode): string[] => {
  const versions = new Map<string, Set<string>>()
  const walk = (node: LsNode): void => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (NOT_OURS.test(name)) continue
      if (POLKADOT_API.test(name) && child.version) {
        const set = versions.get(name) ?? new Set()
        set.add(child.version)
        versions.set(name, set)
      }
      walk(child)
    }
  }
  walk(root)
  return [...versions]
    .filter(([, v]) => v.size > 1)
    .map(([name, v]) => `${name}: ${[...v].sort().join(', ')}`)
}

/** The package a specifier names: `@scope/name` or `name`. */
const packageOf = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!

const STATIC = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm
const DYNAMIC = /\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g

/**
 * Packages that the ES modules of an installed package (its .js/.mjs files outside node_modules)
 * import but its package.json does not declare as a dependency: what a user's install would lack.
 */
export const undeclaredImports = (packageDir: string): string[] => {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | string | undefined
  >
  const declared = new Set([
    pkg.name as string,
    ...Object.keys((pkg.dependencies as Record<string, string> | undefined) ?? {}),
    ...Object.keys((pkg.peerDependencies as Record<string, string> | undefined) ?? {}),
    ...Object.keys((pkg.optionalDependencies as Record<string, string> | undefined) ?? {}),
  ])
  const missing = new Set<string>()
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p)
      } else if (/\.m?js$/.test(e.name)) {
        const text = readFileSync(p, 'utf8')
        for (const m of [...text.matchAll(STATIC), ...text.matchAll(DYNAMIC)]) {
          const spec = m[1] ?? m[2]!
          if (spec.startsWith('.') || spec.startsWith('/') || isBuiltin(spec)) continue
          if (!declared.has(packageOf(spec))) missing.add(`${relative(packageDir, p)}: ${spec}`)
        }
      }
    }
  }
  walk(packageDir)
  return [...missing].sort()
}
