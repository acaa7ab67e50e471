// The one place that knows what day it is. Pages' default periods, the demo's history (it ends
// yesterday) and the CLI's defaults ask here; `TODAY=YYYY-MM-DD` fixes the date, so tests and
// demonstrations do not depend on the calendar. Instants that record when something happened
// (createdAt, sessions, audit, elapsed times) are real time and do not come from here.
import { isLocalDate, localDateOf } from '../domain/intervals.ts'

/** The local date in `timeZone` now, or the date TODAY names. */
export function todayIn(timeZone: string): string {
  const fixed = process.env.TODAY
  if (fixed === undefined || fixed === '') return localDateOf(Date.now(), timeZone)
  if (!isLocalDate(fixed)) throw new Error(`TODAY must be a date as YYYY-MM-DD, not "${fixed}"`)
  return fixed
}
