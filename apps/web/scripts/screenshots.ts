/**
 * Screenshots for docs/: the default view and a comparison (A's lead-in 14 days against B's 7) at
 * 1440×900, the phone view at 390×844, a Monte Carlo view with agents, the agents panel and the
 * B = RFC-17 market card.
 * Run: npm run screenshots -w @coretime/web
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { rfc17Defaults } from '../src/rfc17/state'
import { defaults } from '../src/state'
import { encode as toQuery } from '../src/url'
import { buildApp, hasChromium, launch, serve, waitForDraws } from '../test/harness'

type Probe = { __coretime: { bandDraws: number } }

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
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
  await page.goto(server.url)
  await waitForDraws(page, 1)
  await page.screenshot({ path: join(OUT, 'default.png'), fullPage: false })
  const v = defaults()
  const compare = toQuery({ ...v, b: { ...v.a, leadin: 100_800 } })
  await page.goto(`${server.url}?${compare}`)
  await waitForDraws(page, 1)
  await page.screenshot({ path: join(OUT, 'compare.png'), fullPage: false })
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })
  await phone.goto(server.url)
  await waitForDraws(phone, 1)
  await phone.screenshot({ path: join(OUT, 'phone.png'), fullPage: false })
  await phone.close()
  const mc = toQuery({
    ...v,
    mc: { runs: 200, seed: 1 },
    agents: { ...v.agents, renewers: 6, buyers: 4, speculators: 2 },
  })
  await page.setViewportSize({ width: 1440, height: 1100 })
  await page.goto(`${server.url}?${mc}`)
  await waitForDraws(page, 1)
  await page.waitForFunction(() => (window as unknown as Probe).__coretime.bandDraws >= 1, null, {
    timeout: 120_000,
  })
  // the results column scrolls on its own: bring the renewal chart into it
  await page.locator('[data-testid="renewal-chart"]').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await page.screenshot({ path: join(OUT, 'montecarlo.png'), fullPage: false })
  // the agents panel, scrolled clear of the sticky header
  const agents = page.locator('section[aria-labelledby="h-agents"]')
  await page.setViewportSize({ width: 1440, height: 2400 })
  await agents.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 90))
  const box = await agents.boundingBox()
  if (box)
    await page.screenshot({
      path: join(OUT, 'agents.png'),
      clip: { ...box, y: box.y - 8, height: box.height + 16 },
    })
  // B = RFC-17 market: the comparison card (docs/markets.md, docs/web.md)
  const rfc17 = toQuery({
    ...v,
    rfc17: rfc17Defaults(v.a.startPrice),
    agents: { ...v.agents, renewers: 4, buyers: 6, largeOn: true, largeBelow: v.a.startPrice * 8n },
  })
  await page.setViewportSize({ width: 1440, height: 1100 })
  await page.goto(`${server.url}?${rfc17}`)
  await waitForDraws(page, 1)
  await page.waitForFunction(
    () => Boolean(document.querySelector<HTMLElement>('[data-testid="rfc17-card"]')?.dataset.done),
    null,
    { timeout: 120_000 },
  )
  await page.locator('[data-testid="rfc17-card"]').screenshot({ path: join(OUT, 'rfc17-compare.png') })
  console.log(`screenshots written to ${OUT}`)
} finally {
  await close()
  await server.close()
}
