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

/** Every date on the charts is UTC (the table's too), whatever the browser's time zone. */
const utc = (ts: number): Date => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC')
const pad = (n: number): string => String(n).padStart(2, '0')
/** `2026-12-03 14:00 UTC` for a chart time (seconds). */
export const utcLabel = (ts: number): string => {
  const d = new Date(ts * 1e3)
  return `${d.toISOString().slice(0, 10)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
}

const PHASE_NAMES = { interlude: 'interlude', leadin: 'lead-in', fixed: 'fixed price' } as const
/** The sale and phase at a block, read off the engine's sale records. */
export const phaseAt = (rows: readonly RunResult['rows'][number][], block: number): string | null => {
  const r =
    rows.find((x) => block >= x.rotation && block < x.close) ??
    (block === rows.at(-1)?.close ? rows.at(-1) : undefined)
  if (!r) return null
  const phase = block < r.saleStart ? 'interlude' : block < r.leadinEnd ? 'leadin' : 'fixed'
  return `sale ${r.index}, ${PHASE_NAMES[phase]}`
}

/**
 * Several series on one time axis without inventing points: each keeps exactly its own samples
 * (repeated times included, so a jump stays a jump); the rows of the others hold null there and
 * lines join only their own points. Returns uPlot's aligned data.
 */
export const overlay = (
  series: readonly { x: readonly number[]; y: readonly (number | null)[] }[],
): uPlot.AlignedData => {
  const rows: { x: number; k: number; y: number | null; i: number }[] = []
  series.forEach((s, k) => {
    s.x.forEach((x, i) => {
      rows.push({ x, k, y: s.y[i] ?? null, i })
    })
  })
  // stable: equal times keep each series' own order, A's before B's
  rows.sort((p, q) => p.x - q.x || p.k - q.k || p.i - q.i)
  return [rows.map((r) => r.x), ...series.map((_, k) => rows.map((r) => (r.k === k ? r.y : null)))]
}

/**
 * Drag-to-zoom on the time axis that survives new data: the range the user chose is kept (and
 * re-applied after every redraw) until a double-click or Reset zoom. `onChange` says whether zoomed.
 */
export interface Zoom {
  range: { min: number; max: number } | null
  /** true while the chart's own code sets data or scales (not the user) */
  internal: boolean
  onChange?: (zoomed: boolean) => void
}
const zoomPlugin = (z: Zoom): uPlot.Plugin => ({
  hooks: {
    setScale: (u: uPlot, key: string) => {
      if (key !== 'x' || z.internal) return
      const xs = u.data[0]
      const min = u.scales.x?.min
      const max = u.scales.x?.max
      if (min == null || max == null || xs.length === 0) return
      const full = min <= (xs[0] ?? 0) && max >= (xs[xs.length - 1] ?? 0)
      z.range = full ? null : { min, max }
      z.onChange?.(z.range !== null)
    },
  },
})
const applyZoom = (u: uPlot, z: Zoom): void => {
  if (!z.range) return
  z.internal = true
  u.setScale('x', z.range)
  z.internal = false
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

export interface Span {
  from: number
  to: number
  color: string
  /** which band of the plot's height: all of it, or the upper (A) or lower (B) half when comparing */
  band: 'all' | 'upper' | 'lower'
}

/** Shades each sale's interlude, lead-in and fixed-price phase behind the series, inside the axes. */
const phasesPlugin = (spans: () => Span[]): uPlot.Plugin => ({
  hooks: {
    drawClear: (u: uPlot) => {
      const { ctx } = u
      const { left, top, width, height } = u.bbox
      ctx.save()
      ctx.beginPath()
      ctx.rect(left, top, width, height)
      ctx.clip()
      for (const s of spans()) {
        const x0 = u.valToPos(s.from, 'x', true)
        const x1 = u.valToPos(s.to, 'x', true)
        if (x1 < left || x0 > left + width) continue
        const y0 = s.band === 'lower' ? top + height / 2 : top
        const hh = s.band === 'all' ? height : height / 2
        ctx.fillStyle = s.color
        ctx.fillRect(x0, y0, Math.max(1, x1 - x0), hh)
        if (s.band === 'lower') {
          // B's half is hatched, so the two sets stay apart in print and for colour-blind readers
          ctx.strokeStyle = 'rgba(31, 111, 235, 0.25)'
          ctx.lineWidth = 1
          for (let x = x0 - hh; x < x1; x += 8) {
            ctx.beginPath()
            ctx.moveTo(Math.max(x, x0), y0 + hh - Math.max(0, x0 - x))
            ctx.lineTo(Math.min(x + hh, x1), y0 + Math.max(0, x + hh - x1))
            ctx.stroke()
          }
        }
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
  zoom?: Zoom,
): void => {
  if (zoom) zoom.internal = true
  if (m.plot && m.key === key) m.plot.setData(data)
  else {
    m.plot?.destroy()
    m.plot = new uPlot(make(), data, el)
    m.key = key
  }
  if (zoom) {
    zoom.internal = false
    applyZoom(m.plot, zoom)
  }
}

/**
 * Whether a log scale can show every value drawn: uPlot's log scale has no place for 0 (a
 * MinimumPrice floor of 0 and a starting price of 0 give zero prices), so those charts go linear.
 */
export const logFits = (series: readonly (readonly (number | null | undefined)[])[]): boolean =>
  series.every((ys) => ys.every((y) => y == null || y > 0))

const widthOf = (el: HTMLElement): number => Math.max(240, Math.floor(el.clientWidth))

/** The price over time across sales, with phases shaded; B drawn on the same axes when comparing. */
export const priceChart = (el: HTMLElement, zoom: Zoom) => {
  const m: Managed = { plot: null, key: '' }
  let spans: Span[] = []
  let lookup: (ts: number) => string = () => ''
  /** Draws A (and B); returns whether the y scale is logarithmic (asked for, and every price above 0). */
  const update = (ctx: ChartContext, a: RunResult, b: RunResult | null): boolean => {
    const first = a.firstBlock
    const phases = (r: RunResult, band: Span['band']): Span[] =>
      r.rows.flatMap((row) => [
        {
          from: seconds(ctx, row.rotation, first),
          to: seconds(ctx, row.saleStart, first),
          color: COLORS.interlude,
          band,
        },
        {
          from: seconds(ctx, row.saleStart, first),
          to: seconds(ctx, row.leadinEnd, first),
          color: COLORS.leadin,
          band,
        },
        {
          from: seconds(ctx, row.leadinEnd, first),
          to: seconds(ctx, row.close, first),
          color: COLORS.fixed,
          band,
        },
      ])
    spans = b ? [...phases(a, 'upper'), ...phases(b, 'lower')] : phases(a, 'all')
    const toSeries = (r: RunResult) => ({
      x: r.curve.map((p) => seconds(ctx, p.block, first)),
      y: r.curve.map((p) => planckToChartNumber(p.price, ctx.decimals)),
    })
    const data = b
      ? overlay([toSeries(a), toSeries(b)])
      : (() => {
          const s = toSeries(a)
          return [s.x, s.y] as uPlot.AlignedData
        })()
    const startMs = Date.parse(`${ctx.start}T00:00:00Z`)
    const blockOf = (ts: number) => first + Math.round((ts * 1000 - startMs) / 6000)
    lookup = (ts) => {
      const block = blockOf(ts)
      const pa = phaseAt(a.rows, block)
      const pb = b ? phaseAt(b.rows, block) : null
      return b ? `A: ${pa ?? '—'} · B: ${pb ?? '—'}` : (pa ?? '')
    }
    const log = ctx.log && logFits(data.slice(1) as (number | null)[][])
    const key = `${b ? 'ab' : 'a'}-${log}-${ctx.symbol}-${widthOf(el)}`
    ensure(
      m,
      key,
      el,
      () => ({
        width: widthOf(el),
        height: 340,
        tzDate: utc,
        plugins: [whiteBackground, phasesPlugin(() => spans), zoomPlugin(zoom)],
        scales: { x: { time: true }, y: { distr: log ? 3 : 1 } },
        cursor: { focus: { prox: 24 }, drag: { x: true, y: false } },
        legend: { live: true },
        series: [
          {
            label: 'Date (UTC)',
            value: (_u: uPlot, ts: number | null) => (ts == null ? '–' : `${utcLabel(ts)} · ${lookup(ts)}`),
          },
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
        axes: [axis('Date (UTC)'), priceAxis(`Price (${ctx.symbol})`, 70)],
      }),
      data,
      zoom,
    )
    return log
  }
  const resetZoom = (): void => {
    zoom.range = null
    const u = m.plot
    if (!u) return
    const xs = u.data[0]
    zoom.internal = true
    u.setScale('x', { min: xs[0] ?? 0, max: xs[xs.length - 1] ?? 0 })
    zoom.internal = false
    zoom.onChange?.(false)
  }
  return { update, resetZoom, canvas: () => m.plot?.ctx.canvas ?? null, plot: () => m.plot }
}

/**
 * Sale by sale: the user's renewal price against the open market, with the simulator's Monte Carlo
 * bands when on: p5–p95 of what buyers paid (mean per run, and its median) and of the end price.
 */
export const renewalChart = (el: HTMLElement) => {
  const m: Managed = { plot: null, key: '' }
  /** Draws the sale-by-sale lines; returns whether the y scale is logarithmic. */
  const update = (ctx: ChartContext, a: RunResult, b: RunResult | null, bands: Bands | null): boolean => {
    const n = (x: bigint) => planckToChartNumber(x, ctx.decimals)
    // x: the sale number, which A and B share (their dates differ when their phases do)
    const data: (number | null)[][] = [
      a.rows.map((r) => r.index),
      a.rows.map((r) => n(r.userRenewal)),
      a.rows.map((r) => n(r.endPrice)),
      a.rows.map((r) => (r.purchasePrice === null ? null : n(r.purchasePrice))),
    ]
    if (b) {
      data.push(
        a.rows.map((_, i) => {
          const r = b.rows[i]
          return r ? n(r.userRenewal) : null
        }),
        a.rows.map((_, i) => {
          const r = b.rows[i]
          return r ? n(r.endPrice) : null
        }),
      )
    }
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
    const key = `${useBands}-${b !== null}-${log}-${ctx.symbol}-${widthOf(el)}`
    const saleDate = (i: number | null) => {
      const r = i == null ? undefined : a.rows[i - 1]
      return r
        ? `sale ${r.index} · lead-in ${utcLabel(seconds(ctx, r.saleStart, a.firstBlock)).slice(0, 10)}`
        : '–'
    }
    const bOffset = b ? 2 : 0
    ensure(
      m,
      key,
      el,
      () => ({
        width: widthOf(el),
        height: 260,
        plugins: [whiteBackground],
        scales: { x: { time: false }, y: { distr: log ? 3 : 1 } },
        series: [
          { label: 'Sale', value: (_u: uPlot, i: number | null) => saleDate(i) },
          {
            label: b ? 'A: your renewal' : 'Your renewal',
            stroke: COLORS.user,
            width: 2.5,
            points: { show: true, size: 6 },
            value: priceFmt(ctx.symbol),
          },
          {
            label: b ? 'A: end price' : 'End price (floor)',
            stroke: COLORS.a,
            width: 2,
            value: priceFmt(ctx.symbol),
          },
          {
            label: b ? 'A: buyers paid' : 'Buyers paid',
            stroke: COLORS.axis,
            width: 1.5,
            dash: [4, 4],
            points: { show: true, size: 5 },
            value: priceFmt(ctx.symbol),
          },
          ...(b
            ? [
                {
                  label: 'B: your renewal',
                  stroke: COLORS.user,
                  width: 2,
                  dash: [6, 4],
                  value: priceFmt(ctx.symbol),
                },
                {
                  label: 'B: end price',
                  stroke: COLORS.b,
                  width: 2,
                  dash: [6, 4],
                  value: priceFmt(ctx.symbol),
                },
              ]
            : []),
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
              { series: [4 + bOffset, 6 + bOffset], fill: COLORS.band },
              { series: [7 + bOffset, 8 + bOffset], fill: COLORS.endBand },
            ]
          : [],
        axes: [
          axis('Sale', {
            values: (_u: uPlot, t: number[]) => t.map((v) => (Number.isInteger(v) ? String(v) : '')),
          }),
          priceAxis(`Price (${ctx.symbol})`, 70),
        ],
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
    const n = (x: bigint) => planckToChartNumber(x, ctx.decimals)
    const data: uPlot.AlignedData = [
      a.rows.map((r) => r.index),
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
        scales: { x: { time: false } },
        series: [
          {
            label: 'Region of sale',
            value: (_u: uPlot, i: number | null) => (i == null ? '–' : `sale ${i}`),
          },
          { label: 'Bulk (renew a core)', stroke: COLORS.user, width: 2, value: priceFmt(ctx.symbol) },
          {
            label: 'On-demand',
            stroke: COLORS.ondemand,
            width: 2,
            dash: [6, 3],
            value: priceFmt(ctx.symbol),
          },
        ],
        axes: [
          axis('Sale', {
            values: (_u: uPlot, t: number[]) => t.map((v) => (Number.isInteger(v) ? String(v) : '')),
          }),
          priceAxis(`Per region (${ctx.symbol})`, 80),
        ],
      }),
      data,
    )
  }
  return { update }
}
