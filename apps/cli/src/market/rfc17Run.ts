import type { Token } from '@coretime/core'
import { Compare, Rfc17Sim, type Scenario } from '@coretime/sim'
import * as Format from '../sim/format'
import { wrap } from '../width'
import { amt, band, count, countBand, lostText, pad } from './compareMarket'

/**
 * `coretime simulate FILE` when the scenario says `market: { kind: rfc17, … }` (docs/markets.md):
 * the demand through RFC-17's market alone — per sale (table, `--json`, `--csv`), or p5/p50/p95
 * bands over `--runs` seeds. Only renders: every number comes from `Rfc17Sim` and `Compare`.
 */

export interface Rfc17RunOptions {
  seed: number
  runs?: number | undefined
  style: Format.Style
  onRun?: (done: number) => void
}

export const rfc17Run = (scenario: Scenario.Scenario, o: Rfc17RunOptions): string => {
  const token = Format.tokenOf(scenario.chain.token)
  if (o.runs !== undefined) {
    const b = Compare.rfc17Bands(scenario, {
      runs: o.runs,
      seed: o.seed,
      ...(o.onRun && { onRun: o.onRun }),
    })
    if (o.style === 'json') return Format.json({ name: scenario.name, market: 'rfc17', ...b })
    if (o.style === 'csv') return bandsCsv(b)
    return `${wrap(bandsTable(scenario.name, b, token))}\n`
  }
  const r = Rfc17Sim.simulateRfc17(scenario, { seed: o.seed })
  const hasLarge = scenario.demand.agents.some((a) => a.kind === 'largeActor')
  const rows = r.sales.map((s) => ({ s, row: Compare.rfc17Row(s, hasLarge) }))
  if (o.style === 'json') return Format.json({ market: 'rfc17', ...r })
  if (o.style === 'csv') return csv(rows)
  return `${wrap(table(r, rows, scenario.description, token))}\n`
}

type Row = { s: Rfc17Sim.SaleResult; row: Compare.Rfc17SaleRow }

const TITLE = "RFC-17's market (the scenario's market.kind; both markets: --compare-market rfc17)"

const table = (r: Rfc17Sim.Rfc17Result, rows: Row[], description: string, token: Token.Token): string => {
  const large = rows.some((x) => x.row.largeActorCores !== null)
  const head = [
    'sale',
    'reserve',
    'opening',
    'clearing',
    'level',
    'renewal',
    'penalty',
    'offered',
    'sold',
    'renewed',
    'idle',
    'displaced',
    'new buyers',
    'renewers',
    ...(large ? ['large actor'] : []),
    'revenue',
    'next reserve',
  ]
  const body = rows.map(({ s, row }) => [
    String(s.sale),
    amt(s.reservePrice, token),
    amt(s.openingPrice, token),
    amt(s.clearingPrice, token),
    `${s.closedAtLevel}${s.lottery ? ' (lot)' : ''}`,
    amt(s.renewalPrice, token),
    s.penaltyApplied ? 'yes' : 'no',
    String(s.supply),
    String(s.sold),
    String(s.renewed),
    String(s.idle),
    String(s.displaced),
    amt(row.newBuyerPrice, token),
    amt(row.renewerPrice, token),
    ...(large ? [count(row.largeActorCores)] : []),
    amt(s.revenue, token),
    amt(s.nextReserve, token),
  ])
  const lost = rows.flatMap(({ s, row }) => {
    const t = lostText(row.lostCore)
    return t ? [`  sale ${s.sale}: ${t}`] : []
  })
  return [
    Format.wrap(`${r.name} (seed ${r.seed}) — ${TITLE}${description ? `. ${description}` : ''}`),
    'prices are per core (mean of what the group paid); level: the clock level the market closed at',
    `clearing   ${Format.sparkline(r.sales.map((s) => s.clearingPrice))}`,
    `reserve    ${Format.sparkline(r.sales.map((s) => s.reservePrice))}`,
    '',
    pad([head, ...body]),
    '',
    lost.length > 0 ? `who lost a core:\n${lost.join('\n')}` : 'who lost a core: nobody',
    '',
    `revenue over ${r.sales.length} sales: ${amt(r.revenue, token)}`,
    ...(r.groups.length > 0 ? ['', Format.groupsTable(r.groups, token)] : []),
  ].join('\n')
}

const csv = (rows: Row[]): string =>
  Format.csv([
    [
      'sale',
      'reserve_price',
      'opening_price',
      'clearing_price',
      'closed_at_level',
      'lottery',
      'renewal_price',
      'penalty_applied',
      'cores_offered',
      'sold',
      'renewed',
      'idle',
      'displaced',
      'resold',
      'lapsed',
      'new_buyer_price',
      'renewer_price',
      'large_actor_cores',
      'revenue',
      'next_reserve',
      'reserve_rule',
      'lost_core',
    ],
    ...rows.map(({ s, row }) => [
      s.sale,
      s.reservePrice,
      s.openingPrice,
      s.clearingPrice,
      s.closedAtLevel,
      s.lottery,
      s.renewalPrice,
      s.penaltyApplied,
      s.supply,
      s.sold,
      s.renewed,
      s.idle,
      s.displaced,
      s.resold,
      s.lapsed,
      row.newBuyerPrice,
      row.renewerPrice,
      row.largeActorCores,
      s.revenue,
      s.nextReserve,
      s.reserveRule,
      row.lostCore.length,
    ]),
  ])

const bandsTable = (name: string, b: Compare.Rfc17Bands, token: Token.Token): string => {
  const large = b.sales.some((s) => s.largeActorCores !== null)
  const head = [
    'sale',
    'reserve',
    'clearing',
    'renewal',
    'penalty runs',
    'new buyers',
    'renewers',
    ...(large ? ['large actor'] : []),
    'revenue',
    'idle',
    'displaced',
    'lost',
  ]
  const body = b.sales.map((s) => [
    String(s.sale),
    band(s.reservePrice, token),
    band(s.price, token),
    band(s.renewalPrice, token),
    `${s.penaltyRuns}/${b.runs}`,
    band(s.newBuyerPrice, token),
    band(s.renewerPrice, token),
    ...(large ? [countBand(s.largeActorCores)] : []),
    band(s.revenue, token),
    countBand(s.idle),
    countBand(s.displaced),
    countBand(s.lostCore),
  ])
  return [
    `${name}: ${b.runs} runs of ${TITLE} (p50 [p5–p95] per sale; ${token.symbol} per core)`,
    `clearing p50  ${Format.sparkline(b.sales.map((s) => s.price.p50))}`,
    '',
    pad([head, ...body]),
    '',
    `revenue over the horizon: ${band(b.revenue, token)}`,
  ].join('\n')
}

const BAND_COLUMNS = [
  ['reserve_price', 'reservePrice'],
  ['opening_price', 'openingPrice'],
  ['clearing_price', 'price'],
  ['renewal_price', 'renewalPrice'],
  ['new_buyer_price', 'newBuyerPrice'],
  ['renewer_price', 'renewerPrice'],
  ['large_actor_cores', 'largeActorCores'],
  ['revenue', 'revenue'],
  ['idle', 'idle'],
  ['displaced', 'displaced'],
  ['lost_core', 'lostCore'],
] as const

const bandsCsv = (b: Compare.Rfc17Bands): string => {
  const head = ['sale']
  for (const [c] of BAND_COLUMNS) for (const q of ['p5', 'p50', 'p95']) head.push(`${c}_${q}`)
  head.push('penalty_runs')
  return Format.csv([
    head,
    ...b.sales.map((s) => {
      const row: unknown[] = [s.sale]
      for (const [, key] of BAND_COLUMNS) {
        const x = s[key]
        row.push(x?.p5, x?.p50, x?.p95)
      }
      row.push(s.penaltyRuns)
      return row
    }),
  ])
}
