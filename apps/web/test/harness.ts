/**
 * Browser harness for tests and screenshots: build the app once, serve dist/ from a local static
 * server on a free port, and drive Debian's chromium (never a downloaded browser) with
 * playwright-core.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Chromium present → true; absent → a warning and false (skip), but under CI=true it throws. */
export const hasChromium = (): boolean => {
  if (existsSync(CHROMIUM)) return true
  const why = `browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`
  if (process.env.CI === 'true') throw new Error(`${why} (CI=true: failing instead of skipping)`)
  console.warn(why)
  return false
}

const APP = resolve(import.meta.dirname, '..')
const DIST = join(APP, 'dist')

/**
 * Builds the app into `outDir` (default `dist/`). Test files that run at the same time build into
 * folders of their own (vitest runs files in parallel; two builds emptying one dist/ would clash).
 */
export const buildApp = async (outDir: string = DIST): Promise<void> => {
  const { build } = await import('vite')
  await build({
    root: APP,
    logLevel: 'warn',
    configFile: join(APP, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true },
  })
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** A static file server for `dir` (default dist/) on 127.0.0.1 and a free port. */
export const serve = async (dir: string = DIST): Promise<{ url: string; close: () => Promise<void> }> => {
  const root = resolve(dir)
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) }
}

export const launch = async (): Promise<{ browser: Browser; close: () => Promise<void> }> => {
  // playwright-core's launch() gives chromium a fresh, empty --user-data-dir of its own each time
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    browser,
    close: async () => {
      await browser.close()
    },
  }
}

/** Waits until the price chart has been drawn `n` times in total. */
export const waitForDraws = async (page: Page, n: number): Promise<void> => {
  await page.waitForFunction(
    (k) => ((window as unknown as { __coretime?: { draws: number } }).__coretime?.draws ?? 0) >= k,
    n,
    { timeout: 30_000 },
  )
}

export const draws = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __coretime: { draws: number } }).__coretime.draws)
