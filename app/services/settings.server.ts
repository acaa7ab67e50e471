// Changes to the operation and its channels, each with its audit row (who: the actor passed in).
import { rows, sql, withWrite } from '../db/queries.server.ts'
import { changedFields, type AuditChanges } from '../domain/audit.ts'
import { serviceThresholdSec } from '../domain/channel.ts'
import type { ChannelUpdate, OperationUpdate } from '../schemas/settings.ts'
import { recordAuditWith, type Actor } from './audit.server.ts'
import { markChannelTouched, markTouched, refreshTouched } from './interval-stats.server.ts'

/**
 * Saves the operation's name, time zone and placeholder agent names; what changed, or null when
 * they were already so. A change of placeholders recounts the agents on duty of the buckets whose
 * contacts name an agent added to or dropped from the list, in the same transaction.
 */
export function saveOperation(actor: Actor, update: OperationUpdate): Promise<AuditChanges | null> {
  return withWrite(async (writer) => {
    const [stored] = await rows(
      sql<{ name: string; timeZone: string; agentPlaceholders: string }>`SELECT "name", "timeZone", "agentPlaceholders" FROM "Operation" WHERE "id" = 1`,
      writer,
    )
    const before = stored && { ...stored, agentPlaceholders: JSON.parse(stored.agentPlaceholders) as string[] }
    const changes = changedFields(before ?? {}, update)
    if (!changes) return null
    const placeholders = JSON.stringify(update.agentPlaceholders)
    await writer.run(
      sql`INSERT INTO "Operation" ("id", "name", "timeZone", "agentPlaceholders", "updatedAt")
          VALUES (1, ${update.name}, ${update.timeZone}, ${placeholders}, ${writer.instant(Date.now())})
          ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "timeZone" = excluded."timeZone",
            "agentPlaceholders" = excluded."agentPlaceholders", "updatedAt" = excluded."updatedAt"`,
    )
    const was = new Set((before?.agentPlaceholders ?? []).map((name) => name.toUpperCase()))
    const now = new Set(update.agentPlaceholders.map((name) => name.toUpperCase()))
    const moved = [...was, ...now].filter((name) => was.has(name) !== now.has(name))
    if (moved.length > 0) {
      await markTouched(writer, sql`SELECT "channelId", "arrivedAt" FROM "Contact" WHERE UPPER("agent") IN (${sql.join(moved)})`)
      await refreshTouched(writer)
    }
    await recordAuditWith(writer, Date.now(), actor, 'settings.operation', 'operation', changes)
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
  return withWrite(async (writer) => {
    // Every column, so that a field added to the form is compared without touching this query.
    const [before] = await rows(sql<StoredChannel>`SELECT * FROM "Channel" WHERE "id" = ${channelId}`, writer)
    if (!before) return { found: false, reaggregated: false }
    const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text))
    const stored: Record<string, unknown> = { ...before, openingHours: json(before.openingHours), plannedAhtProfile: json(before.plannedAhtProfile) }
    const changes = changedFields(Object.fromEntries(Object.keys(fields).map((key) => [key, stored[key]])), fields)
    if (!changes) return { found: true, reaggregated: false, changes }
    await writer.run(
      sql`UPDATE "Channel" SET "name" = ${fields.name}, "kind" = ${fields.kind}, "concurrency" = ${fields.concurrency}, "slGoal" = ${fields.slGoal},
            "slThresholdSec" = ${fields.slThresholdSec}, "asaGoalSec" = ${fields.asaGoalSec}, "maxOccupancy" = ${fields.maxOccupancy},
            "shrinkage" = ${fields.shrinkage}, "patienceSec" = ${fields.patienceSec}, "responseGoalSec" = ${fields.responseGoalSec},
            "staffingModel" = ${fields.staffingModel}, "efficiency" = ${fields.efficiency}, "openingHours" = ${fields.openingHours && JSON.stringify(fields.openingHours)},
            "plannedAhtSec" = ${fields.plannedAhtSec}, "plannedAhtProfile" = ${fields.plannedAhtProfile && JSON.stringify(fields.plannedAhtProfile)}
          WHERE "id" = ${channelId}`,
    )
    const reaggregated = serviceThresholdSec(before) !== serviceThresholdSec(fields)
    if (reaggregated) {
      // Only buckets holding contacts are recounted; imported interval statistics stay as they are.
      await markChannelTouched(writer, channelId)
      await refreshTouched(writer)
    }
    await recordAuditWith(writer, Date.now(), actor, 'settings.channel', `channel:${channelId}`, changes)
    return { found: true, reaggregated, changes }
  })
}
