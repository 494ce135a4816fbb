/**
 * The live session in a real browser against a devnet (chopsticks running the compiled Paseo
 * Coretime runtime, as a `coretime devnet` process so that stopping it drops the page's socket):
 * Now follows new blocks, My parachain shows a para set up on the devnet, and Sign and submit goes
 * through a wallet extension injected into the page that signs with the real sr25519 dev keys in
 * Node (the devnet verifies the signatures). One devnet for the file: blocks cost ~0.7 s of CPU.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Para, read, Status } from '@coretime/chain'
import { Scene } from '@coretime/chain/devnet'
import { websocketClass } from '@coretime/chain/node'
import type { Snapshot } from '@coretime/chain/snapshot'
import { freePort, Shared, Wallet } from '@coretime/chain/testing'
import { Token } from '@coretime/core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { displayAmount } from '../src/display'
import { nowOf } from '../src/now'
import { buildApp, hasChromium, launch, serve, waitForDraws } from './harness'

const present = hasChromium()
const spec = present ? Shared.devnetSpec() : undefined
const BIN = resolve(import.meta.dirname, '../../cli/bin/coretime.js')
const PARA = 2000
const PAS = Token.of('paseo')

/** a `coretime devnet` process on `port` (instant blocks): its URL once it serves */
const startDevnet = (port: number): Promise<{ url: string; child: ChildProcess }> =>
  new Promise((ok, fail) => {
    const child = spawn(
      process.execPath,
      [BIN, 'devnet', '--spec', spec as string, '--port', String(port), '--block-mode', 'instant'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    child.stdout?.on('data', (d) => {
      out += String(d)
      const url = /^(ws:\/\/\S+)\n/.exec(out)?.[1]
      if (url) ok({ url, child })
    })
    child.stderr?.on('data', (d) => {
      err += String(d)
    })
    child.on('exit', (code) => fail(new Error(`coretime devnet exited (${code}): ${err}`)))
  })
const stopDevnet = (child: ChildProcess): Promise<void> =>
  new Promise((ok) => {
    if (child.exitCode !== null) return ok()
    child.once('exit', () => ok())
    child.kill('SIGKILL')
  })
/** one JSON-RPC call over a fresh socket (dev_newBlock) */
const rpc = (url: string, method: string, params: unknown[]): Promise<unknown> =>
  new Promise((ok, fail) => {
    const ws = new websocketClass(url)
    ws.onopen = () => ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }))
    ws.onmessage = (m) => {
      const r = JSON.parse(String(m.data)) as { result?: unknown; error?: { message: string } }
      ws.close()
      r.error ? fail(new Error(r.error.message)) : ok(r.result)
    }
    ws.onerror = () => fail(new Error(`cannot reach ${url}`))
  })
const readNode = (url: string): Promise<Snapshot> =>
  read({
    network: 'paseo',
    endpoints: { coretime: url, relay: '' },
    noRelay: true,
    anyChain: true,
    websocketClass,
  })

describe.skipIf(!present || !spec)('live session on a devnet (chromium, chopsticks, test wallet)', () => {
  let browser: Browser
  let close: () => Promise<void>
  let server: { url: string; close: () => Promise<void> }
  let devnet: { url: string; child: ChildProcess }
  let port: number
  let scene: Scene.Scene
  let page: Page
  /** what the test wallet's user does with the next signing request */
  let refuse = false
  const out = mkdtempSync(join(tmpdir(), 'coretime-web-live-'))

  beforeAll(async () => {
    port = await freePort()
    ;[devnet] = await Promise.all([startDevnet(port), buildApp(out)])
    scene = await Scene.saleWithPara(devnet.url, {
      paraId: PARA,
      sovereign: { accountId: Para.sovereignOf('paseo', PARA).hex, balance: 5_000n * Scene.PAS },
    })
    server = await serve(out)
    ;({ browser, close } = await launch())
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.addInitScript(Wallet.initScript(['Alice', 'Bob']))
    await page.exposeFunction(Wallet.SIGN_FN, (kind: 'payload' | 'raw', payload: unknown) =>
      refuse ? { error: 'Cancelled' } : Wallet.signRequest(kind, payload),
    )
    await page.goto(server.url)
    await waitForDraws(page, 1)
  }, 300_000)
  afterAll(async () => {
    await page?.close()
    await close?.()
    await server?.close()
    if (devnet) await stopDevnet(devnet.child)
    rmSync(out, { recursive: true, force: true })
  })

  const dd = (id: string) => page.locator(`[data-now="${id}"]`).textContent()
  const para = (id: string) => page.locator(`[data-para="${id}"]`).textContent()
  /** Now on the page against the same state read in Node: phase and price */
  const expectNowOf = async (s: Snapshot) => {
    const want = nowOf(s).status.sale
    if (!want) throw new Error('no sale')
    await expect.poll(() => dd('price'), { timeout: 30_000 }).toBe(displayAmount(want.priceNow, PAS))
    const phase = { interlude: 'Interlude', leadin: 'Lead-in', fixed: 'Fixed price' }[want.phase]
    expect(await page.getByTestId('now-phase').textContent()).toContain(phase)
    expect(await dd('cores')).toBe(
      `${want.coresOffered} / ${want.coresSold} / ${want.coresOffered - want.coresSold}`,
    )
  }

  test('default: Read live state on a devnet shows Now as the runtime’s storage says, and follows new blocks', async () => {
    await page.locator('select[data-field="net"]').selectOption('paseo')
    await page.locator('input[data-field="live.coretime"]').fill(devnet.url)
    await page.locator('input[data-field="live.relay"]').fill('')
    await page.locator('button[data-action="live"]').click()
    await expect
      .poll(() => page.getByTestId('now-connection').textContent(), { timeout: 60_000 })
      .toContain(`Following ${devnet.url}`)
    const first = await readNode(devnet.url)
    await expectNowOf(first)
    // a new block 200 relay blocks later: the page updates without a reload
    const before = Status.of(first).now.block
    await rpc(devnet.url, 'dev_newBlock', [{ relayParentNumber: before + 200 }])
    await expect
      .poll(() => page.locator('[data-testid="now"] .help').first().textContent(), { timeout: 60_000 })
      .toContain(`Read at relay block ${(before + 200).toLocaleString('en-US')}`)
    const later = await readNode(devnet.url)
    expect(Status.of(later).now.block).toBe(before + 200)
    await expectNowOf(later)
    expect(Status.of(later).sale?.priceNow).toBeLessThan(Status.of(first).sale?.priceNow ?? 0n)
  }, 180_000)

  test('default: My parachain shows the para’s core and renewal record', async () => {
    await page.locator('input[data-field="para.id"]').fill(String(PARA))
    await expect.poll(() => para('core-now'), { timeout: 30_000 }).toBe(String(scene.core))
    expect(await para('renewal')).toContain(`core ${scene.core}, region from timeslice ${scene.regionBegin}`)
    expect(await para('renewal')).toContain(`(${scene.renewalPrice.toString()} planck)`)
    expect(await para('sovereign')).toBe(Para.sovereignOf('paseo', PARA).ss58)
    expect(await para('balance')).toContain(`(${(5_000n * Scene.PAS).toString()} planck)`)
    expect(await para('deadline')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC \(relay block/)
    // the known paras of the chain are offered
    expect(await page.locator('select[data-field="para.known"] option').allTextContents()).toContain(
      String(PARA),
    )
  }, 60_000)

  const connectWallet = async () => {
    if ((await page.locator('select[data-field="sign.account"] option').count()) > 0) return
    await page.locator('button[data-action="wallet-connect"]').click()
    await expect.poll(() => page.locator('select[data-field="sign.account"] option').count()).toBe(2)
  }
  const reviewAndSign = async (action: string, fill: () => Promise<void> = async () => {}) => {
    await page.locator('select[data-field="sign.action"]').selectOption(action)
    await fill()
    await page.locator('button[data-action="sign-review"]').click()
    // the fee estimate is a runtime call on the devnet (wasm): give it time, and say what the page says
    await expect
      .poll(
        async () =>
          (await page.locator('button[data-action="sign-submit"]').isVisible()) ||
          (await page.getByTestId('sign-review').textContent()),
        { timeout: 30_000 },
      )
      .toBe(true)
    const review = {
      amount: await page.locator('[data-sign="amount"]').textContent(),
      fee: await page.locator('[data-sign="fee"]').textContent(),
    }
    await page.locator('button[data-action="sign-submit"]').click()
    await expect.poll(() => page.getByTestId('sign-result').count(), { timeout: 60_000 }).toBe(1)
    return review
  }

  test('error: a purchase with a limit below the price fails with Overpriced and changes nothing', async () => {
    await connectWallet()
    const before = await readNode(devnet.url)
    const review = await reviewAndSign('purchase', async () => {
      await page.locator('input[data-field="sign.limit"]').fill('1')
    })
    expect(review.amount).toBe(`1.00 PAS = ${Scene.PAS.toString()} planck`)
    expect(review.fee).toMatch(/ planck$/)
    const result = page.getByTestId('sign-result')
    expect(await result.getAttribute('data-code')).toBe('Overpriced')
    expect(await result.textContent()).toContain('Broker.Overpriced')
    const after = await readNode(devnet.url)
    expect(after.broker.saleInfo?.coresSold).toBe(before.broker.saleInfo?.coresSold)
    expect(after.broker.regions).toEqual(before.broker.regions)
  }, 120_000)

  test('error: a signing request the wallet refuses leaves everything unchanged, with a clear message', async () => {
    await connectWallet()
    const before = await readNode(devnet.url)
    refuse = true
    try {
      await reviewAndSign('renew', async () => {
        await page.locator('input[data-field="sign.core"]').fill(String(scene.core))
      })
    } finally {
      refuse = false
    }
    const result = page.getByTestId('sign-result')
    expect(await result.getAttribute('data-code')).toBe('Rejected')
    expect(await result.textContent()).toBe(
      'Signing was cancelled in the wallet: nothing was sent, nothing changed (not signed: Cancelled; nothing was sent).',
    )
    const after = await readNode(devnet.url)
    expect(after.coretime.block).toBe(before.coretime.block)
    expect(after.broker.potentialRenewals).toEqual(before.broker.potentialRenewals)
  }, 120_000)

  test('default: Renew at the price shown succeeds; the Renewed event and the updated record appear', async () => {
    await connectWallet()
    const review = await reviewAndSign('renew', async () => {
      await page.locator('input[data-field="sign.core"]').fill(String(scene.core))
    })
    expect(review.amount).toBe(
      `${displayAmount(scene.renewalPrice, PAS)} = ${scene.renewalPrice.toString()} planck`,
    )
    const result = page.getByTestId('sign-result')
    expect(await result.getAttribute('data-code')).toBeNull()
    expect(await result.textContent()).toMatch(/^Included in block #/)
    expect(await page.locator('[data-event="Broker.Renewed"]').textContent()).toContain(
      `"price":"${scene.renewalPrice.toString()}"`,
    )
    // My parachain follows: the right now points at the next region, the core is planned there
    await expect
      .poll(() => para('renewal'), { timeout: 30_000 })
      .toContain(`core ${scene.core}, region from timeslice ${scene.regionEnd}`)
    expect(await para('core-next')).toContain(`core ${scene.core} from timeslice ${scene.regionBegin}`)
    const after = await readNode(devnet.url)
    expect(after.broker.potentialRenewals.map((r) => r.when)).toEqual([scene.regionEnd])
  }, 120_000)

  test('behavior: stopping the devnet says the connection is lost; a new one on the port says reconnected', async () => {
    await stopDevnet(devnet.child)
    const link = page.getByTestId('now-connection')
    await expect
      .poll(() => link.textContent(), { timeout: 30_000 })
      .toBe(`Connection lost to ${devnet.url}; retrying…`)
    expect(await link.getAttribute('data-kind')).toBe('lost')
    devnet = await startDevnet(port)
    await expect.poll(() => link.textContent(), { timeout: 90_000 }).toBe(`Reconnected to ${devnet.url}`)
    expect(await link.getAttribute('data-kind')).toBe('reconnected')
  }, 180_000)
})
