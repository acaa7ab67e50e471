// Changes to the operation and its channels.
import { prisma, withSqliteTransaction } from '../db.server.ts'
import { serviceThresholdSec } from '../domain/channel.ts'
import type { ChannelUpdate, OperationUpdate } from '../schemas/settings.ts'
import { refreshIntervalStats } from './interval-stats.server.ts'

export async function saveOperation(update: OperationUpdate): Promise<void> {
  await prisma.operation.upsert({
    where: { id: 1 },
    create: { id: 1, name: update.name, timeZone: update.timeZone },
    update: { name: update.name, timeZone: update.timeZone },
  })
}

/**
 * Saves a channel's name and targets. When the wait that counts as "in time" changes, the
 * channel's interval aggregates are recomputed so history is measured against the new target.
 */
export async function saveChannel(update: ChannelUpdate): Promise<{ found: boolean; reaggregated: boolean }> {
  const { channelId, ...fields } = update
  const before = await prisma.channel.findUnique({
    where: { id: channelId },
    select: { kind: true, slThresholdSec: true, responseGoalSec: true },
  })
  if (!before) return { found: false, reaggregated: false }
  const changesThreshold = serviceThresholdSec(before) !== serviceThresholdSec(fields)
  if (!changesThreshold) {
    await prisma.channel.update({ where: { id: channelId }, data: fields })
    return { found: true, reaggregated: false }
  }
  // One transaction: the new target and the aggregates measured against it land together.
  withSqliteTransaction((db) => {
    db.prepare(
      `UPDATE Channel SET name = @name, kind = @kind, concurrency = @concurrency, slGoal = @slGoal,
         slThresholdSec = @slThresholdSec, asaGoalSec = @asaGoalSec, maxOccupancy = @maxOccupancy,
         shrinkage = @shrinkage, patienceSec = @patienceSec, responseGoalSec = @responseGoalSec
       WHERE id = @channelId`,
    ).run({ channelId, ...fields })
    refreshIntervalStats(db, channelId)
  })
  return { found: true, reaggregated: true }
}
