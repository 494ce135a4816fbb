import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { sample } from '../testing/sample'
import { readSnapshot, writeAtomic, writeSnapshot } from './index'

describe('node.writeAtomic', () => {
  test('default: replaces the file, leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-atomic-'))
    const f = join(dir, 'a.json')
    writeFileSync(f, 'old')
    writeAtomic(f, 'new')
    expect(readFileSync(f, 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['a.json'])
  })

  test('error: an unwritable target leaves nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-atomic-'))
    expect(() => writeAtomic(join(dir, 'missing', 'a.json'), 'x')).toThrow(/ENOENT/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('node.readSnapshot', () => {
  test('default: round trip through a file', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'ct-snap-')), 's.json')
    writeSnapshot(f, sample)
    expect(readSnapshot(f)).toEqual(sample)
  })

  test('error: missing file, bad field', () => {
    expect(() => readSnapshot('/nonexistent/s.json')).toThrow('cannot read /nonexistent/s.json: no such file')
    const f = join(mkdtempSync(join(tmpdir(), 'ct-snap-')), 's.json')
    writeFileSync(f, JSON.stringify({ format: 'coretime-snapshot/1', network: 'polkadot' }))
    expect(() => readSnapshot(f)).toThrow(new RegExp(`^${f}: endpoints: `))
  })
})
