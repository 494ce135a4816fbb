#!/usr/bin/env node
// `npm run bench`: prints the figures the issues ask for.
import { registerSources } from './fresh.js'

await registerSources()
const { main } = await import('../bench/index.ts')
await main()
