// A period of local days from the query string (?from=YYYY-MM-DD&to=YYYY-MM-DD), shared by the
// loaders that show one and the period form.
import { z } from 'zod'
import { addDays, daysBetween, isLocalDate } from '../domain/intervals.ts'

export const MAX_PERIOD_DAYS = 366

const localDate = z.string().refine(isLocalDate, { error: 'expected a date as YYYY-MM-DD' })

/** Days from `from` to `to`, or null while either date is invalid (its own issue says why). */
const span = (p: { from: string; to: string }) =>
  isLocalDate(p.from) && isLocalDate(p.to) ? daysBetween(p.from, p.to) : null

export const periodSchema = z
  .object({ from: localDate, to: localDate })
  .refine((p) => (span(p) ?? 0) >= 0, { error: '"from" is after "to"' })
  .refine((p) => (span(p) ?? 0) < MAX_PERIOD_DAYS, { error: `at most ${MAX_PERIOD_DAYS} days` })

export type Period = z.output<typeof periodSchema>

/** The `days` complete days before `today` (yesterday included). */
export function lastDays(today: string, days: number): Period {
  return { from: addDays(today, -days), to: addDays(today, -1) }
}

/**
 * The period the URL asks for, or the last 7 complete days when it names none.
 * Returns the reason when the URL's period is invalid.
 */
export function parsePeriod(search: URLSearchParams, today: string): { period: Period } | { error: string } {
  const from = search.get('from')
  const to = search.get('to')
  if (from === null && to === null) return { period: lastDays(today, 7) }
  const result = periodSchema.safeParse({ from: from ?? '', to: to ?? '' })
  if (!result.success) return { error: result.error.issues.map((i) => i.message).join('; ') }
  return { period: result.data }
}
