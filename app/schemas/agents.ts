// The team form (Escalas → Equipe), shared by the route's action and the form: an agent's name,
// the channels they can work (keys of existing channels) and contracted weekly hours (decimal
// comma accepted). Messages are i18n keys.
import { z } from 'zod'
import { requiredNumber } from './form-fields.ts'
import { idSchema } from './id.ts'

export const DEFAULT_WEEKLY_HOURS = 36

/** The form for channels with these keys; `agentId` is empty when adding. */
export function agentFormSchema(channelKeys: readonly string[]) {
  return z.object({
    agentId: z.preprocess((v) => (v === '' || v === undefined ? null : v), idSchema.nullable()),
    name: z.string({ error: 'errors.name' }).trim().min(1, { error: 'errors.name' }).max(80, { error: 'errors.name' }),
    channels: z
      .array(
        z.string().refine((key) => channelKeys.includes(key), { error: 'errors.channels' }),
        { error: 'errors.channels' },
      )
      .min(1, { error: 'errors.channels' }),
    weeklyHours: requiredNumber('team.errors.weeklyHours', (n) => n >= 1 && n <= 60),
  })
}

export const agentActiveSchema = z.object({
  agentId: idSchema,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
})
