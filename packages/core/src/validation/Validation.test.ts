import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import * as Validation from './Validation'

const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value)
  if (r.success) throw new Error('expected a failure')
  return r.error.issues.map((i) => `${Validation.pathOf(i.path)}: ${Validation.describe(i)}`)
}

describe('Validation.describe', () => {
  test('default: zod wording becomes plain words', () => {
    const s = z.strictObject({
      a: z.number().int().min(0).max(10),
      c: z.enum(['x', 'y']),
      d: z.object({ e: z.boolean() }),
      f: z.array(z.number()).min(1),
      g: z.union([z.number(), z.string()]),
      h: z.iso.datetime(),
      i: z.number(),
    })
    expect(issues(s, { a: 11, c: 'z', d: undefined, f: [], g: true, h: 'nope', i: '5', k: 1 })).toEqual([
      'a: must be at most 10',
      'c: expected "x" or "y"',
      'd: missing (expected an object)',
      'f: needs at least 1 item',
      'g: expected a number or text, got boolean',
      'h: expected an ISO date-time such as "2026-12-01T00:00:00Z"',
      'i: expected a number, got string',
      ': unknown field "k"',
    ])
    expect(issues(z.object({ n: z.number().min(1) }), { n: 0 })).toEqual(['n: must be at least 1'])
    expect(issues(z.object({ n: z.number().int() }), { n: 1.5 })).toEqual([
      'n: expected a whole number, got number',
    ])
  })

  test('behavior: a message the schema sets itself is kept', () => {
    expect(issues(z.object({ n: z.number({ error: 'a count of cores' }) }), { n: 'x' })).toEqual([
      'n: a count of cores',
    ])
    expect(issues(z.string().regex(/^\d+$/, 'digits only'), 'x')).toEqual([': digits only'])
  })

  test('error: a regex without its own message names the pattern', () => {
    expect(issues(z.string().regex(/^\d+$/), 'x')).toEqual([
      ': has the wrong format (expected text matching /^\\d+$/)',
    ])
  })
})

describe('Validation.describe: wording zod leaks otherwise', () => {
  test('error: an unknown discriminator lists the allowed tags', () => {
    const s = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a') }),
      z.object({ kind: z.literal('b') }),
      z.object({ kind: z.literal('c') }),
    ])
    expect(issues(s, { kind: 'x' })).toEqual(['kind: expected "a", "b" or "c"'])
  })

  test('error: a required field of unknown type that is missing is "missing", not "nonoptional"', () => {
    expect(issues(z.object({ v: z.unknown() }), {})).toEqual(['v: missing (expected a value)'])
  })
})
