import { columns } from './width'

/** How a table is laid out: its width, the key columns repeated in every part, the left-aligned ones. */
export interface Fit {
  /** columns of the terminal (default: the terminal's, 80 for a pipe or a file) */
  width?: number
  /** leading columns that name a row (a sale's number): repeated in each part of a split table */
  keys?: number
  /** leading columns aligned left (names, dates); the rest are numbers, aligned right */
  left?: number
}

/**
 * Rows (the first is the header) as columns two spaces apart, fitted to the width: when they do not
 * all fit, the columns after the `keys` ones are split, in order, into parts that do, each printed
 * under the key columns again and separated by a blank line. A column wider than the width on its
 * own gets a part of its own and is never cut, so a value can still be copied.
 */
export const fitColumns = (rows: readonly (readonly string[])[], fit: Fit = {}): string => {
  const width = fit.width ?? columns()
  const keys = Math.max(0, fit.keys ?? 1)
  const left = fit.left ?? 0
  const n = Math.max(0, ...rows.map((r) => r.length))
  const widths = Array.from({ length: n }, (_, i) => Math.max(0, ...rows.map((r) => (r[i] ?? '').length)))
  const span = (cols: readonly number[]) =>
    cols.reduce((t, i) => t + (widths[i] ?? 0), 0) + 2 * Math.max(0, cols.length - 1)
  const keyCols = Array.from({ length: Math.min(keys, n) }, (_, i) => i)
  const parts: number[][] = []
  let part: number[] = []
  for (let i = keyCols.length; i < n; i++) {
    if (part.length > 0 && span([...keyCols, ...part, i]) > width) {
      parts.push(part)
      part = []
    }
    part.push(i)
  }
  if (part.length > 0 || parts.length === 0) parts.push(part)
  const render = (cols: readonly number[]) =>
    rows
      .map((r) =>
        cols
          .map((i) => {
            const c = r[i] ?? ''
            return i < left ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)
          })
          .join('  ')
          .trimEnd(),
      )
      .join('\n')
  return parts.map((p) => render([...keyCols, ...p])).join('\n\n')
}
