import { describe, expect, test } from 'vitest'
import { columns, wrap } from './width'

describe('width.columns', () => {
  test('default: 80 without a terminal; the terminal width on one', () => {
    expect(columns({ isTTY: false, columns: 200 })).toBe(80)
    expect(columns({})).toBe(80)
    expect(columns({ isTTY: true, columns: 132 })).toBe(132)
  })
  test('error: a terminal that reports no width falls back to 80', () => {
    expect(columns({ isTTY: true, columns: 0 })).toBe(80)
  })
})

describe('width.wrap', () => {
  test('default: a long line is broken at spaces within the width, continued with a hanging indent', () => {
    const line = `  ${'word '.repeat(30).trim()}`
    const out = wrap(line, 40).split('\n')
    expect(out.length).toBeGreaterThan(1)
    for (const l of out) expect(l.length).toBeLessThanOrEqual(40)
    expect(out[1]).toMatch(/^ {6}word/)
    expect(out.join(' ').replace(/\s+/g, ' ').trim()).toBe(line.trim())
  })
  test('args: a list item continues under its text; short lines are untouched', () => {
    expect(wrap('    - aaa bbb ccc ddd', 14)).toBe('    - aaa bbb\n      ccc ddd')
    expect(wrap('short\n  also short', 80)).toBe('short\n  also short')
  })
  test('behavior: a word longer than the width (call data) is never cut', () => {
    const hex = `0x${'ab'.repeat(60)}`
    expect(wrap(`  call data: ${hex}`, 40)).toBe(`  call data:\n      ${hex}`)
  })
})
