import { UsageError } from './errors'

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 } as const

/** A duration such as `14d`, `36h`, `2w` or `1d12h` (units w, d, h, m) → ms; anything else is refused. */
export const parseDuration = (flag: string, value: string): number => {
  const text = value.trim()
  if (!/^(\d{1,6}[wdhm])+$/.test(text))
    throw new UsageError(
      `${flag}: expected a duration such as 14d, 36h, 2w or 1d12h (units w, d, h, m), got "${value}"`,
    )
  let ms = 0
  for (const [, n, unit] of text.matchAll(/(\d+)([wdhm])/g))
    ms += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS]
  return ms
}

/** ms → "12d 3h" (whole hours, rounded down; "0h" under an hour: "35m"). */
export const showDuration = (ms: number): string => {
  const minutes = Math.floor(Math.abs(ms) / 60_000)
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  if (d === 0 && h === 0) return `${minutes}m`
  return d === 0 ? `${h}h` : `${d}d ${h}h`
}
