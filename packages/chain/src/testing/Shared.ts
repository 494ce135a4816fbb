import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Chopsticks } from '../devnet'

/** The repository root (…/packages/chain/src/testing → …). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')

/** The shared Paseo Coretime chain spec (never committed): ../shared/runtimes/coretime-paseo-local.json */
export const PASEO_SPEC = resolve(ROOT, '../shared/runtimes/coretime-paseo-local.json')

const chopsticksInstalled = (): boolean => {
  try {
    createRequire(import.meta.url).resolve(Chopsticks.PACKAGE)
    return true
  } catch {
    return false
  }
}

/**
 * What a devnet test needs: the shared spec and chopsticks. Missing: the tests skip with a message,
 * but under `CI=true` this throws, so the test file fails instead of passing quietly.
 */
export const devnetSpec = (): string | undefined => {
  const missing = [
    ...(existsSync(PASEO_SPEC) ? [] : [`the chain spec ${PASEO_SPEC}`]),
    ...(chopsticksInstalled() ? [] : [`chopsticks (${Chopsticks.INSTALL})`]),
  ]
  if (missing.length === 0) return PASEO_SPEC
  const why = `devnet tests need ${missing.join(' and ')}`
  if (process.env.CI === 'true') throw new Error(`${why} (CI=true: failing instead of skipping)`)
  console.warn(`skipped: ${why}`)
  return undefined
}
