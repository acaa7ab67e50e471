// The admins' user management: create (with a one-time password shown once), change name or
// role, deactivate (ends their sessions), reset the password. The last active admin can be
// neither demoted nor deactivated, so the operation is never left without one.
import { prisma } from '../db.server.ts'
import { rows, sql, withWrite } from '../db/queries.server.ts'
import { changedFields } from '../domain/audit.ts'
import type { Role } from '../domain/permissions.ts'
import { recordAudit, recordAuditWith, type Actor } from './audit.server.ts'
import { hashPassword, normaliseEmail, oneTimePassword } from './auth.server.ts'

export interface UserListing {
  id: number
  email: string
  name: string
  role: string
  active: boolean
  mustChangePassword: boolean
  createdAt: number
  lastLoginAt: number | null
}

export async function listUsers(): Promise<UserListing[]> {
  const users = await prisma.user.findMany({
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
    select: { id: true, email: true, name: true, role: true, active: true, mustChangePassword: true, createdAt: true, lastLoginAt: true },
  })
  return users.map((u) => ({ ...u, createdAt: u.createdAt.getTime(), lastLoginAt: u.lastLoginAt?.getTime() ?? null }))
}

export type CreateUserResult = { ok: true; id: number; password: string } | { ok: false; error: 'duplicate' }

export async function createUser(actor: Actor, input: { email: string; name: string; role: Role }): Promise<CreateUserResult> {
  const email = normaliseEmail(input.email)
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false, error: 'duplicate' }
  const password = oneTimePassword()
  const { id } = await prisma.user.create({
    data: { email, name: input.name, role: input.role, passwordHash: await hashPassword(password), mustChangePassword: true },
    select: { id: true },
  })
  await recordAudit(actor, 'user.create', `user:${id}`, { email, name: input.name, role: input.role })
  return { ok: true, id, password }
}

export type UpdateUserResult = { ok: true } | { ok: false; error: 'notFound' | 'lastAdmin' }

export async function updateUser(
  actor: Actor,
  id: number,
  change: { name: string; role: Role; active: boolean },
): Promise<UpdateUserResult> {
  return withWrite(async (writer): Promise<UpdateUserResult> => {
    // Two administrators demoting each other at once must not leave none (across processes too).
    await writer.serialize('administrators')
    const [row] = await rows(sql<{ role: string; active: number | boolean; name: string }>`SELECT "role", "active", "name" FROM "User" WHERE "id" = ${id}`, writer)
    if (!row) return { ok: false, error: 'notFound' }
    // SQLite stores booleans as 1 and 0.
    const before = { ...row, active: Boolean(row.active) }
    // Saving the values it already has is no change: nothing written, nothing audited.
    const changes = changedFields(before, change)
    if (!changes) return { ok: true }
    const losesAdmin = before.role === 'admin' && before.active && (change.role !== 'admin' || !change.active)
    if (losesAdmin) {
      const [counted] = await writer.arrays(sql`SELECT COUNT(*) FROM "User" WHERE "role" = 'admin' AND "active" = ${writer.bool(true)}`)
      if (Number(counted![0]) <= 1) return { ok: false, error: 'lastAdmin' }
    }
    await writer.run(sql`UPDATE "User" SET "name" = ${change.name}, "role" = ${change.role}, "active" = ${writer.bool(change.active)} WHERE "id" = ${id}`)
    if (!change.active) await writer.run(sql`DELETE FROM "Session" WHERE "userId" = ${id}`)
    await recordAuditWith(writer, Date.now(), actor, 'user.update', `user:${id}`, changes)
    return { ok: true }
  })
}

/** A new one-time password; the user's sessions end. */
export async function resetPassword(actor: Actor, id: number): Promise<{ ok: true; email: string; password: string } | { ok: false }> {
  const password = oneTimePassword()
  const passwordHash = await hashPassword(password)
  const user = await prisma.user.findUnique({ where: { id }, select: { email: true } })
  if (!user) return { ok: false }
  await withWrite(async (writer) => {
    await writer.run(sql`UPDATE "User" SET "passwordHash" = ${passwordHash}, "mustChangePassword" = ${writer.bool(true)} WHERE "id" = ${id}`)
    await writer.run(sql`DELETE FROM "Session" WHERE "userId" = ${id}`)
  })
  await recordAudit(actor, 'user.resetPassword', `user:${id}`, null)
  return { ok: true, email: user.email, password }
}
