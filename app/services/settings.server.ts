// Changes to the operation and its channels.
import { prisma, withSqliteTransaction } from '../db.server.ts'
import { serviceThresholdSec } from '../domain/channel.ts'
import type { ChannelUpdate, OperationUpdate } from '../schemas/settings.ts'
import { markChannelTouched, refreshTouched } from './interval-stats.server.ts'

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
 * One write transaction: the target and the aggregates measured against it land together, and
 * a concurrent save cannot slip in between the comparison and the write.
 */
export function saveChannel(update: ChannelUpdate): { found: boolean; reaggregated: boolean } {
  const { channelId, ...fields } = update
  return withSqliteTransaction((db) => {
    const before = db
      .prepare('SELECT kind, slThresholdSec, responseGoalSec FROM Channel WHERE id = ?')
      .get(channelId) as { kind: string; slThresholdSec: number; responseGoalSec: number | null } | undefined
    if (!before) return { found: false, reaggregated: false }
    db.prepare(
      `UPDATE Channel SET name = @name, kind = @kind, concurrency = @concurrency, slGoal = @slGoal,
         slThresholdSec = @slThresholdSec, asaGoalSec = @asaGoalSec, maxOccupancy = @maxOccupancy,
         shrinkage = @shrinkage, patienceSec = @patienceSec, responseGoalSec = @responseGoalSec,
         staffingModel = @staffingModel, openingHours = @openingHours, plannedAhtSec = @plannedAhtSec,
         plannedAhtProfile = @plannedAhtProfile
       WHERE id = @channelId`,
    ).run({
      channelId,
      ...fields,
      openingHours: fields.openingHours && JSON.stringify(fields.openingHours),
      plannedAhtProfile: fields.plannedAhtProfile && JSON.stringify(fields.plannedAhtProfile),
    })
    const reaggregated = serviceThresholdSec(before) !== serviceThresholdSec(fields)
    if (reaggregated) {
      // Only buckets holding contacts are recounted; imported interval statistics stay as they are.
      markChannelTouched(db, channelId)
      refreshTouched(db)
    }
    return { found: true, reaggregated }
  })
}
