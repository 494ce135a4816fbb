import { describe, expect, test } from 'vitest'
import { runView } from '../src/model'
import { phaseFitHint } from '../src/phaseFit'
import { defaults } from '../src/state'
import { decode } from '../src/url'

const rowsOf = (query: string) => runView(decode(query).state).a.rows

describe('phaseFitHint', () => {
  test('default: the live phases fit in a region, no hint', () => {
    expect(phaseFitHint(runView(defaults()).a.rows)).toBeNull()
  })
  test('behavior: the lead-in never starts before the next sale — nobody can buy', () => {
    const rows = rowsOf('region=80&sales=3')
    expect(rows.every((r) => r.purchased === 0)).toBe(true)
    const hint = phaseFitHint(rows)
    expect(hint).toContain('nobody can buy a core on the open market')
    expect(hint).toContain('302,400 relay blocks')
  })
  test('behavior: the lead-in is cut off by the next sale', () => {
    const hint = phaseFitHint(rowsOf('region=3000&sales=3'))
    expect(hint).toContain('before the lead-in ends')
    expect(hint).not.toContain('nobody can buy')
  })
  test('args: no sales, no hint', () => {
    expect(phaseFitHint([])).toBeNull()
  })
})
