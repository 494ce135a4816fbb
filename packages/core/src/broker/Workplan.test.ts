import { describe, expect, test } from 'vitest'
import type { Schedule } from './types'
import * as Workplan from './Workplan'

const sched = (task: number): Schedule => [{ mask: (1n << 80n) - 1n, assignment: { task } }]

describe('Workplan', () => {
  test('default: entries sorted by timeslice then core', () => {
    const w = Workplan.create()
    Workplan.set(w, 5, 1, sched(3))
    Workplan.set(w, 4, 2, sched(2))
    Workplan.set(w, 4, 0, sched(1))
    expect(Workplan.entries(w).map((e) => [e.timeslice, e.core])).toEqual([
      [4, 0],
      [4, 2],
      [5, 1],
    ])
    expect(Workplan.firstAtOrAfter(w, 5)).toBe(5)
  })

  test('behavior: take removes the entry and an emptied timeslice', () => {
    const w = Workplan.create()
    Workplan.set(w, 4, 0, sched(1))
    expect(Workplan.take(w, 4, 0)).toEqual(sched(1))
    expect(w.size).toBe(0)
    expect(Workplan.hasAny(w, 4)).toBe(false)
  })

  test('error: absent entries read as undefined', () => {
    const w = Workplan.create()
    expect(Workplan.get(w, 1, 1)).toBeUndefined()
    expect(Workplan.take(w, 1, 1)).toBeUndefined()
    expect(Workplan.firstAtOrAfter(w, 0)).toBe(Number.POSITIVE_INFINITY)
  })
})
