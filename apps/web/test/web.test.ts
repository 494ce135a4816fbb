/**
 * The web app in a real browser: Debian chromium driven by playwright-core against the built app.
 * Without /usr/bin/chromium these tests skip with a message (CI installs it).
 */
import { Token } from '@coretime/core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { planckToChartNumber } from '../src/chartNumber'
import { displayAmount } from '../src/display'
import { type Bands, monteCarlo, runView } from '../src/model'
import { phaseFitHint } from '../src/phaseFit'
import { defaults, type ViewState } from '../src/state'
import { decode } from '../src/url'
import { buildApp, CHROMIUM, draws, hasChromium, launch, serve, waitForDraws } from './harness'

const present = hasChromium()
if (!present) console.warn(`web browser tests SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`)

const decodeState = (q: string) => ({ state: decode(q).state })
const expected = (v: ViewState) => runView(v).a
const cells = (page: Page, col: number) =>
  page.$$eval(`table.numbers tbody tr`, (rows, c) => rows.map((r) => r.children[c]?.textContent ?? ''), col)
/** A table cell: thousands separators, two decimals (three significant digits below one token). */
const fmt = (x: bigint) => displayAmount(x, Token.DOT, { symbol: false })
const END = 3
const RENEWAL = 10
/** The Monte Carlo columns (after the 13 fixed ones, without B). */
const PAID_P5 = 13
const bandCells = async (page: Page): Promise<string[][]> =>
  Promise.all([0, 1, 2, 3, 4].map((k) => cells(page, PAID_P5 + k)))
const bandTexts = (b: Bands): string[][] => {
  const opt = (x: bigint | undefined) => (x === undefined ? '—' : fmt(x))
  return [
    b.sales.map((s) => opt(s.meanPurchasePrice?.p5)),
    b.sales.map((s) => opt(s.meanPurchasePrice?.p50)),
    b.sales.map((s) => opt(s.meanPurchasePrice?.p95)),
    b.sales.map((s) => fmt(s.endPrice.p5)),
    b.sales.map((s) => fmt(s.endPrice.p95)),
  ]
}
type ProbeView = { __coretime: { bandDraws: number; state(): ViewState } }
const waitForBands = (page: Page, n: number) =>
  page.waitForFunction((k) => (window as unknown as ProbeView).__coretime.bandDraws >= k, n, {
    timeout: 60_000,
  })
const stateOf = (page: Page) => page.evaluate(() => (window as unknown as ProbeView).__coretime.state())

describe.skipIf(!present)('web app (chromium)', () => {
  let browser: Browser
  let close: () => Promise<void>
  let server: { url: string; close: () => Promise<void> }

  beforeAll(async () => {
    await buildApp()
    server = await serve()
    ;({ browser, close } = await launch())
  }, 120_000)
  afterAll(async () => {
    await close?.()
    await server?.close()
  })

  const open = async (query = ''): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(`${server.url}${query}`)
    await waitForDraws(page, 1)
    return page
  }

  test('default: the page loads with the Polkadot defaults and the engine’s numbers', async () => {
    const t0 = Date.now()
    const page = await open()
    const v = defaults()
    const r = expected(v)
    expect(await cells(page, END)).toEqual(r.rows.map((x) => fmt(x.endPrice)))
    expect(await cells(page, RENEWAL)).toEqual(r.rows.map((x) => fmt(x.userRenewal)))
    expect(await page.locator('[data-testid="notice"]').isVisible()).toBe(false)
    const firstDraw = await page.evaluate(
      () => (window as unknown as { __coretime: { firstDrawMs: number } }).__coretime.firstDrawMs,
    )
    console.log(
      `web: first load to drawn chart ${firstDraw.toFixed(0)} ms in page (${Date.now() - t0} ms wall incl. launch of tab; target < 1000 ms)`,
    )
    await page.close()
  })

  test('default: the page loads without a failed request, a console error or a script error', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const failures: string[] = []
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`)
    })
    page.on('requestfailed', (r) => failures.push(`failed ${r.url()}`))
    page.on('pageerror', (e) => failures.push(`error ${e.message}`))
    // the browser's own requests (the favicon) show only as console errors
    page.on('console', (m) => {
      if (m.type() === 'error') failures.push(`console ${m.text()}`)
    })
    await page.goto(server.url)
    await waitForDraws(page, 1)
    await page.waitForLoadState('networkidle')
    expect(failures).toEqual([])
    await page.close()
  })

  test('behavior: moving the renewal-bump slider redraws chart and table with the engine’s numbers', async () => {
    const page = await open()
    const before = await draws(page)
    const slider = page.locator('input[type="range"][data-field="a.bumpPct"]')
    await slider.focus()
    await page.keyboard.press('ArrowRight') // slider step 0.5 → 3.5%
    await waitForDraws(page, before + 1)
    const v = await page.evaluate(() =>
      (window as unknown as { __coretime: { state(): unknown } }).__coretime.state(),
    )
    expect((v as ViewState).a.bumpPct).toBe(3.5)
    const r = expected({ ...defaults(), a: { ...defaults().a, bumpPct: 3.5 } })
    expect(await cells(page, RENEWAL)).toEqual(r.rows.map((x) => fmt(x.userRenewal)))
    expect(await cells(page, RENEWAL)).not.toEqual(expected(defaults()).rows.map((x) => fmt(x.userRenewal)))
    await page.close()
  })

  test('behavior: a starting-price change moves the chart to the engine’s curve', async () => {
    const page = await open()
    const before = await draws(page)
    const box = page.locator('input[data-field="a.price"]')
    await box.fill('80')
    await box.press('Enter')
    await box.blur()
    await waitForDraws(page, before + 1)
    const v = defaults()
    const r = expected({ ...v, a: { ...v.a, startPrice: 800_000_000_000n } })
    const y = await page.evaluate(() =>
      (window as unknown as { __coretime: { chartData(): number[] } }).__coretime.chartData(),
    )
    expect(y).toEqual(r.curve.map((p) => planckToChartNumber(p.price, 10)))
    expect(await cells(page, END)).toEqual(r.rows.map((x) => fmt(x.endPrice)))
    await page.close()
  })

  test('behavior: a shared URL restores the same view', async () => {
    const page = await open()
    const before = await draws(page)
    await page.locator('input[type="checkbox"][data-field="compare"]').check()
    await waitForDraws(page, before + 1)
    // the address bar is written once the inputs settle
    await page.waitForFunction(() => location.search.includes('b.adapter'))
    const url = page.url()
    const table = await page.locator('table.numbers').textContent()
    const other = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await other.goto(url)
    await waitForDraws(other, 1)
    expect(await other.locator('table.numbers').textContent()).toBe(table)
    expect(await other.locator('input[data-field="compare"]').isChecked()).toBe(true)
    expect(table).toContain('B end price')
    await other.close()
    await page.close()
  })

  test('behavior: summary amounts are readable: thousands separators, two decimals', async () => {
    const page = await open('?price=1234567')
    const v = decodeState('price=1234567').state
    const r = expected(v)
    const last = r.rows.at(-1)
    const dd = await page.$$eval('[data-testid="summary"] dd', (els) => els.map((e) => e.textContent ?? ''))
    expect(dd[0]).toBe(displayAmount(r.rows[0]?.endPrice ?? 0n, Token.DOT))
    expect(dd[2]).toBe(displayAmount(last?.userRenewal ?? 0n, Token.DOT))
    expect(dd[3]).toBe(
      displayAmount(
        r.rows.reduce((a, x) => a + x.userRenewal, 0n),
        Token.DOT,
      ),
    )
    expect(dd[4]).toBe(displayAmount(r.revenue, Token.DOT))
    expect(dd[0]).toMatch(/^\d{1,3}(,\d{3})+\.\d{2} DOT$/)
    await page.close()
  })

  test('error: a malformed URL falls back to the defaults with a visible notice', async () => {
    const page = await open('?leadin=abc&sales=12')
    const notice = page.locator('[data-testid="notice"]')
    expect(await notice.isVisible()).toBe(true)
    expect(await notice.textContent()).toContain('leadin')
    expect(await cells(page, END)).toEqual(expected(defaults()).rows.map((x) => fmt(x.endPrice)))
    await page.close()
  })

  test('error: a number finer than its step or out of range is marked and explained, and nothing changes', async () => {
    const page = await open()
    const box = page.locator('input[data-field-box="sales"]')
    const error = page.locator('[data-error="sales"]')
    for (const bad of ['2.5', '130']) {
      await box.fill(bad)
      await box.press('Enter')
      await box.blur()
      expect(await box.getAttribute('aria-invalid')).toBe('true')
      expect(await error.textContent()).toBe(
        `Sales to observe: expected a whole number from 1 to 60, got ${bad}`,
      )
      expect((await stateOf(page)).sales).toBe(12)
    }
    const bump = page.locator('input[data-field-box="a.bumpPct"]')
    await bump.fill('3.333')
    await bump.press('Enter')
    await bump.blur()
    expect(await page.locator('[data-error="a.bumpPct"]').textContent()).toContain('at most 2 decimals')
    expect((await stateOf(page)).a.bumpPct).toBe(3)
    // a valid value clears the mark and takes effect
    const before = await draws(page)
    await box.fill('7')
    await box.press('Enter')
    await box.blur()
    await waitForDraws(page, before + 1)
    expect((await stateOf(page)).sales).toBe(7)
    expect(await box.getAttribute('aria-invalid')).toBeNull()
    expect(await error.isVisible()).toBe(false)
    expect(await cells(page, 0)).toHaveLength(7)
    await page.close()
  })

  test('error: a bad sale-by-sale renewals or purchases value is marked and explained, and nothing changes', async () => {
    const page = await open('?demand=perSale&sales=3&ren=2,2,2&buy=1,1,1')
    const cell = page.locator('input[data-sale="1"][data-kind="buy"]')
    const error = page.locator('[data-error="perSale"]')
    expect(await error.textContent()).toBe('')
    await cell.fill('2.5')
    await cell.press('Enter')
    await cell.blur()
    expect(await cell.getAttribute('aria-invalid')).toBe('true')
    expect(await error.isVisible()).toBe(true)
    expect(await error.textContent()).toBe(
      'Sale 2 purchases: expected a whole number from 0 to 1,000, got 2.5',
    )
    expect((await stateOf(page)).demand.purchases).toEqual([1, 1, 1])
    await cell.fill('4')
    await cell.press('Enter')
    await cell.blur()
    expect(await cell.getAttribute('aria-invalid')).toBeNull()
    expect(await error.textContent()).toBe('')
    expect((await stateOf(page)).demand.purchases).toEqual([1, 4, 1])
    await page.close()
  })

  test('behavior: choosing Kusama resets the other inputs to its defaults, and the network input says so', async () => {
    const page = await open('?bump=7&renewers=3&start=2027-01-01')
    const net = page.locator('select[data-field="net"]')
    const helpId = (await net.getAttribute('aria-describedby')) ?? ''
    const help = page.locator(`[id="${helpId}"]`)
    expect(await help.isVisible()).toBe(true)
    expect(await help.textContent()).toContain('resets every other input')
    const before = await draws(page)
    await net.selectOption('kusama')
    await waitForDraws(page, before + 1)
    const s = await stateOf(page)
    const kusama = decodeState('net=kusama&start=2027-01-01').state
    expect(s.network).toBe('kusama')
    expect(s.start).toBe('2027-01-01')
    expect(s.a.bumpPct).toBe(kusama.a.bumpPct)
    expect(s.agents.renewers).toBe(kusama.agents.renewers)
    await page.close()
  })

  test('behavior: when the sale phases do not fit in a region, a hint beside the chart says why nobody buys', async () => {
    const page = await open('?region=80')
    const note = page.locator('[data-testid="fit-note"]')
    expect(await note.isVisible()).toBe(true)
    expect(await note.textContent()).toBe(phaseFitHint(expected(decodeState('region=80').state).rows))
    expect(await note.textContent()).toContain('nobody can buy a core on the open market')
    const box = page.locator('input[data-field-box="a.regionLength"]')
    const before = await draws(page)
    await box.fill('5040')
    await box.press('Enter')
    await waitForDraws(page, before + 1)
    expect(await note.isVisible()).toBe(false)
    await page.close()
  })

  test('behavior: a link value beyond a slider’s range shows in its box and reaches the engine', async () => {
    const query = '?limit=500&renewers=300'
    const page = await open(query)
    const box = page.locator('input[data-field-box="a.coreLimit"]')
    expect(await box.inputValue()).toBe('500')
    expect(await page.locator('input[data-field="a.coreLimit"]').inputValue()).toBe('100') // pinned
    expect(await page.locator('input[data-field-box="ag.renewers"]').inputValue()).toBe('300')
    const s = await stateOf(page)
    expect(s.a.coreLimit).toBe(500)
    expect(s.agents.renewers).toBe(300)
    expect(await cells(page, END)).toEqual(
      expected(decodeState(query).state).rows.map((x) => fmt(x.endPrice)),
    )
    expect(await page.locator('[data-testid="notice"]').isVisible()).toBe(false)
    // the box takes what a link may carry, and refuses what a link would refuse
    const before = await draws(page)
    await box.fill('700')
    await box.press('Enter')
    await waitForDraws(page, before + 1)
    expect((await stateOf(page)).a.coreLimit).toBe(700)
    await box.fill('1001')
    await box.press('Enter')
    await box.blur()
    expect(await page.locator('[data-error="a.coreLimit"]').textContent()).toBe(
      'Core limit: expected a whole number from 1 to 1,000, got 1001',
    )
    expect((await stateOf(page)).a.coreLimit).toBe(700)
    await page.close()
    const refused = await open('?limit=1001')
    expect(await refused.locator('[data-testid="notice"]').textContent()).toContain('limit')
    expect((await stateOf(refused)).a.coreLimit).toBe(defaults().a.coreLimit)
    await refused.close()
  })

  test('behavior: zero prices draw on a linear scale, with a note; positive ones on the log scale', async () => {
    type Scale = { __coretime: { priceScale(): string | null } }
    const scale = (p: Page) => p.evaluate(() => (window as unknown as Scale).__coretime.priceScale())
    const page = await open()
    expect(await scale(page)).toBe('log')
    expect(await page.getByTestId('log-note').isVisible()).toBe(false)
    const zero = await open('?price=0&min=0')
    expect(await scale(zero)).toBe('linear')
    expect(await zero.getByTestId('log-note').textContent()).toBe(
      'Linear scale: some prices are 0 DOT, which a log scale cannot show.',
    )
    const y = await zero.evaluate(() =>
      (window as unknown as { __coretime: { chartData(): number[] } }).__coretime.chartData(),
    )
    expect(y.length).toBeGreaterThan(0)
    expect(y.every((v) => v === 0)).toBe(true)
    // unticking the box is the user's choice: no note
    await zero.locator('#log').uncheck()
    expect(await zero.getByTestId('log-note').isVisible()).toBe(false)
    await zero.close()
    await page.close()
  })

  test('behavior: on a phone-sized screen nothing runs off the side and every action stays reachable', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto(server.url)
    await waitForDraws(page, 1)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
    for (const action of ['reset', 'copy', 'csv', 'png']) {
      const box = await page.locator(`button[data-action="${action}"]`).boundingBox()
      expect(box).not.toBeNull()
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390)
    }
    await page.close()
  })

  test('error: a cleared start date is marked and explained; a full date takes effect', async () => {
    const page = await open()
    const date = page.locator('input[data-field="start"]')
    await date.fill('')
    await date.blur()
    expect(await date.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('[data-error="start"]').textContent()).toBe(
      'Simulation starts: expected a full date; still 2026-12-01',
    )
    expect((await stateOf(page)).start).toBe('2026-12-01')
    const before = await draws(page)
    await date.fill('2027-03-01')
    await waitForDraws(page, before + 1)
    expect((await stateOf(page)).start).toBe('2027-03-01')
    expect(await date.getAttribute('aria-invalid')).toBeNull()
    expect(await page.locator('[data-error="start"]').isVisible()).toBe(false)
    await page.close()
  })

  test('behavior: changing an agent input changes the bands to the simulator’s Monte Carlo numbers', async () => {
    const query = '?sales=6&runs=24&seed=5&renewers=4&buyers=3&specs=1'
    const page = await open(query)
    await waitForBands(page, 1)
    const v = decodeState(query).state
    const before = monteCarlo(v)
    // agents: a real spread in what buyers paid
    expect(before.sales.some((s) => s.meanPurchasePrice?.p5 !== s.meanPurchasePrice?.p95)).toBe(true)
    expect(await bandCells(page)).toEqual(bandTexts(before))
    expect(await page.getByTestId('mc-note').textContent()).toContain('24 seeded runs')
    // the typical worth of a core to new buyers: 100 → 300 DOT
    const worth = page.locator('input[data-field="ag.vmed"]')
    await worth.fill('300')
    await worth.press('Enter')
    await worth.blur()
    await waitForBands(page, 2)
    const w = await stateOf(page)
    expect(w.agents.valuation.median).toBe(3_000_000_000_000n)
    const after = monteCarlo(w)
    expect(after).not.toEqual(before)
    expect(await bandCells(page)).toEqual(bandTexts(after))
    await page.waitForFunction(() => location.search.includes('vmed=300'))
    await page.close()
  })

  test('behavior: the page stays responsive while Monte Carlo runs in the worker, with progress shown', async () => {
    const page = await open('?sales=20&runs=400&buyers=4&renewers=6')
    const note = page.getByTestId('mc-note')
    await page.waitForFunction(() =>
      /Monte Carlo: [1-9]\d* of 400/.test(
        document.querySelector('[data-testid="mc-note"]')?.textContent ?? '',
      ),
    )
    const before = await draws(page)
    const slider = page.locator('input[type="range"][data-field="at"]')
    await slider.focus()
    await page.keyboard.press('ArrowRight')
    await waitForDraws(page, before + 1)
    const latency = await page.evaluate(
      () => (window as unknown as { __coretime: { lastLatencyMs: number } }).__coretime.lastLatencyMs,
    )
    // the chart redrew while the batch (restarted by the change) was still running
    expect(await page.evaluate(() => (window as unknown as ProbeView).__coretime.bandDraws)).toBe(0)
    expect(await note.textContent()).toMatch(/Monte Carlo: \d+ of 400 runs/)
    expect(await page.locator('progress').isVisible()).toBe(true)
    console.log(`web: slider → redrawn 20-sale chart while Monte Carlo runs: ${latency.toFixed(1)} ms`)
    await page.close()
  })

  test('behavior: slider → redrawn 20-sale chart latency (reported, not asserted)', async () => {
    const page = await open('?sales=20')
    type Timings = { lastLatencyMs: number; lastWorkerMs: number; lastDrawMs: number }
    const samples: Timings[] = []
    const slider = page.locator('input[type="range"][data-field="at"]')
    await slider.focus()
    const N = 10
    for (let i = 0; i < N; i++) {
      const before = await draws(page)
      await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight')
      await waitForDraws(page, before + 1)
      samples.push(
        await page.evaluate(() => {
          const p = (window as unknown as { __coretime: Timings }).__coretime
          return { lastLatencyMs: p.lastLatencyMs, lastWorkerMs: p.lastWorkerMs, lastDrawMs: p.lastDrawMs }
        }),
      )
    }
    const median = (k: keyof Timings) => [...samples.map((s) => s[k])].sort((a, b) => a - b)[N / 2] ?? 0
    const total = median('lastLatencyMs')
    const worker = median('lastWorkerMs')
    const drawMs = median('lastDrawMs')
    console.log(
      `web: slider → redrawn 20-sale chart: median ${total.toFixed(1)} ms (target < 50 ms; worker runs ${worker.toFixed(1)} ms, draw ${drawMs.toFixed(1)} ms, messaging and the rest ${(total - worker - drawMs).toFixed(1)} ms) [${samples.map((s) => s.lastLatencyMs.toFixed(0)).join(', ')}]`,
    )
    expect(samples.length).toBe(N)
    await page.close()
  })
})
