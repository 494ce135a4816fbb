/**
 * Test helper: command-line words to the options object commander would give a command's function
 * (`['--queue-size', '3', '--json']` → `{ queueSize: '3', json: true }`), so a test can call
 * `ondemand(opts(...))` with the flags it would type. A flag followed by another flag (or nothing)
 * is boolean; `--no-x` is `x: false`.
 */
export const opts = <T extends object>(...words: string[]): T => {
  const out: Record<string, string | boolean> = {}
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (!w.startsWith('--')) throw new Error(`opts: expected a --flag, got "${w}"`)
    const name = w.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    const next = words[i + 1]
    if (name.startsWith('no') && /^no[A-Z]/.test(name)) out[name[2]!.toLowerCase() + name.slice(3)] = false
    else if (next === undefined || next.startsWith('--')) out[name] = true
    else {
      out[name] = next
      i++
    }
  }
  return out as T
}
