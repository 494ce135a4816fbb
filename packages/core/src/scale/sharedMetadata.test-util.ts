/**
 * Test-only access to the real runtime metadata in `../shared/metadata` (relative to the repo root).
 * Core has no Node types, so the file system is reached through `process.getBuiltinModule` at run time.
 * The files are never copied into the repo; when absent, tests skip with a warning naming the path.
 */
import { getDynamicBuilder, getLookupFn, type LookupEntry } from '@polkadot-api/metadata-builders'
import { decAnyMetadata, type UnifiedMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings'
import type { Shape } from './Shape'

type Fs = { existsSync(p: string): boolean; readFileSync(p: string): Uint8Array }
type NodePath = { resolve(...p: string[]): string }
type NodeUrl = { fileURLToPath(u: string): string }
const builtin = <T>(id: string): T =>
  (globalThis as unknown as { process: { getBuiltinModule(id: string): T } }).process.getBuiltinModule(id)

const fs = builtin<Fs>('node:fs')
const warn = (msg: string): void =>
  (globalThis as unknown as { console: { warn(m: string): void } }).console.warn(msg)
const path = builtin<NodePath>('node:path')
const repoRoot = path.resolve(
  builtin<NodeUrl>('node:url').fileURLToPath((import.meta as unknown as { url: string }).url),
  '../../../../..',
)

/** `<repo>/../shared/metadata` */
export const metadataDir = path.resolve(repoRoot, '../shared/metadata')

export type MetadataFile = 'dotCoretime' | 'ksmCoretime' | 'dot' | 'ksm'

export const fileOf = (name: MetadataFile): string => path.resolve(metadataDir, `${name}.scale`)

/**
 * The one rule for tests that need something outside the repo: nothing missing → true; something
 * missing → a visible warning and false (the caller skips), except under `CI=true`, where it throws
 * so the test file fails instead of passing quietly.
 */
export const presentOrSkip = (missing: readonly string[], what: string): boolean => {
  if (missing.length === 0) return true
  const why = `${what} skipped: missing ${missing.join(', ')}`
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env
  if (env.CI === 'true') throw new Error(`${why} (CI=true: failing instead of skipping)`)
  warn(why)
  return false
}

/** True when the files exist; warns naming the missing path otherwise (throws under CI=true). */
export const haveMetadata = (...names: MetadataFile[]): boolean =>
  presentOrSkip(
    names.map(fileOf).filter((f) => !fs.existsSync(f)),
    'metadata tests',
  )

/**
 * Defers work to the first test that needs it: vitest still runs the body of a skipped describe
 * to collect its tests, so nothing there may touch the (possibly absent) files.
 */
export const lazy = <T>(make: () => T): (() => T) => {
  let value: { v: T } | undefined
  return () => {
    value ??= { v: make() }
    return value.v
  }
}

export type Loaded = {
  metadata: UnifiedMetadata
  lookup: ReturnType<typeof getLookupFn>
  builder: ReturnType<typeof getDynamicBuilder>
}

export const load = (name: MetadataFile): Loaded => {
  const metadata = unifyMetadata(decAnyMetadata(fs.readFileSync(fileOf(name))))
  const lookup = getLookupFn(metadata)
  return { metadata, lookup, builder: getDynamicBuilder(lookup) }
}

/** The metadata's calls of a pallet: name → { index, fields: lookup entries by argument name }. */
export const palletCalls = (
  m: Loaded,
  pallet: string,
): { index: number; calls: Map<string, { index: number; args: [string, LookupEntry][] }> } => {
  const p = m.metadata.pallets.find((x) => x.name === pallet)
  if (!p?.calls) throw new Error(`metadata has no pallet ${pallet} with calls`)
  const entry = m.lookup(p.calls.type)
  if (entry.type !== 'enum') throw new Error(`${pallet} calls are not an enum`)
  const calls = new Map<string, { index: number; args: [string, LookupEntry][] }>()
  for (const [name, v] of Object.entries(entry.value)) {
    const args: [string, LookupEntry][] =
      v.type === 'struct'
        ? Object.entries(v.value)
        : v.type === 'void'
          ? []
          : [['0', v as unknown as LookupEntry]]
    calls.set(name, { index: v.idx, args })
  }
  return { index: p.index, calls }
}

/**
 * Does our static shape describe the same SCALE type as the metadata's lookup entry? Structural:
 * kinds, widths, field names and order, variant names and indices.
 */
export const sameShape = (
  shape: Shape,
  entry: LookupEntry,
  at = '',
  exactEnums = true,
): string | undefined => {
  const e = entry as LookupEntry & { type: string; value?: unknown }
  const no = (why: string) => `${at || '(root)'}: ${why}`
  switch (shape.kind) {
    case 'u8':
    case 'u16':
    case 'u32':
    case 'u64':
    case 'u128':
    case 'bool':
      return e.type === 'primitive' && e.value === shape.kind
        ? undefined
        : no(`${shape.kind} vs ${e.type} ${String(e.value)}`)
    case 'compact': {
      if (e.type !== 'compact') return no(`compact vs ${e.type}`)
      const big = (e as { isBig?: boolean }).isBig === true
      return big === shape.big ? undefined : no(`compact big=${shape.big} vs ${big}`)
    }
    case 'option':
      return e.type === 'option'
        ? sameShape(shape.inner, e.value as LookupEntry, `${at}?`, exactEnums)
        : no(`option vs ${e.type}`)
    case 'account':
      return e.type === 'AccountId32' ? undefined : no(`AccountId32 vs ${e.type}`)
    case 'bytes':
    case 'array': {
      // polkadot-api's lookup collapses `[T; 1]` into `T` (same bytes), e.g. XCM `Junctions::X1`
      if (shape.kind === 'array' && shape.length === 1 && e.type !== 'array')
        return sameShape(shape.inner, entry, `${at}[0]`, exactEnums)
      if (e.type !== 'array') return no(`array vs ${e.type}`)
      const len = (e as { len: number }).len
      const length = shape.length
      if (len !== length) return no(`length ${length} vs ${len}`)
      const inner = shape.kind === 'bytes' ? ({ kind: 'u8' } as Shape) : shape.inner
      return sameShape(inner, e.value as LookupEntry, `${at}[]`, exactEnums)
    }
    case 'blob':
      return e.type === 'sequence'
        ? sameShape({ kind: 'u8' }, e.value as LookupEntry, `${at}[]`, exactEnums)
        : no(`Vec<u8> vs ${e.type}`)
    case 'vec':
      return e.type === 'sequence'
        ? sameShape(shape.inner, e.value as LookupEntry, `${at}[]`, exactEnums)
        : no(`Vec vs ${e.type}`)
    case 'struct': {
      if (e.type !== 'struct') return no(`struct vs ${e.type}`)
      const fields = Object.entries(e.value as Record<string, LookupEntry>)
      const names = fields.map(([n]) => n).join(',')
      const ours = shape.fields.map(([n]) => n).join(',')
      if (names !== ours) return no(`fields ${ours} vs ${names}`)
      for (const [i, [n, s]] of shape.fields.entries()) {
        const r = sameShape(s, fields[i]![1], `${at}.${n}`, exactEnums)
        if (r) return r
      }
      return undefined
    }
    case 'enum': {
      if (e.type !== 'enum') return no(`enum vs ${e.type}`)
      const variants = e.value as Record<string, { idx: number; type: string; value?: unknown }>
      if (exactEnums && Object.keys(variants).length !== shape.variants.length)
        return no(
          `variants ${shape.variants.map(([n]) => n).join(',')} vs ${Object.keys(variants).join(',')}`,
        )
      for (const [name, idx, inner] of shape.variants) {
        const v = variants[name]
        if (!v) return no(`no variant ${name}`)
        if (v.idx !== idx) return no(`variant ${name} index ${idx} vs ${v.idx}`)
        if (inner === null) {
          if (v.type !== 'void') return no(`variant ${name} has a payload`)
          continue
        }
        const payload = (v.type === 'lookupEntry' ? v.value : v) as LookupEntry
        const r = sameShape(inner, payload, `${at}::${name}`, exactEnums)
        if (r) return r
      }
      return undefined
    }
  }
}
