// Forms of the Schedules pages, shared by actions and UI.
import { z } from 'zod'
import { idSchema } from './id.ts'

export const generateScheduleSchema = z.object({
  forecastId: idSchema,
  week: z.coerce.number().int().min(0),
  // '' = every channel of the forecast together.
  channel: z
    .string()
    .trim()
    .transform((key) => key || null),
})

export const editShiftSchema = z.object({
  shiftId: idSchema,
  start: z.string().regex(/^\d{1,2}:\d{2}$/, 'errors.clock'),
  // '' = leave the shift open.
  agentId: z.union([z.literal('').transform(() => null), idSchema]),
  // The "save anyway" box: keep an edit that breaks a rule, with a warning on the shift.
  force: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
})

export const scheduleDaySchema = z.coerce.number().int().min(0).max(13).optional().catch(undefined)
