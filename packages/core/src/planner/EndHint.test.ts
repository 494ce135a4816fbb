import { describe, expect, test } from 'vitest'
import * as EndHint from './EndHint'
import { seedExample as sale } from './SaleInfo'

// Seed 002: workplan key [322845, 48] holds task 2000; lease {until: 359280, task: 2035}.
const workplan = [{ timeslice: 322845, core: 48, task: 2000 }]
const workload = [
  { core: 45, task: 2000 },
  { core: 46, task: 3000 },
]
const leases = [{ until: 359280, task: 2035 }]

describe('EndHint.pickCore', () => {
  test('default: workplan first', () => {
    expect(EndHint.pickCore(2000, workplan, workload)).toEqual({
      ok: true,
      value: { core: 48, source: 'workplan' },
    })
  })
  test('args: workload when the task is not in the workplan', () => {
    expect(EndHint.pickCore(3000, workplan, workload)).toEqual({
      ok: true,
      value: { core: 46, source: 'workload' },
    })
  })
  test('error: a task with no core', () => {
    const r = EndHint.pickCore(4000, workplan, workload)
    expect(!r.ok && r.error.code).toBe('NoCore')
  })
})

describe('EndHint.endOf', () => {
  test('default: the seed answers — 322845 when the core expires in the current sale, 327885 when renewed', () => {
    expect(EndHint.endOf({ kind: 'currentSale' }, sale)).toBe(sale.regionBegin)
    expect(EndHint.endOf({ kind: 'renewed' }, sale)).toBe(sale.regionEnd)
    expect(EndHint.endOf({ kind: 'currentSale' }, sale)).toBe(322845)
    expect(EndHint.endOf({ kind: 'renewed' }, sale)).toBe(327885)
  })
  test('behavior: coverage from chain state (workplan → renewed, workload only → current sale, lease → until)', () => {
    expect(EndHint.endOf(EndHint.coverageOf(2000, sale, workplan, leases), sale)).toBe(327885)
    expect(EndHint.endOf(EndHint.coverageOf(3000, sale, workplan, leases), sale)).toBe(322845)
    expect(EndHint.endOf(EndHint.coverageOf(2035, sale, workplan, leases), sale)).toBe(359280)
  })
  test('error: a workplan entry for an earlier region does not count as renewed', () => {
    const old = [{ timeslice: sale.regionBegin - 5040, core: 48, task: 2000 }]
    expect(EndHint.coverageOf(2000, sale, old, [])).toEqual({ kind: 'currentSale' })
  })
})
