#!/usr/bin/env node
// The `coretime` command: the bundle from `npm run build` while it is fresh, else the sources.
import { load } from './fresh.js'

const { main } = await load('../dist/cli/coretime.mjs', '../src/main.ts')
process.exitCode = await main(process.argv)
