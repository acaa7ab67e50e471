// The one place that decides who may do what. Every loader and action calls requireUser with
// the roles it allows. Sign-in does not exist yet (users, roles and audit are a later issue):
// until then every request acts as the local administrator, and the role check below is
// already enforced so routes only need their session source swapped in.

export const roles = ['admin', 'analyst', 'supervisor', 'manager'] as const
export type Role = (typeof roles)[number]

export interface User {
  id: string
  name: string
  role: Role
}

const localAdministrator: User = { id: 'local-admin', name: 'Administrador local', role: 'admin' }

/** Readers: every role. */
export const anyRole: readonly Role[] = roles

export async function requireUser(_request: Request, allowed: readonly Role[] = anyRole): Promise<User> {
  const user = localAdministrator
  if (user.role !== 'admin' && !allowed.includes(user.role)) {
    throw new Response('Forbidden', { status: 403 })
  }
  return user
}
