// A period of local days from the query string (?from=YYYY-MM-DD&to=YYYY-MM-DD), shared by the
// loaders that show one and the period form. Error messages are i18n keys.
import { z } from 'zod'
import { addDays, daysBetween, isLocalDate } from '../domain/intervals.ts'

export const MAX_PERIOD_DAYS = 366

const localDate = z.string().refine(isLocalDate, { error: 'errors.periodDate' })

/** Days from `from` to `to`, or null while either date is invalid (its own issue says why). */
const span = (p: { from: string; to: string }) =>
  isLocalDate(p.from) && isLocalDate(p.to) ? daysBetween(p.from, p.to) : null

export const periodSchema = z
  .object({ from: localDate, to: localDate })
  .refine((p) => (span(p) ?? 0) >= 0, { error: 'errors.periodOrder' })
  .refine((p) => (span(p) ?? 0) < MAX_PERIOD_DAYS, { error: 'errors.periodLength' })

export type Period = z.output<typeof periodSchema>

/** The `days` complete days before `today` (yesterday included). */
export function lastDays(today: string, days: number): Period {
  return { from: addDays(today, -days), to: addDays(today, -1) }
}

/**
 * The period the URL asks for, or the last 7 complete days when it names none.
 * When the URL's period is invalid: the i18n key of the reason, and what was asked.
 */
export function parsePeriod(
  search: URLSearchParams,
  today: string,
): { period: Period } | { error: string; requested: { from: string; to: string } } {
  const from = search.get('from')
  const to = search.get('to')
  if (from === null && to === null) return { period: lastDays(today, 7) }
  const requested = { from: from ?? '', to: to ?? '' }
  const result = periodSchema.safeParse(requested)
  if (!result.success) return { error: result.error.issues[0]!.message, requested }
  return { period: result.data }
}
