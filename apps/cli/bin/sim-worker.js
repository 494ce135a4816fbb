// Worker thread entry for `coretime simulate --runs N`: loads the TypeScript worker through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../src/sim/worker.ts')
