type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>
type Child = Node | string | null | undefined | false

/** A tiny element builder: `h('label', { for: 'x' }, 'Lead-in')`. `on…` attributes become listeners. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v)
    else if (v === true) el.setAttribute(k, '')
    else el.setAttribute(k, String(v))
  }
  for (const c of children) if (c) el.append(c)
  return el
}
