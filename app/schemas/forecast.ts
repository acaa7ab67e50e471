// Forecast forms (create, override, special day), shared by the routes' actions and forms.
// Messages are i18n keys.
import { z } from 'zod'
import { methodIds } from '../domain/forecast/methods/method.ts'
import { specialDayKinds } from '../domain/forecast/special-days.ts'
import { overrideKinds } from '../domain/forecast/overrides.ts'
import { daysBetween, isLocalDate } from '../domain/intervals.ts'
import { optionalNumber, requiredNumber } from './form-fields.ts'
import { idSchema } from './id.ts'

export const MAX_HORIZON_DAYS = 42
export const MAX_HISTORY_DAYS = 730

const localDate = z.string({ error: 'errors.periodDate' }).refine(isLocalDate, { error: 'errors.periodDate' })
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'errors.time' })
const name = z.string({ error: 'errors.name' }).trim().min(1, { error: 'errors.name' }).max(80, { error: 'errors.name' })

export const createForecastSchema = z
  .object({
    name,
    channelIds: z.array(idSchema, { error: 'errors.channels' }).min(1, { error: 'errors.channels' }),
    historyFrom: localDate,
    historyTo: localDate,
    horizonDays: requiredNumber('errors.horizon', (n) => Number.isInteger(n) && n >= 1 && n <= MAX_HORIZON_DAYS),
    intervalMin: z.coerce
      .number()
      .refine((n) => n === 15 || n === 30 || n === 60, { error: 'errors.interval' })
      .transform((n) => n as 15 | 30 | 60),
    method: z.enum(['auto', ...methodIds], { error: 'errors.method' }),
  })
  .superRefine((form, ctx) => {
    const span = daysBetween(form.historyFrom, form.historyTo) + 1
    if (span < 7) ctx.addIssue({ code: 'custom', path: ['historyFrom'], message: 'errors.historyShort' })
    else if (span > MAX_HISTORY_DAYS) ctx.addIssue({ code: 'custom', path: ['historyFrom'], message: 'errors.historyLong' })
  })

export const overrideSchema = z
  .object({
    scope: z.enum(['day', 'range']),
    channelId: z.preprocess((v) => (v === '' || v === undefined ? null : v), idSchema.nullable()),
    day: localDate,
    fromTime: z.preprocess((v) => (v === '' ? undefined : v), time.optional()),
    toTime: z.preprocess((v) => (v === '' ? undefined : v), time.optional()),
    kind: z.enum(overrideKinds, { error: 'errors.overrideKind' }),
    amount: requiredNumber('errors.amount', (n) => Number.isFinite(n)),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((form, ctx) => {
    if (form.kind === 'percent' && !(form.amount >= -100 && form.amount <= 1000)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'errors.percentRange' })
    }
    if (form.kind === 'value' && !(form.amount >= 0)) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'errors.valueRange' })
    if (form.scope === 'range') {
      if (!form.fromTime) ctx.addIssue({ code: 'custom', path: ['fromTime'], message: 'errors.time' })
      if (!form.toTime) ctx.addIssue({ code: 'custom', path: ['toTime'], message: 'errors.time' })
      // "00:00" as the end means midnight at the end of the day.
      if (form.fromTime && form.toTime && form.toTime !== '00:00' && form.toTime <= form.fromTime) {
        ctx.addIssue({ code: 'custom', path: ['toTime'], message: 'errors.timeOrder' })
      }
    }
  })
  .transform((form) => ({
    channelId: form.channelId,
    day: form.day,
    fromTime: form.scope === 'range' ? form.fromTime! : null,
    toTime: form.scope === 'range' ? form.toTime! : null,
    kind: form.kind,
    amount: form.amount,
    note: form.note ? form.note : null,
  }))

export const specialDaySchema = z
  .object({
    date: localDate,
    kind: z.enum(specialDayKinds, { error: 'errors.specialKind' }),
    name,
    adjustPct: optionalNumber('errors.percentRange', (n) => n >= -100 && n <= 1000),
  })
  .superRefine((form, ctx) => {
    if (form.kind === 'event' && form.adjustPct === undefined)
      ctx.addIssue({ code: 'custom', path: ['adjustPct'], message: 'errors.eventPct' })
  })
  .transform((form) => ({
    date: form.date,
    kind: form.kind,
    name: form.name,
    adjustPct: form.kind === 'closed' ? null : form.adjustPct ?? null,
  }))

export const holidayYearSchema = z.object({
  year: requiredNumber('errors.year', (n) => Number.isInteger(n) && n >= 2000 && n <= 2100),
})
