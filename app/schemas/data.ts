// The Data page's forms: the upload (kind and time zone of the file) and the mapping step.
import { z } from 'zod'
import { isTimeZone } from './settings.ts'

export const importKindSchema = z.enum(['contacts', 'intervals'], { error: 'errors.importKind' })

export const uploadSchema = z.object({
  kind: importKindSchema,
  timeZone: z.string({ error: 'errors.timeZone' }).trim().refine(isTimeZone, { error: 'errors.timeZone' }),
})

/** The mapping step posts map.<our column> = <their header> ('' = not in the file). */
export const mappingSchema = uploadSchema.extend({
  uploadId: z.string().uuid(),
  fileName: z.string().min(1).max(255),
})

export function mappingFrom(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([key]) => key.startsWith('map.'))
      .map(([key, value]) => [key.slice('map.'.length), value]),
  )
}
