// Actuals per interval and channel: offered, answered, abandoned, answered within threshold,
// TMA, TME, service level, abandonment rate, FCR and NPS, for 15/30/60-minute, daily or weekly
// intervals of any IANA time zone. Hourly and longer views of a zone with whole-hour offsets read
// the hourly roll-up (a year is 8,760 rows per channel), others the 15-minute aggregates; a
// threshold other than the channel's own recounts answered and abandoned within it from the raw
// contacts.
import { queries, rows, sql } from '../db/queries.server.ts'
import type { RawBuilder } from 'kysely'
import { fullyKnownSql, trafficColumns, weightColumns } from './interval-stats.server.ts'
import { LocalBuckets, type BucketSize } from '../domain/buckets.ts'
import { INTERVAL_MS, addDays, localDays, startOfLocalDay } from '../domain/intervals.ts'
import { offsetSegments } from '../domain/buckets.ts'
import { measure, type TrafficMeasures, type TrafficSums } from '../domain/metrics.ts'
import { serviceThresholdSec } from '../domain/channel.ts'

export interface ActualsQuery {
  /** First local date, inclusive. */
  from: string
  /** Last local date, exclusive. */
  to: string
  size: BucketSize
  timeZone: string
  /** Channel key or name; every channel when absent. */
  channel?: string | null
  /** Count "within threshold" against this many seconds instead of each channel's own. */
  thresholdSec?: number | null
}

export interface ActualsRow extends TrafficMeasures {
  /** Start of the interval, ISO-8601 UTC. */
  start: string
  channel: string
  /** Share of contacts with an FCR mark that were resolved; null without marks. */
  fcrRate: number | null
  /** %promoters − %detractors (−100…100); null without scores. */
  nps: number | null
}

/**
 * What actuals add up, in this order: the traffic sums, the FCR and NPS counts, and what each
 * measure is taken over (every counter but the waits of abandoned contacts).
 */
const sumColumns = [...trafficColumns, 'fcrCount', 'fcrResolved', 'npsCount', 'npsPromoters', 'npsDetractors', ...weightColumns]

export class UnknownChannel extends Error {}

interface ChannelInfo {
  id: number
  key: string
  name: string
  kind: string
  slThresholdSec: number
  responseGoalSec: number | null
}

/** A column name as both dialects read it (PostgreSQL folds unquoted names to lower case). */
const q = (column: string) => `"${column}"`
/** SQL true for an aggregate row whose every measure is taken over all its contacts, quoted. */
const fullyKnown = fullyKnownSql.replace(/[A-Za-z]+/g, (word) => (word === "AND" ? word : q(word)))

export async function getActuals(query: ActualsQuery): Promise<ActualsRow[]> {
  const qs = queries()
  const { epochMs, instant } = qs
  let channels = await rows(sql<ChannelInfo>`SELECT "id", "key", "name", "kind", "slThresholdSec", "responseGoalSec" FROM "Channel" ORDER BY "sortOrder", "id"`, qs)
  if (query.channel) {
    const wanted = query.channel.trim().toLowerCase()
    channels = channels.filter((c) => c.key.toLowerCase() === wanted || c.name.toLowerCase() === wanted)
    if (channels.length === 0) throw new UnknownChannel(`no channel "${query.channel}"`)
  }
  const fromMs = startOfLocalDay(query.from, query.timeZone)
  const toMs = startOfLocalDay(query.to, query.timeZone)
  if (toMs <= fromMs || channels.length === 0) return []

  const byId = new Map(channels.map((c) => [c.id, c]))
  const ids = channels.map((c) => c.id)
  const threshold = query.thresholdSec
  // Channels measured at their own threshold read the aggregates; the others recount contacts.
  const own = channels.filter((c) => threshold == null || threshold === serviceThresholdSec(c)).map((c) => c.id)
  const recount = ids.filter((id) => !own.includes(id))

  // The database sums the rows into local buckets: per stretch of constant UTC offset for
  // intervals of up to an hour, per local day (boundaries from the zone) for days and weeks.
  const buckets = new LocalBuckets(query.timeZone, query.size)
  const segments = offsetSegments(fromMs, toMs, query.timeZone)
  const wholeHours = segments.every((s) => s.offsetMs % 3_600_000 === 0)
  // Local hours are UTC hours: the hourly roll-up serves hourly and longer buckets.
  const aggregateTable = wholeHours && (query.size === 60 || typeof query.size !== 'number') ? 'HourStat' : 'IntervalStat'
  const pieces: Array<{ from: number; to: number; bucket: (column: string) => RawBuilder<number>; identity?: boolean }> = []
  if (typeof query.size === 'number') {
    const sizeMs = query.size * 60_000
    for (const segment of segments) {
      pieces.push({
        from: segment.from,
        to: segment.to,
        bucket: (column) => sql<number>`${epochMs(column)} - ((${epochMs(column)} + ${sql.lit(segment.offsetMs)}) % ${sql.lit(sizeMs)} + ${sql.lit(sizeMs)}) % ${sql.lit(sizeMs)}`,
        identity: aggregateTable === 'HourStat' && query.size === 60,
      })
    }
  } else {
    for (const day of localDays(query.from, addDays(query.to, -1), query.timeZone)) {
      pieces.push({ from: day.start, to: day.end, bucket: () => sql<number>`${sql.lit(buckets.startOf(day.start))}` })
    }
  }
  // Every interval of the range, for every channel, so that quiet intervals show as zeros.
  const grid: number[] = []
  const gridStep = wholeHours && (query.size === 60 || typeof query.size !== 'number') ? 3_600_000 : INTERVAL_MS
  for (let t = fromMs; t < toMs; t += gridStep) {
    const start = buckets.startOf(t)
    if (grid[grid.length - 1] !== start) grid.push(start)
  }
  const gridIndex = new Map(grid.map((start, i) => [start, i]))
  const table = sql.table(aggregateTable)
  const ownList = sql.join(own.map((id) => sql.lit(id)))
  const exists = async (condition: RawBuilder<unknown>) =>
    own.length > 0 &&
    Boolean(
      (await rows(sql<{ found: unknown }>`SELECT EXISTS (SELECT 1 FROM ${table} WHERE "start" >= ${instant(fromMs)} AND "start" < ${instant(toMs)} AND "channelId" IN (${ownList}) AND ${condition}) AS "found"`, qs))[0]!.found,
    )
  // FCR and NPS columns cost a third of the read: skip them when the range has no marks.
  const hasSurveys = (await exists(sql`("fcrCount" > 0 OR "npsCount" > 0)`)) || recount.length > 0
  // The weights cost a third of the read too: where every interval has every measure (all that
  // contacts give), they follow from the sums.
  const partlyKnown = await exists(sql`NOT (${sql.raw(fullyKnown)})`)
  const columns = partlyKnown ? sumColumns : sumColumns.slice(0, hasSurveys ? 12 : 7)
  const width = sumColumns.length
  const channelIndex = new Map(ids.map((id, i) => [id, i]))
  const sums = ids.map(() => new Float64Array(grid.length * width))
  // Rows come as arrays [channelId, start, ...sums in sumColumns' order]: ~25% cheaper than objects.
  const add = (row: unknown[]) => {
    const index = gridIndex.get(row[1] as number)
    if (index === undefined) return // a bucket starting before the range (weeks)
    const target = sums[channelIndex.get(row[0] as number)!]!
    const base = index * width
    for (let c = 2; c < row.length; c++) target[base + c - 2]! += Number(row[c] ?? 0)
  }
  const t = threshold ?? 0
  const count = (condition: RawBuilder<unknown>) => sql`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`
  const recountColumns = [
    sql`COUNT(*)`,
    count(sql`"outcome" = 'answered'`),
    count(sql`"outcome" = 'abandoned'`),
    count(sql`"outcome" = 'answered' AND "waitSec" <= ${t}`),
    count(sql`"outcome" = 'abandoned' AND "waitSec" <= ${t}`),
    sql`SUM(CASE WHEN "outcome" = 'answered' THEN "handleSec" ELSE 0 END)`,
    sql`SUM(CASE WHEN "outcome" = 'answered' THEN "waitSec" ELSE 0 END)`,
    sql`COUNT("fcr")`,
    count(sql`"fcr"`),
    sql`COUNT("nps")`,
    count(sql`"nps" >= 9`),
    count(sql`"nps" <= 6`),
    sql`COUNT(*)`,
    sql`COUNT(*)`,
    sql`COUNT(*) - ${count(sql`"outcome" = 'abandoned' AND "waitSec" <= ${t}`)}`,
    count(sql`"outcome" = 'answered'`),
    count(sql`"outcome" = 'answered'`),
  ]
  for (const piece of pieces) {
    const range = (column: string) => sql`${sql.ref(column)} >= ${instant(piece.from)} AND ${sql.ref(column)} < ${instant(piece.to)}`
    if (own.length > 0) {
      // Rows already of the bucket's size need no grouping (and no temporary B-tree).
      const selected = columns.map((c) => (piece.identity ? sql.ref(c) : sql`SUM(${sql.ref(c)})`))
      const statement = piece.identity
        ? sql`SELECT "channelId", ${epochMs('start')} AS "start", ${sql.join(selected)} FROM ${table}
             WHERE ${range('start')} AND "channelId" IN (${ownList})`
        : sql`SELECT "channelId", ${piece.bucket('start')} AS "start", ${sql.join(selected)}
             FROM ${table} WHERE ${range('start')} AND "channelId" IN (${ownList})
             GROUP BY "channelId", 2`
      for (const row of await qs.arrays(statement)) add(row)
    }
    if (recount.length > 0) {
      const statement = sql`SELECT "channelId", ${piece.bucket('arrivedAt')} AS "start", ${sql.join(recountColumns)}
         FROM "Contact" WHERE ${range('arrivedAt')} AND "channelId" IN (${sql.join(recount.map((id) => sql.lit(id)))})
         GROUP BY "channelId", 2`
      for (const row of await qs.arrays(statement)) add(row)
    }
  }

  // Positions in sumColumns: the traffic sums 0–6, fcrCount 7, fcrResolved 8, npsCount 9,
  // npsPromoters 10, npsDetractors 11, the weights 12–16.
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null)
  const result: ActualsRow[] = []
  const keys = ids.map((id) => byId.get(id)!.key)
  for (let index = 0; index < grid.length; index++) {
    const start = new Date(grid[index]!).toISOString()
    const base = index * width
    for (let c = 0; c < ids.length; c++) {
      const v = sums[c]!
      const m = measure(trafficAt(v, base, partlyKnown))
      result.push({
        start,
        channel: keys[c]!,
        offered: m.offered,
        answered: m.answered,
        abandoned: m.abandoned,
        answeredWithinThreshold: m.answeredWithinThreshold,
        serviceLevel: m.serviceLevel,
        abandonRate: m.abandonRate,
        ahtSec: m.ahtSec,
        asaSec: m.asaSec,
        fcrRate: ratio(v[base + 8]!, v[base + 7]!),
        nps: v[base + 9]! > 0 ? (100 * (v[base + 10]! - v[base + 11]!)) / v[base + 9]! : null,
      })
    }
  }
  return result
}

/** The sums at `base`; the weights read, or (every measure known) as contacts give them. */
function trafficAt(v: Float64Array, base: number, weightsRead: boolean): TrafficSums {
  const offered = v[base]!
  const answered = v[base + 1]!
  const abandonedWithinThreshold = v[base + 4]!
  return {
    offered,
    answered,
    abandoned: v[base + 2]!,
    answeredWithinThreshold: v[base + 3]!,
    abandonedWithinThreshold,
    handleSecSum: v[base + 5]!,
    answeredWaitSecSum: v[base + 6]!,
    answeredOffered: weightsRead ? v[base + 12]! : offered,
    abandonedOffered: weightsRead ? v[base + 13]! : offered,
    slEligible: weightsRead ? v[base + 14]! : offered - abandonedWithinThreshold,
    ahtAnswered: weightsRead ? v[base + 15]! : answered,
    asaAnswered: weightsRead ? v[base + 16]! : answered,
  }
}
