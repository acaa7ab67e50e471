// Keeps the 15-minute aggregates (IntervalStat) and their hourly roll-up (HourStat) in step with
// the raw contacts. A write of contacts marks the 15-minute buckets it touched — where changed
// contacts arrive now and where they arrived before — and, in the same transaction, only those
// buckets are recomputed from the contacts. Buckets no contact touches keep what they hold, so
// interval statistics imported for other periods survive a contacts import.
import type Database from 'better-sqlite3'
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

// The threshold rule mirrors serviceThresholdSec() in app/domain/channel.ts.
const thresholdSql = `CASE WHEN ch.kind = 'deferred' AND ch.responseGoalSec IS NOT NULL THEN ch.responseGoalSec ELSE ch.slThresholdSec END`

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

/**
 * SQL true for a contact of alias `c` answered by a person: named, and not one of the operation's
 * placeholder names (Operation.agentPlaceholders, compared without case). Distinct such names in
 * an interval are its agents on duty (issue 17); agentsStaffed from an interval import wins.
 */
export function namedAgentSql(c: string): string {
  return `${c}.outcome = 'answered' AND ${c}.agent IS NOT NULL AND ${c}.agent <> ''
    AND UPPER(${c}.agent) NOT IN (SELECT UPPER(p.value) FROM Operation o, json_each(o.agentPlaceholders) p WHERE o.id = 1)`
}

/** The touched buckets live in a temporary table of the writing connection. */
function touchedTable(db: Database.Database): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS touched (channelId INTEGER NOT NULL, start INTEGER NOT NULL, PRIMARY KEY (channelId, start)) WITHOUT ROWID')
}

/**
 * Marks buckets to recompute: `select` yields (channelId, instant) pairs — any instant inside the
 * bucket — from whatever tables the caller names.
 */
export function markTouched(db: Database.Database, select: string, ...params: unknown[]): void {
  touchedTable(db)
  db.prepare(
    `WITH t(channelId, instant) AS (${select})
     INSERT OR IGNORE INTO touched (channelId, start) SELECT channelId, instant - instant % ${INTERVAL_MS} FROM t WHERE true`,
  ).run(...params)
}

/** Marks every bucket that holds a contact of the channel (e.g. after its threshold changed). */
export function markChannelTouched(db: Database.Database, channelId: number): void {
  markTouched(db, 'SELECT channelId, arrivedAt FROM Contact WHERE channelId = ?', channelId)
}

/** Recomputes the touched buckets from the contacts, then their hours; clears the marks. */
export function refreshTouched(db: Database.Database): void {
  touchedTable(db)
  db.exec(`
    UPDATE IntervalStat SET ${countColumns.map((column) => `${column} = 0`).join(', ')}, agentsOnDuty = NULL
    WHERE (channelId, start) IN (SELECT channelId, start FROM touched);

    INSERT INTO IntervalStat (channelId, start, ${countColumns.join(', ')}, agentsOnDuty)
    SELECT channelId, start, ${countColumns.map((column) => weightsOfContacts[column as keyof typeof weightsOfContacts] ?? column).join(', ')}, agentsOnDuty
    FROM (
    SELECT c.channelId AS channelId, t.start AS start,
           COUNT(*) AS offered,
           SUM(c.outcome = 'answered') AS answered,
           SUM(c.outcome = 'abandoned') AS abandoned,
           SUM(c.outcome = 'answered' AND c.waitSec <= ${thresholdSql}) AS answeredWithinThreshold,
           SUM(c.outcome = 'abandoned' AND c.waitSec <= ${thresholdSql}) AS abandonedWithinThreshold,
           SUM(CASE WHEN c.outcome = 'answered' THEN c.handleSec ELSE 0 END) AS handleSecSum,
           SUM(CASE WHEN c.outcome = 'answered' THEN c.waitSec ELSE 0 END) AS answeredWaitSecSum,
           SUM(CASE WHEN c.outcome = 'abandoned' THEN c.waitSec ELSE 0 END) AS abandonedWaitSecSum,
           COUNT(c.fcr) AS fcrCount,
           COALESCE(SUM(c.fcr = 1), 0) AS fcrResolved,
           COUNT(c.nps) AS npsCount,
           COALESCE(SUM(c.nps >= 9), 0) AS npsPromoters,
           COALESCE(SUM(c.nps <= 6), 0) AS npsDetractors,
           NULLIF(COUNT(DISTINCT CASE WHEN ${namedAgentSql('c')} THEN c.agent END), 0) AS agentsOnDuty
    -- touched first (CROSS JOIN fixes the order whatever the planner's statistics say), then each
    -- bucket's contacts by the (channelId, arrivedAt) index.
    FROM touched t
    CROSS JOIN Contact c ON c.channelId = t.channelId AND c.arrivedAt >= t.start AND c.arrivedAt < t.start + ${INTERVAL_MS}
    JOIN Channel ch ON ch.id = c.channelId
    GROUP BY c.channelId, t.start)
    WHERE true
    ON CONFLICT (channelId, start) DO UPDATE SET
      ${countColumns.map((column) => `${column} = excluded.${column}`).join(',\n      ')},
      agentsOnDuty = excluded.agentsOnDuty;

    -- A bucket left with neither contacts nor staffing is dropped.
    DELETE FROM IntervalStat
    WHERE (channelId, start) IN (SELECT channelId, start FROM touched) AND offered = 0 AND agentsStaffed IS NULL;
  `)
  refreshHours(db, `SELECT DISTINCT channelId, start - start % ${HOUR_MS} FROM touched`)
  db.exec('DELETE FROM touched')
}

/**
 * Rebuilds the hourly roll-up for the (channelId, hourStart) pairs `select` yields, from
 * IntervalStat (contact aggregates and imported statistics alike).
 */
export function refreshHours(db: Database.Database, select: string, ...params: unknown[]): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS touched_hours (channelId INTEGER NOT NULL, start INTEGER NOT NULL, PRIMARY KEY (channelId, start)) WITHOUT ROWID')
  db.prepare(`INSERT OR IGNORE INTO touched_hours (channelId, start) ${select}`).run(...params)
  db.exec(`
    DELETE FROM HourStat WHERE (channelId, start) IN (SELECT channelId, start FROM touched_hours);
    INSERT INTO HourStat (channelId, start, ${countColumns.join(', ')})
    SELECT i.channelId, h.start, ${countColumns.map((c) => `SUM(i.${c})`).join(', ')}
    FROM touched_hours h
    CROSS JOIN IntervalStat i ON i.channelId = h.channelId AND i.start >= h.start AND i.start < h.start + ${HOUR_MS}
    GROUP BY i.channelId, h.start;
    DELETE FROM touched_hours;
  `)
}
