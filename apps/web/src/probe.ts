import type { ViewState } from './state'
import type { Store } from './store'
import type { ResultsView } from './ui/results'

/** Exposed for the browser tests and the performance probe (window.__coretime). */
export interface Probe {
  /** Increments each time the price chart has been redrawn with fresh numbers. */
  draws: number
  /** ms from the last state change to the redrawn chart. */
  lastLatencyMs: number
  /** Of which: ms the worker spent on the runs, and ms drawing charts, table and summary. */
  lastWorkerMs: number
  lastDrawMs: number
  /** Increments each time Monte Carlo bands have been drawn. */
  bandDraws: number
  /** ms from navigation start to the first drawn chart. */
  firstDrawMs: number
  /** ms from the batch's start (its runs sent to the workers) to its bands drawn. */
  lastBandsMs: number
  /** ms from navigation start to the last Monte Carlo bands drawn. */
  lastBandsAt: number
  state(): ViewState
  /** The price chart's y values of set A (tokens, as drawn). */
  chartData(): (number | null)[]
  /** The price chart's aligned data (x, A, B), as drawn. */
  chartSeries(): (number | null | undefined)[][]
  /** The price chart's y scale as drawn (log falls back to linear when a price is 0). */
  priceScale(): 'log' | 'linear' | null
  /** The x range shown (zoom), seconds. */
  xRange(): { min: number; max: number } | null
  /** The price chart's plot area in CSS pixels relative to the page, and its legend's date text. */
  plotBox(): { left: number; top: number; width: number; height: number } | null
  /** Whether the price chart's canvas is white at a CSS-pixel point of the page (no shading there). */
  whiteAt(x: number, y: number): boolean | null
  /** The PNG export as a data URL, with its size. */
  png(): { url: string; width: number; height: number; chartHeight: number } | null
}

/** The probe over the view's store and results (its counters are written by app.ts's draw). */
export const createProbe = (store: Store<ViewState>, results: ResultsView): Probe => {
  return {
    draws: 0,
    lastLatencyMs: 0,
    lastWorkerMs: 0,
    lastDrawMs: 0,
    bandDraws: 0,
    firstDrawMs: 0,
    lastBandsMs: 0,
    lastBandsAt: 0,
    state: () => store.get(),
    chartData: () => [...((results.priceChart.plot()?.data[1] ?? []) as (number | null)[])],
    chartSeries: () => (results.priceChart.plot()?.data ?? []).map((s) => [...(s as (number | null)[])]),
    priceScale: () => {
      const p = results.priceChart.plot()
      return p ? (p.scales.y?.distr === 3 ? 'log' : 'linear') : null
    },
    xRange: () => {
      const x = results.priceChart.plot()?.scales.x
      return x?.min == null || x.max == null ? null : { min: x.min, max: x.max }
    },
    plotBox: () => {
      const u = results.priceChart.plot()
      if (!u) return null
      const r = u.over.getBoundingClientRect()
      return { left: r.left + window.scrollX, top: r.top + window.scrollY, width: r.width, height: r.height }
    },
    whiteAt: (x, y) => {
      const c = results.priceChart.canvas()
      const ctx = c?.getContext('2d')
      if (!c || !ctx) return null
      const r = c.getBoundingClientRect()
      const k = c.width / r.width
      const [red, green, blue] = ctx.getImageData(
        Math.round((x - r.left - window.scrollX) * k),
        Math.round((y - r.top - window.scrollY) * k),
        1,
        1,
      ).data
      return red === 255 && green === 255 && blue === 255
    },
    png: () => {
      const c = results.png(store.get())
      const chart = results.priceChart.canvas()
      return c && chart
        ? { url: c.toDataURL('image/png'), width: c.width, height: c.height, chartHeight: chart.height }
        : null
    },
  }
}
