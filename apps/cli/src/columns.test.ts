import { describe, expect, test } from 'vitest'
import { fitColumns } from './columns'

const rows = [
  ['sale', 'date', 'start price', 'end price', 'sold'],
  ['1', '2026-01-08', '5000 DOT', '50 DOT', '40'],
  ['12', '2026-11-11', '1000 DOT', '10 DOT', '5'],
]

describe('fitColumns', () => {
  test('default: a table that fits is one block, two spaces apart, numbers right and names left', () => {
    expect(fitColumns(rows, { width: 80, left: 2 })).toBe(
      [
        'sale  date        start price  end price  sold',
        '1     2026-01-08     5000 DOT     50 DOT    40',
        '12    2026-11-11     1000 DOT     10 DOT     5',
      ].join('\n'),
    )
  })

  test('behavior: a wider table splits into parts that fit, each under the key column again', () => {
    const out = fitColumns(rows, { width: 30, left: 2 })
    expect(out).toBe(
      [
        'sale  date        start price',
        '1     2026-01-08     5000 DOT',
        '12    2026-11-11     1000 DOT',
        '',
        'sale  end price  sold',
        '1        50 DOT    40',
        '12       10 DOT     5',
      ].join('\n'),
    )
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(30)
  })

  test('error: a column wider than the width is not cut; it gets a part of its own', () => {
    const wide = [
      ['k', 'call data'],
      ['1', `0x${'ab'.repeat(40)}`],
    ]
    const out = fitColumns(wide, { width: 20 })
    expect(out).toContain(`0x${'ab'.repeat(40)}`)
    expect(out.split('\n\n')).toHaveLength(1)
  })
})
