import { Networks } from '@coretime/core'
import { type FollowTarget, liveLoader } from './live'
import { createProbe, type Probe } from './probe'
import type { Request, Response } from './protocol'
import { rfc17Fields } from './rfc17/fields'
import { rfc17Card } from './rfc17/view'
import { createRunner, type RunnerState, type WorkerLike } from './runner'
import type { Start } from './snapshot'
import { defaults, type ViewState } from './state'
import { createStore } from './store'
import { h } from './ui/dom'
import { nowCard } from './ui/nowCard'
import {
  agentFields,
  chainFields,
  compareFields,
  coreFields,
  costFields,
  demandFields,
  mcFields,
  paramFields,
  type Refresh,
} from './ui/panels'
import { resultsView } from './ui/results'
import { snapshotButton } from './ui/snapshotButton'
import { toCsv } from './ui/table'
import { decode, encode, issuesMessage } from './url'

/**
 * Wiring only: the view store, its URL codec, the runner (workers and results), the input panels
 * and the results view. Nothing here computes or draws.
 */

/** The networks' tokens for the header: "DOT, KSM or PAS". */
const tokens = Networks.choice(Networks.names.map((n) => Networks.get(n).token.symbol))

/** Throw-away runs each Monte Carlo worker makes to compile the engine before a first batch. */
const WARM_RUNS = 60

/** Monte Carlo workers at most (each holds its own copy of the engine). */
const MAX_MC_WORKERS = 16

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

const newWorker = (): WorkerLike => {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
  return {
    postMessage: (m: Request) => w.postMessage(m),
    set onmessage(f: ((e: { data: Response }) => void) | null) {
      w.onmessage = f
    },
    get onmessage() {
      return w.onmessage as ((e: { data: Response }) => void) | null
    },
    terminate: () => w.terminate(),
  }
}

export const mount = (root: HTMLElement): void => {
  const opened = decode(location.search)
  const store = createStore<ViewState>(opened.state)
  const refreshers: Refresh[] = []
  // Monte Carlo workers, one a core the browser reports (at most MAX_MC_WORKERS): the batch is split
  // by run index and each posts its share as columns; they yield between slices of runs, so the
  // page and the run worker still get their turns (made at the first batch, or warmed once the page is idle)
  const runner = createRunner(newWorker(), () =>
    Array.from(
      { length: Math.max(1, Math.min(MAX_MC_WORKERS, navigator.hardwareConcurrency || 2)) },
      newWorker,
    ),
  )
  // the first run is asked for at once: the worker loads and computes while the page is built
  // (its answer is a message, so it arrives after mount, once the runner has its listeners)
  let changedAt = performance.now()
  let mcAt = changedAt
  runner.request(store.get())
  // Once the first chart is drawn and the page is idle, the Monte Carlo workers start and compile
  // the engine with throw-away runs: a first batch then runs on compiled code (docs/web.md).
  const warmLater = (): void => {
    const go = (): void => runner.warm(store.get(), WARM_RUNS)
    if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 2000 })
    else setTimeout(go, 500)
  }
  const results = resultsView(store)
  const now = nowCard()
  results.element.prepend(now.element)
  results.element.append(rfc17Card(store).element)

  // ---- header, notices, inputs -------------------------------------------------------------
  const notice = h('div', { class: 'notice', role: 'status', 'data-testid': 'notice', hidden: true })
  const linkProblem = issuesMessage(opened.issues)
  if (linkProblem) {
    notice.hidden = false
    notice.append(
      h('span', {}, linkProblem),
      h('button', { type: 'button', class: 'link', onclick: () => notice.remove() }, 'Dismiss'),
    )
  }
  const status = h('span', { class: 'status', 'aria-live': 'polite', 'data-testid': 'status' })
  // where the view came from (a snapshot file, live state) or why it was not loaded
  const origin = h('p', { class: 'origin', 'aria-live': 'polite', 'data-testid': 'origin', hidden: true })
  const reportLoad = (message: string, ok: boolean): void => {
    origin.hidden = false
    origin.textContent = message
    origin.classList.toggle('failed', !ok)
  }
  // a snapshot or a live read: the inputs start from it, and "Now" shows where its sale stands
  // after a live read, Now, My parachain and Sign and submit follow the chain (lazily loaded)
  const liveArea = h('div', { class: 'live-area', 'data-testid': 'live-area' })
  now.element.after(liveArea)
  let session: { stop: () => void } | null = null
  let sessionId = 0
  const follow = (target: FollowTarget | null) => {
    const id = ++sessionId
    session?.stop()
    session = null
    now.connection(null)
    if (!target) return
    import('./live/session').then(({ startSession }) => {
      if (id !== sessionId) return
      session = startSession({
        ...target,
        mount: liveArea,
        onSnapshot: (s) => import('./now').then(({ nowOf }) => now.show(nowOf(s))),
        onStatus: (s) => now.connection(s),
      })
    })
  }
  const replace = (loaded: Start) => {
    follow(null)
    store.set(() => loaded.state)
    import('./now').then(({ nowOf }) => now.show(nowOf(loaded.snapshot)))
  }
  const live = liveLoader(() => store.get(), replace, reportLoad, follow)
  refreshers.push(live.refresh)
  const copyBtn = h('button', { type: 'button', 'data-action': 'copy' }, 'Copy link')
  const csvBtn = h('button', { type: 'button', 'data-action': 'csv' }, 'CSV')
  const pngBtn = h('button', { type: 'button', 'data-action': 'png' }, 'PNG')
  const resetBtn = h('button', { type: 'button', class: 'ghost', 'data-action': 'reset' }, 'Polkadot preset')
  const header = h(
    'header',
    { class: 'top' },
    h(
      'div',
      { class: 'brand' },
      h('h1', {}, 'Coretime Lab'),
      h(
        'p',
        {},
        `Bulk coretime sale simulator — exact pallet-broker rules, in ${tokens}, with real dates (UTC).`,
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      status,
      snapshotButton(() => store.get(), replace, reportLoad),
      resetBtn,
      copyBtn,
      csvBtn,
      pngBtn,
    ),
  )
  const jump = h(
    'nav',
    { class: 'jump', 'aria-label': 'Jump to' },
    h('a', { href: '#results' }, 'Results'),
    h('a', { href: '#inputs' }, 'Inputs'),
  )
  root.replaceChildren(
    header,
    notice,
    origin,
    jump,
    h(
      'div',
      { class: 'layout' },
      h(
        'aside',
        { class: 'inputs', id: 'inputs', 'aria-label': 'Inputs' },
        section('Chain and time', 'h-chain', ...chainFields(store, refreshers)),
        section('Live chain', 'h-live', live.element),
        section('Broker parameters', 'h-params', ...paramFields(store, 'a', refreshers)),
        section('Your core', 'h-core', ...coreFields(store, refreshers)),
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
          ...compareFields(store, refreshers),
          ...rfc17Fields(store, refreshers),
        ),
        section('Monte Carlo', 'h-mc', ...mcFields(store, refreshers)),
        section('Bulk or on-demand', 'h-cost', ...costFields(store, refreshers)),
      ),
      results.element,
    ),
  )
  // the results column sticks below the header: its height is the header's
  const headerHeight = (): void => {
    document.documentElement.style.setProperty('--header-h', `${header.offsetHeight}px`)
  }
  headerHeight()
  new ResizeObserver(headerHeight).observe(header)

  // ---- probe -------------------------------------------------------------------------------
  const probe = createProbe(store, results)
  ;(window as unknown as { __coretime: Probe }).__coretime = probe

  // ---- runner → results --------------------------------------------------------------------
  let drawn: RunnerState['results'] = null
  let drawnBands: unknown = null
  const draw = (r: RunnerState): void => {
    if (!r.results) return
    const t = performance.now()
    const s = store.get()
    const bands = r.mc.status === 'done' ? r.mc.bands : null
    results.draw(s, r.results, bands)
    const now = performance.now()
    probe.lastDrawMs = now - t
    probe.lastLatencyMs = now - changedAt
    probe.lastWorkerMs = r.workerMs
    if (probe.draws === 0) {
      probe.firstDrawMs = now
      warmLater()
    }
    if (bands && bands !== drawnBands) {
      probe.bandDraws++
      probe.lastBandsMs = now - mcAt
      probe.lastBandsAt = now
    }
    drawn = r.results
    drawnBands = bands
    probe.draws++
  }
  const show = (r: RunnerState): void => {
    status.textContent = r.error ? `Not computed: ${r.error.message}` : r.computing ? 'Computing…' : ''
    results.mc(store.get(), r.mc)
    const bands = r.mc.status === 'done' ? r.mc.bands : null
    if (r.results !== drawn || bands !== drawnBands) draw(r)
  }
  runner.subscribe((r) => {
    if (r.mc.status === 'running' && r.mc.done === 0) mcAt = performance.now()
    show(r)
  })
  // the first request went out before the page was built: show where it stands
  show(runner.get())

  // ---- state → inputs, URL, runner ---------------------------------------------------------
  // history.replaceState costs 3–12 ms in chromium: the address bar is written once the inputs
  // settle (at once before a copy or when the page is left), and not at all until the user
  // changes something — the address bar keeps the link the page was opened with.
  let urlTimer = 0
  let changed = false
  const writeUrl = (): void => {
    clearTimeout(urlTimer)
    urlTimer = 0
    if (changed) history.replaceState(null, '', `?${encode(store.get(), opened.foreign)}`)
  }
  window.addEventListener('pagehide', () => {
    if (urlTimer) writeUrl()
  })
  let prev = store.get()
  store.subscribe((s) => {
    changedAt = performance.now()
    changed = true
    // the worker starts first; the inputs are refreshed while it runs
    runner.request(s)
    for (const r of refreshers) r(s)
    clearTimeout(urlTimer)
    urlTimer = window.setTimeout(writeUrl, URL_SETTLE_MS)
    // a view choice alone (the log scale) redraws what is there
    if (s.log !== prev.log) draw(runner.get())
    prev = s
  })
  for (const r of refreshers) r(store.get())

  copyBtn.addEventListener('click', async () => {
    changed = true
    writeUrl()
    try {
      await navigator.clipboard.writeText(location.href)
      status.textContent = 'Link copied'
    } catch {
      status.textContent = 'Copy the address bar to share this view'
    }
  })
  csvBtn.addEventListener('click', () => {
    const r = runner.get().results
    if (!r) return
    const s = store.get()
    const bands = runner.get().mc
    const csv = toCsv({
      start: s.start,
      network: s.network,
      a: r.a,
      b: r.b,
      bands: bands.status === 'done' ? bands.bands : null,
      costs: r.costs.rows,
    })
    download('coretime-sales.csv', URL.createObjectURL(new Blob([csv], { type: 'text/csv' })))
  })
  pngBtn.addEventListener('click', () => {
    const c = results.png(store.get())
    if (c) download('coretime-price.png', c.toDataURL('image/png'))
  })
  resetBtn.addEventListener('click', () => store.set((s) => ({ ...defaults(), log: s.log })))
  let resizeTimer = 0
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer)
    resizeTimer = window.setTimeout(() => draw(runner.get()), 150)
  })
}
