// The review page's query: a saved forecast (or none), a period of local days, a channel and a day
// to drill into. Bad values fall back to defaults the loader picks; an invalid period is refused
// with its reason (an i18n key), as on the Overview.
import { z } from 'zod'
import { addDays, isLocalDate, spanOf } from '../domain/intervals.ts'
import type { ReviewQuery } from '../services/review.server.ts'
import { idSchema } from './id.ts'
import { lastDays, periodSchema, type Period } from './period.ts'

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

/** The local days a forecast covers. */
export const forecastDays = (f: { firstDay: string; horizonDays: number }): Period => ({
  from: f.firstDay,
  to: addDays(f.firstDay, f.horizonDays - 1),
})

const overlaps = (a: Period, b: Period) => a.from <= b.to && b.from <= a.to

/** Days of data the review defaults to without a forecast. */
export const DEFAULT_REVIEW_DAYS = 28

/** What the review can choose from: the saved forecasts (newest first) and each channel's days with data. */
export interface ReviewChoices {
  forecasts: ReadonlyArray<{ id: number; firstDay: string; horizonDays: number; channelKeys: readonly string[] }>
  /** First and last local days with volume, per channel key (channels without data are absent). */
  data: ReadonlyMap<string, Period>
  channelKeys: readonly string[]
  today: string
}

/** The days with data of some channels together, or null. */
const dataOf = (data: ReviewChoices['data'], keys: readonly string[]): Period | null =>
  spanOf(keys.map((k) => data.get(k)).filter((p): p is Period => p !== undefined))

const intersection = (a: Period, b: Period): Period => ({ from: a.from > b.from ? a.from : b.from, to: a.to < b.to ? a.to : b.to })

/**
 * The review to show: what the URL asks for, with defaults for what it leaves out or gets wrong.
 * Forecast: the newest whose days overlap its channels' data, preferring one that overlaps the
 * asked period. Period: the forecast's days with data (its own days when it has none yet, so
 * choosing a forecast always opens its period); without a forecast, the last 28 days of data of
 * the channel(s). A period asked together with another forecast than the one shown (the form's
 * `shown`) follows the newly chosen forecast.
 */
export function resolveReview(
  search: ReviewSearch,
  choices: ReviewChoices,
): { query: ReviewQuery } | { error: string; requested: Period; forecastId: number | null; channel: string | null } {
  const channel = search.channel !== undefined && choices.channelKeys.includes(search.channel) ? search.channel : null
  // The data a forecast is reviewed against: its channels', or the chosen one's.
  const forecastData = (f: ReviewChoices['forecasts'][number]) =>
    dataOf(choices.data, channel === null ? f.channelKeys : f.channelKeys.filter((k) => k === channel))
  const switched = search.shown !== undefined && search.forecast !== undefined && String(search.forecast) !== search.shown
  const asked = !switched && search.period && 'period' in search.period ? search.period.period : null
  let forecast = search.forecast === NO_FORECAST ? null : choices.forecasts.find((f) => f.id === search.forecast) ?? null
  if (search.forecast !== NO_FORECAST && forecast === null) {
    const candidates = choices.forecasts.filter((f) => {
      const data = forecastData(f)
      return data !== null && overlaps(forecastDays(f), data)
    })
    forecast = (asked && candidates.find((f) => overlaps(forecastDays(f), asked))) || candidates[0] || null
  }
  if (!switched && search.period && 'error' in search.period) {
    return { error: search.period.error, requested: search.period.requested, forecastId: forecast?.id ?? null, channel }
  }
  let period = asked
  if (!period && forecast) {
    const days = forecastDays(forecast)
    const data = forecastData(forecast)
    period = data && overlaps(days, data) ? intersection(days, data) : days
  }
  if (!period) {
    const data = dataOf(choices.data, channel === null ? choices.channelKeys : [channel])
    if (data) {
      const from = addDays(data.to, 1 - DEFAULT_REVIEW_DAYS)
      period = { from: from > data.from ? from : data.from, to: data.to }
    } else {
      period = lastDays(choices.today, DEFAULT_REVIEW_DAYS)
    }
  }
  const day = search.day !== undefined && search.day >= period.from && search.day <= period.to ? search.day : null
  return { query: { forecastId: forecast?.id ?? null, from: period.from, to: period.to, channel, day, slot: search.slot ?? null } }
}
