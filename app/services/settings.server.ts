// Changes to the operation and its channels, each with its audit row (who: the actor passed in).
import { withWriteTransaction } from '../db.server.ts'
import { changedFields, type AuditChanges } from '../domain/audit.ts'
import { serviceThresholdSec } from '../domain/channel.ts'
import type { ChannelUpdate, OperationUpdate } from '../schemas/settings.ts'
import { recordAuditIn, type Actor } from './audit.server.ts'
import { markChannelTouched, markTouched, refreshTouched } from './interval-stats.server.ts'

/**
 * Saves the operation's name, time zone and placeholder agent names; what changed, or null when
 * they were already so. A change of placeholders recounts the agents on duty of the buckets whose
 * contacts name an agent added to or dropped from the list, in the same transaction.
 */
export function saveOperation(actor: Actor, update: OperationUpdate): Promise<AuditChanges | null> {
  return withWriteTransaction((db) => {
    const stored = db.prepare('SELECT name, timeZone, agentPlaceholders FROM Operation WHERE id = 1').get() as
      | { name: string; timeZone: string; agentPlaceholders: string }
      | undefined
    const before = stored && { ...stored, agentPlaceholders: JSON.parse(stored.agentPlaceholders) as string[] }
    const changes = changedFields(before ?? {}, update)
    if (!changes) return null
    const placeholders = JSON.stringify(update.agentPlaceholders)
    db.prepare(
      `INSERT INTO Operation (id, name, timeZone, agentPlaceholders, updatedAt) VALUES (1, @name, @timeZone, @placeholders, @now)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, timeZone = excluded.timeZone,
         agentPlaceholders = excluded.agentPlaceholders, updatedAt = excluded.updatedAt`,
    ).run({ name: update.name, timeZone: update.timeZone, placeholders, now: Date.now() })
    const was = new Set((before?.agentPlaceholders ?? []).map((name) => name.toUpperCase()))
    const now = new Set(update.agentPlaceholders.map((name) => name.toUpperCase()))
    const moved = [...was, ...now].filter((name) => was.has(name) !== now.has(name))
    if (moved.length > 0) {
      markTouched(db, 'SELECT channelId, arrivedAt FROM Contact WHERE UPPER(agent) IN (SELECT value FROM json_each(?))', JSON.stringify(moved))
      refreshTouched(db)
    }
    recordAuditIn(db, Date.now(), actor, 'settings.operation', 'operation', changes)
    return changes
  })
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
