// Time bucketing. Instants are UTC epoch milliseconds; calendar days ("YYYY-MM-DD") and wall
// clock times belong to an IANA time zone. Every zone in use today has a UTC offset that is a
// multiple of 15 minutes, so a 15-minute interval is the same set of instants in every zone:
// aggregates are stored per UTC 15-minute interval, and local days (localDays) give the
// boundaries to roll them up, correctly on days of 23 or 25 hours.
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

export const INTERVAL_MINUTES = 15
export const INTERVAL_MS = INTERVAL_MINUTES * 60_000

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parses "YYYY-MM-DD" into its parts, refusing impossible dates such as 2026-02-30. */
export function parseLocalDate(day: string): { year: number; month: number; date: number } {
  const match = isoDate.exec(day)
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD (got "${day}")`)
  const year = Number(match[1])
  const month = Number(match[2])
  const date = Number(match[3])
  const check = new Date(Date.UTC(year, month - 1, date))
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new RangeError(`no such date: ${day}`)
  }
  return { year, month, date }
}

export function isLocalDate(day: string): boolean {
  try {
    parseLocalDate(day)
    return true
  } catch {
    return false
  }
}

const DAY_MS = 86_400_000

/**
 * Calendar dates as whole days since 1970-01-01, computed in UTC where there is no DST: plain
 * integer arithmetic, ~40× faster than going through Date formatting (loaders do this per day).
 */
function dayNumber(day: string): number {
  const { year, month, date } = parseLocalDate(day)
  return Date.UTC(year, month - 1, date) / DAY_MS
}

function dayString(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10)
}

/** Calendar arithmetic on "YYYY-MM-DD". */
export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** Day of the week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return (((dayNumber(day) + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}

/** The instant a local day starts (its first existing minute when midnight is skipped by DST). */
export function startOfLocalDay(day: string, timeZone: string): number {
  const { year, month, date } = parseLocalDate(day)
  return new TZDate(year, month - 1, date, timeZone).getTime()
}

/**
 * The instant of a local wall-clock time (minutes after midnight) on a local day; on a day when
 * clocks go forward, a skipped time moves forward by the gap (00:30 → 01:30).
 */
export function localInstant(day: string, minute: number, timeZone: string): number {
  const { year, month, date } = parseLocalDate(day)
  return new TZDate(year, month - 1, date, Math.floor(minute / 60), minute % 60, timeZone).getTime()
}

/** The local calendar date of an instant. */
export function localDateOf(instant: number, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd')
}

/** An instant as local ISO 8601 with its offset: "2026-11-30T09:00:00-03:00" (CSV exports). */
export function localIsoString(instant: number, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX")
}

/** A local day "yyyy-MM-dd" and wall-clock minute of that day: what pages write in their language. */
export interface LocalTime {
  day: string
  minute: number
}

/** Local wall-clock minutes since midnight of an instant (0–1439). */
export function localMinuteOfDay(instant: number, timeZone: string): number {
  const d = new TZDate(instant, timeZone)
  return d.getHours() * 60 + d.getMinutes()
}

export interface DayRange {
  day: string
  /** First instant of the local day. */
  start: number
  /** First instant of the next local day (exclusive end). */
  end: number
}

/** Local days from `from` to `to` inclusive, with their UTC boundaries. */
export function localDays(from: string, to: string, timeZone: string): DayRange[] {
  const first = dayNumber(from)
  const count = dayNumber(to) - first + 1
  if (count < 1) return []
  const days: DayRange[] = []
  let start = startOfLocalDay(from, timeZone)
  for (let i = 0; i < count; i++) {
    const day = dayString(first + i)
    const end = startOfLocalDay(dayString(first + i + 1), timeZone)
    days.push({ day, start, end })
    start = end
  }
  return days
}

/** The span of several local-day periods, from the earliest first day to the latest last; null for none. */
export function spanOf(periods: ReadonlyArray<{ from: string; to: string }>): { from: string; to: string } | null {
  if (periods.length === 0) return null
  let { from, to } = periods[0]!
  for (const p of periods) {
    if (p.from < from) from = p.from
    if (p.to > to) to = p.to
  }
  return { from, to }
}
