import { describe, expect, test } from 'vitest'
import * as Ratio from '../fixed/Ratio'
import * as Trace from '../trace/Trace'
import { BaseError, InvariantError } from './BaseError'
import * as Results from './Result'

describe('BaseError', () => {
  test('default: message, no details, no cause', () => {
    const e = new BaseError('bad thing')
    expect(e).toBeInstanceOf(Error)
    expect(e.message).toBe('bad thing')
    expect(e.name).toBe('BaseError')
    expect(e.details).toBeUndefined()
    expect(e.cause).toBeUndefined()
  })

  test('args: details and cause are kept', () => {
    const cause = new Error('root')
    const e = new BaseError('wrapped', { details: 'more', cause })
    expect(e.details).toBe('more')
    expect(e.cause).toBe(cause)
  })

  test('behavior: core throws InvariantError, a BaseError, for a broken precondition', () => {
    let caught: unknown
    try {
      Ratio.of(1n, 0n)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(InvariantError)
    expect(caught).toBeInstanceOf(BaseError)
    expect((caught as Error).name).toBe('InvariantError')
  })

  test('error: a plain Error is not a BaseError', () => {
    expect(new Error('x')).not.toBeInstanceOf(BaseError)
  })
})

describe('Results', () => {
  test('default: ok wraps a value, fail an error with a code', () => {
    expect(Results.ok(3)).toEqual({ ok: true, value: 3 })
    const r: Results.Result<number> = Results.fail({ code: 'Bad', message: 'bad' })
    expect(r.ok ? null : r.error.code).toBe('Bad')
  })
})

describe('expected failures are data with a code', () => {
  test('error: a bad trace file is { ok: false, error: { code: InvalidTrace, message, issues } }', () => {
    const r = Trace.parse({ format: 'coretime-trace/2' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('InvalidTrace')
    expect(r.error.issues.length).toBeGreaterThan(0)
    expect(r.error.message).toBe(r.error.issues.map(Trace.formatIssue).join('; '))
  })
})
