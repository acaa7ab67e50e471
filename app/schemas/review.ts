// The review page's query: a saved forecast (or none), a period of local days, a channel and a day
// to drill into. Bad values fall back to defaults (resolveReview, app/services/review.server.ts); an
// invalid period is refused with its reason (an i18n key), as on the Overview.
import { z } from 'zod'
import { isLocalDate } from '../domain/intervals.ts'
import { idSchema } from './id.ts'
import { periodSchema, type Period } from './period.ts'

/** `forecast=none` reviews the actuals alone. */
export const NO_FORECAST = 'none'

const reviewSearchSchema = z.object({
  forecast: z
    .union([z.literal(NO_FORECAST), idSchema])
    .optional()
    .catch(undefined),
  channel: z.string().trim().min(1).max(64).optional().catch(undefined),
  day: z.string().refine(isLocalDate).optional().catch(undefined),
  /** A heatmap cell, `weekday-hour` (0 = Sunday), to drill into. */
  /** The forecast the form was showing: a different `forecast` beside it means the user chose another. */
  shown: z.string().max(16).optional().catch(undefined),
  slot: z
    .string()
    .regex(/^[0-6]-(?:[01]?\d|2[0-3])$/)
    .transform((s) => ({ weekday: Number(s.split('-')[0]), hour: Number(s.split('-')[1]) }))
    .optional()
    .catch(undefined),
})

export type ReviewSearch = z.output<typeof reviewSearchSchema> & {
  /** Null when the URL names no period (the loader picks one). */
  period: { period: Period } | { error: string; requested: { from: string; to: string } } | null
}

export function parseReviewSearch(search: URLSearchParams): ReviewSearch {
  const query = reviewSearchSchema.parse({
    forecast: search.get('forecast') || undefined,
    channel: search.get('channel') || undefined,
    day: search.get('day') || undefined,
    slot: search.get('slot') || undefined,
    shown: search.get('shown') || undefined,
  })
  const from = search.get('from')
  const to = search.get('to')
  if (from === null && to === null) return { ...query, period: null }
  const requested = { from: from ?? '', to: to ?? '' }
  const result = periodSchema.safeParse(requested)
  return { ...query, period: result.success ? { period: result.data } : { error: result.error.issues[0]!.message, requested } }
}
