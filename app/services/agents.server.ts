// The roster's people: who can work which channels and their contracted weekly hours.
import { prisma } from '../db.server.ts'
import { changedFields, type AuditChanges } from '../domain/audit.ts'

export interface AgentRow {
  id: number
  name: string
  channels: string[]
  weeklyHours: number
  active: boolean
}

export async function listAgents(options: { activeOnly?: boolean } = {}): Promise<AgentRow[]> {
  const rows = await prisma.agent.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: { name: 'asc' },
    select: { id: true, name: true, channels: true, weeklyHours: true, active: true },
  })
  return rows.map((r) => ({ ...r, channels: JSON.parse(r.channels) as string[] }))
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
}

export type SaveAgentResult =
  | { status: 'saved'; id: number; created: boolean; changes: AuditChanges | null }
  | { status: 'duplicate' }
  | { status: 'notFound' }

/**
 * Adds an agent (id null) or changes one: 'duplicate' when another agent has the name. `changes`
 * lists what an edit changed (null: nothing, and nothing is written); channels compare as a set.
 */
export async function saveAgent(id: number | null, input: AgentInput): Promise<SaveAgentResult> {
  const other = await prisma.agent.findUnique({ where: { name: input.name }, select: { id: true } })
  if (other && other.id !== id) return { status: 'duplicate' }
  const data = { name: input.name, channels: JSON.stringify(input.channels), weeklyHours: input.weeklyHours }
  if (id === null) {
    const created = await prisma.agent.create({ data, select: { id: true } })
    return { status: 'saved', id: created.id, created: true, changes: null }
  }
  const stored = await prisma.agent.findUnique({ where: { id }, select: { name: true, channels: true, weeklyHours: true } })
  if (!stored) return { status: 'notFound' }
  const sorted = (channels: string[]) => [...channels].sort()
  const changes = changedFields(
    { ...stored, channels: sorted(JSON.parse(stored.channels) as string[]) },
    { ...input, channels: sorted(input.channels) },
  )
  if (changes) await prisma.agent.update({ where: { id }, data })
  return { status: 'saved', id, created: false, changes }
}

/** Inactive agents keep their past shifts but get no new ones. */
export async function setAgentActive(id: number, active: boolean): Promise<{ found: false } | { found: true; changes: AuditChanges | null }> {
  const stored = await prisma.agent.findUnique({ where: { id }, select: { active: true } })
  if (!stored) return { found: false }
  const changes = changedFields(stored, { active })
  if (changes) await prisma.agent.update({ where: { id }, data: { active } })
  return { found: true, changes }
}
