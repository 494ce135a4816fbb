/**
 * Starting the web app from the chain, in a real browser: a snapshot file (Load snapshot) and live
 * state read from the local test node (packages/chain/src/testing) over the page's own WebSocket.
 * Builds into a folder of its own so it never races web.test.ts over apps/web/dist.
 */
import { Snapshot } from '@coretime/chain'
import { Fixture, sample, TestNode } from '@coretime/chain/testing'
import { Token } from '@coretime/core'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, test } from 'vitest'
import { displayAmount } from '../src/display'
import { runView } from '../src/model'
import { nowOf } from '../src/now'
import { fromSnapshot } from '../src/snapshot'
import type { ViewState } from '../src/state'
import { browserSuite } from './browserSuite'
import { CHROMIUM, hasChromium, waitForDraws } from './harness'

const present = hasChromium()
if (!present) console.warn(`web chain tests SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`)
const metadata = present && Fixture.haveMetadata('dotCoretime', 'dot')
if (present && !metadata)
  console.warn(
    `web live-state tests SKIPPED: no metadata in ${Fixture.metadataDir} (the test node serves it)`,
  )

type ProbeView = { __coretime: { draws: number; state(): ViewState } }
const stateOf = (page: Page) => page.evaluate(() => (window as unknown as ProbeView).__coretime.state())
const drawsOf = (page: Page) => page.evaluate(() => (window as unknown as ProbeView).__coretime.draws)
const endCells = (page: Page) =>
  page.$$eval('table.numbers tbody tr', (rows) => rows.map((r) => r.children[3]?.textContent ?? ''))
/** A table cell: thousands separators, two decimals (apps/web/src/display.ts). */
const fmt = (x: bigint) => displayAmount(x, Token.DOT, { symbol: false })
const sale = sample.broker.saleInfo!
const config = sample.broker.configuration!

describe.skipIf(!present)('web app from the chain (chromium)', () => {
  const app = browserSuite('chain')
  const nodes: TestNode.TestNode[] = []

  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((n) => n.close()))
  })

  const open = async (): Promise<Page> => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(app.url)
    await waitForDraws(page, 1)
    return page
  }
  const loadFile = (page: Page, text: string) =>
    page.setInputFiles('[data-testid="snapshot-file"]', {
      name: 'dot.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    })

  test('default: Load snapshot sets the view to the snapshot’s sale', async () => {
    const page = await open()
    const before = await drawsOf(page)
    await loadFile(page, Snapshot.toJson(sample))
    await waitForDraws(page, before + 1)
    const v = await stateOf(page)
    // the numbers the snapshot holds
    expect(v.network).toBe('polkadot')
    expect(v.a.startPrice).toBe(sale.endPrice)
    expect(v.a.leadin).toBe(config.leadinLength)
    expect(v.a.interlude).toBe(config.interludeLength)
    expect(v.a.regionLength).toBe(config.regionLength)
    expect(v.a.coreLimit).toBe(sale.coresOffered)
    expect(v.demand.purchases).toEqual([sale.coresSold])
    expect(await page.locator(`input[data-field-box="a.leadin"]`).inputValue()).toBe(
      String(config.leadinLength),
    )
    // and the page shows the engine's numbers for that view
    expect(await endCells(page)).toEqual(runView(v).a.rows.map((r) => fmt(r.endPrice)))
    expect(await page.getByTestId('origin').textContent()).toContain(
      `sale of region ${sale.regionBegin}–${sale.regionEnd}, ${sale.coresSold} of ${sale.coresOffered} cores sold`,
    )
    await page.close()
  })

  /** What the Now card must show for a snapshot: chain/Status and core's PriceAdapter, in Node. */
  const expectNow = async (page: Page, snapshot: typeof sample) => {
    const want = nowOf(snapshot)
    const s = want.status.sale
    if (!s) throw new Error('no sale')
    const now = page.getByTestId('now')
    await expect.poll(() => now.isVisible()).toBe(true)
    const dd = (id: string) => page.locator(`[data-now="${id}"]`).textContent()
    expect(await dd('price')).toBe(displayAmount(s.priceNow, Token.DOT))
    expect(await dd('end')).toBe(displayAmount(s.leadinEndPrice, Token.DOT))
    expect(await dd('cores')).toBe(`${s.coresOffered} / ${s.coresSold} / ${s.coresOffered - s.coresSold}`)
    expect(await dd('next')).toBe(displayAmount(want.nextEndPrice ?? 0n, Token.DOT))
    const phase = { interlude: 'Interlude', leadin: 'Lead-in', fixed: 'Fixed price' }[s.phase]
    expect(await page.getByTestId('now-phase').textContent()).toContain(phase)
    expect(await page.getByTestId('now-phase').textContent()).toContain(`${s.next[0]?.name} in `)
    expect(await page.getByTestId('now-dates').locator('li').count()).toBe(s.next.length)
    expect(await page.locator('[data-testid="now-chart"] canvas').count()).toBe(1)
  }

  test('default: Load snapshot shows Now — the phase, price, cores and dates of coretime status', async () => {
    const page = await open()
    expect(await page.getByTestId('now').isVisible()).toBe(false)
    await loadFile(page, Snapshot.toJson(sample))
    await expectNow(page, sample)
    await page.close()
  })

  test('error: a snapshot without a sale shows no Now and says why', async () => {
    const page = await open()
    const noSale = Snapshot.toJson({ ...sample, broker: { ...sample.broker, saleInfo: null } })
    await loadFile(page, noSale)
    await expect.poll(() => page.getByTestId('origin').textContent()).toContain('the chain has no sale yet')
    expect(await page.getByTestId('now').isVisible()).toBe(false)
    await page.close()
  })

  test('error: a malformed snapshot file shows why and keeps the previous view', async () => {
    const page = await open()
    const drawn = await drawsOf(page)
    await loadFile(page, Snapshot.toJson(sample))
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="origin"]')?.textContent?.startsWith('Loaded'),
    )
    // the loaded view's numbers are drawn before the table is read
    await waitForDraws(page, drawn + 1)
    const before = await stateOf(page)
    const table = await page.locator('table.numbers').textContent()
    const broken = JSON.stringify({
      ...JSON.parse(Snapshot.toJson(sample)),
      saleInfo: undefined,
      format: 'x',
    })
    await loadFile(page, broken)
    const origin = page.getByTestId('origin')
    await expect
      .poll(() => origin.textContent())
      .toContain('Snapshot not loaded: format: expected "coretime-snapshot/1"')
    expect(await origin.isVisible()).toBe(true)
    expect(await origin.getAttribute('class')).toContain('failed')
    await loadFile(page, '{ not json')
    await expect.poll(() => origin.textContent()).toMatch(/^Snapshot not loaded: /)
    expect(await stateOf(page)).toEqual(before)
    expect(await page.locator('table.numbers').textContent()).toBe(table)
    await page.close()
  })

  const readLive = async (page: Page, coretime: string, relay: string) => {
    await page.locator('input[data-field="live.coretime"]').fill(coretime)
    await page.locator('input[data-field="live.relay"]').fill(relay)
    await page.locator('button[data-action="live"]').click()
  }

  test('default: the live endpoints offer the public defaults and say the browser connects', async () => {
    const page = await open()
    expect(await page.locator('input[data-field="live.coretime"]').inputValue()).toBe(
      'wss://polkadot-coretime-rpc.polkadot.io',
    )
    expect(await page.locator('input[data-field="live.relay"]').inputValue()).toBe('wss://rpc.polkadot.io')
    expect(await page.getByTestId('live').textContent()).toContain('Your browser connects to these endpoints')
    // the endpoints follow the network input
    await page.locator('select[data-field="net"]').selectOption('kusama')
    await expect
      .poll(() => page.locator('input[data-field="live.coretime"]').inputValue())
      .toBe('wss://kusama-coretime-rpc.polkadot.io')
    await page.close()
  })

  test('error: an endpoint that is not ws:// is refused before connecting', async () => {
    const page = await open()
    const before = await stateOf(page)
    await readLive(page, 'https://example.org', 'wss://rpc.polkadot.io')
    const error = page.getByTestId('live-error')
    await expect
      .poll(() => error.textContent())
      .toBe(
        'Live state not loaded: Coretime chain endpoint: expected a ws:// or wss:// URL, got "https://example.org"',
      )
    expect(await error.isVisible()).toBe(true)
    expect(await stateOf(page)).toEqual(before)
    await page.close()
  })

  describe.skipIf(!metadata)('live state from the local test node', () => {
    const startNodes = async (misbehave: TestNode.Misbehaviour[] = []) => {
      const f = Fixture.fixturesOf(sample)
      const coretime = await TestNode.start(f.coretime, { misbehave })
      const relay = await TestNode.start(f.relay)
      nodes.push(coretime, relay)
      return { coretime, relay }
    }

    test('default: Read live state loads the sale the node serves', async () => {
      const n = await startNodes()
      const page = await open()
      const base = await stateOf(page)
      const before = await drawsOf(page)
      await readLive(page, n.coretime.url, n.relay.url)
      await waitForDraws(page, before + 1)
      await expect.poll(() => page.getByTestId('live-result').textContent()).toMatch(/^Read live polkadot/)
      const v = await stateOf(page)
      expect(v.a.startPrice).toBe(sale.endPrice)
      expect(v.a.leadin).toBe(config.leadinLength)
      expect(v.demand.purchases).toEqual([sale.coresSold])
      // exactly what the same snapshot gives when loaded from a file
      const served = { ...sample, endpoints: { coretime: n.coretime.url, relay: n.relay.url } }
      const expected = fromSnapshot(served, base)
      if (!expected.ok) throw new Error(expected.error.message)
      expect(v).toEqual(expected.value.state)
      expect(await page.getByTestId('live-error').textContent()).toBe('')
      // Now: the sale the node serves, as coretime status reads it
      await expectNow(page, served)
      // the page itself spoke JSON-RPC to the node
      expect(n.coretime.requests).toContain('chainHead_v1_storage')
      expect(await endCells(page)).toEqual(runView(v).a.rows.map((r) => fmt(r.endPrice)))
      await page.close()
    })

    test('error: a dead endpoint shows a clear error and keeps the view', async () => {
      const n = await startNodes()
      await n.coretime.close() // nothing listens there now
      const page = await open()
      const before = await stateOf(page)
      await readLive(page, n.coretime.url, n.relay.url)
      const error = page.getByTestId('live-error')
      await expect
        .poll(() => error.textContent(), { timeout: 20_000 })
        .toBe(`Live state not loaded: cannot connect to the coretime endpoint ${n.coretime.url}`)
      expect(await error.isVisible()).toBe(true)
      expect(await page.locator('button[data-action="live"]').textContent()).toBe('Read live state')
      expect(await page.getByTestId('origin').textContent()).toBe(await error.textContent())
      expect(await stateOf(page)).toEqual(before)
      await page.close()
    })

    test('error: a value of an unexpected shape is named, not loaded', async () => {
      const key = Fixture.encoder('dotCoretime').keyOf('Broker', 'SaleInfo')
      const n = await startNodes([{ kind: 'override', key, value: '0x01ff' }])
      const page = await open()
      const before = await stateOf(page)
      await readLive(page, n.coretime.url, n.relay.url)
      const error = page.getByTestId('live-error')
      await expect
        .poll(() => error.textContent(), { timeout: 20_000 })
        .toMatch(/^Live state not loaded: coretime endpoint: reading Broker\.SaleInfo failed: /)
      expect(await stateOf(page)).toEqual(before)
      await page.close()
    })
  })
})
