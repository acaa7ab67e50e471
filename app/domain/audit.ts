// The changes the audit log records (app/services/audit.server.ts writes them; the Audit page
// filters by them, in this order).

export const auditActions = [
  'auth.login',
  'auth.logout',
  'auth.password',
  'user.create',
  'user.update',
  'user.resetPassword',
  'settings.operation',
  'settings.channel',
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
] as const
export type AuditAction = (typeof auditActions)[number]
