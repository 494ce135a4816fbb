import { Token } from '@coretime/core'
import { displayAmount } from '../display'
import { type Bands, blockToDate, type CostRow, type RunResult, totals } from '../model'
import type { Network } from '../state'
import { h } from './dom'

const date = (start: string, block: number, first: number): string =>
  blockToDate(start, block, first).toISOString().slice(0, 10)

export interface TableInput {
  start: string
  network: Network
  a: RunResult
  b: RunResult | null
  bands: Bands | null
  costs: CostRow[]
}

export const COLUMNS = [
  'Sale',
  'Lead-in starts (UTC)',
  'Top price',
  'End price',
  'Buyers paid',
  'Offered',
  'Sold',
  'Renewed',
  'Bought',
  'Turned away',
  'Your renewal',
  'Revenue',
  'On-demand',
] as const

/**
 * The numbers behind the charts, readable: amounts with thousands separators and two decimals
 * (three significant digits below one token; truncated — the CSV has exact planck), and a last row
 * with the totals: what you pay to renew over all sales, the revenue, on-demand for the same blocks.
 */
export const renderTable = (el: HTMLElement, t: TableInput): void => {
  const first = t.a.firstBlock
  const token = Token.of(t.network)
  const fmt = (planck: bigint | null | undefined): string =>
    planck == null ? '—' : displayAmount(planck, token, { symbol: false })
  const extra = [
    ...(t.b ? ['B end price', 'B your renewal'] : []),
    ...(t.bands ? ['Paid p5', 'Paid median', 'Paid p95', 'End p5', 'End p95'] : []),
  ]
  const counts = /^(Offered|Sold|Renewed|Bought|Turned away)$/
  const head = h(
    'tr',
    {},
    ...[...COLUMNS, ...extra].map((c, i) =>
      h(
        'th',
        { scope: 'col', class: i >= 2 ? 'num' : '' },
        c,
        i >= 2 && !counts.test(c) ? h('span', { class: 'muted' }, ` ${token.symbol}`) : null,
      ),
    ),
  )
  const texts = t.a.rows.map((r, i) => {
    const b = t.b?.rows[i]
    const band = t.bands?.sales[i]
    const cells = [
      String(r.index),
      date(t.start, r.saleStart, first),
      fmt(r.topPrice),
      fmt(r.endPrice),
      fmt(r.purchasePrice),
      String(r.coresOffered),
      String(r.coresSold),
      String(r.renewed),
      String(r.purchased),
      String(r.turnedAway),
      fmt(r.userRenewal),
      fmt(r.revenue),
      fmt(t.costs[i]?.onDemand),
      ...(t.b ? [fmt(b?.endPrice), fmt(b?.userRenewal)] : []),
      ...(t.bands
        ? [
            fmt(band?.meanPurchasePrice?.p5),
            fmt(band?.meanPurchasePrice?.p50),
            fmt(band?.meanPurchasePrice?.p95),
            fmt(band?.endPrice.p5),
            fmt(band?.endPrice.p95),
          ]
        : []),
    ]
    return cells
  })
  const sum = totals(t.a, t.costs)
  const bSum = t.b ? t.b.rows.reduce((a, x) => a + x.userRenewal, 0n) : null
  // the same columns and sales as the table shown: only the cells whose text changed are written
  const shape = `${token.symbol}|${extra.join(',')}|${texts.length}`
  const shown = el.firstElementChild
  if (shown instanceof HTMLTableElement && shown.dataset.shape === shape) {
    const rows = shown.tBodies[0]?.rows
    texts.forEach((cells, i) => {
      const row = rows?.[i]
      if (row) row.dataset.sale = cells[0] ?? ''
      cells.forEach((c, j) => {
        const cell = row?.cells[j]
        if (cell && cell.textContent !== c) cell.textContent = c
      })
    })
    const foot = shown.tFoot
    const put = (key: string, text: string) => {
      const cell = foot?.querySelector<HTMLElement>(`[data-total="${key}"]`)
      if (cell && cell.textContent !== text) cell.textContent = text
    }
    put('sales', `${t.a.rows.length} sales`)
    put('renewal', fmt(sum.userRenewals))
    put('revenue', fmt(sum.revenue))
    put('ondemand', fmt(sum.onDemand))
    if (t.b) put('b-renewal', fmt(bSum))
    return
  }
  const body = texts.map((cells) =>
    h(
      'tr',
      { 'data-sale': cells[0] ?? '' },
      ...cells.map((c, j) =>
        j === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: j >= 2 ? 'num' : '' }, c),
      ),
    ),
  )
  const blank = (n: number) => Array.from({ length: n }, () => h('td', {}, ''))
  const total = h(
    'tr',
    { class: 'total', 'data-testid': 'total' },
    h('th', { scope: 'row' }, 'Total'),
    h('td', { 'data-total': 'sales' }, `${t.a.rows.length} sales`),
    ...blank(8),
    h('td', { class: 'num', 'data-total': 'renewal' }, fmt(sum.userRenewals)),
    h('td', { class: 'num', 'data-total': 'revenue' }, fmt(sum.revenue)),
    h('td', { class: 'num', 'data-total': 'ondemand' }, fmt(sum.onDemand)),
    ...(t.b ? [h('td', {}, ''), h('td', { class: 'num', 'data-total': 'b-renewal' }, fmt(bSum))] : []),
    ...(t.bands ? blank(5) : []),
  )
  el.replaceChildren(
    h(
      'table',
      { class: 'numbers', 'data-testid': 'numbers', 'data-shape': shape },
      h('caption', { class: 'sr-only' }, 'Sale by sale numbers behind the charts, with totals'),
      h('thead', {}, head),
      h('tbody', {}, ...body),
      h('tfoot', {}, total),
    ),
  )
}

/** CSV with exact planck amounts, one row per sale. */
export const toCsv = (t: TableInput): string => {
  const first = t.a.firstBlock
  const cols = [
    'sale',
    'lead_in_starts',
    'sale_start_block',
    'top_price_planck',
    'end_price_planck',
    'buyers_paid_planck',
    'cores_offered',
    'cores_sold',
    'renewed',
    'bought',
    'turned_away',
    'your_renewal_planck',
    'revenue_planck',
    'on_demand_planck',
    ...(t.b ? ['b_end_price_planck', 'b_your_renewal_planck'] : []),
    ...(t.bands
      ? ['paid_p5_planck', 'paid_p50_planck', 'paid_p95_planck', 'end_p5_planck', 'end_p95_planck']
      : []),
  ]
  const lines = t.a.rows.map((r, i) => {
    const b = t.b?.rows[i]
    const band = t.bands?.sales[i]
    return [
      r.index,
      date(t.start, r.saleStart, first),
      r.saleStart,
      r.topPrice,
      r.endPrice,
      r.purchasePrice ?? '',
      r.coresOffered,
      r.coresSold,
      r.renewed,
      r.purchased,
      r.turnedAway,
      r.userRenewal,
      r.revenue,
      t.costs[i]?.onDemand ?? '',
      ...(t.b ? [b?.endPrice ?? '', b?.userRenewal ?? ''] : []),
      ...(t.bands
        ? [
            band?.meanPurchasePrice?.p5 ?? '',
            band?.meanPurchasePrice?.p50 ?? '',
            band?.meanPurchasePrice?.p95 ?? '',
            band?.endPrice.p5 ?? '',
            band?.endPrice.p95 ?? '',
          ]
        : []),
    ].join(',')
  })
  return `${cols.join(',')}\n${lines.join('\n')}\n`
}
