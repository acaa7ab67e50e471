// The model check page's query (channel, period of local days, interval length), shared by its
// loader, its form and the Apply action, which refits exactly what the page showed.
import { z } from 'zod'
import { daysBetween } from '../domain/intervals.ts'
import { periodSchema, type Period } from './period.ts'

export const checkIntervalChoices = [900, 1800, 3600] as const
/**
 * Days one check on the page reads at most: 13 weeks take ~0.6 s on the request thread (decision
 * 021); longer histories are for `wfm model-check`.
 */
export const MAX_CHECK_DAYS = 92
/** Hourly by default: a quarter hour holds too few contacts for its SL to say much (decision 021). */
export const DEFAULT_CHECK_INTERVAL = 3600

const intervalSchema = z.coerce
  .number()
  .refine((n) => (checkIntervalChoices as readonly number[]).includes(n))

export const modelCheckFormSchema = z
  .object({
    channel: z.string().trim().min(1).max(64),
    from: z.string(),
    to: z.string(),
    interval: intervalSchema,
  })
  .and(periodSchema)
  .refine((form) => daysBetween(form.from, form.to) < MAX_CHECK_DAYS, { error: 'errors.checkPeriodLength' })

export type ModelCheckForm = { channel: string; from: string; to: string; interval: number }

export interface ModelCheckSearch {
  channel: string | null
  /** Null when the URL names no period (the channel's last 4 weeks with data are shown). */
  period: Period | null
  /** Why the URL's period was refused (an i18n key), with what it asked. */
  periodError: { error: string; requested: { from: string; to: string } } | null
  interval: number
}

export function parseModelCheckSearch(search: URLSearchParams): ModelCheckSearch {
  const channel = search.get('channel')?.trim() || null
  const interval = intervalSchema.safeParse(search.get('interval') ?? DEFAULT_CHECK_INTERVAL)
  const from = search.get('from')
  const to = search.get('to')
  let period: Period | null = null
  let periodError: ModelCheckSearch['periodError'] = null
  if (from !== null || to !== null) {
    const requested = { from: from ?? '', to: to ?? '' }
    const result = periodSchema.safeParse(requested)
    if (!result.success) periodError = { error: result.error.issues[0]!.message, requested }
    else if (daysBetween(result.data.from, result.data.to) >= MAX_CHECK_DAYS) periodError = { error: 'errors.checkPeriodLength', requested }
    else period = result.data
  }
  return { channel: channel && channel.length <= 64 ? channel : null, period, periodError, interval: interval.success ? interval.data : DEFAULT_CHECK_INTERVAL }
}
