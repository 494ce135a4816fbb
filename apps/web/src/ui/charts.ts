import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { planckToChartNumber, tickLabel } from '../chartNumber'
import { type Bands, blockToDate, type CostRow, type RunResult } from '../model'

export const COLORS = {
  a: '#e6007a', // Polkadot pink
  b: '#1f6feb',
  user: '#0a7d4f',
  band: 'rgba(230, 0, 122, 0.14)',
  endBand: 'rgba(31, 111, 235, 0.10)',
  ondemand: '#8a5cf6',
  interlude: 'rgba(245, 166, 35, 0.30)',
  leadin: 'rgba(31, 111, 235, 0.12)',
  fixed: 'rgba(10, 125, 79, 0.06)',
  grid: '#eceef2',
  axis: '#57606a',
}

export interface ChartContext {
  start: string
  decimals: number
  symbol: string
  log: boolean
}

const seconds = (ctx: ChartContext, block: number, first: number): number =>
  blockToDate(ctx.start, block, first).getTime() / 1000

const axis = (label: string, extra: Partial<uPlot.Axis> = {}): uPlot.Axis => ({
  label,
  stroke: COLORS.axis,
  grid: { stroke: COLORS.grid, width: 1 },
  ticks: { stroke: COLORS.grid, width: 1 },
  font: '12px Inter, system-ui, sans-serif',
  labelFont: '600 12px Inter, system-ui, sans-serif',
  ...extra,
})

/** Price axis: compact ticks (chartNumber.tickLabel). */
const priceAxis = (label: string, size: number): uPlot.Axis =>
  axis(label, {
    size,
    // a log scale's filter leaves the ticks it hides as null: they stay unlabelled
    values: (_u: uPlot, ticks: (number | null)[]) => ticks.map((t) => (t === null ? null : tickLabel(t))),
  })

const priceFmt = (symbol: string) => (_u: uPlot, v: number | null) =>
  v === null ? '–' : `${v.toLocaleString('en-US', { maximumFractionDigits: 4 })} ${symbol}`

/** Shades each sale's interlude, lead-in and fixed-price phase behind the series. */
const phasesPlugin = (spans: () => { from: number; to: number; color: string }[]): uPlot.Plugin => ({
  hooks: {
    drawClear: (u: uPlot) => {
      const { ctx } = u
      const { top, height } = u.bbox
      ctx.save()
      for (const s of spans()) {
        const x0 = u.valToPos(s.from, 'x', true)
        const x1 = u.valToPos(s.to, 'x', true)
        ctx.fillStyle = s.color
        ctx.fillRect(x0, top, Math.max(1, x1 - x0), height)
      }
      ctx.restore()
    },
  },
})

/** Same-size canvas white background, so an exported PNG is not transparent. */
const whiteBackground: uPlot.Plugin = {
  hooks: {
    drawClear: [
      (u: uPlot) => {
        u.ctx.save()
        u.ctx.fillStyle = '#ffffff'
        u.ctx.fillRect(0, 0, u.ctx.canvas.width, u.ctx.canvas.height)
        u.ctx.restore()
      },
    ],
  },
}

interface Managed {
  plot: uPlot | null
  key: string
}

const ensure = (
  m: Managed,
  key: string,
  el: HTMLElement,
  make: () => uPlot.Options,
  data: uPlot.AlignedData,
): void => {
  if (m.plot && m.key === key) {
    m.plot.setData(data)
    return
  }
  m.plot?.destroy()
  m.plot = new uPlot(make(), data, el)
  m.key = key
}

/**
 * Whether a log scale can show every value drawn: uPlot's log scale has no place for 0 (a
 * MinimumPrice floor of 0 and a starting price of 0 give zero prices), so those charts go linear.
 */
export const logFits = (series: readonly (readonly (number | null)[])[]): boolean =>
  series.every((ys) => ys.every((y) => y === null || y > 0))

const widthOf = (el: HTMLElement): number => Math.max(320, Math.floor(el.clientWidth))

/** The price over time across sales, with phases shaded; B drawn on the same axes when comparing. */
export const priceChart = (el: HTMLElement) => {
  const m: Managed = { plot: null, key: '' }
  let spans: { from: number; to: number; color: string }[] = []
  /** Draws A (and B); returns whether the y scale is logarithmic (asked for, and every price above 0). */
  const update = (ctx: ChartContext, a: RunResult, b: RunResult | null): boolean => {
    const first = a.firstBlock
    spans = a.rows.flatMap((r) => [
      {
        from: seconds(ctx, r.rotation, first),
        to: seconds(ctx, r.saleStart, first),
        color: COLORS.interlude,
      },
      { from: seconds(ctx, r.saleStart, first), to: seconds(ctx, r.leadinEnd, first), color: COLORS.leadin },
      { from: seconds(ctx, r.leadinEnd, first), to: seconds(ctx, r.close, first), color: COLORS.fixed },
    ])
    const toSeries = (r: RunResult): uPlot.AlignedData => [
      r.curve.map((p) => seconds(ctx, p.block, first)),
      r.curve.map((p) => planckToChartNumber(p.price, ctx.decimals)),
    ]
    const data = b ? uPlot.join([toSeries(a), toSeries(b)]) : toSeries(a)
    const log = ctx.log && logFits(data.slice(1) as (number | null)[][])
    const key = `${b ? 'ab' : 'a'}-${log}-${ctx.symbol}-${widthOf(el)}`
    ensure(
      m,
      key,
      el,
      () => ({
        width: widthOf(el),
        height: 340,
        plugins: [whiteBackground, phasesPlugin(() => spans)],
        scales: { x: { time: true }, y: { distr: log ? 3 : 1 } },
        cursor: { focus: { prox: 24 } },
        legend: { live: true },
        series: [
          { label: 'Date' },
          {
            label: b ? 'A: sale price' : 'Sale price',
            stroke: COLORS.a,
            width: 2,
            spanGaps: true,
            value: priceFmt(ctx.symbol),
          },
          ...(b
            ? [
                {
                  label: 'B: sale price',
                  stroke: COLORS.b,
                  width: 2,
                  dash: [6, 4],
                  spanGaps: true,
                  value: priceFmt(ctx.symbol),
                },
              ]
            : []),
        ],
        axes: [axis(''), priceAxis(`Price (${ctx.symbol})`, 70)],
      }),
      data,
    )
    return log
  }
  return { update, canvas: () => m.plot?.ctx.canvas ?? null, plot: () => m.plot }
}

/**
 * Sale by sale: the user's renewal price against the open market, with the simulator's Monte Carlo
 * bands when on: p5–p95 of what buyers paid (mean per run, and its median) and of the end price.
 */
export const renewalChart = (el: HTMLElement) => {
  const m: Managed = { plot: null, key: '' }
  /** Draws the sale-by-sale lines; returns whether the y scale is logarithmic. */
  const update = (ctx: ChartContext, a: RunResult, bands: Bands | null): boolean => {
    const first = a.firstBlock
    const n = (x: bigint) => planckToChartNumber(x, ctx.decimals)
    const data: (number | null)[][] = [
      a.rows.map((r) => seconds(ctx, r.saleStart, first)),
      a.rows.map((r) => n(r.userRenewal)),
      a.rows.map((r) => n(r.endPrice)),
      a.rows.map((r) => (r.purchasePrice === null ? null : n(r.purchasePrice))),
    ]
    const sales = bands?.sales ?? []
    const useBands = bands !== null && sales.length === a.rows.length
    if (useBands) {
      const paid = (k: 'p5' | 'p50' | 'p95') =>
        sales.map((x) => (x.meanPurchasePrice === null ? null : n(x.meanPurchasePrice[k])))
      data.push(paid('p95'), paid('p50'), paid('p5'))
      data.push(
        sales.map((x) => n(x.endPrice.p95)),
        sales.map((x) => n(x.endPrice.p5)),
      )
    }
    const faint = (label: string, stroke: string, dash?: number[]): uPlot.Series => ({
      label,
      stroke,
      width: 1,
      ...(dash && { dash }),
      value: priceFmt(ctx.symbol),
    })
    const log = ctx.log && logFits(data.slice(1))
    const key = `${useBands}-${log}-${ctx.symbol}-${widthOf(el)}`
    ensure(
      m,
      key,
      el,
      () => ({
        width: widthOf(el),
        height: 260,
        plugins: [whiteBackground],
        scales: { x: { time: true }, y: { distr: log ? 3 : 1 } },
        series: [
          { label: 'Sale' },
          {
            label: 'Your renewal',
            stroke: COLORS.user,
            width: 2.5,
            points: { show: true, size: 6 },
            value: priceFmt(ctx.symbol),
          },
          { label: 'End price (floor)', stroke: COLORS.a, width: 2, value: priceFmt(ctx.symbol) },
          {
            label: 'Buyers paid',
            stroke: COLORS.axis,
            width: 1.5,
            dash: [4, 4],
            points: { show: true, size: 5 },
            value: priceFmt(ctx.symbol),
          },
          ...(useBands
            ? [
                faint('paid p95', 'rgba(230,0,122,0.35)'),
                faint('paid median', 'rgba(230,0,122,0.6)', [2, 3]),
                faint('paid p5', 'rgba(230,0,122,0.35)'),
                faint('end p95', 'rgba(31,111,235,0.35)'),
                faint('end p5', 'rgba(31,111,235,0.35)'),
              ]
            : []),
        ],
        bands: useBands
          ? [
              { series: [4, 6], fill: COLORS.band },
              { series: [7, 8], fill: COLORS.endBand },
            ]
          : [],
        axes: [axis(''), priceAxis(`Price (${ctx.symbol})`, 70)],
      }),
      data as uPlot.AlignedData,
    )
    return log
  }
  return { update, canvas: () => m.plot?.ctx.canvas ?? null, plot: () => m.plot }
}

/** Cost per region of keeping a parachain running: bulk renewal against on-demand orders. */
export const costChart = (el: HTMLElement) => {
  const m: Managed = { plot: null, key: '' }
  const update = (ctx: ChartContext, a: RunResult, rows: CostRow[]): void => {
    const first = a.firstBlock
    const n = (x: bigint) => planckToChartNumber(x, ctx.decimals)
    const data: uPlot.AlignedData = [
      a.rows.map((r) => seconds(ctx, r.saleStart, first)),
      rows.map((r) => n(r.bulk)),
      rows.map((r) => n(r.onDemand)),
    ]
    ensure(
      m,
      `${ctx.symbol}-${widthOf(el)}`,
      el,
      () => ({
        width: widthOf(el),
        height: 220,
        plugins: [whiteBackground],
        scales: { x: { time: true } },
        series: [
          { label: 'Region' },
          { label: 'Bulk (renew a core)', stroke: COLORS.user, width: 2, value: priceFmt(ctx.symbol) },
          {
            label: 'On-demand',
            stroke: COLORS.ondemand,
            width: 2,
            dash: [6, 3],
            value: priceFmt(ctx.symbol),
          },
        ],
        axes: [axis(''), priceAxis(`Per region (${ctx.symbol})`, 80)],
      }),
      data,
    )
  }
  return { update }
}
