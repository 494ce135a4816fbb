import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SaleInfo } from '@coretime/core'
import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'

// Seed 002's broker.saleInfo (docs.polkadot.com "Coretime Renewal"); now = the lead-in's start, 2025-04-29.
const SALEINFO = JSON.stringify(SaleInfo.seedExample)
const base = ['plan', '--para', '2000', '--saleinfo', SALEINFO, '--reference-time', '2025-04-29T00:00:00Z']
const tmp = () => mkdtempSync(join(tmpdir(), 'coretime-ics-'))

/** The VEVENTs of an .ics file as an iCalendar parser reads them. */
const events = (file: string) =>
  new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')))
    .getAllSubcomponents('vevent')
    .map((c) => new ICAL.Event(c))

describe('coretime plan --ics', () => {
  test('default: the calendar reads back with the renewal deadline on the plan’s date, the window and every phase', async () => {
    for (const [flag, deadline] of [
      ['--renewed', '2025-06-17T00:00:00.000Z'], // next sale rotation
      ['--current', '2025-05-20T00:00:00.000Z'], // this sale's rotation
    ] as const) {
      const dir = tmp()
      const file = join(dir, 'plan.ics')
      const r = await run(...base, flag, '--core', '48', '--ics', file, '--json')
      expect(r.code).toBe(0)
      const p = JSON.parse(r.stdout)
      expect(p.ics).toBe(file)
      expect(new Date(p.renewal.deadline.date).toISOString()).toBe(deadline)
      const evs = events(file)
      expect(evs).toHaveLength(2 + p.phases.length)
      const due = evs.find((e) => e.summary.includes('renewal deadline'))!
      expect(due.summary).toBe('Coretime renewal deadline: para 2000, core 48 (polkadot)')
      expect(due.startDate.zone.tzid).toBe('UTC')
      expect(due.startDate.toJSDate().toISOString()).toBe(deadline)
      const window = evs.find((e) => e.summary.includes('renewal window'))!
      expect(window.startDate.toJSDate().toISOString()).toBe(
        new Date(p.renewal.safeWindow.start.date).toISOString(),
      )
      expect(window.endDate.toJSDate().toISOString()).toBe(
        new Date(p.renewal.safeWindow.end.date).toISOString(),
      )
      const leadin = evs.find((e) => e.summary.endsWith('current lead-in (price falling)'))!
      expect(leadin.startDate.toJSDate().toISOString()).toBe('2025-04-29T00:00:00.000Z')
      for (const e of evs) {
        expect(e.uid).toMatch(/@coretime-lab$/)
        expect(e.component.getFirstPropertyValue('dtstamp')).not.toBeNull()
      }
      expect(new Set(evs.map((e) => e.uid)).size).toBe(evs.length)
      const raw = readFileSync(file, 'utf8')
      expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
      expect(readdirSync(dir)).toEqual(['plan.ics']) // no temporary file left behind
    }
  })

  test('error: a path that cannot be written — one line, exit 2, nothing printed, nothing half-written', async () => {
    const dir = tmp()
    mkdirSync(join(dir, 'a-directory'))
    for (const [path, why] of [
      [join(dir, 'missing', 'plan.ics'), 'no such directory'],
      [join(dir, 'a-directory'), 'it is a directory'],
    ] as const) {
      const r = await run(...base, '--renewed', '--ics', path)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe(`coretime: --ics: cannot write ${JSON.stringify(path)}: ${why}\n`)
    }
    expect(readdirSync(dir)).toEqual(['a-directory'])
    expect(readdirSync(join(dir, 'a-directory'))).toEqual([])
    // a plan that fails leaves an existing calendar as it was
    const kept = join(dir, 'kept.ics')
    writeFileSync(kept, 'OLD')
    const bad = await run(...base, '--renewed', '--rule', 'nope', '--ics', kept)
    expect(bad.code).toBe(2)
    expect(readFileSync(kept, 'utf8')).toBe('OLD')
    expect(existsSync(join(dir, 'missing'))).toBe(false)
  })
})

describe('coretime plan --fail-if-due', () => {
  // --renewed: the deadline is 2025-06-17, 49 days after now (2025-04-29)
  test('default: exit 4 when the deadline is closer than the duration, 0 when it is not', async () => {
    const due = await run(...base, '--renewed', '--fail-if-due', '50d')
    expect(due.code).toBe(4)
    expect(due.stdout).toContain('deadline (sale rotation): 2025-06-17T00:00:00Z')
    expect(due.stderr).toBe(
      'coretime: para 2000: renewal deadline 2025-06-17T00:00:00Z is 49d 0h away, closer than --fail-if-due 50d\n',
    )
    for (const within of ['49d', '7w', '48d23h', '1176h']) {
      const ok = await run(...base, '--renewed', '--fail-if-due', within)
      expect(ok.code, within).toBe(0)
      expect(ok.stderr).toBe('')
    }
    expect((await run(...base, '--renewed', '--fail-if-due', '1176h1m')).code).toBe(4)
    // --current: the deadline is this sale's rotation, 21 days away: 14d is fine, 3w + 1 minute is not
    expect((await run(...base, '--current', '--fail-if-due', '14d')).code).toBe(0)
    expect((await run(...base, '--current', '--fail-if-due', '3w1m')).code).toBe(4)
  })

  test('args: --now moves toward the deadline; a passed deadline is due; --json carries the check', async () => {
    // 13 days of 12 s coretime-chain blocks before the 2025-06-17 deadline (block 1897749)
    const near = await run(
      ...base,
      '--renewed',
      '--now',
      String(1897749 - 13 * 7200),
      '--fail-if-due',
      '14d',
      '--json',
    )
    expect(near.code).toBe(4)
    const j = JSON.parse(near.stdout)
    expect(j.due).toEqual({
      within: '14d',
      withinMs: 14 * 86_400_000,
      remainingMs: 13 * 86_400_000,
      due: true,
    })
    const passed = await run(...base, '--current', '--now', '1897749', '--fail-if-due', '0m')
    expect(passed.code).toBe(4)
    expect(passed.stderr).toMatch(/renewal deadline 2025-05-20T00:00:00Z passed 28d 0h ago/)
    const fine = await run(...base, '--renewed', '--fail-if-due', '14d', '--json')
    expect(fine.code).toBe(0)
    expect(JSON.parse(fine.stdout).due.due).toBe(false)
  })

  test('error: a malformed duration is one line, exit 2, before any chain is read', async () => {
    for (const bad of ['14', '2 weeks', 'd', '', '-1d', '1.5d', '14days']) {
      const r = await run(...base, '--renewed', '--fail-if-due', bad)
      expect(r.code, bad).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe(
        `coretime: --fail-if-due: expected a duration such as 14d, 36h, 2w or 1d12h (units w, d, h, m), got "${bad}"\n`,
      )
    }
    // no --saleinfo: plan would read the live chain (exit 3 at a dead port); the duration is refused first
    const live = await run(
      'plan',
      '--para',
      '2000',
      '--fail-if-due',
      'x',
      '--coretime-url',
      'ws://127.0.0.1:1',
    )
    expect(live.code).toBe(2)
  })
})
