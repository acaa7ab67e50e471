// Forms of the Schedules pages, shared by actions and UI.
import { z } from 'zod'

const id = z.coerce.number().int().positive()

export const generateScheduleSchema = z.object({
  forecastId: id,
  week: z.coerce.number().int().min(0),
  // '' = every channel of the forecast together.
  channel: z
    .string()
    .trim()
    .transform((key) => key || null),
})

export const editShiftSchema = z.object({
  shiftId: id,
  start: z.string().regex(/^\d{1,2}:\d{2}$/, 'errors.clock'),
  // '' = leave the shift open.
  agentId: z
    .string()
    .transform((v) => (v === '' ? null : Number(v)))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0)),
  // The "save anyway" box: keep an edit that breaks a rule, with a warning on the shift.
  force: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
})

export const scheduleDaySchema = z.coerce.number().int().min(0).max(13).optional().catch(undefined)
