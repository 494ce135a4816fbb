/** `Date.prototype.toISOString` for years 0–9999 without a Date (days → civil date, H. Hinnant). */
export const isoDate = (ms: number): string => {
  if (!Number.isSafeInteger(ms)) return new Date(ms).toISOString()
  const days = Math.floor(ms / 86_400_000)
  const inDay = ms - days * 86_400_000
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  if (y < 0 || y > 9999) return new Date(ms).toISOString()
  const h = Math.floor(inDay / 3_600_000)
  const mi = Math.floor((inDay % 3_600_000) / 60_000)
  const sec = Math.floor((inDay % 60_000) / 1000)
  const milli = inDay % 1000
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}.${pad(milli, 3)}Z`
}
const pad = (n: number, w: number): string => String(n).padStart(w, '0')
