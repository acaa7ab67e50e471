// The audit page's filters, from its address: who, what, local days from–to, page. Bad values
// are dropped (the page shows everything rather than an error for a stale link).
import { z } from 'zod'
import { isLocalDate } from '../domain/intervals.ts'
import { auditActions } from '../domain/audit.ts'

const day = z.string().refine(isLocalDate).optional().catch(undefined)

export const auditSearchSchema = z.object({
  actor: z.string().trim().min(1).max(200).optional().catch(undefined),
  action: z.enum(auditActions).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
})

export type AuditSearch = z.output<typeof auditSearchSchema>

export function parseAuditSearch(search: URLSearchParams): AuditSearch {
  return auditSearchSchema.parse(Object.fromEntries([...search].filter(([, v]) => v !== '')))
}
