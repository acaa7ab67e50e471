// The audit log: who changed what and when. Actions record an event after the change succeeded;
// the Audit page (admins) lists them with filters.
import type Database from 'better-sqlite3'
import { prisma } from '../db.server.ts'
import type { AuditAction } from '../domain/audit.ts'

export { auditActions, type AuditAction } from '../domain/audit.ts'

/** Who acted: a user, or (id null) the command line or someone not signed in (a failed sign-in: the e-mail typed). */
export interface Actor {
  id: number | null
  email: string
}

const detailsJson = (details: unknown) => (details === null || details === undefined ? null : JSON.stringify(details))

export async function recordAudit(actor: Actor, action: AuditAction, target: string | null, details: unknown): Promise<void> {
  await prisma.auditEvent.create({
    data: { userId: actor.id, actor: actor.email, action, target, details: detailsJson(details) },
  })
}

/** The same row, written on a better-sqlite3 connection inside the caller's transaction (`at`: epoch ms). */
export function recordAuditIn(db: Database.Database, at: number, actor: Actor, action: AuditAction, target: string | null, details: unknown): void {
  db.prepare('INSERT INTO AuditEvent (at, userId, actor, action, target, details) VALUES (?, ?, ?, ?, ?, ?)').run(
    at,
    actor.id,
    actor.email,
    action,
    target,
    detailsJson(details),
  )
}

export interface AuditFilter {
  actor?: string
  action?: AuditAction
  /** Epoch ms, inclusive start and exclusive end. */
  from?: number
  to?: number
  page?: number
}

export interface AuditRow {
  id: number
  at: number
  actor: string
  action: string
  target: string | null
  details: string | null
}

export const AUDIT_PAGE_SIZE = 100

/** Newest first, a page at a time, and whether there is a next page. */
export async function listAudit(filter: AuditFilter): Promise<{ rows: AuditRow[]; more: boolean; actors: string[] }> {
  const page = Math.max(0, filter.page ?? 0)
  const where = {
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from !== undefined || filter.to !== undefined
      ? {
          at: {
            ...(filter.from !== undefined ? { gte: new Date(filter.from) } : {}),
            ...(filter.to !== undefined ? { lt: new Date(filter.to) } : {}),
          },
        }
      : {}),
  }
  const [rows, actors] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: page * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE + 1,
      select: { id: true, at: true, actor: true, action: true, target: true, details: true },
    }),
    prisma.auditEvent.findMany({ distinct: ['actor'], select: { actor: true }, orderBy: { actor: 'asc' } }),
  ])
  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, at: r.at.getTime() })),
    more: rows.length > AUDIT_PAGE_SIZE,
    actors: actors.map((a) => a.actor),
  }
}
