/**
 * The exported PNG: the price chart with a title, a legend and the parameters it was drawn from,
 * so the picture still says what it shows once it is pasted somewhere else.
 */

export interface LegendItem {
  label: string
  color: string
  /** a line (dashed or not) or a shaded swatch */
  kind: 'line' | 'dash' | 'swatch' | 'hatch'
}

export interface PngContent {
  title: string
  subtitle: string
  legend: LegendItem[]
  /** One line per parameter set (A, B) and one for the demand. */
  params: string[]
}

const PAD = 20
const FONT = 'Inter, "Segoe UI", system-ui, sans-serif'

/** Lays `words` out in lines no wider than `width`. */
const wrap = (ctx: CanvasRenderingContext2D, text: string, width: number): string[] => {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word
    if (ctx.measureText(next).width > width && line) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

/** A canvas holding title, legend, chart and parameters (device pixels of the chart's canvas). */
export const composePng = (chart: HTMLCanvasElement, c: PngContent): HTMLCanvasElement => {
  const scale = chart.width / Math.max(1, chart.clientWidth || chart.width)
  const width = chart.width
  const out = document.createElement('canvas')
  const measure = out.getContext('2d')
  if (!measure) return chart
  measure.font = `${13 * scale}px ${FONT}`
  const paramLines = c.params.flatMap((p) => wrap(measure, p, width - 2 * PAD * scale))
  const titleH = 30 * scale
  const subH = 20 * scale
  const legendH = 24 * scale
  const paramH = paramLines.length * 18 * scale + PAD * scale
  out.width = width
  out.height = Math.ceil(PAD * scale + titleH + subH + legendH + chart.height + paramH)
  const ctx = out.getContext('2d')
  if (!ctx) return chart
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, out.width, out.height)
  let y = PAD * scale
  ctx.textBaseline = 'top'
  ctx.fillStyle = '#1b1f24'
  ctx.font = `600 ${18 * scale}px ${FONT}`
  ctx.fillText(c.title, PAD * scale, y)
  y += titleH
  ctx.fillStyle = '#57606a'
  ctx.font = `${13 * scale}px ${FONT}`
  ctx.fillText(c.subtitle, PAD * scale, y)
  y += subH
  let x = PAD * scale
  for (const item of c.legend) {
    const mid = y + 8 * scale
    ctx.save()
    if (item.kind === 'swatch' || item.kind === 'hatch') {
      ctx.fillStyle = item.color
      ctx.fillRect(x, y + 2 * scale, 14 * scale, 12 * scale)
      if (item.kind === 'hatch') {
        ctx.strokeStyle = 'rgba(31, 111, 235, 0.6)'
        ctx.beginPath()
        ctx.moveTo(x, y + 14 * scale)
        ctx.lineTo(x + 12 * scale, y + 2 * scale)
        ctx.stroke()
      }
    } else {
      ctx.strokeStyle = item.color
      ctx.lineWidth = 2 * scale
      if (item.kind === 'dash') ctx.setLineDash([6 * scale, 4 * scale])
      ctx.beginPath()
      ctx.moveTo(x, mid)
      ctx.lineTo(x + 22 * scale, mid)
      ctx.stroke()
    }
    ctx.restore()
    x += (item.kind === 'line' || item.kind === 'dash' ? 28 : 20) * scale
    ctx.fillStyle = '#1b1f24'
    ctx.fillText(item.label, x, y + 1 * scale)
    x += ctx.measureText(item.label).width + 16 * scale
  }
  y += legendH
  ctx.drawImage(chart, 0, y)
  y += chart.height + 8 * scale
  ctx.fillStyle = '#1b1f24'
  ctx.font = `${13 * scale}px ${FONT}`
  for (const line of paramLines) {
    ctx.fillText(line, PAD * scale, y)
    y += 18 * scale
  }
  return out
}
