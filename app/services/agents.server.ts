// The roster's people: who can work which channels, their contracted weekly hours, when they can
// work (availability) and the shift types of their contract.
import { prisma } from '../db.server.ts'
import { changedFields, type AuditChanges } from '../domain/audit.ts'
import { parseWeekHours, type WeekHours } from '../domain/opening-hours.ts'
import { recordAudit, type Actor } from './audit.server.ts'

export interface AgentRow {
  id: number
  name: string
  channels: string[]
  weeklyHours: number
  /** Sunday … Saturday; null = any time. */
  availability: WeekHours | null
  /** Shift types of their contract; empty = every type. */
  shiftTypes: string[]
  active: boolean
}

/** The stored columns as the roster reads them. */
export function parseAgentTerms(row: { availability: string | null; shiftTypes: string }): { availability: WeekHours | null; shiftTypes: string[] } {
  return { availability: row.availability === null ? null : parseWeekHours(row.availability), shiftTypes: JSON.parse(row.shiftTypes) as string[] }
}

export async function listAgents(options: { activeOnly?: boolean } = {}): Promise<AgentRow[]> {
  const rows = await prisma.agent.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: { name: 'asc' },
    select: { id: true, name: true, channels: true, weeklyHours: true, availability: true, shiftTypes: true, active: true },
  })
  return rows.map((r) => ({ ...r, channels: JSON.parse(r.channels) as string[], ...parseAgentTerms(r) }))
}

/** Active agents who can work the channel (any channel when null). */
export async function agentsFor(channelKey: string | null): Promise<AgentRow[]> {
  const agents = await listAgents({ activeOnly: true })
  return channelKey === null ? agents : agents.filter((a) => a.channels.includes(channelKey))
}

export interface AgentInput {
  name: string
  channels: string[]
  weeklyHours: number
  /** Absent = any time. */
  availability?: WeekHours | null
  /** Absent = every type. */
  shiftTypes?: string[]
}

export type SaveAgentResult =
  | { status: 'saved'; id: number; created: boolean; changes: AuditChanges | null }
  | { status: 'duplicate' }
  | { status: 'notFound' }

/**
 * Adds an agent (id null) or changes one: 'duplicate' when another agent has the name. `changes`
 * lists what an edit changed (null: nothing, and nothing is written); channels compare as a set.
 * The audit row holds the new agent, or an edit's changes.
 */
export async function saveAgent(actor: Actor, id: number | null, agent: AgentInput): Promise<SaveAgentResult> {
  const input = { availability: null, shiftTypes: [], ...agent }
  const other = await prisma.agent.findUnique({ where: { name: input.name }, select: { id: true } })
  if (other && other.id !== id) return { status: 'duplicate' }
  const data = {
    name: input.name,
    channels: JSON.stringify(input.channels),
    weeklyHours: input.weeklyHours,
    availability: input.availability === null ? null : JSON.stringify(input.availability),
    shiftTypes: JSON.stringify(input.shiftTypes),
  }
  if (id === null) {
    const created = await prisma.agent.create({ data, select: { id: true } })
    await recordAudit(actor, 'agent.save', `agent:${created.id}`, agent)
    return { status: 'saved', id: created.id, created: true, changes: null }
  }
  const stored = await prisma.agent.findUnique({
    where: { id },
    select: { name: true, channels: true, weeklyHours: true, availability: true, shiftTypes: true },
  })
  if (!stored) return { status: 'notFound' }
  const sorted = (list: string[]) => [...list].sort()
  const terms = parseAgentTerms(stored)
  const changes = changedFields(
    { ...stored, channels: sorted(JSON.parse(stored.channels) as string[]), availability: terms.availability, shiftTypes: sorted(terms.shiftTypes) },
    { ...input, shiftTypes: sorted(input.shiftTypes), channels: sorted(input.channels) },
  )
  if (changes) {
    await prisma.agent.update({ where: { id }, data })
    await recordAudit(actor, 'agent.save', `agent:${id}`, changes)
  }
  return { status: 'saved', id, created: false, changes }
}

/** Inactive agents keep their past shifts but get no new ones. */
export async function setAgentActive(
  actor: Actor,
  id: number,
  active: boolean,
): Promise<{ found: false } | { found: true; changes: AuditChanges | null }> {
  const stored = await prisma.agent.findUnique({ where: { id }, select: { active: true } })
  if (!stored) return { found: false }
  const changes = changedFields(stored, { active })
  if (changes) {
    await prisma.agent.update({ where: { id }, data: { active } })
    await recordAudit(actor, 'agent.save', `agent:${id}`, changes)
  }
  return { found: true, changes }
}
