/**
 * One test file's app in chromium: built into a folder of its own (files run in parallel), served on
 * a free port and opened in Debian chromium before the file's tests; all of it closed and removed
 * after. Call inside the file's `describe`. (Separate from harness.ts, which the screenshot scripts
 * import outside vitest.)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { buildApp, launch, serve } from './harness'

export type BrowserSuite = { readonly browser: Browser; readonly url: string }

export const browserSuite = (name: string): BrowserSuite => {
  const out = mkdtempSync(join(tmpdir(), `coretime-web-${name}-`))
  let server: { url: string; close: () => Promise<void> } | undefined
  let chrome: { browser: Browser; close: () => Promise<void> } | undefined
  beforeAll(async () => {
    await buildApp(out)
    server = await serve(out)
    chrome = await launch()
  }, 120_000)
  afterAll(async () => {
    await chrome?.close()
    await server?.close()
    rmSync(out, { recursive: true, force: true })
  })
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('browserSuite: read before beforeAll started the app')
    return x
  }
  return {
    get browser() {
      return started(chrome).browser
    },
    get url() {
      return started(server).url
    },
  }
}
