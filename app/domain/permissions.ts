// Who may change what. Shared by the server (which enforces it in every action) and the pages
// (which hide the controls a role may not use). Reading is open to every signed-in role.

export const roles = ['admin', 'analyst', 'supervisor', 'manager'] as const
export type Role = (typeof roles)[number]

export const isRole = (value: unknown): value is Role => roles.includes(value as Role)

/**
 * The roles each change needs besides admin. The admin may do everything, so that an operation
 * with a single administrator is never locked out of fixing something.
 */
export const permissions = {
  /** Users, roles, the audit log. */
  manageUsers: [],
  /** The operation and its channels' targets. */
  editSettings: [],
  /** History imports. */
  importData: ['analyst'],
  /** Forecasts, their overrides and special days. */
  editForecasts: ['analyst'],
  /** Staffing scenarios. */
  editScenarios: ['analyst'],
  /** Schedules (generate, edit shifts, publish), shift rules and the team. */
  editSchedules: ['supervisor'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof permissions

export function can(role: Role, permission: Permission): boolean {
  return role === 'admin' || (permissions[permission] as readonly Role[]).includes(role)
}
