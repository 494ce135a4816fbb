import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { coretime } from '../testing/spawn'
import { wrap } from './format'

describe('Format.wrap', () => {
  test('default: a short line is left alone', () => {
    expect(wrap('polkadot-today (seed 1) — one year')).toBe('polkadot-today (seed 1) — one year')
  })

  test('behavior: long prose wraps at the width, continuation lines indented', () => {
    const text = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
    const lines = wrap(text, 50).split('\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(50)
    expect(lines.slice(1).every((l) => l.startsWith('  word'))).toBe(true)
    expect(lines.join(' ').split(/\s+/).filter(Boolean)).toEqual(text.split(' '))
  })

  test('behavior: the human output of simulate and costs stays within 110 columns outside the tables', () => {
    const sim = coretime(
      'simulate',
      fileURLToPath(new URL('../../../../scenarios/seed004-bad-actor.yaml', import.meta.url)),
      '--sales',
      '2',
    ).stdout.split('\n')
    expect(sim.slice(0, 3).every((l) => l.length <= 110)).toBe(true)
    expect(
      coretime('costs')
        .stdout.split('\n')
        .every((l) => l.length <= 110),
    ).toBe(true)
  })
})
