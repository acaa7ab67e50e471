// Calendar arithmetic on "YYYY-MM-DD" for browser tests, done here rather than by the app code
// under test.
import { appToday } from './server.ts'

export const addDays = (day: string, days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10)

/** Days from the Monday that starts the calendar week of `day` (0 on a Monday). */
export const daysSinceMonday = (day: string) => (new Date(day).getUTCDay() + 6) % 7

/** The day before the app's today: the demo history's last day, where pages' default periods end. */
export const appYesterday = addDays(appToday, -1)
