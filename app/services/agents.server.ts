// The roster's people: who can work which channels and their contracted weekly hours.
import { prisma } from '../db.server.ts'

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

/** 'duplicate' when another agent has the name. */
export async function saveAgent(id: number | null, input: AgentInput): Promise<'saved' | 'duplicate' | 'notFound'> {
  const other = await prisma.agent.findUnique({ where: { name: input.name }, select: { id: true } })
  if (other && other.id !== id) return 'duplicate'
  const data = { name: input.name, channels: JSON.stringify(input.channels), weeklyHours: input.weeklyHours }
  if (id === null) {
    await prisma.agent.create({ data })
    return 'saved'
  }
  const { count } = await prisma.agent.updateMany({ where: { id }, data })
  return count > 0 ? 'saved' : 'notFound'
}

/** Inactive agents keep their past shifts but get no new ones. */
export async function setAgentActive(id: number, active: boolean): Promise<boolean> {
  const { count } = await prisma.agent.updateMany({ where: { id }, data: { active } })
  return count > 0
}
