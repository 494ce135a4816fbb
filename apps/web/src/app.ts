import { Networks, Token } from '@coretime/core'
import type { MonteCarlo } from '@coretime/sim'
import { displayAmount } from './display'
import { liveLoader } from './live'
import { type Bands, BLOCKS_PER_DAY, bandsOf, type Costs, type RunResult } from './model'
import { networkOptions } from './networkOptions'
import { phaseFitHint } from './phaseFit'
import type { Request, Response } from './protocol'
import { snapshotLoader } from './snapshot'
import {
  agentDefaults,
  defaults,
  fromQuery,
  hasAgents,
  LINK_RANGE,
  polkadotParams,
  toQuery,
  type ViewState,
} from './state'
import { createStore } from './store'
import { type ChartContext, costChart, priceChart, renewalChart } from './ui/charts'
import {
  agentFields,
  amountField,
  demandFields,
  numberField,
  paramFields,
  type Refresh,
  selectField,
} from './ui/controls'
import { h } from './ui/dom'
import { renderTable, type TableInput, toCsv } from './ui/table'

interface Results {
  a: RunResult
  b: RunResult | null
  costs: Costs
}

/** Exposed for the browser tests and the performance probe (window.__coretime). */
export interface Probe {
  /** Increments each time the price chart has been redrawn with fresh numbers. */
  draws: number
  /** ms from the last state change to the redrawn chart. */
  lastLatencyMs: number
  /** Of which: ms the worker spent on the runs, and ms drawing charts, table and summary. */
  lastWorkerMs: number
  lastDrawMs: number
  /** Increments each time Monte Carlo bands have been drawn. */
  bandDraws: number
  /** ms from navigation start to the first drawn chart. */
  firstDrawMs: number
  state(): ViewState
  /** The price chart's y values of set A (tokens, as drawn). */
  chartData(): (number | null)[]
  /** The price chart's y scale as drawn (log falls back to linear when a price is 0). */
  priceScale(): 'log' | 'linear' | null
}

/** ms of no input before the address bar is written. */
const URL_SETTLE_MS = 250

const section = (title: string, id: string, ...children: HTMLElement[]): HTMLElement =>
  h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children)

const download = (name: string, href: string): void => {
  const a = h('a', { href, download: name })
  document.body.append(a)
  a.click()
  a.remove()
}

export const mount = (root: HTMLElement): void => {
  const loaded = fromQuery(location.search)
  const store = createStore<ViewState>(loaded.state)
  const refreshers: Refresh[] = []
  const probe: Probe = {
    draws: 0,
    lastLatencyMs: 0,
    lastWorkerMs: 0,
    lastDrawMs: 0,
    bandDraws: 0,
    firstDrawMs: 0,
    state: () => store.get(),
    chartData: () => [...((price.plot()?.data[1] ?? []) as (number | null)[])],
    priceScale: () => {
      const p = price.plot()
      return p ? (p.scales.y?.distr === 3 ? 'log' : 'linear') : null
    },
  }
  ;(window as unknown as { __coretime: Probe }).__coretime = probe

  // ---- inputs ------------------------------------------------------------------------------
  const chain = [
    selectField<Networks.Network>(
      store,
      {
        id: 'net',
        label: 'Network',
        help: `Amounts in ${Networks.names.map((n) => `${Networks.get(n).token.symbol} (${Networks.get(n).token.decimals} decimals)`).join(' or ')}. Changing the network resets every other input (broker parameters, your core, demand, agents, set B, Monte Carlo, blocks a day) to that network’s defaults; only the start date stays.`,
        options: networkOptions(),
        get: (s) => s.network,
        set: (s, v) => (v === s.network ? s : { ...fromQuery(`net=${v}&start=${s.start}`).state }),
      },
      refreshers,
    ),
    (() => {
      const id = 'start-date'
      const input = h('input', {
        type: 'date',
        id,
        'aria-describedby': `${id}-help ${id}-err`,
        'data-field': 'start',
      })
      const err = h('p', { class: 'error', id: `${id}-err`, role: 'alert', 'data-error': 'start' })
      input.addEventListener('change', () => {
        // a cleared or half-typed date leaves the view as it was, and says so
        if (!/^\d{4}-\d{2}-\d{2}$/.test(input.value)) {
          input.setAttribute('aria-invalid', 'true')
          err.textContent = `Simulation starts: expected a full date; still ${store.get().start}`
          return
        }
        input.removeAttribute('aria-invalid')
        err.textContent = ''
        store.set((s) => ({ ...s, start: input.value }))
      })
      refreshers.push((s) => {
        if (document.activeElement === input) return
        input.value = s.start
        input.removeAttribute('aria-invalid')
        err.textContent = ''
      })
      return h(
        'div',
        { class: 'field' },
        h('div', { class: 'field-head' }, h('label', { for: id }, 'Simulation starts')),
        input,
        err,
        h(
          'p',
          { class: 'help', id: `${id}-help` },
          'The calendar date the simulation starts (sales start one region later); dates follow at 6 s a block.',
        ),
      )
    })(),
  ]
  const yourCore = amountField(
    store,
    {
      id: 'paid',
      label: 'Your core was bought at',
      help: 'What you paid for your core. Its renewal price follows from this, sale by sale, under the renewal rule.',
      get: (s) => s.userPaid,
      set: (s, v) => ({ ...s, userPaid: v }),
    },
    refreshers,
  )
  const compareToggle = h('input', { type: 'checkbox', id: 'compare', 'data-field': 'compare' })
  compareToggle.addEventListener('change', () =>
    store.set((s) => ({
      ...s,
      b: compareToggle.checked
        ? { ...s.a, adapter: s.a.adapter === 'Linear' ? 'MinimumPrice' : 'Linear' }
        : null,
    })),
  )
  const bFields = h('div', { class: 'b-fields' }, ...paramFields(store, 'b', refreshers))
  refreshers.push((s) => {
    compareToggle.checked = s.b !== null
    bFields.hidden = s.b === null
  })
  const mcFields = [
    numberField(
      store,
      {
        id: 'runs',
        label: 'Monte Carlo runs',
        help: 'Run the sales many times through the simulator, each run with its own random draws for the agents, and draw p5–p95 bands of what buyers paid and of the end price. 0 turns it off. Computed in a background worker; the page stays usable.',
        min: 0,
        max: 500,
        step: 1,
        sliderStep: 10,
        box: LINK_RANGE.runs,
        get: (s) => s.mc.runs,
        set: (s, v) => ({ ...s, mc: { ...s.mc, runs: v } }),
      },
      refreshers,
    ),
    numberField(
      store,
      {
        id: 'seed',
        label: 'Seed',
        help: 'Where the random draws start: the same seed gives the same agents, runs and bands. The main chart is the batch’s first run.',
        min: 0,
        max: 1000,
        step: 1,
        box: LINK_RANGE.seed,
        get: (s) => s.mc.seed,
        set: (s, v) => ({ ...s, mc: { ...s.mc, seed: v } }),
      },
      refreshers,
    ),
  ]
  const bpd = numberField(
    store,
    {
      id: 'bpd',
      label: 'Blocks a day your parachain needs',
      help: 'A full core makes 14,400 blocks a day (one every 6 s). On-demand buys each block separately.',
      min: 1,
      max: BLOCKS_PER_DAY,
      step: 1,
      sliderStep: 60,
      get: (s) => s.blocksPerDay,
      set: (s, v) => ({ ...s, blocksPerDay: v }),
      note: (v) => `${((v / BLOCKS_PER_DAY) * 100).toFixed(1)}% of a core`,
    },
    refreshers,
  )

  const notice = h('div', { class: 'notice', role: 'status', 'data-testid': 'notice', hidden: true })
  if (!loaded.ok) {
    notice.hidden = false
    notice.append(
      h('span', {}, loaded.message),
      h('button', { type: 'button', class: 'link', onclick: () => notice.remove() }, 'Dismiss'),
    )
  }

  const status = h('span', { class: 'status', 'aria-live': 'polite', 'data-testid': 'status' })
  // where the view came from (a snapshot file, live state) or why it was not loaded; `status` is
  // cleared by every recompute, this stays until the next load
  const origin = h('p', { class: 'origin', 'aria-live': 'polite', 'data-testid': 'origin', hidden: true })
  const reportLoad = (message: string, ok: boolean): void => {
    origin.hidden = false
    origin.textContent = message
    origin.classList.toggle('failed', !ok)
  }
  const live = liveLoader(
    () => store.get(),
    (next) => store.set(() => next),
    reportLoad,
  )
  refreshers.push(live.refresh)
  const copyBtn = h('button', { type: 'button', 'data-action': 'copy' }, 'Copy link')
  const csvBtn = h('button', { type: 'button', 'data-action': 'csv' }, 'CSV')
  const pngBtn = h('button', { type: 'button', 'data-action': 'png' }, 'PNG')
  const resetBtn = h('button', { type: 'button', class: 'ghost', 'data-action': 'reset' }, 'Polkadot preset')

  const priceEl = h('div', { class: 'chart', 'data-testid': 'price-chart' })
  const renewalEl = h('div', { class: 'chart', 'data-testid': 'renewal-chart' })
  const costEl = h('div', { class: 'chart', 'data-testid': 'cost-chart' })
  const tableEl = h('div', { class: 'table-wrap', tabindex: 0, 'aria-label': 'Numbers behind the charts' })
  const summary = h('dl', { class: 'summary', 'data-testid': 'summary' })
  const costNote = h('p', { class: 'help' })
  const mcNote = h('p', { class: 'help', 'aria-live': 'polite', 'data-testid': 'mc-note' })
  const mcProgress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Monte Carlo progress' })
  const logToggle = h('input', { type: 'checkbox', id: 'log', checked: true })
  const logNote = h('p', { class: 'help', 'aria-live': 'polite', 'data-testid': 'log-note', hidden: true })
  const fitNote = h('p', { class: 'fit-note', role: 'status', 'data-testid': 'fit-note', hidden: true })
  const legend = h(
    'ul',
    { class: 'phase-legend', 'aria-label': 'Phases' },
    h('li', {}, h('i', { class: 'sw interlude' }), 'Interlude (renewals only)'),
    h('li', {}, h('i', { class: 'sw leadin' }), 'Lead-in (price falls)'),
    h('li', {}, h('i', { class: 'sw fixed' }), 'Fixed price'),
  )

  root.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h(
        'div',
        { class: 'brand' },
        h('h1', {}, 'Coretime Lab'),
        h(
          'p',
          {},
          'Bulk coretime sale simulator — exact pallet-broker rules, in DOT or KSM, with real dates.',
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        status,
        snapshotLoader(
          () => store.get(),
          (next) => store.set(() => next),
          reportLoad,
        ),
        resetBtn,
        copyBtn,
        csvBtn,
        pngBtn,
      ),
    ),
    notice,
    origin,
    h(
      'div',
      { class: 'layout' },
      h(
        'aside',
        { class: 'inputs', 'aria-label': 'Inputs' },
        section('Chain and time', 'h-chain', ...chain),
        section('Live chain', 'h-live', live.element),
        section('Broker parameters', 'h-params', ...paramFields(store, 'a', refreshers)),
        section('Your core', 'h-core', yourCore),
        section('Demand', 'h-demand', ...demandFields(store, refreshers)),
        section(
          'Agents',
          'h-agents',
          h(
            'p',
            { class: 'help intro' },
            'The simulator’s agents, on top of the demand above. They make their own choices with random draws from the seed, so each Monte Carlo run differs; with none, every run is the same.',
          ),
          ...agentFields(store, refreshers),
        ),
        section(
          'Compare',
          'h-compare',
          h(
            'div',
            { class: 'field check' },
            compareToggle,
            h('label', { for: 'compare' }, 'Compare with a second parameter set (B)'),
            h(
              'p',
              { class: 'help' },
              'B starts as a copy of A with another price adapter; change any of its inputs below.',
            ),
          ),
          bFields,
        ),
        section('Monte Carlo', 'h-mc', ...mcFields),
        section('Bulk or on-demand', 'h-cost', bpd),
      ),
      h(
        'main',
        { class: 'results' },
        summary,
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'h-price' },
          h(
            'div',
            { class: 'card-head' },
            h('h2', { id: 'h-price' }, 'Sale price over time'),
            h('label', { class: 'inline' }, logToggle, ' Log scale'),
          ),
          legend,
          fitNote,
          logNote,
          priceEl,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'h-renewal' },
          h('h2', { id: 'h-renewal' }, 'Your renewal against the open market'),
          h(
            'p',
            { class: 'help' },
            'Each sale: what renewing your core costs, the sale’s end price, and what buyers paid.',
          ),
          renewalEl,
          mcProgress,
          mcNote,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'h-cost2' },
          h('h2', { id: 'h-cost2' }, 'Bulk or on-demand'),
          costNote,
          costEl,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'h-table' },
          h('h2', { id: 'h-table' }, 'The numbers'),
          tableEl,
        ),
        h(
          'footer',
          {},
          'Every number comes from @coretime/core, the exact model of pallet-broker; the page computes none itself. ',
          h(
            'a',
            { href: 'https://github.com/polkadot-fellows/RFCs/blob/main/text/0001-agile-coretime.md' },
            'RFC-1',
          ),
          ' · ',
          h('a', { href: 'https://github.com/polkadot-fellows/RFCs/pull/149' }, 'RFC-149'),
        ),
      ),
    ),
  )

  // ---- computation in a worker, latest request wins ---------------------------------------
  const price = priceChart(priceEl)
  const renewal = renewalChart(renewalEl)
  const cost = costChart(costEl)
  let results: Results | null = null
  let bands: Bands | null = null
  let mcKey = ''
  let changedAt = performance.now()
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
  // Monte Carlo workers: the batch is split into index ranges (@coretime/sim's MonteCarlo.runs),
  // leaving a core for the page and the run worker.
  const mcWorkers = Array.from(
    { length: Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)) },
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  )
  let nextId = 1
  let pending: number | null = null
  let queued = false
  let mcId = 0
  let mcParts: (MonteCarlo.RunSummary[] | null)[] = []
  let mcDone: number[] = []
  let mcRuns = 0

  const ctxOf = (s: ViewState): ChartContext => {
    const token = Token.of(s.network)
    return { start: s.start, decimals: token.decimals, symbol: token.symbol, log: logToggle.checked }
  }

  const draw = (): void => {
    if (!results) return
    const drawStart = performance.now()
    const s = store.get()
    const ctx = ctxOf(s)
    const logShown = price.update(ctx, results.a, results.b)
    const logShownRenewal = renewal.update(ctx, results.a, bands)
    logNote.hidden = !ctx.log || (logShown && logShownRenewal)
    logNote.textContent = logNote.hidden
      ? ''
      : `Linear scale: some prices are 0 ${ctx.symbol}, which a log scale cannot show.`
    const fit = phaseFitHint(results.a.rows)
    fitNote.hidden = fit === null
    fitNote.textContent = fit ?? ''
    cost.update(ctx, results.a, results.costs.rows)
    const t: TableInput = {
      start: s.start,
      network: s.network,
      a: results.a,
      b: results.b,
      bands,
      costs: results.costs.rows,
    }
    renderTable(tableEl, t)
    const token = Token.of(s.network)
    const f = (x: bigint) => displayAmount(x, token)
    const last = results.a.rows.at(-1)
    const firstRow = results.a.rows[0]
    summary.replaceChildren(
      ...[
        ['First sale end price', firstRow ? f(firstRow.endPrice) : '—'],
        [`Sale ${last?.index ?? ''} end price`, last ? f(last.endPrice) : '—'],
        [`Your renewal in sale ${last?.index ?? ''}`, last ? f(last.userRenewal) : '—'],
        ['Burned over all sales', f(results.a.revenue)],
      ].map(([k, v]) => h('div', {}, h('dt', {}, k ?? ''), h('dd', {}, v ?? ''))),
    )
    const od = results.costs
    costNote.textContent = `On-demand at the floor spot price of ${Token.format(od.spot, token)} a block (polkadot-sdk default scheduler parameters, not live values) for ${s.blocksPerDay.toLocaleString('en-US')} blocks a day, against renewing ${od.cores === 1 ? 'your whole core' : `${od.cores} whole cores`} each region.`
    const now = performance.now()
    probe.lastDrawMs = now - drawStart
    probe.lastLatencyMs = now - changedAt
    if (probe.draws === 0) probe.firstDrawMs = performance.now()
    probe.draws++
    priceEl.dataset.draws = String(probe.draws)
  }

  const request = (): void => {
    if (pending !== null) {
      queued = true
      return
    }
    pending = nextId++
    status.textContent = 'Computing…'
    worker.postMessage({ kind: 'run', id: pending, state: store.get() } satisfies Request)
  }
  worker.onmessage = (e: MessageEvent<Response>) => {
    const m = e.data
    if (m.id !== pending) return
    pending = null
    if (m.kind === 'run') {
      results = { a: m.a, b: m.b, costs: m.costs }
      probe.lastWorkerMs = m.ms
      status.textContent = ''
      draw()
    } else if (m.kind === 'error') {
      status.textContent = m.message
    }
    if (queued) {
      queued = false
      request()
    }
  }
  // Only what changes the batch restarts it (not the user's price, B or the on-demand needs).
  const mcKeyOf = (s: ViewState): string =>
    toQuery({ ...s, b: null, userPaid: defaults().userPaid, blocksPerDay: defaults().blocksPerDay })
  const requestMc = (s: ViewState): void => {
    const key = mcKeyOf(s)
    if (key === mcKey) return
    mcKey = key
    mcId++
    // stale bands go; the run this change also asked for redraws without them
    bands = null
    if (s.mc.runs === 0) {
      for (const w of mcWorkers) w.postMessage({ kind: 'cancel', id: mcId } satisfies Request)
      mcNote.textContent = ''
      mcProgress.hidden = true
      return
    }
    mcRuns = s.mc.runs
    const n = Math.min(mcWorkers.length, s.mc.runs)
    mcParts = mcWorkers.map((_, i) => (i < n ? null : []))
    mcDone = mcWorkers.map(() => 0)
    mcWorkers.forEach((w, i) => {
      if (i >= n) {
        w.postMessage({ kind: 'cancel', id: mcId } satisfies Request)
        return
      }
      const from = Math.floor((s.mc.runs * i) / n)
      const to = Math.floor((s.mc.runs * (i + 1)) / n)
      w.postMessage({ kind: 'mc', id: mcId, state: s, from, to } satisfies Request)
    })
    mcProgress.hidden = false
    mcProgress.max = s.mc.runs
    mcProgress.value = 0
    mcNote.textContent = `Monte Carlo: 0 of ${s.mc.runs} runs…`
  }
  mcWorkers.forEach((w, i) => {
    w.onmessage = (e: MessageEvent<Response>) => {
      const m = e.data
      if (m.id !== mcId) return
      if (m.kind === 'progress') {
        mcDone[i] = m.done
        const done = mcDone.reduce((a, x) => a + x, 0)
        mcProgress.value = done
        mcNote.textContent = `Monte Carlo: ${done} of ${mcRuns} runs…`
      } else if (m.kind === 'mcRuns') {
        mcParts[i] = m.runs
        if (mcParts.some((p) => p === null)) return
        bands = bandsOf(mcParts.flatMap((p) => p ?? []))
        const s = store.get()
        mcProgress.hidden = true
        mcNote.textContent = hasAgents(s.agents)
          ? `Bands: p5–p95 over ${bands.runs} seeded runs of the simulator (seed ${s.mc.seed}) — pink: what buyers paid (mean per run; dotted: median), blue: the end price.`
          : `No agents: the demand is fixed, so all ${bands.runs} runs are the same and the bands are lines. Add agents to see a spread.`
        probe.bandDraws++
        draw()
      } else if (m.kind === 'error') {
        mcProgress.hidden = true
        mcNote.textContent = m.message
      }
    }
  })

  // ---- state → URL, inputs, computation ---------------------------------------------------
  // history.replaceState costs 3–12 ms in chromium, as much as the engine run: the address bar is
  // written once the inputs settle (and at once before a copy or when the page is left).
  let urlTimer = 0
  const writeUrl = (): void => {
    clearTimeout(urlTimer)
    urlTimer = 0
    history.replaceState(null, '', `?${toQuery(store.get())}`)
  }
  const sync = (s: ViewState): void => {
    for (const r of refreshers) r(s)
    clearTimeout(urlTimer)
    urlTimer = window.setTimeout(writeUrl, URL_SETTLE_MS)
  }
  window.addEventListener('pagehide', () => {
    if (urlTimer) writeUrl()
  })
  store.subscribe((s) => {
    changedAt = performance.now()
    // the worker starts first; the inputs are refreshed while it runs
    request()
    sync(s)
    requestMc(s)
  })
  logToggle.addEventListener('change', () => {
    price.plot()?.destroy()
    draw()
  })
  for (const r of refreshers) r(store.get())
  writeUrl()
  request()
  requestMc(store.get())

  copyBtn.addEventListener('click', async () => {
    writeUrl()
    const url = location.href
    try {
      await navigator.clipboard.writeText(url)
      status.textContent = 'Link copied'
    } catch {
      status.textContent = 'Copy the address bar to share this view'
    }
  })
  csvBtn.addEventListener('click', () => {
    if (!results) return
    const s = store.get()
    const csv = toCsv({
      start: s.start,
      network: s.network,
      a: results.a,
      b: results.b,
      bands,
      costs: results.costs.rows,
    })
    download('coretime-sales.csv', URL.createObjectURL(new Blob([csv], { type: 'text/csv' })))
  })
  pngBtn.addEventListener('click', () => {
    const c = price.canvas()
    if (c) download('coretime-price.png', c.toDataURL('image/png'))
  })
  resetBtn.addEventListener('click', () =>
    store.set(() => ({ ...defaults(), a: polkadotParams(), agents: agentDefaults('polkadot') })),
  )
  let resizeTimer = 0
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer)
    resizeTimer = window.setTimeout(draw, 150)
  })
}
