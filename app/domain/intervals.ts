// Time bucketing. Instants are UTC epoch milliseconds; calendar days ("YYYY-MM-DD") and wall
// clock times belong to an IANA time zone. Every zone in use today has a UTC offset that is a
// multiple of 15 minutes, so a 15-minute interval is the same set of instants in every zone:
// aggregates are stored per UTC 15-minute interval, and local days (localDays) give the
// boundaries to roll them up, correctly on days of 23 or 25 hours.
import { TZDate, tzOffset } from '@date-fns/tz'

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

// --- An instant's local date and wall clock, without a zone look-up per instant ----------------
// Intl (what TZDate and tzOffset use) costs ~5 µs a look-up: per 15-minute interval of a year and
// four channels that was a fifth to almost half of a page's loader. A zone's UTC offsets are
// instead tabled once per zone and UTC year — an Intl look-up at each UTC midnight, and a
// bisection to the second where two differ (a DST change; at most two a day is assumed, which
// no zone has had since 1900) — and an instant's offset is a binary search in its year's table.

const SECOND_MS = 1000

interface OffsetTable {
  /** Instants where an offset starts (the first is the year's start), ascending. */
  starts: number[]
  /** The UTC offset from each start, milliseconds. */
  offsets: number[]
}

const offsetTables = new Map<string, OffsetTable>()

function intlOffsetMs(timeZone: string, instant: number): number {
  const minutes = tzOffset(timeZone, new Date(instant))
  if (!Number.isFinite(minutes)) throw new RangeError(`unknown time zone: ${timeZone}`)
  return minutes * 60_000
}

function offsetTable(timeZone: string, year: number): OffsetTable {
  const key = `${timeZone}|${year}`
  let table = offsetTables.get(key)
  if (table) return table
  const from = Date.UTC(year, 0, 1)
  const to = Date.UTC(year + 1, 0, 1)
  const starts = [from]
  const offsets = [intlOffsetMs(timeZone, from)]
  for (let t = from + DAY_MS; t <= to; t += DAY_MS) {
    const offset = intlOffsetMs(timeZone, Math.min(t, to - 1))
    if (offset === offsets[offsets.length - 1]) continue
    // The first second in (t − 1 day, t] with the new offset.
    let low = (t - DAY_MS) / SECOND_MS // has the old offset
    let high = Math.min(t, to - 1) / SECOND_MS // has the new one
    high = Math.ceil(high)
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2)
      if (intlOffsetMs(timeZone, middle * SECOND_MS) === offset) high = middle
      else low = middle
    }
    starts.push(high * SECOND_MS)
    offsets.push(offset)
  }
  table = { starts, offsets }
  offsetTables.set(key, table)
  return table
}

/** The zone's UTC offset at an instant, milliseconds (−3 h = −10,800,000 in São Paulo). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  if (!Number.isFinite(instant)) throw new RangeError(`not an instant: ${instant}`)
  const { starts, offsets } = offsetTable(timeZone, new Date(instant).getUTCFullYear())
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= instant) low = middle
    else high = middle - 1
  }
  return offsets[low]!
}

/** The instant as it reads on a wall clock of the zone, as milliseconds of a UTC date. */
function wallClock(instant: number, timeZone: string): number {
  return instant + zoneOffsetMs(instant, timeZone)
}

/** The local calendar date of an instant. */
export function localDateOf(instant: number, timeZone: string): string {
  return dayString(Math.floor(wallClock(instant, timeZone) / DAY_MS))
}

/** An instant as local ISO 8601 with its offset: "2026-11-30T09:00:00-03:00" (CSV exports). */
export function localIsoString(instant: number, timeZone: string): string {
  const offset = zoneOffsetMs(instant, timeZone)
  const local = new Date(instant + offset).toISOString().slice(0, 19)
  if (offset === 0) return `${local}Z`
  const minutes = Math.abs(offset) / 60_000
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0')
  return `${local}${offset < 0 ? '-' : '+'}${pad(minutes / 60)}:${pad(minutes % 60)}`
}

/** A local day "yyyy-MM-dd" and wall-clock minute of that day: what pages write in their language. */
export interface LocalTime {
  day: string
  minute: number
}

/** Local wall-clock minutes since midnight of an instant (0–1439). */
export function localMinuteOfDay(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone)
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / 60_000)
}

/** An instant's local day and wall-clock minute of that day. */
export function localTimeOf(instant: number, timeZone: string): LocalTime {
  const wall = wallClock(instant, timeZone)
  const dayNo = Math.floor(wall / DAY_MS)
  return { day: dayString(dayNo), minute: Math.floor((wall - dayNo * DAY_MS) / 60_000) }
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
