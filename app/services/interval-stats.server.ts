// Keeps the 15-minute aggregates (IntervalStat) and their hourly roll-up (HourStat) in step with
// the raw contacts. A write of contacts marks the 15-minute buckets it touched — where changed
// contacts arrive now and where they arrived before — and, in the same transaction, only those
// buckets are recomputed from the contacts. Buckets no contact touches keep what they hold, so
// interval statistics imported for other periods survive a contacts import.
//
// On either database through a `Writer` (decision 022): the touched buckets are a temporary table
// of the transaction (SQLite: WITHOUT ROWID on the writing connection; PostgreSQL: ON COMMIT
// DROP), holding bucket starts as epoch milliseconds, and each bucket's contacts are found by the
// (channelId, arrivedAt) index on both.
import type { RawBuilder } from 'kysely'
import { sql, type Queries, type Writer } from '../db/queries.server.ts'
import { INTERVAL_MS } from '../domain/intervals.ts'

/** The sums every source adds up: TrafficSums' first fields (app/domain/metrics.ts), in order. */
export const trafficColumns = [
  'offered',
  'answered',
  'abandoned',
  'answeredWithinThreshold',
  'abandonedWithinThreshold',
  'handleSecSum',
  'answeredWaitSecSum',
] as const

/** What each measure is taken over (decision 007): the rest of TrafficSums, in order. */
export const weightColumns = ['answeredOffered', 'abandonedOffered', 'slEligible', 'ahtAnswered', 'asaAnswered'] as const

/** Counters derived from contacts; agentsStaffed is not among them and is left untouched. */
export const countColumns = [
  ...trafficColumns,
  ...weightColumns,
  'abandonedWaitSecSum',
  'fcrCount',
  'fcrResolved',
  'npsCount',
  'npsPromoters',
  'npsDetractors',
] as const

const HOUR_MS = 3_600_000

/** The start, in epoch milliseconds, of the bucket of `sizeMs` that holds a stored instant. */
function bucketOf(q: Queries, column: string, sizeMs: number): RawBuilder<number> {
  const ms = q.epochMs(column)
  return sql<number>`${ms} - ${ms} % ${sql.lit(sizeMs)}`
}

/** How many rows `condition` holds for: SQLite sums the boolean itself, PostgreSQL needs CASE. */
export function countWhere(q: Queries, condition: RawBuilder<unknown>): RawBuilder<number> {
  return q.dialect === 'postgres' ? sql<number>`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)` : sql<number>`SUM(${condition})`
}

/**
 * Creates a temporary table of the write transaction, if it is not there yet: SQLite's lives on
 * the transaction's own connection (closed after it); PostgreSQL's is dropped at commit, so a
 * pooled connection never carries it into another transaction. `definition` names a primary key.
 */
async function tempTable(writer: Writer, name: string, definition: string): Promise<void> {
  await writer.run(
    sql.raw(
      writer.dialect === 'postgres'
        ? `CREATE TEMP TABLE IF NOT EXISTS "${name}" (${definition}) ON COMMIT DROP`
        : `CREATE TEMP TABLE IF NOT EXISTS "${name}" (${definition}) WITHOUT ROWID`,
    ),
  )
}

/** PostgreSQL plans joins on a temporary table better once it knows its size (it keeps no statistics of its own). */
async function analyse(writer: Writer, table: string): Promise<void> {
  if (writer.dialect === 'postgres') await writer.run(sql.raw(`ANALYZE "${table}"`))
}

// The threshold rule mirrors serviceThresholdSec() in app/domain/channel.ts.
const thresholdSql = sql.raw(`CASE WHEN ch."kind" = 'deferred' AND ch."responseGoalSec" IS NOT NULL THEN ch."responseGoalSec" ELSE ch."slThresholdSec" END`)

/** Contacts give every measure: each is taken over all of them. */
const weightsOfContacts: Record<(typeof weightColumns)[number], string> = {
  answeredOffered: 'offered',
  abandonedOffered: 'offered',
  slEligible: 'offered - abandonedWithinThreshold',
  ahtAnswered: 'answered',
  asaAnswered: 'answered',
}

/** SQL true for an aggregate row whose every measure is taken over all its contacts. */
export const fullyKnownSql = weightColumns.map((column) => `${column} = ${weightsOfContacts[column]}`).join(' AND ')

const quoted = (words: string) => words.replace(/[A-Za-z]+/g, (word) => `"${word}"`)

/**
 * SQL true for a contact of alias `c` answered by a person: named, and not one of the operation's
 * placeholder names (Operation.agentPlaceholders, a JSON list compared without case). Distinct
 * such names in an interval are its agents on duty (issue 17); agentsStaffed from an interval
 * import wins.
 */
export function namedAgentSql(q: Queries, c: string): RawBuilder<unknown> {
  const agent = sql.ref(`${c}.agent`)
  const placeholders =
    q.dialect === 'postgres'
      ? sql`SELECT UPPER(p) FROM "Operation" o, json_array_elements_text(o."agentPlaceholders"::json) p WHERE o."id" = 1`
      : sql`SELECT UPPER(p.value) FROM "Operation" o, json_each(o."agentPlaceholders") p WHERE o."id" = 1`
  return sql`${sql.ref(`${c}.outcome`)} = 'answered' AND ${agent} IS NOT NULL AND ${agent} <> '' AND UPPER(${agent}) NOT IN (${placeholders})`
}

/** The touched buckets: (channel, start in epoch milliseconds). */
const touchedTable = (writer: Writer) => tempTable(writer, 'touched', '"channelId" INTEGER NOT NULL, "start" BIGINT NOT NULL, PRIMARY KEY ("channelId", "start")')

/**
 * Marks buckets to recompute: `select` yields ("channelId", instant) pairs — any stored instant
 * inside the bucket — from whatever tables the caller names.
 */
export async function markTouched(writer: Writer, select: RawBuilder<unknown>): Promise<void> {
  await touchedTable(writer)
  await writer.run(
    sql`WITH t("channelId", "instant") AS (${select})
        INSERT INTO "touched" ("channelId", "start") SELECT "channelId", ${bucketOf(writer, 'instant', INTERVAL_MS)} FROM t WHERE true
        ON CONFLICT DO NOTHING`,
  )
}

/** Marks every bucket that holds a contact of the channel (e.g. after its threshold changed). */
export function markChannelTouched(writer: Writer, channelId: number): Promise<void> {
  return markTouched(writer, sql`SELECT "channelId", "arrivedAt" FROM "Contact" WHERE "channelId" = ${channelId}`)
}

/** Recomputes the touched buckets from the contacts, then their hours; clears the marks. */
export async function refreshTouched(writer: Writer): Promise<void> {
  await touchedTable(writer)
  await analyse(writer, 'touched')
  const postgres = writer.dialect === 'postgres'
  const count = (condition: RawBuilder<unknown>) => countWhere(writer, condition)
  const touchedKeys = sql`SELECT "channelId", ${writer.instant(sql`"start"`)} FROM "touched"`
  await writer.run(
    sql`UPDATE "IntervalStat" SET ${sql.raw(countColumns.map((column) => `"${column}" = 0`).join(', '))}, "agentsOnDuty" = NULL
        WHERE ("channelId", "start") IN (${touchedKeys})`,
  )
  const bucketEnd = writer.instant(sql`t."start" + ${sql.lit(INTERVAL_MS)}`)
  const fcrResolved = sql`c."fcr" = ${writer.bool(true)}`
  await writer.run(sql`
    INSERT INTO "IntervalStat" ("channelId", "start", ${sql.raw(countColumns.map((column) => `"${column}"`).join(', '))}, "agentsOnDuty")
    SELECT "channelId", ${writer.instant(sql`"start"`)},
           ${sql.raw(countColumns.map((column) => quoted(weightsOfContacts[column as keyof typeof weightsOfContacts] ?? column)).join(', '))}, "agentsOnDuty"
    FROM (
    SELECT c."channelId" AS "channelId", t."start" AS "start",
           COUNT(*) AS "offered",
           ${count(sql`c."outcome" = 'answered'`)} AS "answered",
           ${count(sql`c."outcome" = 'abandoned'`)} AS "abandoned",
           ${count(sql`c."outcome" = 'answered' AND c."waitSec" <= ${thresholdSql}`)} AS "answeredWithinThreshold",
           ${count(sql`c."outcome" = 'abandoned' AND c."waitSec" <= ${thresholdSql}`)} AS "abandonedWithinThreshold",
           SUM(CASE WHEN c."outcome" = 'answered' THEN c."handleSec" ELSE 0 END) AS "handleSecSum",
           SUM(CASE WHEN c."outcome" = 'answered' THEN c."waitSec" ELSE 0 END) AS "answeredWaitSecSum",
           SUM(CASE WHEN c."outcome" = 'abandoned' THEN c."waitSec" ELSE 0 END) AS "abandonedWaitSecSum",
           COUNT(c."fcr") AS "fcrCount",
           COALESCE(${count(fcrResolved)}, 0) AS "fcrResolved",
           COUNT(c."nps") AS "npsCount",
           COALESCE(${count(sql`c."nps" >= 9`)}, 0) AS "npsPromoters",
           COALESCE(${count(sql`c."nps" <= 6`)}, 0) AS "npsDetractors",
           NULLIF(COUNT(DISTINCT CASE WHEN ${namedAgentSql(writer, 'c')} THEN c."agent" END), 0) AS "agentsOnDuty"
    -- touched first, then each bucket's contacts by the (channelId, arrivedAt) index: SQLite's
    -- CROSS JOIN fixes that order whatever the planner's statistics say. PostgreSQL's planner
    -- chooses, and may misjudge a channel its statistics have not seen yet (the demo's, a new
    -- one's) as nearly empty: the same bucket as an equality too keeps any order it picks linear.
    FROM "touched" t
    ${sql.raw(postgres ? 'JOIN' : 'CROSS JOIN')} "Contact" c ON c."channelId" = t."channelId" AND c."arrivedAt" >= ${writer.instant(sql`t."start"`)} AND c."arrivedAt" < ${bucketEnd}
      ${postgres ? sql`AND t."start" = ${bucketOf(writer, 'c.arrivedAt', INTERVAL_MS)}` : sql``}
    JOIN "Channel" ch ON ch."id" = c."channelId"
    GROUP BY c."channelId", t."start") AS "bucket"
    WHERE true
    ON CONFLICT ("channelId", "start") DO UPDATE SET
      ${sql.raw(countColumns.map((column) => `"${column}" = excluded."${column}"`).join(',\n      '))},
      "agentsOnDuty" = excluded."agentsOnDuty"`)
  // A bucket left with neither contacts nor staffing is dropped.
  await writer.run(
    sql`DELETE FROM "IntervalStat" WHERE ("channelId", "start") IN (${touchedKeys}) AND "offered" = 0 AND "agentsStaffed" IS NULL`,
  )
  await refreshHours(writer, sql`SELECT DISTINCT "channelId", "start" - "start" % ${sql.lit(HOUR_MS)} FROM "touched"`)
  await writer.run(sql`DELETE FROM "touched"`)
}

/**
 * Rebuilds the hourly roll-up for the ("channelId", hour start in epoch milliseconds) pairs
 * `select` yields, from IntervalStat (contact aggregates and imported statistics alike).
 */
export async function refreshHours(writer: Writer, select: RawBuilder<unknown>): Promise<void> {
  await tempTable(writer, 'touched_hours', '"channelId" INTEGER NOT NULL, "start" BIGINT NOT NULL, PRIMARY KEY ("channelId", "start")')
  await writer.run(sql`INSERT INTO "touched_hours" ("channelId", "start") SELECT * FROM (${select}) AS h WHERE true ON CONFLICT DO NOTHING`)
  await analyse(writer, 'touched_hours')
  await writer.run(sql`DELETE FROM "HourStat" WHERE ("channelId", "start") IN (SELECT "channelId", ${writer.instant(sql`"start"`)} FROM "touched_hours")`)
  await writer.run(sql`
    INSERT INTO "HourStat" ("channelId", "start", ${sql.raw(countColumns.map((c) => `"${c}"`).join(', '))})
    SELECT i."channelId", ${writer.instant(sql`h."start"`)}, ${sql.raw(countColumns.map((c) => `SUM(i."${c}")`).join(', '))}
    FROM "touched_hours" h
    ${sql.raw(writer.dialect === 'postgres' ? 'JOIN' : 'CROSS JOIN')} "IntervalStat" i
      ON i."channelId" = h."channelId" AND i."start" >= ${writer.instant(sql`h."start"`)} AND i."start" < ${writer.instant(sql`h."start" + ${sql.lit(HOUR_MS)}`)}
      ${writer.dialect === 'postgres' ? sql`AND h."start" = ${bucketOf(writer, 'i.start', HOUR_MS)}` : sql``}
    GROUP BY i."channelId", h."start"`)
  await writer.run(sql`DELETE FROM "touched_hours"`)
}
