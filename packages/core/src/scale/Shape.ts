import {
  _void,
  Bytes,
  bool,
  type Codec,
  compactBn,
  compactNumber,
  Option,
  Struct,
  u8,
  u16,
  u32,
  u64,
  u128,
  Variant,
  Vector,
} from '@polkadot-api/substrate-bindings'
import * as Ss58 from '../accounts/Ss58'
import { fromHex, toHex } from './Hex'

/**
 * The shape of a SCALE type, as a plain table: the static description of call arguments from which
 * codecs are built with polkadot-api's combinators (decision 0002). Values use polkadot-api's
 * conventions: u8–u32 and compact<u32> are `number`, u64/u128/compact<u128> are `bigint`, `None` is
 * `undefined`, fixed byte arrays and accounts are `Uint8Array`, enums are `{ type, value }`.
 */
export type Shape =
  | { readonly kind: 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'bool' }
  | { readonly kind: 'compact'; readonly big: boolean }
  | { readonly kind: 'option'; readonly inner: Shape }
  | { readonly kind: 'bytes'; readonly length: number }
  /** `Vec<u8>` with a compact length prefix */
  | { readonly kind: 'blob' }
  | { readonly kind: 'account' }
  | { readonly kind: 'struct'; readonly fields: readonly (readonly [string, Shape])[] }
  /** variants in declaration order, each with its SCALE index; `null` = no payload */
  | { readonly kind: 'enum'; readonly variants: readonly (readonly [string, number, Shape | null])[] }
  | { readonly kind: 'vec'; readonly inner: Shape }
  | { readonly kind: 'array'; readonly inner: Shape; readonly length: number }

export type Value =
  | number
  | bigint
  | boolean
  | undefined
  | Uint8Array
  | readonly Value[]
  | { readonly type: string; readonly value?: Value }
  | { readonly [field: string]: Value }

// Shape constructors, so tables read like the Rust types.
export const u8s: Shape = { kind: 'u8' }
export const u16s: Shape = { kind: 'u16' }
export const u32s: Shape = { kind: 'u32' }
export const u64s: Shape = { kind: 'u64' }
export const u128s: Shape = { kind: 'u128' }
export const bools: Shape = { kind: 'bool' }
export const account: Shape = { kind: 'account' }
export const blob: Shape = { kind: 'blob' }
export const compact = (big: boolean): Shape => ({ kind: 'compact', big })
export const option = (inner: Shape): Shape => ({ kind: 'option', inner })
export const bytes = (length: number): Shape => ({ kind: 'bytes', length })
export const vec = (inner: Shape): Shape => ({ kind: 'vec', inner })
export const array = (inner: Shape, length: number): Shape => ({ kind: 'array', inner, length })
export const struct = (...fields: (readonly [string, Shape])[]): Shape => ({ kind: 'struct', fields })
export const enumOf = (...variants: (readonly [string, number, Shape | null])[]): Shape => ({
  kind: 'enum',
  variants,
})

type AnyCodec = Codec<unknown>
/** polkadot-api's `StringRecord<Codec>`: a record whose keys are only strings */
type CodecRecord = Parameters<typeof Struct>[0]
const cache = new WeakMap<Shape, AnyCodec>()

/** The polkadot-api codec for a shape (memoised per shape object). */
export const codecOf = (shape: Shape): AnyCodec => {
  const hit = cache.get(shape)
  if (hit) return hit
  const codec = build(shape)
  cache.set(shape, codec)
  return codec
}

const build = (shape: Shape): AnyCodec => {
  switch (shape.kind) {
    case 'u8':
      return u8 as AnyCodec
    case 'u16':
      return u16 as AnyCodec
    case 'u32':
      return u32 as AnyCodec
    case 'u64':
      return u64 as AnyCodec
    case 'u128':
      return u128 as AnyCodec
    case 'bool':
      return bool as AnyCodec
    case 'compact':
      return (shape.big ? compactBn : compactNumber) as AnyCodec
    case 'option':
      return Option(codecOf(shape.inner)) as AnyCodec
    case 'bytes':
      return Bytes(shape.length) as AnyCodec
    case 'blob':
      return Bytes() as AnyCodec
    case 'account':
      return Bytes(32) as AnyCodec
    case 'struct':
      return Struct(
        Object.fromEntries(shape.fields.map(([n, s]) => [n, codecOf(s)])) as CodecRecord,
      ) as AnyCodec
    case 'enum': {
      const inner = Object.fromEntries(
        shape.variants.map(([n, , s]) => [n, s ? codecOf(s) : _void]),
      ) as CodecRecord
      const indexes = shape.variants.map(([, i]) => i)
      // biome-ignore lint/suspicious/noExplicitAny: Variant's index tuple type is derived from a literal record
      return Variant(inner, indexes as any) as AnyCodec
    }
    case 'vec':
      return Vector(codecOf(shape.inner)) as AnyCodec
    case 'array':
      return Vector(codecOf(shape.inner), shape.length) as AnyCodec
  }
}

/** Human-readable type name for messages: `u32`, `Option<u32>`, `[u8; 10]`, `{begin, core, mask}`. */
export const describe = (shape: Shape): string => {
  switch (shape.kind) {
    case 'compact':
      return shape.big ? 'Compact<u128>' : 'Compact<u32>'
    case 'option':
      return `Option<${describe(shape.inner)}>`
    case 'bytes':
      return `[u8; ${shape.length}]`
    case 'blob':
      return 'Vec<u8>'
    case 'account':
      return 'AccountId32'
    case 'struct':
      return `{ ${shape.fields.map(([n, s]) => `${n}: ${describe(s)}`).join(', ')} }`
    case 'enum':
      return shape.variants.map(([n, , s]) => (s ? `${n}(${describe(s)})` : n)).join(' | ')
    case 'vec':
      return `Vec<${describe(shape.inner)}>`
    case 'array':
      return `[${describe(shape.inner)}; ${shape.length}]`
    default:
      return shape.kind
  }
}

export type InputError = { readonly code: 'InvalidArgument'; readonly message: string }
export type InputResult =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: InputError }

const MAX: Record<'u8' | 'u16' | 'u32' | 'u64' | 'u128', bigint> = {
  u8: 0xffn,
  u16: 0xffffn,
  u32: 0xffff_ffffn,
  u64: (1n << 64n) - 1n,
  u128: (1n << 128n) - 1n,
}

const show = (v: unknown): string => {
  if (typeof v === 'string') return `"${v}"`
  if (typeof v === 'bigint') return `${v}`
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

/**
 * Loose input (a JSON value or a CLI string) → a typed value for `shape`, validated once at the edge.
 * Integers: number, bigint or a digit string (`_` allowed). Option: `null`/`"none"` is None.
 * Bytes: `0x` hex of the exact length. Account: SS58 (checksum verified) or 32-byte hex.
 * Enums: `"Idle"`, `{ "type": "Task", "value": 2000 }` or `{ "Task": 2000 }`. Errors name the path.
 */
export const fromInput = (shape: Shape, input: unknown, path: string): InputResult => {
  const fail = (expected: string): InputResult => ({
    ok: false,
    error: { code: 'InvalidArgument', message: `${path}: expected ${expected}, got ${show(input)}` },
  })
  const ok = (value: Value): InputResult => ({ ok: true, value })
  switch (shape.kind) {
    case 'u8':
    case 'u16':
    case 'u32':
    case 'u64':
    case 'u128':
    case 'compact': {
      const kind = shape.kind === 'compact' ? (shape.big ? 'u128' : 'u32') : shape.kind
      const max = MAX[kind]
      const n = toBigInt(input)
      if (n === undefined || n < 0n || n > max) return fail(`an integer 0..${max} (${kind})`)
      return ok(kind === 'u64' || kind === 'u128' ? n : Number(n))
    }
    case 'bool':
      if (input === true || input === 'true') return ok(true)
      if (input === false || input === 'false') return ok(false)
      return fail('true or false')
    case 'option': {
      if (input === null || input === undefined || (typeof input === 'string' && /^none$/i.test(input)))
        return ok(undefined)
      return fromInput(shape.inner, input, path)
    }
    case 'bytes':
    case 'blob': {
      if (input instanceof Uint8Array) {
        if (shape.kind === 'bytes' && input.length !== shape.length) return fail(`${shape.length} bytes`)
        return ok(input)
      }
      if (typeof input !== 'string') return fail(`0x-prefixed hex (${describe(shape)})`)
      const r = fromHex(input)
      if (!r.ok)
        return { ok: false, error: { code: 'InvalidArgument', message: `${path}: ${r.error.message}` } }
      if (shape.kind === 'bytes' && r.value.length !== shape.length)
        return fail(`${shape.length} bytes of hex (${describe(shape)})`)
      return ok(r.value)
    }
    case 'account': {
      if (input instanceof Uint8Array && input.length === 32) return ok(input)
      if (typeof input !== 'string') return fail('an SS58 address or 32-byte 0x hex')
      if (/^0x/i.test(input)) {
        const r = fromHex(input)
        if (!r.ok)
          return { ok: false, error: { code: 'InvalidArgument', message: `${path}: ${r.error.message}` } }
        if (r.value.length !== 32) return fail('32 bytes of hex (AccountId32)')
        return ok(r.value)
      }
      const r = Ss58.decode(input)
      if (!r.ok)
        return { ok: false, error: { code: 'InvalidArgument', message: `${path}: ${r.error.message}` } }
      return ok(r.value.account)
    }
    case 'struct': {
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        return fail(`an object ${describe(shape)}`)
      const record = input as Record<string, unknown>
      const names = shape.fields.map(([n]) => n)
      const extra = Object.keys(record).find((k) => !names.includes(k))
      if (extra !== undefined) return fail(`only the fields ${names.join(', ')} (unknown field "${extra}")`)
      const out: Record<string, Value> = {}
      for (const [name, s] of shape.fields) {
        if (!(name in record) && s.kind !== 'option')
          return { ok: false, error: { code: 'InvalidArgument', message: `${path}.${name}: missing` } }
        const r = fromInput(s, record[name], `${path}.${name}`)
        if (!r.ok) return r
        out[name] = r.value
      }
      return ok(out)
    }
    case 'enum': {
      const names = shape.variants.map(([n]) => n)
      let type: unknown
      let payload: unknown
      if (typeof input === 'string') type = input
      else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
        const record = input as Record<string, unknown>
        if ('type' in record) {
          type = record.type
          payload = record.value
        } else if (Object.keys(record).length === 1) {
          type = Object.keys(record)[0]
          payload = Object.values(record)[0]
        }
      }
      const variant = shape.variants.find(([n]) => n === type)
      if (!variant) return fail(`one of ${names.join(', ')}`)
      const [name, , inner] = variant
      if (!inner) return ok({ type: name })
      const r = fromInput(inner, payload, `${path}.${name}`)
      return r.ok ? ok({ type: name, value: r.value }) : r
    }
    case 'vec':
    case 'array': {
      if (!Array.isArray(input)) return fail(`an array (${describe(shape)})`)
      if (shape.kind === 'array' && input.length !== shape.length) return fail(`${shape.length} items`)
      const out: Value[] = []
      for (const [i, item] of input.entries()) {
        const r = fromInput(shape.inner, item, `${path}[${i}]`)
        if (!r.ok) return r
        out.push(r.value)
      }
      return ok(out)
    }
  }
}

const toBigInt = (input: unknown): bigint | undefined => {
  if (typeof input === 'bigint') return input
  if (typeof input === 'number') return Number.isSafeInteger(input) ? BigInt(input) : undefined
  if (typeof input === 'string' && /^\s*\d[\d_]*\s*$/.test(input)) return BigInt(input.replace(/[_\s]/g, ''))
  return undefined
}

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json }

/**
 * A typed value → JSON for output: u64/u128 as decimal strings (planck never loses precision),
 * bytes as hex, accounts as hex plus SS58 (`prefix`), None as null.
 */
export const toJson = (shape: Shape, value: Value, prefix: number = Ss58.GENERIC): Json => {
  switch (shape.kind) {
    case 'u64':
    case 'u128':
      return String(value)
    case 'compact':
      return shape.big ? String(value) : (value as number)
    case 'option':
      return value === undefined ? null : toJson(shape.inner, value, prefix)
    case 'bytes':
    case 'blob':
      return toHex(value as Uint8Array)
    case 'account':
      return Ss58.encode(value as Uint8Array, prefix)
    case 'struct': {
      const record = value as Record<string, Value>
      return Object.fromEntries(shape.fields.map(([n, s]) => [n, toJson(s, record[n], prefix)]))
    }
    case 'enum': {
      const v = value as { type: string; value?: Value }
      const inner = shape.variants.find(([n]) => n === v.type)?.[2]
      return inner ? { type: v.type, value: toJson(inner, v.value, prefix) } : { type: v.type }
    }
    case 'vec':
    case 'array':
      return (value as Value[]).map((item) => toJson(shape.inner, item, prefix))
    default:
      return value as number | boolean
  }
}

/** A compact one-line rendering for people: `48`, `Some(327885)`, `Task(2000)`, `{begin: 1, core: 2, …}`. */
export const render = (shape: Shape, value: Value, prefix: number = Ss58.GENERIC): string => {
  switch (shape.kind) {
    case 'option':
      return value === undefined ? 'None' : `Some(${render(shape.inner, value, prefix)})`
    case 'bytes':
    case 'blob':
      return toHex(value as Uint8Array)
    case 'account':
      return Ss58.encode(value as Uint8Array, prefix)
    case 'struct': {
      const record = value as Record<string, Value>
      return `{ ${shape.fields.map(([n, s]) => `${n}: ${render(s, record[n], prefix)}`).join(', ')} }`
    }
    case 'enum': {
      const v = value as { type: string; value?: Value }
      const inner = shape.variants.find(([n]) => n === v.type)?.[2]
      return inner ? `${v.type}(${render(inner, v.value, prefix)})` : v.type
    }
    case 'vec':
    case 'array':
      return `[${(value as Value[]).map((item) => render(shape.inner, item, prefix)).join(', ')}]`
    default:
      return String(value)
  }
}
