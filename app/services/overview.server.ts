// The Overview: per channel and in total, for a period of local days, volume, service level vs
// goal, abandonment, TMA and TME, plus the same by day for the chart. Reads only the 15-minute
// aggregates, rolled up into local days in SQL (day boundaries computed in the operation's time
// zone, so 23- and 25-hour days are right).
import { queries, rows, sql } from '../db/queries.server.ts'
import { offsetSegments } from '../domain/buckets.ts'
import { localDays, type DayRange } from '../domain/intervals.ts'
import { addSums, emptySums, measure, type TrafficMeasures, type TrafficSums } from '../domain/metrics.ts'
import { serviceThresholdSec } from '../domain/channel.ts'
import { keptWhileUnchanged } from './kept.server.ts'
import { getOperation, listChannels } from './operation.server.ts'

export interface OverviewChannel {
  key: string
  name: string
  kind: string
  slGoal: number
  thresholdSec: number
  measures: TrafficMeasures
}

export interface OverviewDay {
  day: string
  /** Measures per channel key. */
  byChannel: Record<string, TrafficMeasures>
  /** Real-time channels together. */
  realtime: TrafficMeasures
}

export interface Overview {
  operationName: string
  timeZone: string
  from: string
  to: string
  channels: OverviewChannel[]
  /** All channels together: volume is meaningful, waits mix seconds with hours. */
  total: TrafficMeasures
  /** Real-time channels together: the service level, abandonment, TMA and TME of the total. */
  realtime: TrafficMeasures
  days: OverviewDay[]
}

interface DayChannelRow {
  day: string
  channelId: number | bigint
  offered: number | bigint | null
  answered: number | bigint | null
  abandoned: number | bigint | null
  answeredWithinThreshold: number | bigint | null
  abandonedWithinThreshold: number | bigint | null
  handleSecSum: number | null
  answeredWaitSecSum: number | null
  answeredOffered: number | bigint | null
  abandonedOffered: number | bigint | null
  slEligible: number | bigint | null
  ahtAnswered: number | bigint | null
  asaAnswered: number | bigint | null
}

const toSums = (row: DayChannelRow): TrafficSums => ({
  offered: Number(row.offered ?? 0),
  answered: Number(row.answered ?? 0),
  abandoned: Number(row.abandoned ?? 0),
  answeredWithinThreshold: Number(row.answeredWithinThreshold ?? 0),
  abandonedWithinThreshold: Number(row.abandonedWithinThreshold ?? 0),
  handleSecSum: Number(row.handleSecSum ?? 0),
  answeredWaitSecSum: Number(row.answeredWaitSecSum ?? 0),
  answeredOffered: Number(row.answeredOffered ?? 0),
  abandonedOffered: Number(row.abandonedOffered ?? 0),
  slEligible: Number(row.slEligible ?? 0),
  ahtAnswered: Number(row.ahtAnswered ?? 0),
  asaAnswered: Number(row.asaAnswered ?? 0),
})

/**
 * Sums per local day and channel, from the hourly roll-up when the zone's offsets are whole
 * hours in the period (local days are then made of whole UTC hours), else from the 15-minute rows.
 */
async function sumsByDayAndChannel(days: DayRange[], timeZone: string): Promise<DayChannelRow[]> {
  if (days.length === 0) return []
  const wholeHours = offsetSegments(days[0]!.start, days[days.length - 1]!.end, timeZone).every((s) => s.offsetMs % 3_600_000 === 0)
  const table = sql.table(wholeHours ? 'HourStat' : 'IntervalStat')
  const q = queries()
  const values = sql.join(days.map((d) => sql`(${d.day}, ${q.instant(d.start)}, ${q.instant(d.end)})`))
  const sum = (column: string) => sql`SUM(i.${sql.ref(column)}) AS ${sql.ref(column)}`
  const columns = ['offered', 'answered', 'abandoned', 'answeredWithinThreshold', 'abandonedWithinThreshold', 'handleSecSum', 'answeredWaitSecSum', 'answeredOffered', 'abandonedOffered', 'slEligible', 'ahtAnswered', 'asaAnswered']
  return rows(
    sql<DayChannelRow>`WITH days(day, s, e) AS (VALUES ${values})
     SELECT days.day AS "day", i."channelId" AS "channelId", ${sql.join(columns.map(sum))}
     FROM days JOIN ${table} i ON i."start" >= days.s AND i."start" < days.e
     GROUP BY days.day, i."channelId"`,
    q,
  )
}

/** The period's figures, kept until the data changes (decision 013): every planner opens the same weeks. */
export function getOverview({ from, to }: { from: string; to: string }): Promise<Overview> {
  return keptWhileUnchanged(`overview:${from}:${to}`, () => computeOverview(from, to))
}

async function computeOverview(from: string, to: string): Promise<Overview> {
  const [operation, channels] = await Promise.all([getOperation(), listChannels()])
  const days = localDays(from, to, operation.timeZone)
  const dayRows = await sumsByDayAndChannel(days, operation.timeZone)
  const keyOf = new Map(channels.map((c) => [c.id, c.key]))
  const realtimeIds = new Set(channels.filter((c) => c.kind === 'realtime').map((c) => c.id))

  const periodByChannel = new Map<string, TrafficSums>(channels.map((c) => [c.key, emptySums()]))
  const periodTotal = emptySums()
  const periodRealtime = emptySums()
  const dayBuckets = new Map(days.map((d) => [d.day, { byChannel: new Map<string, TrafficSums>(), realtime: emptySums() }]))

  for (const row of dayRows) {
    const key = keyOf.get(Number(row.channelId))
    const bucket = dayBuckets.get(row.day)
    if (key === undefined || bucket === undefined) continue
    const sums = toSums(row)
    addSums(periodByChannel.get(key)!, sums)
    addSums(periodTotal, sums)
    bucket.byChannel.set(key, addSums(bucket.byChannel.get(key) ?? emptySums(), sums))
    if (realtimeIds.has(Number(row.channelId))) {
      addSums(periodRealtime, sums)
      addSums(bucket.realtime, sums)
    }
  }

  return {
    operationName: operation.name,
    timeZone: operation.timeZone,
    from,
    to,
    channels: channels.map((c) => ({
      key: c.key,
      name: c.name,
      kind: c.kind,
      slGoal: c.slGoal,
      thresholdSec: serviceThresholdSec(c),
      measures: measure(periodByChannel.get(c.key)!),
    })),
    total: measure(periodTotal),
    realtime: measure(periodRealtime),
    days: [...dayBuckets].map(([day, bucket]) => ({
      day,
      byChannel: Object.fromEntries([...bucket.byChannel].map(([key, sums]) => [key, measure(sums)])),
      realtime: measure(bucket.realtime),
    })),
  }
}
