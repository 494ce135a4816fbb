// Worker thread entry for `coretime simulate --runs N`: the bundled worker while it is fresh,
// else the TypeScript worker through tsx.
import { load } from './fresh.js'

await load('../dist/cli/sim-worker.mjs', '../src/sim/worker.ts')
