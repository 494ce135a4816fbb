import { Token } from '@coretime/core'
import type { GroupTotals, MonteCarlo, SimResult, Sweep } from '@coretime/sim'
import { fitColumns } from '../columns'
import { columns, wrap as wrapAt } from '../width'

/** Human and CSV renderings of simulator results. Nothing here computes a price. */

const BARS = '▁▂▃▄▅▆▇█'

/** A one-line sparkline; the lossy bigint → number step is only for drawing. */
export const sparkline = (values: readonly bigint[]): string => {
  if (values.length === 0) return ''
  let min = values[0] as bigint
  let max = min
  for (const v of values) {
    if (v < min) min = v
    if (v > max) max = v
  }
  const span = max - min
  return values
    .map((v) => (span === 0n ? BARS[0] : BARS[Number(((v - min) * 7n + span / 2n) / span)]))
    .join('')
}

export const tokenOf = (t: { symbol: string; decimals: number }): Token.Token =>
  t.symbol === 'KSM' ? Token.KSM : Token.DOT

/** An amount with at most 2 decimals, e.g. "51.5 DOT". */
export const amount = (planck: bigint | null | undefined, token: Token.Token): string =>
  planck === null || planck === undefined
    ? '—'
    : Token.format(planck, token, { digits: 2 }).replace(/\.?0+ /, ' ')

/** A table fitted to the terminal: the sale (or first) column repeated in each part; names and dates left. */
const pad = (rows: string[][]): string => fitColumns(rows, { keys: 1, left: 3 })

const day = (iso: string): string => iso.slice(0, 10)

/** Prose wrapped at the terminal's width; continuation lines are indented by two spaces. */
export const wrap = (text: string, width = columns()): string => wrapAt(text, width, () => 2)

/** Each group's sums at the end of a run (both markets' runs print it; `od`: on-demand columns). */
export const groupsTable = (
  groups: readonly (GroupTotals<string> & { orders?: number; ordersRejected?: number })[],
  token: Token.Token,
  od = false,
): string =>
  pad([
    [
      'group',
      'kind',
      'agents',
      'cost',
      'resale income',
      'bought',
      'renewed',
      'failed',
      'cores at end',
      ...(od ? ['on-demand orders'] : []),
    ],
    ...groups.map((g) => [
      g.group,
      g.kind,
      String(g.agents),
      amount(g.cost, token),
      g.income > 0n ? amount(g.income, token) : '',
      String(g.purchases),
      String(g.renewals),
      String(g.failures),
      String(g.coresHeld),
      ...(od ? [g.orders === undefined ? '' : `${g.orders} (${g.ordersRejected ?? 0} refused)`] : []),
    ]),
  ])

export const runTable = (r: SimResult, description: string): string => {
  const token = tokenOf(r.token)
  const head = [
    'sale',
    'on sale',
    'region',
    'start price',
    'end price',
    'sellout',
    'offered',
    'sold',
    'renewed',
    'new',
    'failed',
    'mean renewal',
    'revenue (burned)',
  ]
  // on-demand orders (relay): only when the scenario has on-demand agents
  const od = hasOnDemand(r)
  if (od) head.push('on-demand orders', 'on-demand cost')
  const rows = r.sales.map((s) => [
    String(s.sale),
    day(s.dates.saleStart),
    `${day(s.dates.regionBegin)} → ${day(s.dates.regionEnd)}`,
    amount(s.startPrice, token),
    amount(s.endPrice, token),
    amount(s.selloutPrice, token),
    String(s.coresOffered),
    String(s.coresSold),
    String(s.renewed),
    String(s.purchased + s.resold),
    String(s.failed.length),
    amount(s.renewalPrices?.mean, token),
    amount(s.revenue, token),
    ...(od ? [String(s.onDemand?.orders?.count ?? 0), amount(s.onDemand?.cost, token)] : []),
  ])
  const ends = r.sales.map((s) => s.endPrice)
  const first = r.sales[0]
  const last = r.sales.at(-1)
  const lines = [
    wrap(`${r.name} (seed ${r.seed})${description ? ` — ${description}` : ''}`),
    `end price  ${sparkline(ends)}  ${amount(first?.endPrice, token)} → ${amount(last?.endPrice, token)}`,
    `renewals   ${sparkline(r.sales.map((s) => s.renewalPrices?.mean ?? 0n))}`,
    '',
    pad([head, ...rows]),
    '',
    `revenue burned over ${r.sales.length} sales: ${amount(r.revenue, token)}`,
  ]
  if (r.groups.length > 0) lines.push('', groupsTable(r.groups, token, od))
  return lines.join('\n')
}

const bandText = (b: MonteCarlo.Band<bigint> | null, token: Token.Token): string =>
  b === null ? '—' : `${amount(b.p5, token)} / ${amount(b.p50, token)} / ${amount(b.p95, token)}`

export const bandsTable = (
  name: string,
  b: MonteCarlo.Bands,
  token: Token.Token,
  dates: string[],
): string => {
  const head = [
    'sale',
    'on sale',
    'end price p5/p50/p95',
    'sellout p5/p50/p95',
    'sold p5/p50/p95',
    'revenue p50',
  ]
  const rows = b.sales.map((s, i) => [
    String(s.sale),
    dates[i] ?? '',
    bandText(s.endPrice, token),
    bandText(s.selloutPrice, token),
    `${s.coresSold.p5}/${s.coresSold.p50}/${s.coresSold.p95}`,
    amount(s.revenue.p50, token),
  ])
  return [
    `${name}: ${b.runs} runs`,
    `end price p50  ${sparkline(b.sales.map((s) => s.endPrice.p50))}`,
    `end price p95  ${sparkline(b.sales.map((s) => s.endPrice.p95))}`,
    '',
    pad([head, ...rows]),
    '',
    `revenue over the horizon p5/p50/p95: ${bandText(b.revenue, token)}`,
  ].join('\n')
}

const isMoney = (m: Sweep.Metric): boolean => m !== 'coresSold' && m !== 'failed'
const cellText = (v: bigint | null, m: Sweep.Metric, token: Token.Token): string =>
  v === null ? '—' : isMoney(m) ? amount(v, token) : String(v)

export const sweepTable = (r: Sweep.SweepResult, token: Token.Token): string => {
  const [a, b] = r.axes
  const title = `mean ${r.metric} in sale ${r.sale} over ${r.runs} run(s)`
  if (!a) return title
  if (!b) {
    return [
      title,
      '',
      pad([
        [a.path, r.metric],
        ...r.cells.map((c) => [JSON.stringify(c.values[0]), cellText(c.mean, r.metric, token)]),
      ]),
    ].join('\n')
  }
  const rows = a.values.map((va, i) => [
    JSON.stringify(va),
    '',
    '',
    ...b.values.map((_, j) => cellText(r.cells[i * b.values.length + j]?.mean ?? null, r.metric, token)),
  ])
  return [
    title,
    `rows: ${a.path}; columns: ${b.path}`,
    '',
    pad([[a.path, '', '', ...b.values.map((v) => JSON.stringify(v))], ...rows]),
  ].join('\n')
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v)
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}
export const csv = (rows: readonly (readonly unknown[])[]): string =>
  `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`

export const runCsv = (r: SimResult): string =>
  csv([
    [
      'sale',
      'sale_start',
      'region_begin',
      'region_end',
      'start_price',
      'end_price',
      'sellout_price',
      'cores_offered',
      'ideal_cores_sold',
      'cores_sold',
      'renewed',
      'purchased',
      'resold',
      'failed',
      'mean_renewal_price',
      'mean_purchase_price',
      'revenue',
      ...(hasOnDemand(r) ? ['ondemand_orders', 'ondemand_rejected', 'ondemand_cost'] : []),
    ],
    ...r.sales.map((s) => [
      s.sale,
      s.dates.saleStart,
      s.dates.regionBegin,
      s.dates.regionEnd,
      s.startPrice,
      s.endPrice,
      s.selloutPrice,
      s.coresOffered,
      s.idealCoresSold,
      s.coresSold,
      s.renewed,
      s.purchased,
      s.resold,
      s.failed.length,
      s.renewalPrices?.mean,
      s.purchasePrices?.mean,
      s.revenue,
      ...(hasOnDemand(r)
        ? [s.onDemand?.orders?.count ?? 0, s.onDemand?.rejected ?? 0, s.onDemand?.cost ?? 0n]
        : []),
    ]),
  ])

const hasOnDemand = (r: SimResult): boolean => r.sales.some((s) => s.onDemand !== undefined)

export const bandsCsv = (b: MonteCarlo.Bands): string => {
  const keys = [
    'endPrice',
    'selloutPrice',
    'coresSold',
    'failed',
    'revenue',
    'meanRenewalPrice',
    'meanPurchasePrice',
  ] as const
  return csv([
    ['sale', ...keys.flatMap((k) => [`${k}_p5`, `${k}_p50`, `${k}_p95`])],
    ...b.sales.map((s) => [s.sale, ...keys.flatMap((k) => [s[k]?.p5, s[k]?.p50, s[k]?.p95])]),
  ])
}

export const sweepCsv = (r: Sweep.SweepResult): string =>
  csv([
    [
      ...r.axes.map((a) => a.path),
      `${r.metric}_mean`,
      `${r.metric}_p5`,
      `${r.metric}_p50`,
      `${r.metric}_p95`,
    ],
    ...r.cells.map((c) => [
      ...c.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      c.mean,
      c.band?.p5,
      c.band?.p50,
      c.band?.p95,
    ]),
  ])

/** JSON with bigints as decimal strings (byte-identical for the same input). */
export const json = (v: unknown): string =>
  `${JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2)}\n`

/** How a command prints its result. */
export type Style = 'json' | 'csv' | 'table'
export const styleOf = (o: { json?: boolean | undefined; csv?: boolean | undefined }): Style =>
  o.json ? 'json' : o.csv ? 'csv' : 'table'

/** A Monte Carlo batch's output (`simulate --runs` and `merge` print exactly this). */
export const bandsOutput = (
  style: Style,
  b: { name: string; seed: number; token: { symbol: string; decimals: number }; dates: string[] },
  bands: MonteCarlo.Bands,
): string =>
  style === 'json'
    ? json({ name: b.name, seed: b.seed, ...bands })
    : style === 'csv'
      ? bandsCsv(bands)
      : `${bandsTable(b.name, bands, tokenOf(b.token), b.dates)}\n`

/** A sweep's output (`simulate --sweep` and `merge` print exactly this). */
export const sweepOutput = (
  style: Style,
  r: Sweep.SweepResult,
  token: { symbol: string; decimals: number },
): string =>
  style === 'json' ? json(r) : style === 'csv' ? sweepCsv(r) : `${sweepTable(r, tokenOf(token))}\n`
