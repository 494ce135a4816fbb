import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { duplicates, type LsNode } from './deps'

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
