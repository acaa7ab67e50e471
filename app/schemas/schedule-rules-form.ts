// The shift rules form (Escalas → Regras), shared by the route's action and the form itself. The
// form is flat: `shift0.name`, `shift0.length` (h:mm), `shift0.break1.earliest`…, one blank shift
// type and one blank break per type to add with; a row without a name, or with "remove" ticked,
// is left out. It speaks in hours:minutes and minutes; the result is the RULES.json format.
// Messages are i18n keys (scheduleRules.errors.*, errors.*).
import { z } from 'zod'
import { optionalNumber, requiredNumber } from './form-fields.ts'
import { formatClock, parseClock } from '../domain/opening-hours.ts'
import type { RulesFile } from '../services/schedule-rules.server.ts'

/** What the form sets: everything but the opening hours, which come from the channels. */
export type RulesFromForm = Omit<RulesFile, 'openingHours'>
type FormValues = Record<string, string | undefined>

/** "6:20", "6h20", "6h" or "6" → minutes; null when not a duration. */
function parseDuration(text: string): number | null {
  const match = /^(\d{1,2})(?:\s*[:h]\s*([0-5]\d)?)?$/i.exec(text.trim())
  return match ? Number(match[1]) * 60 + Number(match[2] ?? 0) : null
}

function hoursMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

const wholeMinutes = (key: string, min = 0, max = 1440) => requiredNumber(key, (n) => Number.isInteger(n) && n >= min && n <= max)
const shiftLength = z
  .string()
  .transform(parseDuration)
  .refine((m) => m !== null && m >= 60 && m <= 16 * 60, { error: 'scheduleRules.errors.shiftLength' })
  .transform((m) => m!)
const startTime = z
  .string()
  .transform(parseClock)
  .refine((m) => m !== null && m < 1440, { error: 'errors.time' })
  .transform((m) => formatClock(m!))
const rowName = z.string().trim().max(40, { error: 'scheduleRules.errors.rowName' })

const scalars = {
  startEveryMinutes: wholeMinutes('scheduleRules.errors.step', 5),
  earliestStart: startTime,
  latestStart: startTime,
  breakEveryMinutes: wholeMinutes('scheduleRules.errors.step', 5),
  minAgentsWhileOpen: requiredNumber('scheduleRules.errors.minAgents', (n) => n >= 0 && n <= 10_000),
  maxAgentsPerDay: optionalNumber('scheduleRules.errors.maxAgents', (n) => Number.isInteger(n) && n >= 0),
  maxOnBreak: optionalNumber('scheduleRules.errors.maxOnBreak', (n) => Number.isInteger(n) && n >= 1),
  daysOffPerWeek: requiredNumber('scheduleRules.errors.daysOff', (n) => Number.isInteger(n) && n >= 0 && n <= 6),
  timeLimitSeconds: requiredNumber('scheduleRules.errors.timeLimit', (n) => Number.isInteger(n) && n >= 1 && n <= 600),
  shortfallPenaltyHours: optionalNumber('scheduleRules.errors.penalty', (n) => n > 0),
  startToleranceMinutes: optionalNumber('scheduleRules.errors.startTolerance', (n) => Number.isInteger(n) && n >= 0 && n <= 720),
}

/** Row numbers present in the form for fields matching `pattern` (its first group), in order. */
function rowNumbers(form: FormValues, pattern: RegExp): number[] {
  const numbers = Object.keys(form).flatMap((key) => {
    const match = pattern.exec(key)
    return match ? [Number(match[1])] : []
  })
  return [...new Set(numbers)].sort((a, b) => a - b)
}

export const shiftRows = (form: FormValues) => rowNumbers(form, /^shift(\d+)\.name$/)
export const breakRows = (form: FormValues, shift: number) => rowNumbers(form, new RegExp(`^shift${shift}\\.break(\\d+)\\.name$`))

/** A row the user keeps: it has a name and "remove" is not ticked. */
const keptRow = (form: FormValues, prefix: string) => (form[`${prefix}.name`] ?? '').trim() !== '' && !form[`${prefix}.remove`]

export const rulesFormSchema = z.record(z.string(), z.string()).transform((form, ctx): RulesFromForm => {
  let refused = false
  const read = <T>(name: string, schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(form[name] ?? '')
    if (parsed.success) return parsed.data
    refused = true
    ctx.addIssue({ code: 'custom', path: [name], message: parsed.error.issues[0]!.message })
    return undefined as T
  }
  const shiftTypes = shiftRows(form)
    .filter((s) => keptRow(form, `shift${s}`))
    .map((s) => ({
      name: read(`shift${s}.name`, rowName),
      lengthMinutes: read(`shift${s}.length`, shiftLength),
      breaks: breakRows(form, s)
        .filter((b) => keptRow(form, `shift${s}.break${b}`))
        .map((b) => {
          const field = `shift${s}.break${b}`
          return {
            name: read(`${field}.name`, rowName),
            lengthMinutes: read(`${field}.length`, wholeMinutes('scheduleRules.errors.breakLength', 1, 16 * 60)),
            earliestAfterStartMinutes: read(`${field}.earliest`, wholeMinutes('scheduleRules.errors.afterStart', 0, 16 * 60)),
            latestAfterStartMinutes: read(`${field}.latest`, wholeMinutes('scheduleRules.errors.afterStart', 0, 16 * 60)),
            paid: Boolean(form[`${field}.paid`]),
          }
        }),
    }))
  if (shiftTypes.length === 0) {
    refused = true
    ctx.addIssue({ code: 'custom', path: ['shiftTypes'], message: 'scheduleRules.errors.noShiftTypes' })
  }
  const values = Object.fromEntries(Object.entries(scalars).map(([name, schema]) => [name, read<unknown>(name, schema)])) as {
    [K in keyof typeof scalars]: z.output<(typeof scalars)[K]>
  }
  if (refused) return z.NEVER
  const { maxAgentsPerDay, maxOnBreak, shortfallPenaltyHours, startToleranceMinutes, ...rest } = values
  return {
    shiftTypes,
    ...rest,
    maxAgentsPerDay: maxAgentsPerDay ?? null,
    consecutiveDaysOff: Boolean(form.consecutiveDaysOff),
    ...(maxOnBreak === undefined ? {} : { maxOnBreak }),
    ...(shortfallPenaltyHours === undefined ? {} : { shortfallPenaltyHours }),
    ...(startToleranceMinutes === undefined ? {} : { startToleranceMinutes }),
  }
})

/** The form's values for stored rules (the fields' defaults), without the blank rows. */
export function rulesFormValues(file: RulesFile): Record<string, string> {
  const values: Record<string, string> = {
    startEveryMinutes: String(file.startEveryMinutes ?? 15),
    earliestStart: file.earliestStart,
    latestStart: file.latestStart,
    breakEveryMinutes: String(file.breakEveryMinutes ?? 15),
    minAgentsWhileOpen: String(file.minAgentsWhileOpen ?? 0),
    maxAgentsPerDay: file.maxAgentsPerDay == null ? '' : String(file.maxAgentsPerDay),
    maxOnBreak: file.maxOnBreak == null ? '' : String(file.maxOnBreak),
    daysOffPerWeek: String(file.daysOffPerWeek ?? 1),
    timeLimitSeconds: String(file.timeLimitSeconds ?? 10),
    shortfallPenaltyHours: file.shortfallPenaltyHours === undefined ? '' : String(file.shortfallPenaltyHours),
    startToleranceMinutes: file.startToleranceMinutes == null ? '' : String(file.startToleranceMinutes),
  }
  if (file.consecutiveDaysOff) values.consecutiveDaysOff = 'on'
  for (const [s, type] of file.shiftTypes.entries()) {
    values[`shift${s}.name`] = type.name
    values[`shift${s}.length`] = hoursMinutes(type.lengthMinutes)
    for (const [k, b] of (type.breaks ?? []).entries()) {
      const field = `shift${s}.break${k}`
      values[`${field}.name`] = b.name
      values[`${field}.length`] = String(b.lengthMinutes)
      values[`${field}.earliest`] = String(b.earliestAfterStartMinutes)
      values[`${field}.latest`] = String(b.latestAfterStartMinutes)
      if (b.paid) values[`${field}.paid`] = 'on'
    }
  }
  return values
}
