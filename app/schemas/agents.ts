// The team form (Escalas → Equipe), shared by the route's action and the form: an agent's name,
// the channels they can work (keys of existing channels), contracted weekly hours (decimal comma
// accepted), the shift types of their contract (none ticked = every type) and when they can work
// (seven from–to rows, as a channel's opening hours). Messages are i18n keys.
import { z } from 'zod'
import { requiredNumber } from './form-fields.ts'
import { idSchema } from './id.ts'
import { readDay, weekHours } from './settings.ts'

export const DEFAULT_WEEKLY_HOURS = 36

const dayFields = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].flatMap((d) => [
    [`open${d}`, z.string().trim().optional()],
    [`close${d}`, z.string().trim().optional()],
  ]),
)
const isDayField = (key: string) => /^(open|close)\d$/.test(key)

/** The form for channels and shift types with these keys and names; `agentId` is empty when adding. */
export function agentFormSchema(channelKeys: readonly string[], shiftTypeNames: readonly string[]) {
  return z
    .object({
      agentId: z.preprocess((v) => (v === '' || v === undefined ? null : v), idSchema.nullable()),
      name: z.string({ error: 'errors.name' }).trim().min(1, { error: 'errors.name' }).max(80, { error: 'errors.name' }),
      channels: z
        .array(
          z.string().refine((key) => channelKeys.includes(key), { error: 'errors.channels' }),
          { error: 'errors.channels' },
        )
        .min(1, { error: 'errors.channels' }),
      weeklyHours: requiredNumber('team.errors.weeklyHours', (n) => n >= 1 && n <= 60),
      shiftTypes: z
        .array(z.string().refine((name) => shiftTypeNames.includes(name), { error: 'team.errors.shiftTypes' }), { error: 'team.errors.shiftTypes' })
        .default([]),
      ...dayFields,
    })
    .superRefine((form, ctx) => {
      const days = form as unknown as Record<string, string | undefined>
      for (let d = 0; d < 7; d++) {
        if (readDay(days, d) === undefined) ctx.addIssue({ code: 'custom', path: [`open${d}`], message: 'team.errors.availability' })
      }
    })
    .transform((form) => {
      const days = form as unknown as Record<string, string | undefined>
      return {
        agentId: form.agentId,
        name: form.name,
        channels: form.channels,
        weeklyHours: form.weeklyHours,
        shiftTypes: form.shiftTypes,
        // A form without the day rows (not the page's) leaves the agent available at any time.
        availability: Object.keys(days).some((key) => isDayField(key) && days[key] !== undefined) ? weekHours(days) : null,
      }
    })
}

export const agentActiveSchema = z.object({
  agentId: idSchema,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
})
