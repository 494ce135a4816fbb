// Before the tests: bundle the CLI so the many tests that spawn `coretime` start it in ~0.2 s.
// bin/coretime.js falls back to the TypeScript sources whenever the bundle is older than them.
import { build } from './apps/cli/scripts/build.mjs'

export default async (): Promise<void> => {
  await build()
}
