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
  /** Agent names in contact exports that are not a person (left out of the agents on duty). */
  agentPlaceholders: readonly string[]
}

export interface ChannelSettings extends ChannelTargets {
  id: number
  key: string
  name: string
  plannedAht: PlannedAht
  efficiency: number
}

/** Used until an operation has been saved (a scratch database); the page shows a name. */
export const defaultOperation: OperationSettings = { name: '', timeZone: 'America/Sao_Paulo', agentPlaceholders: ['NO_SERVER'] }

export function getOperation(): Promise<Readonly<OperationSettings>> {
  return keptWhileUnchanged('operation', async () => {
    const operation = await prisma.operation.findUnique({ where: { id: 1 }, select: { name: true, timeZone: true, agentPlaceholders: true } })
    if (!operation) return deepFreeze({ ...defaultOperation })
    return deepFreeze({ ...operation, agentPlaceholders: parsePlaceholders(operation.agentPlaceholders) })
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

/** The stored JSON list; anything else (a hand-edited database) counts as no placeholder. */
function parsePlaceholders(json: string): string[] {
  try {
    const names: unknown = JSON.parse(json)
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : []
  } catch {
    return []
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
