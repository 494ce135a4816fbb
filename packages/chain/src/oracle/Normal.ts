import { Ss58 } from '@coretime/core'

/**
 * One plain form for the runtime's values (polkadot-js `toPrimitive` of the runtime's own types)
 * and the model's (bigints, camelCase records), so the two compare with `===` on JSON: every
 * number a decimal string, every account SS58 with prefix 0 (what the Paseo runtime's
 * `SS58Prefix` says), core masks as 0x + 20 hex digits, object keys sorted, `null` for none.
 */
export type Plain = null | string | number | boolean | readonly Plain[] | { readonly [k: string]: Plain }

const ACCOUNT = /^0x[0-9a-f]{64}$/

export const plain = (v: unknown): Plain => {
  if (v === null || v === undefined) return null
  if (typeof v === 'bigint' || typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v
  if (typeof v === 'string') {
    if (ACCOUNT.test(v)) return Ss58.encode(Buffer.from(v.slice(2), 'hex'), 0)
    // the model's unit variants of CoreAssignment as polkadot-js shows enums
    if (v === 'Idle' || v === 'Pool') return { [v.toLowerCase()]: null }
    if (/^\d+$/.test(v)) return v
    return v
  }
  if (Array.isArray(v)) return v.map(plain)
  if (v instanceof Map) return [...v.entries()].map(([k, x]) => [plain(k), plain(x)])
  const o = v as Record<string, unknown>
  const out: Record<string, Plain> = {}
  for (const k of Object.keys(o).sort()) {
    const key = k === 'mask' ? 'mask' : k
    out[key] = k === 'mask' || k === 'partial' ? maskOf(o[k]) : plain(o[k])
  }
  return out
}

/** A core mask: bigint (model) or 0x-hex (runtime) → 0x + 20 hex digits. */
export const maskOf = (m: unknown): Plain => {
  if (typeof m === 'bigint') return `0x${m.toString(16).padStart(20, '0')}`
  if (typeof m === 'string' && m.startsWith('0x')) return `0x${m.slice(2).padStart(20, '0')}`
  return plain(m)
}

/** Where two plain values first differ, as a path (`regions[2].owner`), or null when equal. */
export const firstDifference = (a: Plain, b: Plain, path = ''): string | null => {
  if (a === b) return null
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return path || '(root)'
  if (Array.isArray(a) !== Array.isArray(b)) return path || '(root)'
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length`
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i] as Plain, b[i] as Plain, `${path}[${i}]`)
      if (d) return d
    }
    return null
  }
  const ao = a as Record<string, Plain>
  const bo = b as Record<string, Plain>
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()
  for (const k of keys) {
    const d = firstDifference(ao[k] ?? null, bo[k] ?? null, path ? `${path}.${k}` : k)
    if (d) return d
  }
  return null
}
