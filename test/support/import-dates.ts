// The dates the tests' imports accept: the defaults (1990-01-01 to 5 years ahead) as of a fixed
// today, never the calendar's.
import { acceptedDates } from '../../app/domain/import/local-time.ts'

export const importToday = '2026-11-25'
export const importDates = acceptedDates('1990-01-01', importToday, 5)
