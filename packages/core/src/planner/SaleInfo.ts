import { z } from 'zod'
import type { SaleInfoRecord } from '../broker/types'
import * as Validation from '../validation/Validation'

/**
 * `broker.saleInfo` as polkadot.js / docs.polkadot.com print it (camelCase, numbers or strings, `selloutPrice`
 * possibly null) → `SaleInfoRecord` with planck as bigint. Validated once at the edge.
 */
const u32 = z.union([z.number(), z.string().regex(/^\d[\d,_]*$/)]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v.replace(/[,_]/g, ''))
  if (!Number.isInteger(n) || n < 0 || n > 0xffff_ffff) {
    ctx.addIssue({ code: 'custom', message: 'expected a whole number 0..4294967295' })
    return z.NEVER
  }
  return n
})
const planck = z.union([z.number(), z.string(), z.bigint()]).transform((v, ctx) => {
  const text = typeof v === 'string' ? v.replace(/[,_]/g, '') : String(v)
  if (!/^\d+$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'expected planck as a whole number' })
    return z.NEVER
  }
  if (typeof v === 'number' && !Number.isSafeInteger(v)) {
    ctx.addIssue({ code: 'custom', message: 'number too large to be exact: give planck as a string' })
    return z.NEVER
  }
  return BigInt(text)
})

export const schema = z.object({
  saleStart: u32,
  leadinLength: u32,
  endPrice: planck,
  regionBegin: u32,
  regionEnd: u32,
  idealCoresSold: u32,
  coresOffered: u32,
  firstCore: u32,
  selloutPrice: planck.nullable().optional(),
  coresSold: u32,
})

/** Core indices and counts are `CoreIndex = u16` on chain (pallet-broker types.rs). */
export const MAX_CORE = 0xffff

/** The first invariant a sale record breaks, with the field; `null` when it could be the chain's. */
export type Problem = { readonly field: string; readonly message: string }

/**
 * The invariants the chain keeps for `SaleInfo`, so a record from outside (a file, a flag, a read)
 * that could never be on chain is refused instead of simulated: one rule for every edge.
 */
export const check = (v: SaleInfoRecord): Problem | null => {
  // pallet-broker tick_impls.rs rotate_sale: region_end = region_begin + region_length (≥ 1)
  if (v.regionEnd <= v.regionBegin)
    return { field: 'regionEnd', message: `must be after regionBegin (${v.regionBegin}), got ${v.regionEnd}` }
  // pallet-broker adapt_price.rs leadin_factor_at divides by leadin_length; configuration requires ≥ 1
  if (v.leadinLength === 0) return { field: 'leadinLength', message: 'must be positive' }
  for (const k of ['coresOffered', 'idealCoresSold', 'coresSold', 'firstCore'] as const)
    if (v[k] > MAX_CORE)
      return { field: k, message: `a core count is a u16: at most ${MAX_CORE}, got ${v[k]}` }
  // pallet-broker dispatchable_impls.rs do_purchase: SoldOut once cores_sold reaches cores_offered
  if (v.coresSold > v.coresOffered)
    return {
      field: 'coresSold',
      message: `must be at most coresOffered (${v.coresOffered}), got ${v.coresSold}`,
    }
  // pallet-broker tick_impls.rs rotate_sale: ideal_cores_sold = ideal_bulk_proportion × cores_offered
  if (v.idealCoresSold > v.coresOffered)
    return {
      field: 'idealCoresSold',
      message: `must be at most coresOffered (${v.coresOffered}), got ${v.idealCoresSold}`,
    }
  // the cores on sale are firstCore .. firstCore + coresOffered − 1, each a u16 CoreIndex
  if (v.firstCore + v.coresOffered > MAX_CORE + 1)
    return {
      field: 'firstCore',
      message: `firstCore + coresOffered must be at most ${MAX_CORE + 1} (u16 cores), got ${v.firstCore + v.coresOffered}`,
    }
  return null
}

export type ParseResult =
  | { readonly ok: true; readonly value: SaleInfoRecord }
  | { readonly ok: false; readonly error: { readonly code: 'InvalidSaleInfo'; readonly message: string } }

export const parse = (input: unknown): ParseResult => {
  if (typeof input === 'object' && input !== null) {
    const missing = Object.keys(schema.shape).find(
      (k) => k !== 'selloutPrice' && (input as Record<string, unknown>)[k] === undefined,
    )
    if (missing)
      return { ok: false, error: { code: 'InvalidSaleInfo', message: `saleinfo.${missing}: missing` } }
  }
  const r = schema.safeParse(input)
  if (!r.success) {
    const issue = r.error.issues[0]!
    const field = issue.path.join('.') || '(root)'
    const message =
      issue.code === 'invalid_union'
        ? 'expected a whole number (or a digit string)'
        : Validation.describe(issue)
    return { ok: false, error: { code: 'InvalidSaleInfo', message: `saleinfo.${field}: ${message}` } }
  }
  const v = { ...r.data, selloutPrice: r.data.selloutPrice ?? null }
  const bad = check(v)
  if (bad)
    return { ok: false, error: { code: 'InvalidSaleInfo', message: `saleinfo.${bad.field}: ${bad.message}` } }
  return { ok: true, value: v }
}

/**
 * A real Polkadot `broker.saleInfo` as docs.polkadot.com "Coretime Renewal" prints it (seed 002,
 * April 2025; spec relay-and-data.md C.2): the example the planner's docs and tests use. Its
 * `saleStart` is a coretime-chain block of that era (before relay-block sale timing).
 */
export const seedExample = {
  saleStart: 1544949,
  leadinLength: 100800,
  endPrice: 922760076,
  regionBegin: 322845,
  regionEnd: 327885,
  idealCoresSold: 18,
  coresOffered: 18,
  firstCore: 44,
  selloutPrice: 92272712073,
  coresSold: 18,
} as const
