// The staffing page's query (what to show) and its scenario form, shared by loader/action and UI.
import { z } from 'zod'
import type { ChannelChanges, ScenarioChanges } from '../domain/scenario.ts'
import { isLocalDate } from '../domain/intervals.ts'
import { optionalNumber } from './form-fields.ts'
import { idSchema } from './id.ts'

export const MAX_COMPARED = 3

export const staffingQuerySchema = z.object({
  forecast: idSchema.optional().catch(undefined),
  week: z.coerce.number().int().min(-1).catch(0),
  channel: z.string().trim().min(1).optional().catch(undefined),
  // Bad or surplus ids are dropped, not the whole list.
  scenario: z
    .array(idSchema.optional().catch(undefined))
    .transform((ids) => ids.filter((id) => id !== undefined).slice(0, MAX_COMPARED)),
  weeklyHours: z.coerce.number().min(1).max(80).catch(44),
  workdays: z.coerce.number().int().min(1).max(7).catch(6),
})

export function parseStaffingQuery(search: URLSearchParams) {
  return staffingQuerySchema.parse({
    forecast: search.get('forecast') ?? undefined,
    week: search.get('week') ?? 0,
    channel: search.get('channel') || undefined,
    scenario: search.getAll('scenario'),
    weeklyHours: search.get('weeklyHours') ?? 44,
    workdays: search.get('workdays') ?? 6,
  })
}

const pct = (key: string) => optionalNumber(key, (n) => n >= -100 && n <= 1000)

/** Per-channel fields are named `<key>.<field>`; days `day1`/`day1Pct`, `day2`/`day2Pct`. */
export function scenarioFormSchema(channelKeys: readonly string[]) {
  const channelFields = Object.fromEntries(
    channelKeys.flatMap((key) => [
      [`${key}.volumePct`, pct('errors.percentRange')],
      [`${key}.ahtPct`, pct('errors.percentRange')],
      [`${key}.slGoalPct`, optionalNumber('errors.slGoal', (n) => n > 0 && n < 100)],
      [`${key}.slThresholdSec`, optionalNumber('errors.slThreshold', (n) => Number.isInteger(n) && n >= 0 && n <= 86_400)],
      [`${key}.shrinkagePct`, optionalNumber('errors.shrinkage', (n) => n >= 0 && n < 100)],
      [`${key}.rolloutFromPct`, optionalNumber('errors.rollout', (n) => n > 0 && n <= 100)],
      [`${key}.rolloutToPct`, optionalNumber('errors.rollout', (n) => n >= 0 && n <= 100)],
    ]),
  )
  return z
    .object({
      name: z.string({ error: 'errors.name' }).trim().min(1, { error: 'errors.name' }).max(80, { error: 'errors.name' }),
      volumePct: pct('errors.percentRange'),
      ahtPct: pct('errors.percentRange'),
      day1: z.string().trim().optional(),
      day1Pct: pct('errors.percentRange'),
      day2: z.string().trim().optional(),
      day2Pct: pct('errors.percentRange'),
      ...channelFields,
    })
    .superRefine((form, ctx) => {
      const values = form as Record<string, unknown>
      for (const key of channelKeys) {
        if ((values[`${key}.rolloutFromPct`] === undefined) !== (values[`${key}.rolloutToPct`] === undefined)) {
          ctx.addIssue({ code: 'custom', path: [`${key}.rolloutToPct`], message: 'errors.rollout' })
        }
      }
      if (form.day1 && form.day1 === form.day2) ctx.addIssue({ code: 'custom', path: ['day2'], message: 'errors.sameDay' })
      for (const d of ['day1', 'day2'] as const) {
        const day = form[d]
        if (day && !isLocalDate(day)) ctx.addIssue({ code: 'custom', path: [d], message: 'errors.periodDate' })
        if (day && form[`${d}Pct`] === undefined) ctx.addIssue({ code: 'custom', path: [`${d}Pct`], message: 'errors.amount' })
      }
    })
    .transform((form): { name: string; changes: ScenarioChanges } => {
      const values = form as Record<string, unknown>
      const channels: Record<string, ChannelChanges> = {}
      for (const key of channelKeys) {
        const get = (field: string) => values[`${key}.${field}`] as number | undefined
        const c: ChannelChanges = {}
        if (get('volumePct') !== undefined) c.volumePct = get('volumePct')
        if (get('ahtPct') !== undefined) c.ahtPct = get('ahtPct')
        if (get('slGoalPct') !== undefined) c.slGoal = get('slGoalPct')! / 100
        if (get('slThresholdSec') !== undefined) c.slThresholdSec = get('slThresholdSec')
        if (get('shrinkagePct') !== undefined) c.shrinkage = get('shrinkagePct')! / 100
        if (get('rolloutFromPct') !== undefined) {
          c.rolloutFromPct = get('rolloutFromPct')
          c.rolloutToPct = get('rolloutToPct')
        }
        if (Object.keys(c).length > 0) channels[key] = c
      }
      const days: Record<string, number> = {}
      if (form.day1 && form.day1Pct !== undefined) days[form.day1] = form.day1Pct
      if (form.day2 && form.day2Pct !== undefined) days[form.day2] = form.day2Pct
      return { name: form.name, changes: { volumePct: form.volumePct ?? 0, ahtPct: form.ahtPct ?? 0, channels, days } }
    })
}

/** The channel setting's range (Settings allows 1 s – 24 h). */
export const MAX_PATIENCE_SEC = 86_400

export const patienceFormSchema = z.object({
  channelId: idSchema,
  patienceSec: z.coerce.number().int().min(1).max(MAX_PATIENCE_SEC),
})
