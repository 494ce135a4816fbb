/**
 * Screenshots for docs/: the default view and a comparison view (MinimumPrice against RFC-1
 * Linear). Run: npm run screenshots -w @coretime/web
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defaults, toQuery } from '../src/state'
import { buildApp, hasChromium, launch, serve, waitForDraws } from '../test/harness'

const OUT = resolve(import.meta.dirname, '../../../docs/screenshots')

if (!hasChromium()) {
  console.error('screenshots: /usr/bin/chromium is missing (apt-get install -y chromium)')
  process.exit(1)
}
mkdirSync(OUT, { recursive: true })
await buildApp()
const server = await serve()
const { browser, close } = await launch()
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1500 }, deviceScaleFactor: 1 })
  await page.goto(server.url)
  await waitForDraws(page, 1)
  await page.screenshot({ path: join(OUT, 'default.png'), fullPage: false })
  const v = defaults()
  const compare = toQuery({ ...v, b: { ...v.a, adapter: 'Linear', idealPct: 60, renewalRule: 'bumpOnly' } })
  await page.goto(`${server.url}?${compare}`)
  await waitForDraws(page, 1)
  await page.screenshot({ path: join(OUT, 'compare.png'), fullPage: false })
  console.log(`screenshots written to ${OUT}`)
} finally {
  await close()
  await server.close()
}
