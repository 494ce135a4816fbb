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
