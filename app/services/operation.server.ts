// Read access to the operation's settings and channels, selecting only what callers need. Every
// page reads them, so they are kept until the database changes, frozen because callers share them.
import { prisma } from '../db.server.ts'
import type { ChannelTargets } from '../domain/channel.ts'
import type { PlannedAht } from '../domain/planned-aht.ts'
import { parseWeekHours } from '../domain/opening-hours.ts'
import { checkAhtProfile } from '../domain/planned-aht.ts'
import { keptWhileUnchanged } from './kept.server.ts'

export interface OperationSettings {
  name: string
  timeZone: string
}

export interface ChannelSettings extends ChannelTargets {
  id: number
  key: string
  name: string
  plannedAht: PlannedAht
  efficiency: number
}

/** Used until an operation has been saved (a scratch database); the page shows a name. */
export const defaultOperation: OperationSettings = { name: '', timeZone: 'America/Sao_Paulo' }

export function getOperation(): Promise<Readonly<OperationSettings>> {
  return keptWhileUnchanged('operation', async () => {
    const operation = await prisma.operation.findUnique({ where: { id: 1 }, select: { name: true, timeZone: true } })
    return Object.freeze(operation ?? defaultOperation)
  })
}

export function listChannels(): Promise<ReadonlyArray<Readonly<ChannelSettings>>> {
  return keptWhileUnchanged('channels', readChannels)
}

async function readChannels(): Promise<ReadonlyArray<Readonly<ChannelSettings>>> {
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
      efficiency: true,
      openingHours: true,
      plannedAhtSec: true,
      plannedAhtProfile: true,
    },
  })
  return Object.freeze(
    channels.map(({ plannedAhtSec, plannedAhtProfile, ...channel }) =>
      deepFreeze({
        ...channel,
        plannedAht: {
          ahtSec: plannedAhtSec,
          profile: plannedAhtProfile === null ? null : checkAhtProfile(JSON.parse(plannedAhtProfile)),
        },
        kind: channel.kind === 'deferred' ? ('deferred' as const) : ('realtime' as const),
        staffingModel: channel.staffingModel === 'erlangA' ? ('erlangA' as const) : ('erlangC' as const),
        openingHours: channel.openingHours === null ? null : parseWeekHours(channel.openingHours),
      }),
    ),
  )
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
