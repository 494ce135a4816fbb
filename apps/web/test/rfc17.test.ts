/**
 * The web's "B = RFC-17 market" compare view in Debian chromium: the per-sale numbers are
 * @coretime/sim's comparison (checked against `rfc17Compare` here), the market's code loads only
 * when asked for, and a bad parameter shows the simulator's message naming the field.
 */
import { Token } from '@coretime/core'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { displayAmount } from '../src/display'
import { rfc17Compare } from '../src/rfc17/model'
import type { ViewState } from '../src/state'
import { browserSuite } from './browserSuite'
import { hasChromium, waitForDraws } from './harness'

const present = hasChromium()
const fmt = (x: bigint | null) => (x === null ? '—' : displayAmount(x, Token.DOT, { symbol: false }))
type ProbeView = { __coretime: { state(): ViewState } }
const stateOf = (page: Page) => page.evaluate(() => (window as unknown as ProbeView).__coretime.state())
const column = (page: Page, col: string) =>
  page.$$eval(`[data-testid="rfc17-card"] td[data-col="${col}"]`, (xs) => xs.map((x) => x.textContent ?? ''))
/** Waits for the card's answer to a request after `after` (its id). */
const waitForCard = (page: Page, after: number) =>
  page.waitForFunction(
    (k) => Number(document.querySelector<HTMLElement>('[data-testid="rfc17-card"]')?.dataset.done ?? 0) > k,
    after,
    { timeout: 60_000 },
  )

describe.skipIf(!present)('web: B = RFC-17 market (chromium)', () => {
  const app = browserSuite('rfc17')

  test('behavior: the choice runs the same demand through both markets, loading RFC-17 only then', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const loaded: string[] = []
    page.on('request', (r) => loaded.push(r.url()))
    await page.goto(`${app.url}?buyers=6&renewers=4&large=1&lbelow=60`)
    await waitForDraws(page, 1)
    expect(await page.locator('[data-testid="rfc17-card"]').isVisible()).toBe(false)
    expect(loaded.filter((u) => u.includes('rfc17Worker'))).toEqual([])

    await page.locator('input[data-field="rfc17"]').check()
    await waitForCard(page, 0)
    expect(loaded.filter((u) => u.includes('rfc17Worker'))).toHaveLength(1)
    const s = await stateOf(page)
    expect(s.rfc17).toEqual({ reserve: s.a.startPrice, penaltyPct: 30, k: 2, targetPct: 90, levelHours: 6 })
    expect(s.b).toBeNull()
    const o = rfc17Compare(s, s.rfc17 as NonNullable<ViewState['rfc17']>)
    if (!o.ok) throw new Error(o.message)
    const c = o.comparison
    expect(c.sales).toHaveLength(s.sales)
    expect(await column(page, 'today-end')).toEqual(c.sales.map((x) => fmt(x.today.endPrice)))
    expect(await column(page, 'today-new')).toEqual(c.sales.map((x) => fmt(x.today.newBuyerPrice)))
    expect(await column(page, 'today-renewers')).toEqual(c.sales.map((x) => fmt(x.today.renewerPrice)))
    expect(await column(page, 'rfc17-reserve')).toEqual(c.sales.map((x) => fmt(x.rfc17.reservePrice)))
    expect(await column(page, 'rfc17-clearing')).toEqual(c.sales.map((x) => fmt(x.rfc17.clearingPrice)))
    expect(await column(page, 'rfc17-new')).toEqual(c.sales.map((x) => fmt(x.rfc17.newBuyerPrice)))
    expect(await column(page, 'rfc17-renewers')).toEqual(c.sales.map((x) => fmt(x.rfc17.renewerPrice)))
    expect(await column(page, 'rfc17-large')).toEqual(c.sales.map((x) => String(x.rfc17.largeActorCores)))
    expect(await column(page, 'today-large')).toEqual(c.sales.map((x) => String(x.today.largeActorCores)))
    expect(await column(page, 'rfc17-revenue')).toEqual(c.sales.map((x) => fmt(x.rfc17.revenue)))
    expect(await column(page, 'rfc17-idle')).toEqual(c.sales.map((x) => String(x.rfc17.idle)))
    expect(await column(page, 'today-lost')).toEqual(c.sales.map((x) => String(x.today.lostCore.length)))
    expect(await column(page, 'rfc17-lost')).toEqual(c.sales.map((x) => String(x.rfc17.lostCore.length)))
    expect(await page.locator('[data-testid="rfc17-revenue"]').textContent()).toContain(
      `today ${displayAmount(c.revenue.today, Token.DOT)}, RFC-17 ${displayAmount(c.revenue.rfc17, Token.DOT)}`,
    )
    // a changed parameter reaches the market: a 10% penalty instead of 30%
    const box = page.locator('input[data-field-box="rfc17.penalty"]')
    await box.fill('10')
    await box.press('Enter')
    await waitForCard(page, 1)
    const s2 = await stateOf(page)
    expect(s2.rfc17?.penaltyPct).toBe(10)
    const o2 = rfc17Compare(s2, s2.rfc17 as NonNullable<ViewState['rfc17']>)
    if (!o2.ok) throw new Error(o2.message)
    expect(await column(page, 'rfc17-renewal')).toEqual(
      o2.comparison.sales.map((x) => fmt(x.rfc17.renewalPrice)),
    )
    // B as a second parameter set replaces RFC-17 (B is one or the other)
    await page.locator('input[data-field="compare"]').check()
    await page.waitForFunction(() =>
      Boolean(document.querySelector<HTMLElement>('[data-testid="rfc17-card"]')?.hidden),
    )
    expect((await stateOf(page)).rfc17).toBeNull()
    await page.close()
  })

  test('error: a clock level that does not divide the market period is refused, naming the field', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(`${app.url}?r17=1&r17.level=5`)
    await waitForDraws(page, 1)
    await waitForCard(page, 0)
    expect(await page.locator('[data-testid="rfc17-status"]').textContent()).toBe(
      'RFC-17 not computed: market.levelHours: expected a divisor of marketHours (336), got 5',
    )
    expect(await page.locator('[data-testid="rfc17-table"]').count()).toBe(0)
    // the same field, corrected, gives the comparison
    const box = page.locator('input[data-field-box="rfc17.level"]')
    await box.fill('8')
    await box.press('Enter')
    await waitForCard(page, 1)
    expect(await page.locator('[data-testid="rfc17-status"]').textContent()).toBe('')
    expect(await page.locator('[data-testid="rfc17-table"] tbody tr').count()).toBe(12)
    // the address bar is written once the inputs settle (app.ts writeUrl), not at once
    await page.waitForFunction(() => location.search.includes('r17.level=8'))
    expect(page.url()).toContain('r17.level=8')
    await page.close()
  })
})
