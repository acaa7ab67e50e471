// Read access to the operation's settings and channels, selecting only what callers need.
import { prisma } from '../db.server.ts'
import type { ChannelTargets } from '../domain/channel.ts'
import { parseWeekHours } from '../domain/opening-hours.ts'

export interface OperationSettings {
  name: string
  timeZone: string
}

export interface ChannelSettings extends ChannelTargets {
  id: number
  key: string
  name: string
}

/** Used until an operation has been saved (a scratch database); the page shows a name. */
export const defaultOperation: OperationSettings = { name: '', timeZone: 'America/Sao_Paulo' }

export async function getOperation(): Promise<OperationSettings> {
  const operation = await prisma.operation.findUnique({ where: { id: 1 }, select: { name: true, timeZone: true } })
  return operation ?? defaultOperation
}

export async function listChannels(): Promise<ChannelSettings[]> {
  const channels = await prisma.channel.findMany({
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      key: true,
      name: true,
      kind: true,
      concurrency: true,
      slGoal: true,
      slThresholdSec: true,
      asaGoalSec: true,
      maxOccupancy: true,
      shrinkage: true,
      patienceSec: true,
      responseGoalSec: true,
      staffingModel: true,
      openingHours: true,
    },
  })
  return channels.map((channel) => ({
    ...channel,
    kind: channel.kind === 'deferred' ? 'deferred' : 'realtime',
    staffingModel: channel.staffingModel === 'erlangA' ? 'erlangA' : 'erlangC',
    openingHours: channel.openingHours === null ? null : parseWeekHours(channel.openingHours),
  }))
}
