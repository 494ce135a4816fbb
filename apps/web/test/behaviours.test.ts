/**
 * Issue 14's behaviours in the real browser (Debian chromium, playwright-core): compare shows both
 * sets honestly, results stay in view, links survive what chat apps append, inputs take the
 * engine's bounds, zoom, UTC, lengths in days, the table, the PNG, plain messages. Builds into a
 * folder of its own (vitest runs the browser test files in parallel).
 */
import { Networks, Token } from '@coretime/core'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { planckToChartNumber } from '../src/chartNumber'
import { displayAmount } from '../src/display'
import { runView } from '../src/model'
import { defaults, type ViewState } from '../src/state'
import { decode, encode } from '../src/url'
import { browserSuite } from './browserSuite'
import { CHROMIUM, draws, hasChromium, waitForDraws } from './harness'

const present = hasChromium()
if (!present) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is required under CI=true`)
  console.warn(`web behaviour tests SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`)
}

type Probe = {
  __coretime: {
    state(): ViewState
    chartSeries(): (number | null | undefined)[][]
    priceScale(): string | null
    xRange(): { min: number; max: number } | null
    plotBox(): { left: number; top: number; width: number; height: number } | null
    whiteAt(x: number, y: number): boolean | null
    png(): { url: string; width: number; height: number; chartHeight: number } | null
  }
}
const probe = <T>(page: Page, f: (p: Probe['__coretime']) => T): Promise<T> =>
  page.evaluate(`(${f.toString()})(window.__coretime)`) as Promise<T>
const stateOf = (page: Page) => probe(page, (p) => p.state())
const fmt = (x: bigint) => displayAmount(x, Token.DOT, { symbol: false })
const press = async (page: Page, selector: string, key: string) => {
  const before = await draws(page)
  await page.locator(selector).focus()
  await page.keyboard.press(key)
  await waitForDraws(page, before + 1)
}
const type = async (page: Page, selector: string, value: string) => {
  const box = page.locator(selector)
  await box.fill(value)
  await box.press('Enter')
  await box.blur()
}

describe.skipIf(!present)('web app behaviours (chromium)', () => {
  const app = browserSuite('behaviours')

  const open = async (
    query = '',
    viewport = { width: 1440, height: 900 },
    timezoneId?: string,
  ): Promise<Page> => {
    const context = await app.browser.newContext({ viewport, ...(timezoneId && { timezoneId }) })
    const page = await context.newPage()
    await page.goto(`${app.url}${query}`)
    await waitForDraws(page, 1)
    return page
  }

  // B's lead-in at 7 days against A's 14: B's prices jump at other times than A's
  const compareView = (): ViewState => {
    const v = defaults()
    return { ...v, b: { ...v.a, leadin: 100_800 } }
  }

  test('behavior: compare draws each set through its own prices only — log scale kept, no invented ramps', async () => {
    const v = compareView()
    const page = await open(`?${encode(v)}`)
    expect(await probe(page, (p) => p.priceScale())).toBe('log')
    expect(await page.getByTestId('log-note').isVisible()).toBe(false)
    const [xs, a, b] = await probe(page, (p) => p.chartSeries())
    const { a: ra, b: rb } = runView(v)
    if (!xs || !a || !b || !rb) throw new Error('no chart data')
    // every drawn point of A is A's engine price, in order; the same for B; no other points
    const own = (ys: (number | null | undefined)[]) => ys.filter((y): y is number => y != null)
    expect(own(a)).toEqual(ra.curve.map((p) => planckToChartNumber(p.price, 10)))
    expect(own(b)).toEqual(rb.curve.map((p) => planckToChartNumber(p.price, 10)))
    expect(a.every((y, i) => y == null || b[i] == null)).toBe(true)
    // both phase sets are told apart, and B is in the summary, the renewal chart and the table
    expect(await page.getByTestId('phase-sets').textContent()).toContain('B’s')
    expect(await page.locator('[data-set="b"] dd').count()).toBe(5)
    const renewalLegend = await page.locator('[data-testid="renewal-chart"] .u-legend').textContent()
    expect(renewalLegend).toContain('B: your renewal')
    expect(renewalLegend).toContain('B: end price')
    expect(await page.locator('[data-total="b-renewal"]').textContent()).toBe(
      fmt(rb.rows.reduce((s, r) => s + r.userRenewal, 0n)),
    )
    await page.close()
  })

  test('error: a price of 0 still turns the scale linear with its note (the only reason it does)', async () => {
    const page = await open(
      `?${encode({ ...compareView(), b: { ...compareView().a, startPrice: 0n, minPrice: 0n } })}`,
    )
    expect(await probe(page, (p) => p.priceScale())).toBe('linear')
    expect(await page.getByTestId('log-note').isVisible()).toBe(true)
    await page.close()
  })

  test('behavior: on a desktop the charts stay in view while inputs far down the column change', async () => {
    const page = await open()
    for (const [field, key] of [
      ['bpd', 'ArrowLeft'],
      ['ag.specs', 'ArrowRight'],
      ['a.bumpPct', 'ArrowRight'],
    ] as const) {
      const slider = page.locator(`input[type="range"][data-field="${field}"]`)
      await slider.scrollIntoViewIfNeeded()
      await press(page, `input[type="range"][data-field="${field}"]`, key)
      const chart = await page.getByTestId('price-chart').boundingBox()
      expect(chart, field).not.toBeNull()
      expect(chart?.y ?? -1, field).toBeGreaterThanOrEqual(0)
      expect((chart?.y ?? 900) + 100, field).toBeLessThanOrEqual(900)
    }
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000)
    await page.close()
  })

  test('behavior: on a phone the results come first and a bar jumps between results and inputs', async () => {
    const page = await open('', { width: 390, height: 844 })
    const chart = await page.getByTestId('price-chart').boundingBox()
    expect(chart?.y ?? 9999).toBeLessThan(844)
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0)
    await page.locator('nav.jump a[href="#inputs"]').click()
    await page.waitForFunction(
      () => (document.getElementById('inputs')?.getBoundingClientRect().top ?? 999) < 50,
    )
    await page.close()
  })

  test('behavior: a link with what chat apps append keeps its settings, and the address bar keeps the link', async () => {
    const query = '?net=kusama&price=2.5&utm_source=chat&fbclid=IwAR0x&leadin=abc&bump=7'
    const page = await open(query)
    const s = await stateOf(page)
    expect(s.network).toBe('kusama')
    expect(s.a.startPrice).toBe(2_500_000_000_000n)
    expect(s.a.bumpPct).toBe(7)
    expect(s.a.leadin).toBe(decode('net=kusama').state.a.leadin)
    const notice = await page.getByTestId('notice').textContent()
    expect(notice).toContain('leadin: expected a whole number from 1 to 10,000,000, got "abc"')
    expect(notice).not.toContain('utm_source')
    await page.waitForTimeout(600)
    expect(new URL(page.url()).search).toBe(query)
    // once the user changes something, the link is the view's, with the foreign parameters kept
    await press(page, 'input[type="range"][data-field="at"]', 'ArrowRight')
    await page.waitForFunction(() => location.search.includes('at=51'))
    expect(page.url()).toContain('utm_source=chat&fbclid=IwAR0x')
    expect(page.url()).toContain('net=kusama')
    await page.close()
  })

  test('error: messages are in plain words (no library wording)', async () => {
    const page = await open('?net=westend&adapter=Cheap')
    const notice = (await page.getByTestId('notice').textContent()) ?? ''
    expect(notice).toContain(`net: expected one of ${Networks.names.join(', ')}, got "westend"`)
    expect(notice).toContain('adapter: expected one of MinimumPrice, CenterTargetPrice, Linear, got "Cheap"')
    expect(notice).not.toMatch(/Invalid|received/)
    await page.close()
  })

  test('error: every input takes the engine’s bounds, shown at the input, and refuses beyond them', async () => {
    const page = await open()
    const help = page
      .locator('[data-field="renewals"]')
      .locator('xpath=ancestor::div[@class="field"]')
      .locator('.bounds')
    expect(await help.textContent()).toBe('Takes whole number from 0 to 1,000.')
    await type(page, 'input[data-field-box="renewals"]', '1001')
    expect(await page.locator('[data-error="renewals"]').textContent()).toBe(
      'Renewals per sale: expected a whole number from 0 to 1,000, got 1001',
    )
    expect((await stateOf(page)).demand.renewals).toEqual([10])
    // with 300 renewers, renewals may go to 700 (the runtime's 1,000 leased cores in all)
    let before = await draws(page)
    await type(page, 'input[data-field-box="ag.renewers"]', '300')
    await waitForDraws(page, before + 1)
    expect(await help.textContent()).toBe('Takes whole number from 0 to 700.')
    await type(page, 'input[data-field-box="renewals"]', '701')
    expect(await page.locator('[data-error="renewals"]').textContent()).toContain('from 0 to 700, got 701')
    // a starting price above u128 planck is refused at the box
    await type(page, 'input[data-field="a.price"]', '34028236692093846346337460743.1768211456')
    expect(await page.locator('[data-error="a.price"]').textContent()).toMatch(
      /^Starting price: expected at most .* \(u128 planck/,
    )
    expect((await stateOf(page)).a.startPrice).toBe(defaults().a.startPrice)
    // the largest u128 is taken and the cards wrap instead of running over
    before = await draws(page)
    await type(page, 'input[data-field="a.price"]', '34028236692093846346337460743.1768211455')
    await waitForDraws(page, before + 1)
    const overflow = await page.$$eval('[data-testid="summary"] .stat', (els) =>
      els.some((e) => e.scrollWidth > e.clientWidth + 1),
    )
    expect(overflow).toBe(false)
    await page.close()
  })

  test('error: a link beyond the engine’s bounds falls back alone (9,999 renewals)', async () => {
    const page = await open('?ren=9999&sales=8')
    expect(await page.getByTestId('notice').textContent()).toContain(
      'ren: expected comma-separated whole numbers from 0 to 1,000',
    )
    const s = await stateOf(page)
    expect(s.demand.renewals).toEqual([10])
    expect(s.sales).toBe(8)
    expect(await page.locator('table.numbers tbody tr').count()).toBe(8)
    await page.close()
  })

  test('behavior: zoom is explained, survives input changes, stays inside the axes and resets', async () => {
    const page = await open()
    expect(await page.getByTestId('zoom-hint').textContent()).toContain('Drag across the chart to zoom in')
    const box = await probe(page, (p) => p.plotBox())
    if (!box) throw new Error('no plot')
    const full = await probe(page, (p) => p.xRange())
    const y = box.top + box.height / 2
    await page.mouse.move(box.left + box.width * 0.3, y)
    await page.mouse.down()
    await page.mouse.move(box.left + box.width * 0.45, y, { steps: 5 })
    await page.mouse.up()
    const zoomed = await probe(page, (p) => p.xRange())
    if (!zoomed || !full) throw new Error('no x range')
    expect(zoomed.max - zoomed.min).toBeLessThan((full.max - full.min) / 3)
    expect(await page.locator('button[data-action="reset-zoom"]').isVisible()).toBe(true)
    // the shading is clipped to the plot: just left of it (the price axis) stays white but for ticks
    const white = await probe(page, (p) => {
      const b = p.plotBox()
      if (!b) return 0
      let n = 0
      for (let i = 1; i < 40; i++) if (p.whiteAt(b.left - 3, b.top + (b.height * i) / 40)) n++
      return n / 39
    })
    expect(white).toBeGreaterThan(0.8)
    // an input change keeps the zoom
    await press(page, 'input[type="range"][data-field="a.bumpPct"]', 'ArrowRight')
    expect(await probe(page, (p) => p.xRange())).toEqual(zoomed)
    await page.locator('button[data-action="reset-zoom"]').click()
    expect(await probe(page, (p) => p.xRange())).toEqual(full)
    await page.close()
  })

  test('behavior: the chart’s tooltip gives the date in UTC with the sale and phase, in any browser time zone', async () => {
    const page = await open('', { width: 1440, height: 900 }, 'America/Los_Angeles')
    const box = await probe(page, (p) => p.plotBox())
    if (!box) throw new Error('no plot')
    // the first point: sale 1's rotation, midnight UTC on the start date
    await page.mouse.move(box.left + 1, box.top + box.height / 2)
    const legend = page.locator('[data-testid="price-chart"] .u-legend')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="price-chart"] .u-legend')?.textContent?.includes('UTC ·'),
    )
    expect(await legend.textContent()).toContain('2026-12-01 00:00 UTC · sale 1, interlude')
    await page.mouse.move(box.left + box.width * 0.06, box.top + box.height / 2)
    expect(await legend.textContent()).toMatch(/2026-12-\d\d \d\d:\d\d UTC · sale 1, (lead-in|interlude)/)
    // the table says UTC too
    expect(await page.locator('table.numbers thead').textContent()).toContain('(UTC)')
    await page.close()
  })

  test('behavior: lengths in days as well as blocks; sliders land on round values', async () => {
    const page = await open()
    const days = page.locator('input[data-field-alt="a.leadin"]')
    expect(await days.inputValue()).toBe('14')
    await press(page, 'input[type="range"][data-field="a.leadin"]', 'ArrowRight')
    expect((await stateOf(page)).a.leadin).toBe(208_800)
    await press(page, 'input[type="range"][data-field="a.leadin"]', 'ArrowLeft')
    await press(page, 'input[type="range"][data-field="a.leadin"]', 'ArrowLeft')
    expect((await stateOf(page)).a.leadin).toBe(194_400)
    const before = await draws(page)
    await type(page, 'input[data-field-alt="a.leadin"]', '7')
    await waitForDraws(page, before + 1)
    expect((await stateOf(page)).a.leadin).toBe(100_800)
    expect(await page.locator('input[data-field-box="a.leadin"]').inputValue()).toBe('100800')
    await type(page, 'input[data-field-alt="a.leadin"]', '-1')
    expect(await page.locator('[data-error="a.leadin"]').textContent()).toBe(
      'Lead-in: expected 0 to 694.44 days, got -1',
    )
    expect(await page.locator('input[data-field-alt="a.regionLength"]').inputValue()).toBe('28')
    await page.close()
  })

  test('behavior: the table fits its box, reads with separators, and totals what you pay', async () => {
    const page = await open()
    const wrap = page.locator('.table-wrap')
    await wrap.scrollIntoViewIfNeeded()
    const [sw, cw] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth])
    expect(sw).toBeLessThanOrEqual(cw)
    const r = runView(defaults()).a
    expect(await page.locator('table.numbers tbody tr:first-child td').nth(1).textContent()).toBe(
      fmt(r.rows[0]!.topPrice),
    )
    expect(fmt(r.rows[0]!.topPrice)).toBe('5,000.00')
    expect(await page.locator('[data-total="renewal"]').textContent()).toBe(
      fmt(r.rows.reduce((s, x) => s + x.userRenewal, 0n)),
    )
    expect(await page.locator('[data-total="revenue"]').textContent()).toBe(fmt(r.revenue))
    await page.close()
  })

  test('behavior: the PNG carries a title, a legend and the parameters above and below the chart', async () => {
    const page = await open(`?${encode(compareView())}`)
    const png = await probe(page, (p) => p.png())
    if (!png) throw new Error('no png')
    expect(png.url.startsWith('data:image/png;base64,')).toBe(true)
    expect(png.height).toBeGreaterThan(png.chartHeight + 80)
    // ink in the title band and in the parameter lines (the page's canvas, read back)
    const ink = await page.evaluate(async (url) => {
      const img = new Image()
      img.src = url
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const ctx = c.getContext('2d')
      if (!ctx) return null
      ctx.drawImage(img, 0, 0)
      const dark = (y0: number, y1: number) => {
        const d = ctx.getImageData(0, y0, c.width, y1 - y0).data
        let n = 0
        for (let i = 0; i < d.length; i += 4) if ((d[i] ?? 255) < 128) n++
        return n
      }
      return { title: dark(0, 40), params: dark(c.height - 50, c.height) }
    }, png.url)
    expect(ink?.title).toBeGreaterThan(50)
    expect(ink?.params).toBeGreaterThan(50)
    await page.close()
  })

  test('behavior: the log-scale choice is in the link', async () => {
    const page = await open()
    await page.locator('#log').uncheck()
    await page.waitForFunction(() => location.search.includes('log=0'))
    expect(await probe(page, (p) => p.priceScale())).toBe('linear')
    const again = await open(new URL(page.url()).search)
    expect(await again.locator('#log').isChecked()).toBe(false)
    expect(await probe(again, (p) => p.priceScale())).toBe('linear')
    await again.close()
    await page.close()
  })

  test('behavior: sale 1 takes no renewals in the sale-by-sale table, and says why', async () => {
    const page = await open('?demand=perSale&sales=3&ren=0,2,2&buy=1,1,1')
    expect(await page.locator('input[data-sale="0"][data-kind="ren"]').count()).toBe(0)
    expect(await page.getByTestId('sale1-note').textContent()).toContain('Sale 1 takes no renewals')
    expect(await page.locator('input[data-sale="1"][data-kind="ren"]').inputValue()).toBe('2')
    await page.close()
  })
})
