import { Token } from '@coretime/core'
import uPlot from 'uplot'
import { planckToChartNumber, tickLabel } from '../chartNumber'
import { displayAmount } from '../display'
import type { NowView } from '../now'
import { COLORS, utcLabel } from './charts'
import { h } from './dom'

/**
 * The "Now" card: the sale read from the chain — its phase with a countdown and the date of each
 * boundary, the price now, cores offered / sold / left, renewals still open, this sale's price curve
 * with a "now" marker, and the next sale's end price if the sale ended now. Renders a `NowView`.
 */
export const nowCard = () => {
  const body = h('div', { class: 'now-body' })
  // following a live chain: the connection's state (lost / reconnected), empty for a snapshot file
  const link = h('p', { class: 'now-link', role: 'status', 'data-testid': 'now-connection', hidden: true })
  const chartEl = h('div', { class: 'chart', 'data-testid': 'now-chart' })
  const element = h(
    'section',
    { class: 'card now', 'aria-labelledby': 'h-now', 'data-testid': 'now', hidden: true },
    h('h2', { id: 'h-now' }, 'Now: the sale on the chain'),
    link,
    body,
    chartEl,
  )
  let plot: uPlot | null = null
  const show = (v: NowView): void => {
    element.hidden = false
    const s = v.status
    const t = Token.of(s.network)
    const f = (x: bigint) => displayAmount(x, t)
    const sale = s.sale
    if (!sale) {
      body.replaceChildren(
        h(
          'p',
          { 'data-testid': 'now-phase' },
          `No sale on ${s.network} yet (read at relay block ${s.now.block.toLocaleString('en-US')}).`,
        ),
      )
      plot?.destroy()
      plot = null
      return
    }
    const phase = {
      interlude: 'Interlude (renewals only)',
      leadin: 'Lead-in (price falling)',
      fixed: 'Fixed price',
    }[sale.phase]
    const open = s.renewalsDue.filter((r) => r.complete).length
    const stat = (k: string, val: string, id: string) =>
      h('div', { class: 'now-stat' }, h('dt', {}, k), h('dd', { 'data-now': id }, val))
    body.replaceChildren(
      h(
        'p',
        { class: 'help' },
        `Read at relay block ${s.now.block.toLocaleString('en-US')} (${utcLabel(Date.parse(s.now.date) / 1000)}); ${s.chains.coretime}. Dates at 6 s a block from the read.`,
      ),
      h(
        'p',
        { class: 'now-phase', 'data-testid': 'now-phase' },
        h('strong', {}, phase),
        v.countdown ? ` — ${v.countdown.name} in ${duration(v.countdown.ms)}` : '',
      ),
      h(
        'dl',
        { class: 'now-set' },
        stat('Price now', f(sale.priceNow), 'price'),
        stat('End price (after the lead-in)', f(sale.leadinEndPrice), 'end'),
        stat(
          'Cores offered / sold / left',
          `${sale.coresOffered} / ${sale.coresSold} / ${sale.coresOffered - sale.coresSold}`,
          'cores',
        ),
        stat('Renewals still open', String(open), 'renewals'),
        stat(
          'Next end price if the sale ended now',
          v.nextEndPrice === null ? '—' : f(v.nextEndPrice),
          'next',
        ),
      ),
      h(
        'ul',
        { class: 'now-dates', 'data-testid': 'now-dates' },
        ...sale.next.map((b) =>
          h(
            'li',
            {},
            `${b.name}: ${utcLabel(Date.parse(b.at.date) / 1000)} (block ${b.at.block.toLocaleString('en-US')})`,
          ),
        ),
      ),
    )
    const ys = v.curve.map((p) => planckToChartNumber(p.price, t.decimals))
    const data: uPlot.AlignedData = [v.curve.map((p) => p.block), ys]
    const nowLine: uPlot.Plugin = {
      hooks: {
        draw: (u: uPlot) => {
          const x = u.valToPos(v.block, 'x', true)
          const { ctx } = u
          ctx.save()
          ctx.strokeStyle = '#1b1f24'
          ctx.setLineDash([4, 3])
          ctx.beginPath()
          ctx.moveTo(x, u.bbox.top)
          ctx.lineTo(x, u.bbox.top + u.bbox.height)
          ctx.stroke()
          ctx.fillStyle = '#1b1f24'
          ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`
          ctx.fillText('now', x + 4, u.bbox.top + 14)
          ctx.restore()
        },
      },
    }
    plot?.destroy()
    plot = new uPlot(
      {
        width: Math.max(240, chartEl.clientWidth || 600),
        height: 200,
        plugins: [nowLine],
        scales: { x: { time: false }, y: { distr: ys.every((y) => y > 0) ? 3 : 1 } },
        series: [
          { label: 'Relay block', value: (_u, b) => (b == null ? '–' : b.toLocaleString('en-US')) },
          {
            label: 'Sale price',
            stroke: COLORS.a,
            width: 2,
            value: (_u, y) => (y == null ? '–' : `${y.toLocaleString('en-US')} ${t.symbol}`),
          },
        ],
        axes: [
          { label: 'Relay block', space: 90, values: (_u, ticks) => ticks.map((x) => tickLabel(x)) },
          {
            label: `Price (${t.symbol})`,
            size: 70,
            values: (_u, ticks) => ticks.map((x) => (x === null ? null : tickLabel(x))),
          },
        ],
      },
      data,
      chartEl,
    )
  }
  /** the live connection's state: `null` hides the line (a snapshot file does not follow the chain) */
  const connection = (
    c: { kind: 'connecting' | 'live' | 'lost' | 'reconnected'; message: string } | null,
  ) => {
    link.hidden = c === null
    link.textContent = c?.message ?? ''
    link.dataset.kind = c?.kind ?? ''
  }
  return { element, show, connection }
}

/** `3 d 4 h`, `5 h 12 min`, `40 min` (a countdown from the read). */
export const duration = (ms: number): string => {
  const min = Math.max(0, Math.round(ms / 60_000))
  const d = Math.floor(min / 1440)
  const hrs = Math.floor((min % 1440) / 60)
  const m = min % 60
  if (d > 0) return `${d} d ${hrs} h`
  if (hrs > 0) return `${hrs} h ${m} min`
  return `${m} min`
}
