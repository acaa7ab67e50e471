// Settings forms, shared by the route's loader/action and the form itself. Error messages are
// i18n keys (errors.*) so the page shows them in the user's language. The form speaks in
// percent and hours; the stored values are shares and seconds.
import { z } from 'zod'

/** Form text → number; '' → undefined so optional fields can stay empty. */
const numberInput = z.preprocess((value) => {
  if (typeof value !== 'string') return value
  const trimmed = value.trim().replace(',', '.')
  return trimmed === '' ? undefined : Number(trimmed)
}, z.number({ error: 'errors.number' }).refine(Number.isFinite, { error: 'errors.number' }).optional())

const required = <T extends z.ZodType>(schema: T, key: string) =>
  schema.refine((value) => value !== undefined, { error: key })

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return value.length > 0
  } catch {
    return false
  }
}

export const operationSchema = z.object({
  name: z.string().trim().min(1, { error: 'errors.name' }).max(80, { error: 'errors.name' }),
  timeZone: z.string().trim().refine(isTimeZone, { error: 'errors.timeZone' }),
})

const inRange = (key: string, test: (n: number) => boolean) =>
  required(numberInput, key).refine((n) => n === undefined || test(n), { error: key })

const optionalInRange = (key: string, test: (n: number) => boolean) =>
  numberInput.refine((n) => n === undefined || test(n), { error: key })

export const channelFormSchema = z
  .object({
    channelId: z.coerce.number().int().positive(),
    name: z.string().trim().min(1, { error: 'errors.name' }).max(80, { error: 'errors.name' }),
    kind: z.enum(['realtime', 'deferred'], { error: 'errors.kind' }),
    concurrency: inRange('errors.concurrency', (n) => Number.isInteger(n) && n >= 1 && n <= 10),
    slGoalPct: inRange('errors.slGoal', (n) => n > 0 && n < 100),
    slThresholdSec: inRange('errors.slThreshold', (n) => Number.isInteger(n) && n >= 0 && n <= 86_400),
    asaGoalSec: optionalInRange('errors.asaGoal', (n) => Number.isInteger(n) && n > 0),
    maxOccupancyPct: optionalInRange('errors.maxOccupancy', (n) => n > 0 && n <= 100),
    shrinkagePct: inRange('errors.shrinkage', (n) => n >= 0 && n < 100),
    patienceSec: optionalInRange('errors.patience', (n) => Number.isInteger(n) && n > 0),
    responseGoalHours: optionalInRange('errors.responseGoal', (n) => n > 0 && n <= 24 * 30),
  })
  .superRefine((form, ctx) => {
    if (form.kind === 'deferred' && form.responseGoalHours === undefined) {
      ctx.addIssue({ code: 'custom', path: ['responseGoalHours'], message: 'errors.responseGoal' })
    }
  })
  .transform((form) => ({
    channelId: form.channelId,
    name: form.name,
    kind: form.kind,
    concurrency: form.concurrency!,
    slGoal: form.slGoalPct! / 100,
    slThresholdSec: form.slThresholdSec!,
    asaGoalSec: form.asaGoalSec ?? null,
    maxOccupancy: form.maxOccupancyPct === undefined ? null : form.maxOccupancyPct / 100,
    shrinkage: form.shrinkagePct! / 100,
    patienceSec: form.patienceSec ?? null,
    responseGoalSec: form.responseGoalHours === undefined ? null : Math.round(form.responseGoalHours * 3600),
  }))

export type ChannelUpdate = z.output<typeof channelFormSchema>
export type OperationUpdate = z.output<typeof operationSchema>

/** Field name → i18n key of its first error. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.number'
  }
  return errors
}
