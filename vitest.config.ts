import { availableParallelism } from 'node:os'
import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

// Workspace packages resolve to their TypeScript sources, never to a build (docs/decisions/0009-package-build.md).
const SOURCE = '@coretime/source'

// The longest files start first, so they run beside the many short ones instead of alone at the
// end (the oracle plays 20+ scenarios on the compiled runtime: minutes of one core).
const LONGEST_FIRST = [
  'packages/chain/src/oracle/Oracle.test.ts',
  'apps/web/test/live.test.ts',
  'test/packaging.test.ts',
  'apps/cli/test/slurm.test.ts',
]
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((name) => f.moduleId.endsWith(name))
      return i < 0 ? LONGEST_FIRST.length : i
    }
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  resolve: { conditions: [SOURCE, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE, ...defaultServerConditions] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    globalSetup: ['./vitest.setup.ts'],
    sequence: { sequencer: LongestFirst },
    // Vitest's default is one worker fewer than the cores: on CI's 2 cores one worker ran every file
    // in turn while the other core idled (19 min). The browser and chain tests wait on their own processes.
    maxWorkers: availableParallelism(),
  },
})
