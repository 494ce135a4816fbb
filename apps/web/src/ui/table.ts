import { Token } from '@coretime/core'
import { type Bands, blockToDate, type CostRow, type RunResult } from '../model'
import type { Network } from '../state'
import { h } from './dom'

const fmt = (planck: bigint | null, network: Network): string =>
  planck === null ? '—' : Token.format(planck, Token.of(network), { symbol: false, digits: 4 })

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
  'Lead-in starts',
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

/** The numbers behind the charts, exact (truncated to 4 decimals for display; CSV has planck). */
export const renderTable = (el: HTMLElement, t: TableInput): void => {
  const first = t.a.firstBlock
  const symbol = Token.of(t.network).symbol
  const extra = [
    ...(t.b ? ['B end price', 'B your renewal'] : []),
    ...(t.bands ? ['Paid p5', 'Paid median', 'Paid p95', 'End p5', 'End p95'] : []),
  ]
  const head = h(
    'tr',
    {},
    ...[...COLUMNS, ...extra].map((c, i) =>
      h(
        'th',
        { scope: 'col', class: i >= 2 ? 'num' : '' },
        c,
        i >= 2 && !/Offered|Sold|Renewed|Bought|Turned/.test(c)
          ? h('span', { class: 'muted' }, ` ${symbol}`)
          : null,
      ),
    ),
  )
  const body = t.a.rows.map((r, i) => {
    const b = t.b?.rows[i]
    const band = t.bands?.sales[i]
    const cells = [
      String(r.index),
      date(t.start, r.saleStart, first),
      fmt(r.topPrice, t.network),
      fmt(r.endPrice, t.network),
      fmt(r.purchasePrice, t.network),
      String(r.coresOffered),
      String(r.coresSold),
      String(r.renewed),
      String(r.purchased),
      String(r.turnedAway),
      fmt(r.userRenewal, t.network),
      fmt(r.revenue, t.network),
      fmt(t.costs[i]?.onDemand ?? null, t.network),
      ...(t.b ? [fmt(b?.endPrice ?? null, t.network), fmt(b?.userRenewal ?? null, t.network)] : []),
      ...(t.bands
        ? [
            fmt(band?.meanPurchasePrice?.p5 ?? null, t.network),
            fmt(band?.meanPurchasePrice?.p50 ?? null, t.network),
            fmt(band?.meanPurchasePrice?.p95 ?? null, t.network),
            fmt(band?.endPrice.p5 ?? null, t.network),
            fmt(band?.endPrice.p95 ?? null, t.network),
          ]
        : []),
    ]
    return h(
      'tr',
      { 'data-sale': r.index },
      ...cells.map((c, j) =>
        j === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: j >= 2 ? 'num' : '' }, c),
      ),
    )
  })
  el.replaceChildren(
    h(
      'table',
      { class: 'numbers', 'data-testid': 'numbers' },
      h('caption', { class: 'sr-only' }, 'Sale by sale numbers behind the charts'),
      h('thead', {}, head),
      h('tbody', {}, ...body),
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
