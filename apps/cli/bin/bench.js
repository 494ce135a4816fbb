#!/usr/bin/env node
// `npm run bench`: prints the figures the issues ask for.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../bench/index.ts')
await main()
