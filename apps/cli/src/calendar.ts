import type { Plan } from '@coretime/core'

/**
 * iCalendar (RFC 5545) for `coretime plan --ics`: the renewal deadline, its safe window and the sale
 * phases as events a person imports into a calendar. Text only; the file is written at the edge.
 */

export type CalendarEvent = {
  /** stable across runs, so a re-import updates the event instead of adding a copy */
  readonly uid: string
  readonly summary: string
  readonly description: string
  /** ms since the epoch (written in UTC) */
  readonly start: number
  /** none: an instant (the deadline) */
  readonly end?: number
  /** a display reminder this long before the start, as an RFC 5545 duration ("P7D") */
  readonly alarmBefore?: string
}

/** ms → RFC 5545 DATE-TIME in UTC ("20250617T000000Z"; seconds, no fraction). */
export const utc = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '')

/** RFC 5545 3.3.11 TEXT: backslash, semicolon, comma escaped; a line break becomes `\n`. */
export const escapeText = (text: string): string =>
  text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n')

const encoder = new TextEncoder()

/**
 * RFC 5545 3.1 line folding: no line longer than 75 octets (UTF-8) without its CRLF; a continuation
 * starts with one space, which counts. A character is never split across lines.
 */
export const fold = (line: string): string => {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const n = encoder.encode(ch).length
    const limit = parts.length === 0 ? 75 : 74 // 74 + the leading space
    if (octets + n > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += ch
    octets += n
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** A VCALENDAR with `events`; `stamp` (ms) is DTSTAMP, when the file was made. CRLF line ends. */
export const calendar = (events: readonly CalendarEvent[], stamp: number): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Coretime Lab//coretime plan//EN',
    'CALSCALE:GREGORIAN',
  ]
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${utc(stamp)}`,
      `DTSTART:${utc(e.start)}`,
      ...(e.end === undefined ? [] : [`DTEND:${utc(e.end)}`]),
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT',
    )
    if (e.alarmBefore !== undefined)
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:-${e.alarmBefore}`,
        `DESCRIPTION:${escapeText(e.summary)}`,
        'END:VALARM',
      )
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(fold).join('\r\n')}\r\n`
}

const PHASE: Record<Plan.Phase['name'], string> = {
  interlude: 'interlude (renewals only)',
  leadin: 'lead-in (price falling)',
  fixed: 'fixed price',
  region: 'region (the coretime sold)',
}

const at = (p: Plan.Point): string =>
  `block ${p.block}${p.relayBlock !== p.block ? ` (relay ${p.relayBlock})` : ''}${p.timeslice === undefined ? '' : `, timeslice ${p.timeslice}`}`

/** The plan's dates as events: the deadline (reminder a week before), the safe window, every phase. */
export const planEvents = (p: Plan.Plan): CalendarEvent[] => {
  const who = `para ${p.paraId}${p.core === undefined ? '' : `, core ${p.core}`}`
  const r = p.renewal
  const events: CalendarEvent[] = [
    {
      uid: `renewal-deadline-${p.network}-${p.paraId}-${r.deadline.block}@coretime-lab`,
      summary: `Coretime renewal deadline: ${who} (${p.network})`,
      description: `Renew before the sale rotation at ${at(r.deadline)}: after it the renewal record for the region from timeslice ${r.regionBegin} no longer applies and the core is sold in the open sale. Safe window (interlude): ${r.safeWindow.start.date} to ${r.safeWindow.end.date}. workload_end_hint ${p.workloadEndHint.timeslice}.`,
      start: r.deadline.timestamp,
      alarmBefore: 'P7D',
    },
    {
      uid: `renewal-window-${p.network}-${p.paraId}-${r.safeWindow.start.block}@coretime-lab`,
      summary: `Coretime renewal window (interlude): ${who} (${p.network})`,
      description: `Renew in the ${r.sale} sale's interlude, before any core can be bought: ${at(r.safeWindow.start)} to ${at(r.safeWindow.end)}.`,
      start: r.safeWindow.start.timestamp,
      end: r.safeWindow.end.timestamp,
    },
  ]
  for (const ph of p.phases)
    events.push({
      uid: `sale-${p.network}-${ph.name}-${ph.start.block}@coretime-lab`,
      summary: `Coretime sale (${p.network}): ${ph.sale} ${PHASE[ph.name]}`,
      description: `${ph.sale} sale, ${ph.name}: ${at(ph.start)} to ${at(ph.end)}. Dates assume ${p.units.blockMs / 1000} s blocks from the reference block.`,
      start: ph.start.timestamp,
      end: ph.end.timestamp,
    })
  return events
}
