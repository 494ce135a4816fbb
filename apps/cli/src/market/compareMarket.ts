import type { Token } from '@coretime/core'
import { Compare, type Scenario } from '@coretime/sim'
import { fitColumns } from '../columns'
import { UsageError } from '../errors'
import * as Format from '../sim/format'
import { wrap } from '../width'

/**
 * `coretime simulate --compare-market rfc17 [FILE]` (docs/markets.md): the scenario's demand, with
 * the same seeds, through today's sale and RFC-17's market, side by side per sale; `--runs` gives
 * p5/p50/p95 bands of both. Only renders: every number comes from `Compare`.
 */

export const MARKETS = ['rfc17'] as const

export interface CompareOptions {
  market: string
  seed: number
  runs?: number | undefined
  json?: boolean | undefined
  csv?: boolean | undefined
  onRun?: (done: number) => void
}

/** The other market named by the flag, checked. */
export const marketOf = (v: string): 'rfc17' => {
  const m = v.trim().toLowerCase()
  if (m === 'rfc17' || m === 'rfc-17') return 'rfc17'
  throw new UsageError(`--compare-market: expected ${MARKETS.join(' or ')}, got "${v}"`)
}

export const compareMarket = (scenario: Scenario.Scenario, o: CompareOptions): string => {
  marketOf(o.market)
  const token = Format.tokenOf(scenario.chain.token)
  if (o.runs !== undefined) {
    const b = Compare.compareBands(scenario, {
      runs: o.runs,
      seed: o.seed,
      ...(o.onRun && { onRun: o.onRun }),
    })
    if (o.json) return Format.json({ name: scenario.name, ...b })
    if (o.csv) return bandsCsv(b)
    return `${wrap(bandsTable(scenario.name, b, token))}\n`
  }
  const c = Compare.compare(scenario, o.seed)
  if (o.json) return Format.json(c)
  if (o.csv) return csv(c)
  return `${wrap(table(c, token))}\n`
}

export const amt = (v: bigint | null, token: Token.Token) => Format.amount(v, token)
export const count = (v: number | null) => (v === null ? '—' : String(v))

/** Columns right-aligned, two spaces apart, fitted to the terminal (the sale column repeated in each part). */
export const pad = (rows: string[][]): string => fitColumns(rows, { keys: 1 })

/** Up to three agents who lost a core, with why. */
export const lostText = (lost: Compare.MarketSale['lostCore']): string => {
  if (lost.length === 0) return ''
  const names = lost.slice(0, 3).map((l) => `${l.agent} (${l.reason})`)
  return lost.length > 3 ? `${names.join(', ')} +${lost.length - 3} more` : names.join(', ')
}

const table = (c: Compare.Comparison, token: Token.Token): string => {
  const today = [
    ['sale', 'end price', 'new buyers', 'renewers', 'large actor', 'revenue', 'idle', 'lost'],
    ...c.sales.map((s) => [
      String(s.sale),
      amt(s.today.endPrice, token),
      amt(s.today.newBuyerPrice, token),
      amt(s.today.renewerPrice, token),
      count(s.today.largeActorCores),
      amt(s.today.revenue, token),
      String(s.today.idle),
      String(s.today.lostCore.length),
    ]),
  ]
  const rfc = [
    [
      'sale',
      'reserve',
      'opening',
      'clearing',
      'renewal',
      'penalty',
      'new buyers',
      'renewers',
      'large actor',
      'revenue',
      'idle',
      'displaced',
      'lost',
    ],
    ...c.sales.map((s) => [
      String(s.sale),
      amt(s.rfc17.reservePrice, token),
      amt(s.rfc17.openingPrice, token),
      amt(s.rfc17.clearingPrice, token),
      amt(s.rfc17.renewalPrice, token),
      s.rfc17.penaltyApplied ? 'yes' : 'no',
      amt(s.rfc17.newBuyerPrice, token),
      amt(s.rfc17.renewerPrice, token),
      count(s.rfc17.largeActorCores),
      amt(s.rfc17.revenue, token),
      String(s.rfc17.idle),
      String(s.rfc17.displaced),
      String(s.rfc17.lostCore.length),
    ]),
  ]
  const lost = c.sales.flatMap((s) => {
    const t = lostText(s.today.lostCore)
    const r = lostText(s.rfc17.lostCore)
    return t || r ? [`  sale ${s.sale}: today ${t || '—'}; RFC-17 ${r || '—'}`] : []
  })
  return [
    `${c.name} (seed ${c.seed}): the same demand through today's sale and RFC-17's market`,
    'prices are per core (mean of what the group paid); idle cores go to the on-demand pool',
    '',
    "today's market",
    `end price  ${Format.sparkline(c.sales.map((s) => s.today.endPrice))}`,
    pad(today),
    '',
    'RFC-17 (clearing-price auction, then renewals)',
    `clearing   ${Format.sparkline(c.sales.map((s) => s.rfc17.clearingPrice))}`,
    pad(rfc),
    '',
    lost.length > 0 ? `who lost a core:\n${lost.join('\n')}` : 'who lost a core: nobody, in either market',
    '',
    `revenue over ${c.sales.length} sales: today ${amt(c.revenue.today, token)}, RFC-17 ${amt(c.revenue.rfc17, token)}`,
  ].join('\n')
}

/** "p50 [p5–p95]" in whole tokens with up to 2 decimals, without the symbol (the title names it). */
export const band = (b: { p5: bigint; p50: bigint; p95: bigint } | null, token: Token.Token) => {
  if (b === null) return '—'
  const n = (v: bigint) => amt(v, token).replace(/ \S+$/, '')
  return `${n(b.p50)} [${n(b.p5)}–${n(b.p95)}]`
}
export const countBand = (b: { p5: number; p50: number; p95: number } | null) =>
  b === null ? '—' : `${b.p50} [${b.p5}–${b.p95}]`

const bandsTable = (name: string, b: Compare.CompareBands, token: Token.Token): string => {
  const block = (m: 'today' | 'rfc17') =>
    pad([
      [
        'sale',
        m === 'today' ? 'end price' : 'clearing',
        'new buyers',
        'renewers',
        'large actor',
        'revenue',
        'idle',
        'lost',
      ],
      ...b.sales.map((s) => {
        const x = s[m]
        return [
          String(s.sale),
          band(x.price, token),
          band(x.newBuyerPrice, token),
          band(x.renewerPrice, token),
          countBand(x.largeActorCores),
          band(x.revenue, token),
          countBand(x.idle),
          countBand(x.lostCore),
        ]
      }),
    ])
  return [
    `${name}: ${b.runs} runs through both markets (p50 [p5–p95] per sale; ${token.symbol} per core)`,
    '',
    "today's market",
    block('today'),
    '',
    'RFC-17',
    block('rfc17'),
    '',
    `revenue over the horizon: today ${band(b.revenue.today, token)}, RFC-17 ${band(b.revenue.rfc17, token)}`,
  ].join('\n')
}

const csv = (c: Compare.Comparison): string =>
  Format.csv([
    [
      'sale',
      'today_end_price',
      'today_new_buyer_price',
      'today_renewer_price',
      'today_large_actor_cores',
      'today_revenue',
      'today_idle',
      'today_lost',
      'rfc17_reserve_price',
      'rfc17_opening_price',
      'rfc17_clearing_price',
      'rfc17_renewal_price',
      'rfc17_penalty_applied',
      'rfc17_new_buyer_price',
      'rfc17_renewer_price',
      'rfc17_large_actor_cores',
      'rfc17_revenue',
      'rfc17_idle',
      'rfc17_displaced',
      'rfc17_lost',
    ],
    ...c.sales.map((s) => [
      s.sale,
      s.today.endPrice,
      s.today.newBuyerPrice,
      s.today.renewerPrice,
      s.today.largeActorCores,
      s.today.revenue,
      s.today.idle,
      s.today.lostCore.length,
      s.rfc17.reservePrice,
      s.rfc17.openingPrice,
      s.rfc17.clearingPrice,
      s.rfc17.renewalPrice,
      s.rfc17.penaltyApplied,
      s.rfc17.newBuyerPrice,
      s.rfc17.renewerPrice,
      s.rfc17.largeActorCores,
      s.rfc17.revenue,
      s.rfc17.idle,
      s.rfc17.displaced,
      s.rfc17.lostCore.length,
    ]),
  ])

const bandsCsv = (b: Compare.CompareBands): string => {
  const cols = [
    'price',
    'newBuyerPrice',
    'renewerPrice',
    'revenue',
    'idle',
    'lostCore',
    'largeActorCores',
  ] as const
  const head = ['sale']
  for (const m of ['today', 'rfc17'])
    for (const c of cols) for (const q of ['p5', 'p50', 'p95']) head.push(`${m}_${c}_${q}`)
  return Format.csv([
    head,
    ...b.sales.map((s) => {
      const row: unknown[] = [s.sale]
      for (const m of [s.today, s.rfc17])
        for (const c of cols) {
          const x = m[c]
          row.push(x?.p5, x?.p50, x?.p95)
        }
      return row
    }),
  ])
}
