// Settings forms, shared by the route's action and the form itself. The form speaks in percent
// and hours; the stored values are shares and seconds.
import { z } from 'zod'
import { optionalNumber, requiredNumber } from './form-fields.ts'
import { idSchema } from './id.ts'
import { parseClock, type OpeningHours, type WeekHours } from '../domain/opening-hours.ts'
import { MAX_PLANNED_AHT_SEC, parseAhtProfile } from '../domain/planned-aht.ts'
import { MAX_EFFICIENCY } from '../domain/staffing.ts'

/** The efficiency k typed in percent (75 → 0.75): above 0, at most MAX_EFFICIENCY. */
export const efficiencyPct = optionalNumber('errors.efficiency', (n) => n > 0 && n <= MAX_EFFICIENCY * 100)

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return value.length > 0
  } catch {
    return false
  }
}

export const operationSchema = z.object({
  name: z.string({ error: 'errors.name' }).trim().min(1, { error: 'errors.name' }).max(80, { error: 'errors.name' }),
  timeZone: z.string({ error: 'errors.timeZone' }).trim().refine(isTimeZone, { error: 'errors.timeZone' }),
  agentPlaceholders: z
    .string({ error: 'errors.agentPlaceholders' })
    .default('')
    .transform(agentNameList)
    .refine((names) => names.length <= MAX_PLACEHOLDERS && names.every((name) => name.length <= 80), { error: 'errors.agentPlaceholders' }),
})

const MAX_PLACEHOLDERS = 20

/** Names separated by commas or new lines, trimmed, without blanks or repeats (ignoring case). */
export function agentNameList(text: string): string[] {
  const seen = new Set<string>()
  const names: string[] = []
  for (const part of text.split(/[,\n]/)) {
    const name = part.trim()
    if (name === '' || seen.has(name.toUpperCase())) continue
    seen.add(name.toUpperCase())
    names.push(name)
  }
  return names
}

export const channelFormSchema = z
  .object({
    channelId: idSchema,
    name: z.string({ error: 'errors.name' }).trim().min(1, { error: 'errors.name' }).max(80, { error: 'errors.name' }),
    kind: z.enum(['realtime', 'deferred'], { error: 'errors.kind' }),
    concurrency: requiredNumber('errors.concurrency', (n) => Number.isInteger(n) && n >= 1 && n <= 10),
    slGoalPct: requiredNumber('errors.slGoal', (n) => n > 0 && n < 100),
    slThresholdSec: requiredNumber('errors.slThreshold', (n) => Number.isInteger(n) && n >= 0 && n <= 86_400),
    asaGoalSec: optionalNumber('errors.asaGoal', (n) => Number.isInteger(n) && n > 0),
    maxOccupancyPct: optionalNumber('errors.maxOccupancy', (n) => n > 0 && n <= 100),
    shrinkagePct: requiredNumber('errors.shrinkage', (n) => n >= 0 && n < 100),
    patienceSec: optionalNumber('errors.patience', (n) => Number.isInteger(n) && n > 0 && n <= 86_400),
    responseGoalHours: optionalNumber('errors.responseGoal', (n) => n > 0 && n <= 24 * 30),
    staffingModel: z.enum(['erlangC', 'erlangA'], { error: 'errors.model' }),
    /** Empty = 100%, the textbook model. */
    efficiencyPct,
    plannedAhtSec: optionalNumber('errors.plannedAht', (n) => n > 0 && n <= MAX_PLANNED_AHT_SEC),
    /** Lines "weekday,hour,seconds" (app/domain/planned-aht.ts); the form shows each bad line. */
    plannedAhtProfile: z.string().max(20_000, { error: 'errors.plannedAhtProfile' }).optional(),
    ...Object.fromEntries(
      [0, 1, 2, 3, 4, 5, 6].flatMap((d) => [
        [`open${d}`, z.string().trim().optional()],
        [`close${d}`, z.string().trim().optional()],
      ]),
    ),
  })
  .superRefine((form, ctx) => {
    if (form.kind === 'deferred' && form.responseGoalHours === undefined) {
      ctx.addIssue({ code: 'custom', path: ['responseGoalHours'], message: 'errors.responseGoal' })
    }
    if (form.staffingModel === 'erlangA' && form.patienceSec === undefined) {
      ctx.addIssue({ code: 'custom', path: ['patienceSec'], message: 'errors.patienceForErlangA' })
    }
    if (form.plannedAhtProfile && parseAhtProfile(form.plannedAhtProfile).problems.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['plannedAhtProfile'], message: 'errors.plannedAhtProfile' })
    }
    for (let d = 0; d < 7; d++) {
      if (readDay(form as unknown as Record<string, string | undefined>, d) === undefined) {
        ctx.addIssue({ code: 'custom', path: [`open${d}`], message: 'errors.openingHours' })
      }
    }
  })
  .transform((form) => ({
    channelId: form.channelId,
    name: form.name,
    kind: form.kind,
    concurrency: form.concurrency,
    slGoal: form.slGoalPct / 100,
    slThresholdSec: form.slThresholdSec,
    asaGoalSec: form.asaGoalSec ?? null,
    maxOccupancy: form.maxOccupancyPct === undefined ? null : form.maxOccupancyPct / 100,
    shrinkage: form.shrinkagePct / 100,
    patienceSec: form.patienceSec ?? null,
    responseGoalSec: form.responseGoalHours === undefined ? null : Math.round(form.responseGoalHours * 3600),
    staffingModel: form.staffingModel,
    efficiency: form.efficiencyPct === undefined ? 1 : form.efficiencyPct / 100,
    plannedAhtSec: form.plannedAhtSec ?? null,
    plannedAhtProfile: parseAhtProfile(form.plannedAhtProfile ?? '').profile,
    openingHours: weekHours(form as unknown as Record<string, string | undefined>),
  }))

/** One weekday's hours from the form (fields open0…close6): null when both times are empty (closed); undefined when invalid. */
export function readDay(form: Record<string, string | undefined>, d: number): OpeningHours | null | undefined {
  const open = form[`open${d}`] ?? ''
  const close = form[`close${d}`] ?? ''
  if (open === '' && close === '') return null
  const from = parseClock(open)
  const to = parseClock(close)
  return from !== null && to !== null && from < to ? { open: from, close: to } : undefined
}

/** The week's hours, or null when every day is 00:00–24:00 (always staffed). */
export function weekHours(form: Record<string, string | undefined>): WeekHours | null {
  const days = [0, 1, 2, 3, 4, 5, 6].map((d) => readDay(form, d) ?? null)
  return days.every((day) => day !== null && day.open === 0 && day.close === 1440) ? null : days
}

export type ChannelUpdate = z.output<typeof channelFormSchema>
export type OperationUpdate = z.output<typeof operationSchema>
