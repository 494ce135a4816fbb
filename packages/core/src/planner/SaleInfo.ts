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
  const v = r.data
  if (v.regionEnd <= v.regionBegin)
    return {
      ok: false,
      error: { code: 'InvalidSaleInfo', message: 'saleinfo.regionEnd: must be after regionBegin' },
    }
  if (v.leadinLength === 0)
    return {
      ok: false,
      error: { code: 'InvalidSaleInfo', message: 'saleinfo.leadinLength: must be positive' },
    }
  return { ok: true, value: { ...v, selloutPrice: v.selloutPrice ?? null } }
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
