import type { z } from 'zod'

/** A zod issue, as found in `ZodError.issues`. */
export type Issue = z.core.$ZodIssue

const NOUNS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
  bigint: 'an integer',
  null: 'null',
  // zod's name for "anything but undefined" (a required field inside a `.default`/`.nonoptional`)
  nonoptional: 'a value',
}
const noun = (t: string): string => NOUNS[t] ?? t

/**
 * An issue in plain words for a user reading an error about their file, flag or link. Messages a
 * schema sets itself are kept; zod's default wording ("Invalid input: expected object, received
 * undefined") becomes "missing (expected an object)", "expected a number, got string", "must be at
 * least 1", "unknown field "x"".
 */
export const describe = (iss: Issue): string => {
  const m = iss.message
  switch (iss.code) {
    case 'invalid_type': {
      const d = /^Invalid input: expected (\w+), received (\w+)$/.exec(m)
      if (!d) return m
      return d[2] === 'undefined'
        ? `missing (expected ${noun(d[1]!)})`
        : `expected ${noun(d[1]!)}, got ${d[2]}`
    }
    case 'too_small':
    case 'too_big': {
      const d = /^Too (small|big): expected \w+ to (?:be|have) ([<>]=?)(.+?)( items| characters)?$/.exec(m)
      if (!d) return m
      const [, , op, n, unit] = d
      const word = unit?.trim()
      const what = word ? ` ${n === '1' ? word.replace(/s$/, '') : word}` : ''
      if (op === '>=') return unit ? `needs at least ${n}${what}` : `must be at least ${n}`
      if (op === '>') return `must be more than ${n}${what}`
      if (op === '<=') return unit ? `allows at most ${n}${what}` : `must be at most ${n}`
      return `must be less than ${n}${what}`
    }
    case 'invalid_value':
      return /^Invalid option/.test(m) || /^Invalid input/.test(m)
        ? `expected ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}`
        : m
    case 'unrecognized_keys':
      return /^Unrecognized key/.test(m)
        ? `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`
        : m
    case 'invalid_format':
      if (m === 'Invalid ISO datetime') return 'expected an ISO date-time such as "2026-12-01T00:00:00Z"'
      return /^Invalid string: must match pattern /.test(m)
        ? `has the wrong format (expected text matching ${iss.pattern})`
        : m
    case 'invalid_union': {
      // a discriminated union whose tag is missing or unknown: zod says "Invalid discriminator value"
      const options = (iss as { options?: unknown }).options
      if (Array.isArray(options) && options.length > 0 && /^Invalid discriminator value/.test(m))
        return `expected ${options
          .map((o) => JSON.stringify(o))
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}`
      if (m !== 'Invalid input') return m
      const types = iss.errors.map((branch) => branch[0]).filter((b) => b?.code === 'invalid_type')
      if (types.length !== iss.errors.length || types.length === 0) return 'is not any of the allowed forms'
      const got = /received (\w+)$/.exec(types[0]!.message)?.[1]
      const expected = types.map((b) => noun((b as { expected: string }).expected)).join(' or ')
      return got === 'undefined'
        ? `missing (expected ${expected})`
        : `expected ${expected}${got ? `, got ${got}` : ''}`
    }
    default:
      return m
  }
}

/** A zod path as `a.b[2].c` ('' for the root). */
export const pathOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
    '',
  )
