// The model check and calibration of a real-time channel (issue 17, decision 021): the history a
// check needs, read per interval of 15, 30 or 60 local minutes, then the domain's check
// (app/domain/model-check.ts) and fit (app/domain/calibration.ts).
//
// Where each figure comes from:
// - counts and TMA: the 15-minute aggregates at the channel's own threshold; another threshold
//   recounts the raw contacts (as `wfm actuals` does). A count some source did not give leaves
//   that measure unknown in the interval (decision 007), never zero;
// - agents on duty: the mean agents logged in of an interval file when every 15 minutes of the
//   interval has it (the file wins); otherwise the distinct named agents who answered contacts in
//   the interval (placeholder names left out, Operation.agentPlaceholders);
// - patience: waits of answered (censored) and abandoned (events) contacts, for the Kaplan–Meier
//   curve and the estimator (total wait ÷ abandoned).
import type { RawBuilder } from 'kysely'
import { queries, rows as selectRows, sql, withWrite, type Queries } from '../db/queries.server.ts'
import { changedFields, type AuditChanges } from '../domain/audit.ts'
import { offsetSegments } from '../domain/buckets.ts'
import { calibrateEfficiency, type Calibration } from '../domain/calibration.ts'
import { queueModelOf, serviceThresholdSec } from '../domain/channel.ts'
import { kaplanMeier, type PatienceSurvival } from '../domain/kaplan-meier.ts'
import { checkModel, DEFAULT_ELIGIBILITY, type ChannelModel, type IntervalActuals, type IntervalCheck, type ModelCheckSummary } from '../domain/model-check.ts'
import { estimatePatience } from '../domain/patience.ts'
import { MAX_PATIENCE_SEC } from '../schemas/staffing.ts'
import { INTERVAL_MS } from '../domain/intervals.ts'
import { recordAuditWith, type Actor } from './audit.server.ts'

export const checkIntervalSeconds = [900, 1800, 3600] as const
export type CheckIntervalSec = (typeof checkIntervalSeconds)[number]

export interface CheckQuery {
  /** Channel key or name. */
  channel: string
  /** UTC instants: [fromMs, toMs), local days' starts in the caller's zone. */
  fromMs: number
  toMs: number
  intervalSec: CheckIntervalSec
  /** Local intervals are aligned in this zone. */
  timeZone: string
  /** "In time" threshold, seconds; the channel's own when absent. */
  thresholdSec?: number | null
}

/** Why a channel cannot be checked: the page explains it, the CLI prints it. */
export class CannotCheck extends Error {
  constructor(
    readonly reason: 'unknownChannel' | 'deferred' | 'thresholdNeedsContacts' | 'noPatience',
    message: string,
  ) {
    super(message)
  }
}

export interface CheckChannel {
  id: number
  key: string
  name: string
  model: ChannelModel['model']
  /** The stored model settings (the check's "current" model). */
  efficiency: number
  patienceSec: number | null
  concurrency: number
  thresholdSec: number
}

export interface HistoryInterval extends IntervalActuals {
  /** UTC instant of the interval's start. */
  start: number
  /** Where agentsOnDuty came from: an interval file's agents logged in, or the contacts' named agents. */
  agentsFrom: 'loggedIn' | 'contacts' | null
}

export interface CheckHistory {
  channel: CheckChannel
  intervals: HistoryInterval[]
  /** Waits of the period's contacts, when contacts were imported (interval files have none). */
  waits: { answered: number[]; abandoned: number[] } | null
  /** The estimator's mean patience over the period (total wait ÷ abandoned); null without. */
  estimatedPatienceSec: number | null
}

interface ChannelRow {
  id: number
  key: string
  name: string
  kind: string
  staffingModel: string
  patienceSec: number | null
  concurrency: number
  slThresholdSec: number
  responseGoalSec: number | null
  efficiency: number
}

async function findChannel(q: Queries, name: string): Promise<ChannelRow> {
  const wanted = name.trim().toLowerCase()
  const rows = await selectRows(
    sql<ChannelRow>`SELECT "id", "key", "name", "kind", "staffingModel", "patienceSec", "concurrency", "slThresholdSec", "responseGoalSec", "efficiency"
                    FROM "Channel" ORDER BY "sortOrder", "id"`,
    q,
  )
  const row = rows.find((c) => c.key.toLowerCase() === wanted || c.name.toLowerCase() === wanted)
  if (!row) throw new CannotCheck('unknownChannel', `no channel "${name}" (the database has: ${rows.map((c) => c.key).join(', ') || 'none'})`)
  if (row.kind === 'deferred') throw new CannotCheck('deferred', `${row.name} is deferred work: it is planned by workload, not by a queue model, so there is no model to check`)
  return row
}

/**
 * SQL true for a contact answered by a person: named, and not one of the operation's placeholder
 * names (a JSON list, compared without case) — as namedAgentSql counts them when contacts are
 * written, in either dialect.
 */
function namedAgent(q: Queries): RawBuilder<unknown> {
  const placeholders =
    q.dialect === 'postgres'
      ? sql`SELECT UPPER(p) FROM "Operation" o, json_array_elements_text(o."agentPlaceholders"::json) p WHERE o."id" = 1`
      : sql`SELECT UPPER(p.value) FROM "Operation" o, json_each(o."agentPlaceholders") p WHERE o."id" = 1`
  return sql`"outcome" = 'answered' AND "agent" IS NOT NULL AND "agent" <> '' AND UPPER("agent") NOT IN (${placeholders})`
}

/** The history the check needs: per interval of the query, the actuals and agents on duty. */
export async function readCheckHistory(query: CheckQuery): Promise<CheckHistory> {
  const q = queries()
  const row = await findChannel(q, query.channel)
  const ownThreshold = serviceThresholdSec(row)
  const thresholdSec = query.thresholdSec ?? ownThreshold
  const period = (column: string, from: number, to: number) => sql`${sql.ref(column)} >= ${q.instant(from)} AND ${sql.ref(column)} < ${q.instant(to)}`
  const [found] = await selectRows(
    sql<{ found: unknown }>`SELECT EXISTS (SELECT 1 FROM "Contact" WHERE "channelId" = ${row.id} AND ${period('arrivedAt', query.fromMs, query.toMs)}) AS "found"`,
    q,
  )
  const hasContacts = Boolean(found!.found)
  const recount = thresholdSec !== ownThreshold
  if (recount && !hasContacts) {
    throw new CannotCheck('thresholdNeedsContacts', `a threshold other than ${row.name}'s own (${ownThreshold} s) needs its contacts, and the period has none`)
  }

  const sizeMs = query.intervalSec * 1000
  // 15-minute aggregates in one interval: all must give agents logged in for the file to count.
  const parts = (query.intervalSec * 1000) / INTERVAL_MS
  const byStart = new Map<number, Sums>()
  const at = (start: number) => {
    let sums = byStart.get(start)
    if (!sums) byStart.set(start, (sums = emptySums()))
    return sums
  }
  const count = (condition: RawBuilder<unknown>) => sql`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`
  const t = thresholdSec
  for (const segment of offsetSegments(query.fromMs, query.toMs, query.timeZone)) {
    const bucket = (column: string) =>
      sql`${q.epochMs(column)} - ((${q.epochMs(column)} + ${sql.lit(segment.offsetMs)}) % ${sql.lit(sizeMs)} + ${sql.lit(sizeMs)}) % ${sql.lit(sizeMs)}`
    const counts = recount
      ? sql`SELECT ${bucket('arrivedAt')}, COUNT(*), ${count(sql`"outcome" = 'answered'`)}, ${count(sql`"outcome" = 'abandoned'`)},
             ${count(sql`"outcome" = 'answered' AND "waitSec" <= ${t}`)}, ${count(sql`"outcome" = 'abandoned' AND "waitSec" <= ${t}`)},
             SUM(CASE WHEN "outcome" = 'answered' THEN "handleSec" ELSE 0 END),
             COUNT(*), COUNT(*), COUNT(*) - ${count(sql`"outcome" = 'abandoned' AND "waitSec" <= ${t}`)}, ${count(sql`"outcome" = 'answered'`)}, 0, 0
           FROM "Contact" WHERE "channelId" = ${row.id} AND ${period('arrivedAt', segment.from, segment.to)} GROUP BY 1`
      : sql`SELECT ${bucket('start')}, SUM("offered"), SUM("answered"), SUM("abandoned"), SUM("answeredWithinThreshold"),
             SUM("abandonedWithinThreshold"), SUM("handleSecSum"), SUM("answeredOffered"), SUM("abandonedOffered"), SUM("slEligible"),
             SUM("ahtAnswered"), COUNT("agentsStaffed"), COALESCE(SUM("agentsStaffed"), 0)
           FROM "IntervalStat" WHERE "channelId" = ${row.id} AND ${period('start', segment.from, segment.to)} GROUP BY 1`
    for (const r of (await q.arrays(counts)) as (number | null)[][]) {
      const sums = at(r[0]!)
      for (let c = 1; c < r.length; c++) sums[c - 1]! += Number(r[c] ?? 0)
    }
    if (recount) {
      // The counts came from contacts; agents logged in still come from the aggregates.
      const staffed = sql`SELECT ${bucket('start')}, COUNT("agentsStaffed"), COALESCE(SUM("agentsStaffed"), 0) FROM "IntervalStat"
         WHERE "channelId" = ${row.id} AND ${period('start', segment.from, segment.to)} GROUP BY 1`
      for (const r of (await q.arrays(staffed)) as number[][]) {
        const sums = at(r[0]!)
        sums[STAFFED_COUNT]! += r[1]!
        sums[STAFFED_SUM]! += r[2]!
      }
    }
    if (hasContacts) {
      const distinct = sql`SELECT ${bucket('arrivedAt')}, COUNT(DISTINCT "agent") FROM "Contact"
         WHERE "channelId" = ${row.id} AND ${period('arrivedAt', segment.from, segment.to)} AND ${namedAgent(q)} GROUP BY 1`
      for (const r of (await q.arrays(distinct)) as number[][]) at(r[0]!)[NAMED_AGENTS] = r[1]!
    }
  }

  const intervals: HistoryInterval[] = []
  for (const start of [...byStart.keys()].sort((a, b) => a - b)) {
    const [offered, answered, abandoned, awt, abwt, handle, answeredOffered, abandonedOffered, slEligible, ahtAnswered, staffedCount, staffedSum, named] =
      byStart.get(start)!
    const slKnown = slEligible! > 0 && slEligible! + abwt! === offered
    intervals.push({
      start,
      offered: offered!,
      answered: answeredOffered === offered ? answered! : null,
      abandoned: abandonedOffered === offered ? abandoned! : null,
      answeredWithinThreshold: slKnown ? awt! : null,
      abandonedWithinThreshold: slKnown ? offered! - slEligible! : null,
      ahtSec: ahtAnswered! > 0 ? handle! / ahtAnswered! : null,
      agentsOnDuty: staffedCount === parts ? staffedSum! / parts : named! > 0 ? named! : null,
      agentsFrom: staffedCount === parts ? 'loggedIn' : named! > 0 ? 'contacts' : null,
      intervalSec: query.intervalSec,
    })
  }

  let waits: CheckHistory['waits'] = null
  let estimatedPatienceSec: number | null = null
  if (hasContacts) {
    waits = { answered: [], abandoned: [] }
    const rows = (await q.arrays(
      sql`SELECT CASE WHEN "outcome" = 'abandoned' THEN 1 ELSE 0 END, "waitSec" FROM "Contact" WHERE "channelId" = ${row.id} AND ${period('arrivedAt', query.fromMs, query.toMs)}`,
    )) as [number, number][]
    for (const [abandoned, wait] of rows) (abandoned ? waits.abandoned : waits.answered).push(wait)
    const sum = (list: number[]) => list.reduce((s, w) => s + w, 0)
    estimatedPatienceSec = estimatePatience({
      abandoned: waits.abandoned.length,
      answeredWaitSec: sum(waits.answered),
      abandonedWaitSec: sum(waits.abandoned),
      offered: waits.answered.length + waits.abandoned.length,
    }).patienceSec
  }

  const model = queueModelOf(row)
  return {
    channel: {
      id: row.id,
      key: row.key,
      name: row.name,
      // An Erlang A channel without patience is planned with Erlang C (queueModelOf): so is it checked.
      model,
      efficiency: row.efficiency,
      patienceSec: row.patienceSec,
      concurrency: row.concurrency,
      thresholdSec,
    },
    intervals,
    waits,
    estimatedPatienceSec,
  }
}

// One interval's sums, in the order the queries give them.
type Sums = number[]
const STAFFED_COUNT = 10
const STAFFED_SUM = 11
const NAMED_AGENTS = 12
const emptySums = (): Sums => new Array<number>(13).fill(0)

export interface CheckedInterval {
  actuals: HistoryInterval
  check: IntervalCheck
}

export interface ModelCheckResult {
  channel: CheckChannel
  /** The efficiency and patience checked (the stored ones unless the caller gave others). */
  efficiency: number
  patienceSec: number | null
  /** Eligible intervals, in time order. */
  checked: CheckedInterval[]
  /** Intervals read, eligible or not. */
  intervalsRead: number
  summary: ModelCheckSummary
  survival: PatienceSurvival | null
  estimatedPatienceSec: number | null
}

function channelModel(channel: CheckChannel, patienceSec: number | null): ChannelModel {
  return { model: channel.model, thresholdSec: channel.thresholdSec, patienceSec, concurrency: channel.concurrency }
}

/** The check of history at the channel's stored efficiency and patience (or those given). */
export function checkHistory(history: CheckHistory, at?: { efficiency: number; patienceSec: number | null }): ModelCheckResult {
  const { channel } = history
  const efficiency = at?.efficiency ?? channel.efficiency
  const patienceSec = at ? at.patienceSec : channel.patienceSec
  const result = checkModel(history.intervals, channelModel(channel, patienceSec), efficiency, DEFAULT_ELIGIBILITY)
  const checked: CheckedInterval[] = []
  result.checks.forEach((check, i) => check && checked.push({ actuals: history.intervals[i]!, check }))
  return {
    channel,
    efficiency,
    patienceSec,
    checked,
    intervalsRead: history.intervals.length,
    summary: result.summary,
    survival: history.waits && history.waits.answered.length + history.waits.abandoned.length > 0 ? kaplanMeier({ abandonedWaitsSec: history.waits.abandoned, answeredWaitsSec: history.waits.answered }) : null,
    estimatedPatienceSec: history.estimatedPatienceSec,
  }
}

export interface CalibrationResult extends Calibration {
  /** The patience the fit used (the estimator's over the training period; null for Erlang C without abandonment). */
  patienceSec: number | null
}

/**
 * Fits the channel's efficiency on the history (patience from the estimator, decision 021), or
 * null when no interval is eligible.
 */
export function calibrateHistory(history: CheckHistory): CalibrationResult | null {
  const { channel } = history
  // The estimator's patience where the period gives one (within what a channel may store).
  const estimated = history.estimatedPatienceSec
  const patienceSec = estimated !== null && estimated >= 1 && estimated <= MAX_PATIENCE_SEC ? Math.round(estimated) : channel.patienceSec
  if (channel.model === 'erlangA' && patienceSec === null) {
    throw new CannotCheck('noPatience', `${channel.name} uses Erlang A, and neither the period's contacts nor the channel give a patience`)
  }
  const fit = calibrateEfficiency(history.intervals, channelModel(channel, patienceSec), DEFAULT_ELIGIBILITY)
  return fit && { ...fit, patienceSec }
}

/** Stores a calibration on the channel (efficiency, and patience where the fit had one), audited. */
export function applyCalibration(
  actor: Actor,
  channelId: number,
  fit: { efficiency: number; patienceSec: number | null },
  context: Record<string, unknown>,
): Promise<{ found: boolean; changes: AuditChanges | null }> {
  return withWrite(async (writer) => {
    const [stored] = await selectRows(
      sql<{ efficiency: number; patienceSec: number | null }>`SELECT "efficiency", "patienceSec" FROM "Channel" WHERE "id" = ${channelId} AND "kind" = 'realtime'`,
      writer,
    )
    if (!stored) return { found: false, changes: null }
    const efficiency = Math.round(fit.efficiency * 1000) / 1000
    const patienceSec = fit.patienceSec ?? stored.patienceSec
    const changes = changedFields(stored, { efficiency, patienceSec })
    if (!changes) return { found: true, changes: null }
    await writer.run(sql`UPDATE "Channel" SET "efficiency" = ${efficiency}, "patienceSec" = ${patienceSec} WHERE "id" = ${channelId}`)
    await recordAuditWith(writer, Date.now(), actor, 'model.calibrate', `channel:${channelId}`, { ...changes, ...context })
    return { found: true, changes }
  })
}
