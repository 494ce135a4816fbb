#!/usr/bin/env node
// The `coretime` command. An installed package runs its bundle (dist/cli/); a checkout, with the
// sources beside bin/, runs the bundle from `npm run build` while it is fresh, else the sources.
import { existsSync } from 'node:fs'

const checkout = existsSync(new URL('../src/main.ts', import.meta.url))
const { main, quietOnClosedPipe } = checkout
  ? await (await import('./fresh.js')).load('../dist/cli/coretime.mjs', '../src/main.ts')
  : await import('../dist/cli/coretime.mjs')
quietOnClosedPipe()
process.exitCode = await main(process.argv)
