import { Token } from '@coretime/core'
import type { Compare } from '@coretime/sim'
import { displayAmount } from '../display'
import type { ViewState } from '../state'
import type { Store } from '../store'
import { h } from '../ui/dom'
import type { Rfc17Request, Rfc17Response } from './protocol'

/**
 * The results card of "B = RFC-17 market": per sale, what each group paid in both markets, the
 * large actor's cores, revenue, idle cores and who lost a core. It only renders the comparison the
 * RFC-17 worker sends (@coretime/sim's `Compare.compare`); the worker is made on first use.
 */

export interface Rfc17Card {
  element: HTMLElement
}

type Row = Compare.MarketSale

const lostText = (lost: Row['lostCore']): string => {
  if (lost.length === 0) return ''
  const names = lost.slice(0, 3).map((l) => `${l.agent} (${l.reason})`)
  return lost.length > 3 ? `${names.join(', ')} +${lost.length - 3} more` : names.join(', ')
}

const render = (c: Compare.Comparison, s: ViewState): HTMLElement[] => {
  const t = Token.of(s.network)
  const f = (x: bigint | null) => (x === null ? '—' : displayAmount(x, t, { symbol: false }))
  const n = (x: number | null) => (x === null ? '—' : String(x))
  const num = (text: string, attrs: Record<string, string> = {}) => h('td', { class: 'num', ...attrs }, text)
  const cols = ['new buyers', 'renewers', 'large actor', 'revenue', 'idle', 'lost']
  const side = (m: Row, market: string) => [
    num(f(m.newBuyerPrice), { 'data-col': `${market}-new` }),
    num(f(m.renewerPrice), { 'data-col': `${market}-renewers` }),
    num(n(m.largeActorCores), { 'data-col': `${market}-large` }),
    num(f(m.revenue), { 'data-col': `${market}-revenue` }),
    num(String(m.idle), { 'data-col': `${market}-idle` }),
    num(String(m.lostCore.length), { 'data-col': `${market}-lost`, title: lostText(m.lostCore) }),
  ]
  const table = (testid: string, caption: string, head: string[], rows: HTMLElement[]) =>
    h(
      'div',
      { class: 'table-wrap', tabindex: 0, 'aria-label': caption },
      h(
        'table',
        { class: 'numbers', 'data-testid': testid },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, ...rows),
      ),
    )
  const sale = (k: number) => h('th', { scope: 'row' }, String(k))
  const today = table(
    'rfc17-today-table',
    'Today’s sale (descending lead-in, renewals first)',
    ['Sale', 'end price', ...cols],
    c.sales.map((x) =>
      h(
        'tr',
        {},
        sale(x.sale),
        num(f(x.today.endPrice), { 'data-col': 'today-end' }),
        ...side(x.today, 'today'),
      ),
    ),
  )
  const rfc = table(
    'rfc17-table',
    'RFC-17 (clearing-price auction, then renewals)',
    ['Sale', 'reserve', 'clearing', 'renewal', 'penalty', ...cols, 'displaced'],
    c.sales.map((x) =>
      h(
        'tr',
        {},
        sale(x.sale),
        num(f(x.rfc17.reservePrice), { 'data-col': 'rfc17-reserve' }),
        num(f(x.rfc17.clearingPrice), { 'data-col': 'rfc17-clearing' }),
        num(f(x.rfc17.renewalPrice), { 'data-col': 'rfc17-renewal' }),
        h('td', { 'data-col': 'rfc17-penalty' }, x.rfc17.penaltyApplied ? 'yes' : 'no'),
        ...side(x.rfc17, 'rfc17'),
        num(String(x.rfc17.displaced), { 'data-col': 'rfc17-displaced' }),
      ),
    ),
  )
  const lost = c.sales.flatMap((x) => {
    const a = lostText(x.today.lostCore)
    const b = lostText(x.rfc17.lostCore)
    return a || b ? [h('li', {}, `Sale ${x.sale}: today ${a || '—'}; RFC-17 ${b || '—'}`)] : []
  })
  return [
    h(
      'p',
      { class: 'help', 'data-testid': 'rfc17-revenue' },
      `Revenue over ${c.sales.length} sales: today ${displayAmount(c.revenue.today, t)}, RFC-17 ${displayAmount(c.revenue.rfc17, t)}. Prices are per core (${t.symbol}, the mean of what the group paid); idle cores go to the on-demand pool in both designs.`,
    ),
    today,
    rfc,
    lost.length > 0
      ? h(
          'details',
          {},
          h('summary', {}, `Who lost a core (${lost.length} of ${c.sales.length} sales)`),
          h('ul', { 'data-testid': 'rfc17-lost' }, ...lost),
        )
      : h('p', { class: 'help', 'data-testid': 'rfc17-lost' }, 'Nobody lost a core, in either market.'),
  ]
}

export const rfc17Card = (store: Store<ViewState>): Rfc17Card => {
  const status = h('p', { class: 'status', 'aria-live': 'polite', 'data-testid': 'rfc17-status' })
  const body = h('div', { 'data-testid': 'rfc17-body' })
  const element = h(
    'section',
    { class: 'card', 'aria-labelledby': 'h-rfc17', 'data-testid': 'rfc17-card', hidden: true },
    h('h2', { id: 'h-rfc17' }, 'Today’s sale beside RFC-17’s market'),
    status,
    body,
  )
  let worker: Worker | null = null
  let latest = 0
  let asked: ViewState | null = null
  const ask = (s: ViewState): void => {
    if (s.rfc17 === null) {
      element.hidden = true
      asked = s
      return
    }
    if (asked === s) return
    asked = s
    element.hidden = false
    if (!worker) {
      worker = new Worker(new URL('./rfc17Worker.ts', import.meta.url), { type: 'module' })
      worker.onmessage = (e: MessageEvent<Rfc17Response>) => {
        if (e.data.id !== latest) return // a newer request is on its way
        const o = e.data.outcome
        const cur = asked ?? store.get()
        if (o.ok) {
          status.textContent = ''
          status.classList.remove('failed')
          body.replaceChildren(...render(o.comparison, cur))
        } else {
          status.textContent = `RFC-17 not computed: ${o.message}`
          status.classList.add('failed')
          body.replaceChildren()
        }
        element.dataset.done = String(e.data.id)
      }
    }
    latest++
    status.textContent = 'Computing…'
    const req: Rfc17Request = { id: latest, state: s, rfc17: s.rfc17 }
    worker.postMessage(req)
  }
  store.subscribe(ask)
  ask(store.get())
  return { element }
}
