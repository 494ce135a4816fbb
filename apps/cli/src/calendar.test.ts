import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { calendar, escapeText, fold, utc } from './calendar'

const octets = (s: string) => new TextEncoder().encode(s).length

describe('calendar', () => {
  test('default: a VCALENDAR of VEVENTs with UID, DTSTAMP, DTSTART in UTC and CRLF line ends', () => {
    const text = calendar(
      [
        {
          uid: 'a@x',
          summary: 'S',
          description: 'D',
          start: Date.UTC(2025, 5, 17),
          end: Date.UTC(2025, 5, 18),
        },
      ],
      Date.UTC(2025, 3, 29, 12, 30, 5, 999),
    )
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/) // no bare CR or LF
    expect(text).toContain('\r\nDTSTAMP:20250429T123005Z\r\n')
    expect(text).toContain('\r\nDTSTART:20250617T000000Z\r\nDTEND:20250618T000000Z\r\n')
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('uid')).toBe('a@x')
  })

  test('args: text is escaped (backslash, semicolon, comma, line break) and reads back as written', () => {
    const tricky = 'a, b; c\\d\nnext line'
    expect(escapeText(tricky)).toBe('a\\, b\\; c\\\\d\\nnext line')
    const text = calendar([{ uid: 'u', summary: tricky, description: tricky, start: 0 }], 0)
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!)
    expect(event.summary).toBe(tricky)
    expect(event.description).toBe(tricky)
  })

  test('behavior: lines fold at 75 octets, never inside a UTF-8 character, and unfold to the original', () => {
    const line = `DESCRIPTION:${'é→x'.repeat(60)}`
    const folded = fold(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(2)
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75)
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true)
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
    expect(folded).not.toContain('\uFFFD')
    expect(fold('SHORT:x')).toBe('SHORT:x')
    expect(octets(fold('X'.repeat(75)))).toBe(75) // exactly 75 octets: not folded
    expect(fold('X'.repeat(76)).split('\r\n')).toHaveLength(2)
  })

  test('error: a time before the epoch or fractional seconds still gives a valid UTC DATE-TIME', () => {
    expect(utc(-1000)).toBe('19691231T235959Z')
    expect(utc(1_500)).toBe('19700101T000001Z')
  })
})
