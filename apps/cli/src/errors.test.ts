import { ChainError, ConnectionError, ShapeError, SnapshotError } from '@coretime/chain'
import { BaseError } from '@coretime/core'
import { Scenario, SimulationError, Sweep } from '@coretime/sim'
import { describe, expect, test } from 'vitest'
import { ChainFailure } from './chain/live'
import { CliError, UsageError } from './errors'

describe('one error tree', () => {
  test('behavior: every package throws subclasses of core BaseError', () => {
    const thrown = [
      new UsageError('x'),
      new ChainFailure('x', { exitCode: 3 }),
      new ChainError('Code', 'x'),
      new ConnectionError('Timeout', 'x'),
      new ShapeError('Broker.SaleInfo', 'x'),
      new SnapshotError('x'),
      new SimulationError('x'),
      new Sweep.SweepError('x'),
    ]
    for (const e of thrown) expect(e, e.name).toBeInstanceOf(BaseError)
  })

  test('default: a CliError exits 2 unless told otherwise and keeps details and cause', () => {
    const cause = new Error('EACCES')
    const e = new CliError('cannot write', { details: 'd', cause })
    expect(e.exitCode).toBe(2)
    expect(e.details).toBe('d')
    expect(e.cause).toBe(cause)
    expect(new ChainFailure('x', { exitCode: 3 }).exitCode).toBe(3)
  })

  test('error: a sweep with no axes throws a SweepError', () => {
    expect(() => Sweep.sweep({}, [], { metric: 'revenue' })).toThrow(Sweep.SweepError)
  })
})

describe('expected failures are data with a code', () => {
  test('error: a bad scenario is { ok: false, error: { code: InvalidScenario, message, issues } }', () => {
    const r = Scenario.parse({ horizon: -1 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('InvalidScenario')
    expect(r.error.issues.map((i) => i.path)).toContain('horizon')
    expect(r.error.message).toBe(r.error.issues.map(Scenario.formatIssue).join('; '))
  })
})
