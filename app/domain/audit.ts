// The changes the audit log records (app/services/audit.server.ts writes them; the Audit page
// filters by them, in this order), and what a change to stored values was.

export const auditActions = [
  'auth.login',
  'auth.loginFailed',
  'auth.logout',
  'auth.password',
  'user.create',
  'user.update',
  'user.resetPassword',
  'settings.operation',
  'settings.channel',
  'model.calibrate',
  'import',
  'forecast.create',
  'forecast.delete',
  'forecast.override.create',
  'forecast.override.delete',
  'specialDay.create',
  'specialDay.delete',
  'scenario.create',
  'scenario.delete',
  'schedule.generate',
  'schedule.delete',
  'schedule.shift',
  'schedule.publish',
  'schedule.rules',
  'agent.save',
  'job.interrupted',
  'job.retry',
  'job.discard',
] as const
export type AuditAction = (typeof auditActions)[number]

/** Why a sign-in was refused (`auth.loginFailed`); never the password tried. */
export type LoginFailureReason = 'wrongPassword' | 'unknownAccount' | 'inactive' | 'unknownRole' | 'rateLimited'

/** The fields a save changed: their stored values before and the saved ones after. */
export interface AuditChanges {
  before: Record<string, unknown>
  after: Record<string, unknown>
}

/**
 * The fields of `after` (and of `before`) whose values differ, or null when the save changes
 * nothing. Values compare as stored JSON: deeply, in any key order, an absent value equal to null.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges | null {
  const changes: AuditChanges = { before: {}, after: {} }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (sameValue(before[key], after[key])) continue
    changes.before[key] = before[key] ?? null
    changes.after[key] = after[key] ?? null
  }
  return Object.keys(changes.after).length === 0 ? null : changes
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null)
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const x = a as Record<string, unknown>
    const y = b as Record<string, unknown>
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((key) => sameValue(x[key], y[key]))
  }
  return false
}

type AuditReferenceKind = 'user' | 'agent' | 'forecast'

/** Names of what the Audit page's events refer to, by id (channels also by key). */
export interface AuditNames {
  channels: ReadonlyArray<{ id: number; key: string; name: string }>
  users: Record<number, string>
  agents: Record<number, string>
  forecasts: Record<number, string>
}

/**
 * The users, agents and forecasts events name — by target (`user:3`) or by a detail (`agentId`,
 * `forecastId`, also inside a change's before/after) — so that the Audit page can show names.
 */
export function auditReferences(events: ReadonlyArray<{ target: string | null; details: unknown }>): Record<AuditReferenceKind, number[]> {
  const found: Record<AuditReferenceKind, Set<number>> = { user: new Set(), agent: new Set(), forecast: new Set() }
  const fields: Record<string, AuditReferenceKind> = { agentId: 'agent', forecastId: 'forecast' }
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const kind = fields[key]
        if (kind && typeof item === 'number') found[kind].add(item)
        else walk(item)
      }
    }
  }
  for (const { target, details } of events) {
    const match = /^(user|agent|forecast):(\d+)$/.exec(target ?? '')
    if (match) found[match[1] as AuditReferenceKind].add(Number(match[2]))
    walk(details)
  }
  return { user: [...found.user], agent: [...found.agent], forecast: [...found.forecast] }
}
