/**
 * Screenshots of the live session for docs/: Now following a devnet, My parachain and a signing
 * flow (review with the planck amount and the fee, then the outcome), against an in-process devnet
 * (chopsticks over ../shared/runtimes/coretime-paseo-local.json) with a para set up on it and the test
 * wallet extension signing with the dev keys.
 * Run: npm run screenshots:live -w @coretime/web
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Para } from '@coretime/chain'
import { Devnet, Scene } from '@coretime/chain/devnet'
import { Shared, Wallet } from '@coretime/chain/testing'
import type { Locator, Page } from 'playwright-core'
import { buildApp, hasChromium, launch, serve, waitForDraws } from '../test/harness'

const OUT = resolve(import.meta.dirname, '../../../docs/screenshots')
const spec = Shared.devnetSpec()
if (!hasChromium() || !spec) {
  console.error('screenshots:live: needs /usr/bin/chromium, chopsticks and the shared Paseo chain spec')
  process.exit(1)
}
mkdirSync(OUT, { recursive: true })
const PARA = 2000
const net = await Devnet.start({ spec, blockMode: 'instant' })
const dist = mkdtempSync(join(tmpdir(), 'coretime-shots-live-'))
const shot = async (page: Page, el: Locator, name: string) => {
  await el.evaluate((e) => e.scrollIntoView({ block: 'start' }))
  await page.evaluate(() => window.scrollBy(0, -90))
  const box = await el.boundingBox()
  if (box)
    await page.screenshot({ path: join(OUT, name), clip: { ...box, y: box.y - 8, height: box.height + 16 } })
}
try {
  await Scene.saleWithPara(net.url, {
    paraId: PARA,
    sovereign: { accountId: Para.sovereignOf('paseo', PARA).hex, balance: 2_000n * Scene.PAS },
  })
  await buildApp(dist)
  const server = await serve(dist)
  const { browser, close } = await launch()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 2200 }, deviceScaleFactor: 1 })
    await page.addInitScript(Wallet.initScript(['Alice', 'Bob']))
    await page.exposeFunction(Wallet.SIGN_FN, (kind: 'payload' | 'raw', payload: unknown) =>
      Wallet.signRequest(kind, payload),
    )
    await page.goto(server.url)
    await waitForDraws(page, 1)
    await page.locator('select[data-field="net"]').selectOption('paseo')
    await page.locator('input[data-field="live.coretime"]').fill(net.url)
    await page.locator('input[data-field="live.relay"]').fill('')
    await page.locator('button[data-action="live"]').click()
    await page.getByTestId('now-connection').filter({ hasText: 'Following' }).waitFor({ timeout: 60_000 })
    await page.locator('input[data-field="para.id"]').fill(String(PARA))
    await page.locator('[data-para="core-now"]').waitFor()
    await page.waitForTimeout(500)
    await shot(page, page.getByTestId('now'), 'now-live.png')
    await shot(page, page.getByTestId('para'), 'mypara.png')
    await page.locator('button[data-action="wallet-connect"]').click()
    await page.locator('select[data-field="sign.account"] option').first().waitFor({ state: 'attached' })
    await page.locator('select[data-field="sign.action"]').selectOption('renew')
    await page.locator('button[data-action="sign-review"]').click()
    await page.locator('button[data-action="sign-submit"]').waitFor({ timeout: 60_000 })
    await shot(page, page.getByTestId('sign'), 'sign-review.png')
    await page.locator('button[data-action="sign-submit"]').click()
    await page.getByTestId('sign-result').waitFor({ timeout: 60_000 })
    await page.waitForTimeout(1000)
    await shot(page, page.getByTestId('sign'), 'sign-done.png')
    console.log(`live screenshots written to ${OUT}`)
  } finally {
    await close()
    await server.close()
  }
} finally {
  await net.close()
  rmSync(dist, { recursive: true, force: true })
}
