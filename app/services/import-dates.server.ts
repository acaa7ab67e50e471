// The dates history may have: from IMPORT_EARLIEST_DATE (default 1990-01-01) to IMPORT_YEARS_AHEAD
// years (default 5) after today. Imports refuse rows outside them, and forecasts ignore history
// outside them stored before imports checked (decision 007). Today is the clock's (TODAY in tests).
import { acceptedDates, dateWindow, type DateWindow, type ImportDates } from '../domain/import/local-time.ts'
import { isLocalDate } from '../domain/intervals.ts'
import { todayIn } from './clock.server.ts'

const DEFAULT_EARLIEST = '1990-01-01'
const DEFAULT_YEARS_AHEAD = 5

function setting(name: string): string | undefined {
  const value = process.env[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

/** The dates accepted as of today in `timeZone`; a bad setting throws, naming it. */
export function importDates(timeZone: string): ImportDates {
  const earliest = setting('IMPORT_EARLIEST_DATE') ?? DEFAULT_EARLIEST
  if (!isLocalDate(earliest)) throw new Error(`IMPORT_EARLIEST_DATE must be a date as YYYY-MM-DD, not "${earliest}"`)
  const years = setting('IMPORT_YEARS_AHEAD') ?? String(DEFAULT_YEARS_AHEAD)
  // At least a year: forecasts and their CSVs lie ahead of today.
  if (!/^\d{1,3}$/.test(years) || Number(years) < 1 || Number(years) > 100) {
    throw new Error(`IMPORT_YEARS_AHEAD must be a whole number of years from 1 to 100, not "${years}"`)
  }
  const dates = acceptedDates(earliest, todayIn(timeZone), Number(years))
  if (dates.earliest > dates.latest) throw new Error(`IMPORT_EARLIEST_DATE ${earliest} is after the latest date accepted, ${dates.latest}`)
  return dates
}

/** The same as instants in `timeZone`. */
export function importWindow(timeZone: string): DateWindow {
  return dateWindow(importDates(timeZone), timeZone)
}
