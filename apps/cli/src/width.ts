/**
 * Human output follows the terminal's width: `process.stdout.columns` on a terminal, 80 columns
 * otherwise (a pipe or a file has no width; 80 is the classic one). Lines are broken at spaces; a
 * word longer than the width (call data, an address, a URL) is never cut, so it can be copied.
 */
export const DEFAULT_COLUMNS = 80

export const columns = (stream: { isTTY?: boolean; columns?: number } = process.stdout): number =>
  stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0
    ? stream.columns
    : DEFAULT_COLUMNS

/**
 * `text` with every line longer than `width` broken at spaces. A continued line is indented by
 * `hang(line)`: by default the line's own indent plus 4, or, for a list item (`- `, `! `), the
 * column where the item's text starts.
 */
export const wrap = (text: string, width = columns(), hang: (line: string) => number = defaultHang): string =>
  text
    .split('\n')
    .flatMap((line) => wrapLine(line, width, Math.min(hang(line), Math.floor(width / 2))))
    .join('\n')

/** The default hanging indent of a continued line. */
export const defaultHang = (line: string): number => {
  const item = /^(\s*[-!]\s+)/.exec(line)
  if (item) return item[1]!.length
  return (/^\s*/.exec(line)?.[0].length ?? 0) + 4
}

const wrapLine = (line: string, width: number, hang: number): string[] => {
  if (line.length <= width) return [line]
  const out: string[] = []
  let rest = line
  let indent = ''
  while (indent.length + rest.length > width) {
    const room = width - indent.length
    // the last space that keeps the line within the width; else the first one after (a long word)
    let cut = rest.lastIndexOf(' ', room)
    while (cut > 0 && rest[cut - 1] === ' ') cut--
    if (cut <= 0 || rest.slice(0, cut).trim() === '') {
      const next = rest.indexOf(' ', room)
      if (next < 0) break
      cut = next
    }
    out.push(indent + rest.slice(0, cut).trimEnd())
    rest = rest.slice(cut).trimStart()
    indent = ' '.repeat(hang)
  }
  out.push(indent + rest)
  return out
}
