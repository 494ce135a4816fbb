// Worker thread entry for `coretime simulate --runs N`: the bundled worker in an installed package;
// in a checkout the bundle while it is fresh, else the TypeScript worker through tsx.
import { existsSync } from 'node:fs'

if (existsSync(new URL('../src/main.ts', import.meta.url)))
  await (await import('./fresh.js')).load('../dist/cli/sim-worker.mjs', '../src/sim/worker.ts')
else await import('../dist/cli/sim-worker.mjs')
