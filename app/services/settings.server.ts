// Changes to the operation and its channels, each with its audit row (who: the actor passed in).
import { prisma, withWriteTransaction } from '../db.server.ts'
import { changedFields, type AuditChanges } from '../domain/audit.ts'
import { serviceThresholdSec } from '../domain/channel.ts'
import type { ChannelUpdate, OperationUpdate } from '../schemas/settings.ts'
import { recordAudit, recordAuditIn, type Actor } from './audit.server.ts'
import { markChannelTouched, refreshTouched } from './interval-stats.server.ts'

/** Saves the operation's name and time zone; what changed, or null when they were already so. */
export async function saveOperation(actor: Actor, update: OperationUpdate): Promise<AuditChanges | null> {
  const before = await prisma.operation.findUnique({ where: { id: 1 }, select: { name: true, timeZone: true } })
  const changes = changedFields(before ?? {}, { name: update.name, timeZone: update.timeZone })
  if (!changes) return null
  await prisma.operation.upsert({
    where: { id: 1 },
    create: { id: 1, name: update.name, timeZone: update.timeZone },
    update: { name: update.name, timeZone: update.timeZone },
  })
  await recordAudit(actor, 'settings.operation', 'operation', changes)
  return changes
}

type StoredChannel = Record<string, unknown> & {
  kind: string
  slThresholdSec: number
  responseGoalSec: number | null
  openingHours: string | null
  plannedAhtProfile: string | null
}

/**
 * Saves a channel's name and targets. When the wait that counts as "in time" changes, the
 * channel's interval aggregates are recomputed so history is measured against the new target.
 * One write transaction: the target and the aggregates measured against it land together, and
 * a concurrent save cannot slip in between the comparison and the write. `changes` lists the
 * fields that differ from the stored ones (null: nothing to write).
 */
export function saveChannel(
  actor: Actor,
  update: ChannelUpdate,
): Promise<{ found: false; reaggregated: false } | { found: true; reaggregated: boolean; changes: AuditChanges | null }> {
  const { channelId, ...fields } = update
  return withWriteTransaction((db) => {
    // Every column, so that a field added to the form is compared without touching this query.
    const before = db.prepare('SELECT * FROM Channel WHERE id = ?').get(channelId) as StoredChannel | undefined
    if (!before) return { found: false, reaggregated: false }
    const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text))
    const stored: Record<string, unknown> = { ...before, openingHours: json(before.openingHours), plannedAhtProfile: json(before.plannedAhtProfile) }
    const changes = changedFields(Object.fromEntries(Object.keys(fields).map((key) => [key, stored[key]])), fields)
    if (!changes) return { found: true, reaggregated: false, changes }
    db.prepare(
      `UPDATE Channel SET name = @name, kind = @kind, concurrency = @concurrency, slGoal = @slGoal,
         slThresholdSec = @slThresholdSec, asaGoalSec = @asaGoalSec, maxOccupancy = @maxOccupancy,
         shrinkage = @shrinkage, patienceSec = @patienceSec, responseGoalSec = @responseGoalSec,
         staffingModel = @staffingModel, efficiency = @efficiency, openingHours = @openingHours,
         plannedAhtSec = @plannedAhtSec, plannedAhtProfile = @plannedAhtProfile
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
    recordAuditIn(db, Date.now(), actor, 'settings.channel', `channel:${channelId}`, changes)
    return { found: true, reaggregated, changes }
  })
}
