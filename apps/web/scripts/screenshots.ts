/**
 * Screenshots for docs/: the default view and a comparison view (MinimumPrice against RFC-1
 * Linear). Run: npm run screenshots -w @coretime/web
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
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
  const compare =
    'net=polkadot&start=2026-12-01&sales=12&paid=40&adapter=MinimumPrice&min=10&price=50&interlude=50400&leadin=100800&region=5040&ideal=100&limit=20&bump=3&rule=floorAtEndPrice&demand=constant&ren=10&buy=8&at=50&runs=0&seed=1&bpd=14400&b.adapter=Linear&b.price=50&b.interlude=50400&b.leadin=100800&b.region=5040&b.ideal=60&b.limit=20&b.bump=3&b.rule=floorAtEndPrice'
  await page.goto(`${server.url}?${compare}`)
  await waitForDraws(page, 1)
  await page.screenshot({ path: join(OUT, 'compare.png'), fullPage: false })
  console.log(`screenshots written to ${OUT}`)
} finally {
  await close()
  await server.close()
}
