// The audit log: who changed what and when. Actions record an event after the change succeeded;
// the Audit page (admins) lists them with filters, with the names of what they refer to.
import { prisma } from '../db.server.ts'
import { sql, type Writer } from '../db/queries.server.ts'
import { auditReferences, type AuditAction, type AuditNames } from '../domain/audit.ts'
import { listChannels } from './operation.server.ts'

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

/** The same row, written inside a `withWrite` transaction on either database (`at`: epoch ms). */
export async function recordAuditWith(writer: Writer, at: number, actor: Actor, action: AuditAction, target: string | null, details: unknown): Promise<void> {
  await writer.run(
    sql`INSERT INTO "AuditEvent" ("at", "userId", "actor", "action", "target", "details")
        VALUES (${writer.instant(at)}, ${actor.id}, ${actor.email}, ${action}, ${target}, ${detailsJson(details)})`,
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
  /** The stored JSON, parsed (kept as text if it is not JSON); null when there are none. */
  details: unknown
}

export const AUDIT_PAGE_SIZE = 100

/** Newest first, a page at a time, and whether there is a next page. */
export async function listAudit(filter: AuditFilter): Promise<{ rows: AuditRow[]; more: boolean; actors: string[]; names: AuditNames }> {
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
  const events = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, at: r.at.getTime(), details: parseDetails(r.details) }))
  return {
    rows: events,
    more: rows.length > AUDIT_PAGE_SIZE,
    actors: actors.map((a) => a.actor),
    names: await namesFor(events),
  }
}

function parseDetails(details: string | null): unknown {
  if (details === null) return null
  try {
    return JSON.parse(details) as unknown
  } catch {
    return details
  }
}

async function namesFor(rows: AuditRow[]): Promise<AuditNames> {
  const ids = auditReferences(rows)
  const byId = <T extends { id: number }>(list: T[], name: (item: T) => string) => Object.fromEntries(list.map((item) => [item.id, name(item)]))
  const [channels, users, agents, forecasts] = await Promise.all([
    listChannels(),
    prisma.user.findMany({ where: { id: { in: ids.user } }, select: { id: true, email: true } }),
    prisma.agent.findMany({ where: { id: { in: ids.agent } }, select: { id: true, name: true } }),
    prisma.forecast.findMany({ where: { id: { in: ids.forecast } }, select: { id: true, name: true } }),
  ])
  return {
    channels: channels.map(({ id, key, name }) => ({ id, key, name })),
    users: byId(users, (u) => u.email),
    agents: byId(agents, (a) => a.name),
    forecasts: byId(forecasts, (f) => f.name),
  }
}
