import { Networks, Token } from '@coretime/core'
import { displayAmount } from '../display'
import type { Bands } from '../model'
import { phaseFitHint } from '../phaseFit'
import type { McState, Results } from '../runner'
import { hasAgents, type Params, type ViewState } from '../state'
import type { Store } from '../store'
import { type ChartContext, COLORS, costChart, priceChart, renewalChart, type Zoom } from './charts'
import { h } from './dom'
import { composePng, type PngContent } from './png'
import { renderTable, type TableInput } from './table'

/**
 * The results column: summary cards, the three charts, the numbers. It only renders what it is
 * given (the view and the runner's results) and dispatches the one view choice it owns, the log
 * scale, to the store.
 */

const card = (title: string, id: string, ...children: (HTMLElement | null)[]): HTMLElement =>
  h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children)

const blocksAndDays = (blocks: number): string =>
  `${blocks.toLocaleString('en-US')} blocks (${(blocks / 14_400).toLocaleString('en-US', { maximumFractionDigits: 2 })} days)`

/** One parameter set in words (for the PNG). */
export const paramsLine = (name: string, p: Params, s: ViewState): string => {
  const t = Token.of(s.network)
  const f = (x: bigint) => displayAmount(x, t)
  return [
    `${name}: ${p.adapter}${p.adapter === 'MinimumPrice' ? ` (floor ${f(p.minPrice)})` : ''}`,
    `starting price ${f(p.startPrice)}`,
    `interlude ${blocksAndDays(p.interlude)}`,
    `lead-in ${blocksAndDays(p.leadin)}`,
    `region ${p.regionLength.toLocaleString('en-US')} timeslices`,
    `ideal ${p.idealPct}%`,
    `core limit ${p.coreLimit}`,
    `renewal bump ${p.bumpPct}% (${p.renewalRule === 'floorAtEndPrice' ? 'RFC-149 floor' : 'bump only'})`,
  ].join(' · ')
}

export const pngContent = (s: ViewState): PngContent => {
  const d = s.demand
  const demand =
    d.mode === 'constant'
      ? `${d.renewals[0] ?? 0} renewals and ${d.purchases[0] ?? 0} purchases a sale`
      : `renewals ${d.renewals.join(',')}; purchases ${d.purchases.join(',')}`
  const agents = hasAgents(s.agents)
    ? ` · agents: ${s.agents.renewers} renewers, ${s.agents.buyers} new buyers a sale, ${s.agents.speculators} speculators${s.agents.largeOn ? ', a large actor' : ''} (seed ${s.mc.seed})`
    : ''
  const token = Token.of(s.network)
  return {
    title: `Coretime Lab — ${Networks.get(s.network).label} bulk coretime sale price over ${s.sales} sales`,
    subtitle: `From ${s.start} (UTC), ${s.log ? 'log' : 'linear'} price scale in ${token.symbol}; exact pallet-broker rules`,
    legend: [
      { label: s.b ? 'A: sale price' : 'Sale price', color: COLORS.a, kind: 'line' },
      ...(s.b ? [{ label: 'B: sale price', color: COLORS.b, kind: 'dash' as const }] : []),
      {
        label: s.b ? 'Interlude (A upper, B lower half)' : 'Interlude',
        color: COLORS.interlude,
        kind: 'swatch',
      },
      { label: 'Lead-in', color: COLORS.leadin, kind: 'swatch' },
      { label: 'Fixed price', color: 'rgba(10, 125, 79, 0.18)', kind: 'swatch' },
    ],
    params: [
      paramsLine('A', s.a, s),
      ...(s.b ? [paramsLine('B', s.b, s)] : []),
      `Demand: ${demand}, buyers at ${d.buyAtPct}% of the lead-in${agents} · your core bought at ${displayAmount(s.userPaid, token)}`,
    ],
  }
}

export interface ResultsView {
  element: HTMLElement
  draw(s: ViewState, r: Results, bands: Bands | null): void
  mc(s: ViewState, m: McState): void
  /** The price chart as a PNG with title, legend and parameters (null before the first draw). */
  png(s: ViewState): HTMLCanvasElement | null
  priceChart: ReturnType<typeof priceChart>
}

export const resultsView = (store: Store<ViewState>): ResultsView => {
  const priceEl = h('div', { class: 'chart', 'data-testid': 'price-chart' })
  const renewalEl = h('div', { class: 'chart', 'data-testid': 'renewal-chart' })
  const costEl = h('div', { class: 'chart', 'data-testid': 'cost-chart' })
  const tableEl = h('div', { class: 'table-wrap', tabindex: 0, 'aria-label': 'Numbers behind the charts' })
  const summary = h('div', { class: 'summary', 'data-testid': 'summary' })
  const costNote = h('p', { class: 'help' })
  const mcNote = h('p', { class: 'help', 'aria-live': 'polite', 'data-testid': 'mc-note' })
  const mcProgress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Monte Carlo progress' })
  const logToggle = h('input', { type: 'checkbox', id: 'log', 'data-field': 'log' })
  logToggle.addEventListener('change', () => store.set((s) => ({ ...s, log: logToggle.checked })))
  const logNote = h('p', { class: 'help', 'aria-live': 'polite', 'data-testid': 'log-note', hidden: true })
  const fitNote = h('p', { class: 'fit-note', role: 'status', 'data-testid': 'fit-note', hidden: true })
  const legend = h('ul', { class: 'phase-legend', 'aria-label': 'Phases', 'data-testid': 'phase-legend' })
  const resetZoom = h(
    'button',
    { type: 'button', class: 'link', 'data-action': 'reset-zoom', hidden: true },
    'Reset zoom',
  )
  const zoomHint = h(
    'p',
    { class: 'help zoom-hint', 'data-testid': 'zoom-hint' },
    'Drag across the chart to zoom in on a stretch of time, double-click to see it all again; the zoom stays while you change inputs. Times are UTC. ',
    resetZoom,
  )
  const zoom: Zoom = {
    range: null,
    internal: false,
    onChange: (zoomed) => {
      resetZoom.hidden = !zoomed
      priceEl.dataset.zoomed = String(zoomed)
    },
  }
  const price = priceChart(priceEl, zoom)
  const renewal = renewalChart(renewalEl)
  const cost = costChart(costEl)
  resetZoom.addEventListener('click', () => price.resetZoom())
  const renewalHelp = h('p', { class: 'help' })

  const element = h(
    'main',
    { class: 'results', id: 'results', 'aria-label': 'Results' },
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
      zoomHint,
      fitNote,
      logNote,
      priceEl,
    ),
    card('Your renewal against the open market', 'h-renewal', renewalHelp, renewalEl, mcProgress, mcNote),
    card('Bulk or on-demand', 'h-cost2', costNote, costEl),
    card('The numbers', 'h-table', tableEl),
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
  )

  const draw = (s: ViewState, r: Results, bands: Bands | null): void => {
    const token = Token.of(s.network)
    const ctx: ChartContext = { start: s.start, decimals: token.decimals, symbol: token.symbol, log: s.log }
    logToggle.checked = s.log
    const b = r.b
    legend.replaceChildren(
      h('li', {}, h('i', { class: 'sw interlude' }), 'Interlude (renewals only)'),
      h('li', {}, h('i', { class: 'sw leadin' }), 'Lead-in (price falls)'),
      h('li', {}, h('i', { class: 'sw fixed' }), 'Fixed price'),
      ...(b
        ? [
            h(
              'li',
              { 'data-testid': 'phase-sets' },
              h('i', { class: 'sw split' }),
              'Upper half: A’s phases; lower half, hatched: B’s',
            ),
          ]
        : []),
    )
    const logShown = price.update(ctx, r.a, b)
    const logShownRenewal = renewal.update(ctx, r.a, b, bands)
    logNote.hidden = !ctx.log || (logShown && logShownRenewal)
    logNote.textContent = logNote.hidden
      ? ''
      : `Linear scale: some prices are 0 ${ctx.symbol}, which a log scale cannot show.`
    const fit = phaseFitHint(r.a.rows) ?? (b ? phaseFitHint(b.rows) : null)
    fitNote.hidden = fit === null
    fitNote.textContent = fit ? (b && !phaseFitHint(r.a.rows) ? `Set B: ${fit}` : fit) : ''
    cost.update(ctx, r.a, r.costs.rows)
    const t: TableInput = { start: s.start, network: s.network, a: r.a, b, bands, costs: r.costs.rows }
    renderTable(tableEl, t)
    renewalHelp.textContent = b
      ? 'Each sale: what renewing your core costs, the sale’s end price and what buyers paid — A solid, B dashed.'
      : 'Each sale: what renewing your core costs, the sale’s end price, and what buyers paid.'
    const f = (x: bigint) => displayAmount(x, token)
    const col = (name: string | null, x: Results['a']) => {
      const last = x.rows.at(-1)
      const first = x.rows[0]
      const totalRenewals = x.rows.reduce((acc, row) => acc + row.userRenewal, 0n)
      return [
        ['First sale end price', first ? f(first.endPrice) : '—'],
        [`Sale ${last?.index ?? ''} end price`, last ? f(last.endPrice) : '—'],
        [`Your renewal in sale ${last?.index ?? ''}`, last ? f(last.userRenewal) : '—'],
        [`You pay to renew, ${x.rows.length} sales`, f(totalRenewals)],
        ['Burned over all sales', f(x.revenue)],
      ].map(([k, v]) =>
        h('div', { class: 'stat' }, h('dt', {}, name ? `${name}: ${k}` : (k ?? '')), h('dd', {}, v ?? '')),
      )
    }
    summary.replaceChildren(
      h('dl', { class: 'set', 'data-set': 'a' }, ...col(b ? 'A' : null, r.a)),
      ...(b ? [h('dl', { class: 'set set-b', 'data-set': 'b' }, ...col('B', b))] : []),
    )
    const od = r.costs
    costNote.textContent = `On-demand at the floor spot price of ${Token.format(od.spot, token)} a block (polkadot-sdk default scheduler parameters, not live values) for ${s.blocksPerDay.toLocaleString('en-US')} blocks a day, against renewing ${od.cores === 1 ? 'your whole core' : `${od.cores} whole cores`} each region (set A).`
  }

  const mc = (s: ViewState, m: McState): void => {
    if (m.status === 'off') {
      mcNote.textContent = ''
      mcProgress.hidden = true
    } else if (m.status === 'running') {
      mcProgress.hidden = false
      mcProgress.max = m.total
      mcProgress.value = m.done
      mcNote.textContent = `Monte Carlo: ${m.done} of ${m.total} runs…`
    } else if (m.status === 'done') {
      mcProgress.hidden = true
      mcNote.textContent = hasAgents(s.agents)
        ? `Bands: p5–p95 over ${m.bands.runs} seeded runs of the simulator (seed ${s.mc.seed}) — pink: what buyers paid (mean per run; dotted: median), blue: the end price.${s.b ? ' Bands are of set A.' : ''}`
        : `No agents: the demand is fixed, so all ${m.bands.runs} runs are the same and the bands are lines. Add agents to see a spread.`
    } else {
      mcProgress.hidden = true
      mcNote.textContent = `Monte Carlo stopped: ${m.error.message}`
    }
  }

  const png = (s: ViewState): HTMLCanvasElement | null => {
    const c = price.canvas()
    return c ? composePng(c, pngContent(s)) : null
  }

  return { element, draw, mc, png, priceChart: price }
}
