// Locale-aware formatting of the product's measures (Intl; no hand-made separators).
import { formatClock } from '../domain/opening-hours.ts'

/** A number rounded to `digits` decimals, for JSON and CSV output. */
export function roundTo(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits
}

/** A CSV cell: rounded to `digits` decimals, empty when there is no value. */
export function csvNumber(value: number | null, digits: number): string {
  return value === null ? '' : String(roundTo(value, digits))
}

// Making an Intl.NumberFormat costs ~30 µs, formatting with one ~1 µs: a page of 10,000 cells
// spent ~90 ms making formatters. They are kept per language and options (a handful in all).
const formatters = new Map<string, Intl.NumberFormat>()
function nf(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(language, options)))
  return formatter
}

/** A kept number formatter for other options (e.g. a signed percentage). */
export const numberFormat = nf

export function formatInteger(value: number, language: string): string {
  return nf(language, { maximumFractionDigits: 0 }).format(value)
}

export function formatDecimal(value: number | null, language: string, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '—'
  return nf(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
}

/** Seconds with one decimal, for model outputs such as an ASA of 7.8 s. */
export function formatSeconds(value: number | null, language: string): string {
  if (value === null) return '—'
  if (!Number.isFinite(value)) return '∞'
  return `${formatDecimal(value, language, 1)} s`
}

export function formatPercent(value: number | null, language: string, digits = 1): string {
  if (value === null) return '—'
  return nf(language, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
}

/** Durations: "42 s", "5:32" (min:s) under an hour, "3 h 37 min" above. */
export function formatDuration(seconds: number | null, language: string): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—'
  const s = Math.round(seconds)
  if (s < 60) return `${formatInteger(s, language)} s`
  if (s < 3600) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
  const totalMinutes = Math.round(s / 60)
  const hours = Math.floor(totalMinutes / 60)
  const minutes = totalMinutes % 60
  return minutes === 0 ? `${formatInteger(hours, language)} h` : `${formatInteger(hours, language)} h ${minutes} min`
}

/** Targets read as people state them: "20 s", "120 s", "8 h". */
export function formatThreshold(seconds: number, language: string): string {
  return seconds < 600 ? `${formatInteger(seconds, language)} s` : formatDuration(seconds, language)
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>()

/** A local calendar date "YYYY-MM-DD" as the locale writes it (no time zone shift). */
export function formatDay(day: string, language: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const key = `${language}|${JSON.stringify(options)}`
  let formatter = dayFormatters.get(key)
  if (!formatter) dayFormatters.set(key, (formatter = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' })))
  return formatter.format(new Date(`${day}T00:00:00Z`))
}

/** A weekday's name, 0 = Sunday … 6 (2024-01-01 was a Monday: its day of the month is the weekday, Sunday the 7th). */
export function formatWeekday(weekday: number, language: string, width: 'short' | 'long' = 'short'): string {
  return formatDay(`2024-01-0${weekday === 0 ? 7 : weekday}`, language, { weekday: width })
}

export function formatShortDay(day: string, language: string): string {
  return formatDay(day, language, { weekday: 'short', day: '2-digit', month: '2-digit' })
}

/** A local day as day and month in the locale's order: "30/11" in Portuguese, "11/30" in English. */
export function formatDayMonth(day: string, language: string): string {
  return formatDay(day, language, { day: '2-digit', month: '2-digit' })
}

/** An interval's local day and minute of the day: "30/11 08:00" in Portuguese, "11/30 08:00" in English (24-hour clock in both). */
export function formatDayTime(day: string, minute: number, language: string): string {
  return `${formatDayMonth(day, language)} ${formatClock(minute)}`
}

const instantFormatters = new Map<string, Intl.DateTimeFormat>()

/**
 * An instant (epoch ms or ISO string) as the reader's short date and time in the operation's time
 * zone: the zone is explicit so the server and the browser write the same text (no hydration
 * mismatch), and the clock is 24-hour as everywhere else in the app. 'medium' adds the seconds.
 */
export function formatInstant(instant: number | string, language: string, timeZone: string, timeStyle: 'short' | 'medium' = 'short'): string {
  const key = `${language}|${timeZone}|${timeStyle}`
  let formatter = instantFormatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle, hourCycle: 'h23', timeZone })
    instantFormatters.set(key, formatter)
  }
  return formatter.format(new Date(instant))
}
