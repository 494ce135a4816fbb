#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx's loader), so nothing needs building first.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/main.ts')
process.exitCode = await main(process.argv)
