// Actuals per interval and channel: offered, answered, abandoned, answered within threshold,
// TMA, TME, service level, abandonment rate, FCR and NPS, for 15/30/60-minute, daily or weekly
// intervals of any IANA time zone. Reads the 15-minute aggregates (a year is ~35,000 rows per
// channel) unless a threshold other than the channel's own is asked for: then the answered and
// abandoned-within-threshold counts are recounted from the raw contacts.
import { readDatabase } from '../db.server.ts'
import { LocalBuckets, type BucketSize } from '../domain/buckets.ts'
import { INTERVAL_MS, addDays, localDays, startOfLocalDay } from '../domain/intervals.ts'
import { offsetSegments } from '../domain/buckets.ts'
import { measure, type TrafficMeasures } from '../domain/metrics.ts'
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
  answeredWithinThreshold: number
  /** Share of contacts with an FCR mark that were resolved; null without marks. */
  fcrRate: number | null
  /** %promoters − %detractors (−100…100); null without scores. */
  nps: number | null
}

interface Sums {
  offered: number
  answered: number
  abandoned: number
  answeredWithinThreshold: number
  abandonedWithinThreshold: number
  handleSecSum: number
  answeredWaitSecSum: number
  fcrCount: number
  fcrResolved: number
  npsCount: number
  npsPromoters: number
  npsDetractors: number
}

type SumRow = Sums & { channelId: number; start: number }

const sumColumns = [
  'offered',
  'answered',
  'abandoned',
  'answeredWithinThreshold',
  'abandonedWithinThreshold',
  'handleSecSum',
  'answeredWaitSecSum',
  'fcrCount',
  'fcrResolved',
  'npsCount',
  'npsPromoters',
  'npsDetractors',
] as const

const empty = (): Sums => ({
  offered: 0, answered: 0, abandoned: 0, answeredWithinThreshold: 0, abandonedWithinThreshold: 0, handleSecSum: 0,
  answeredWaitSecSum: 0, fcrCount: 0, fcrResolved: 0, npsCount: 0, npsPromoters: 0, npsDetractors: 0,
})

export class UnknownChannel extends Error {}

interface ChannelInfo {
  id: number
  key: string
  name: string
  kind: string
  slThresholdSec: number
  responseGoalSec: number | null
}

export function getActuals(query: ActualsQuery): ActualsRow[] {
  const db = readDatabase()
  let channels = db
    .prepare('SELECT id, key, name, kind, slThresholdSec, responseGoalSec FROM Channel ORDER BY sortOrder, id')
    .all() as ChannelInfo[]
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

  // SQLite sums the rows into local buckets: per stretch of constant UTC offset for intervals
  // of up to an hour, per local day (boundaries from the zone) for days and weeks.
  const buckets = new LocalBuckets(query.timeZone, query.size)
  const pieces: Array<{ from: number; to: number; bucketSql: (column: string) => string; key?: string }> = []
  if (typeof query.size === 'number') {
    const sizeMs = query.size * 60_000
    for (const segment of offsetSegments(fromMs, toMs, query.timeZone)) {
      pieces.push({
        from: segment.from,
        to: segment.to,
        bucketSql: (column) => `${column} - ((${column} + ${segment.offsetMs}) % ${sizeMs} + ${sizeMs}) % ${sizeMs}`,
      })
    }
  } else {
    for (const day of localDays(query.from, addDays(query.to, -1), query.timeZone)) {
      pieces.push({ from: day.start, to: day.end, bucketSql: () => String(buckets.startOf(day.start)) })
    }
  }
  const sums = new Map<number, Map<number, Sums>>(ids.map((id) => [id, new Map()]))
  const add = (row: SumRow) => {
    const perChannel = sums.get(row.channelId)!
    let bucket = perChannel.get(row.start)
    if (!bucket) perChannel.set(row.start, (bucket = empty()))
    for (const column of sumColumns) bucket[column] += Number(row[column] ?? 0)
  }
  const ownList = own.join(', ')
  const recountList = recount.join(', ')
  for (const piece of pieces) {
    if (own.length > 0) {
      const statement = db.prepare(
        `SELECT channelId, ${piece.bucketSql('start')} AS start, ${sumColumns.map((c) => `SUM(${c}) AS ${c}`).join(', ')}
         FROM IntervalStat WHERE start >= ? AND start < ? AND channelId IN (${ownList})
         GROUP BY channelId, 2`,
      )
      for (const row of statement.iterate(piece.from, piece.to) as IterableIterator<SumRow>) add(row)
    }
    if (recount.length > 0) {
      const statement = db.prepare(
        `SELECT channelId, ${piece.bucketSql('arrivedAt')} AS start, COUNT(*) AS offered,
                SUM(outcome = 'answered') AS answered, SUM(outcome = 'abandoned') AS abandoned,
                SUM(outcome = 'answered' AND waitSec <= @t) AS answeredWithinThreshold,
                SUM(outcome = 'abandoned' AND waitSec <= @t) AS abandonedWithinThreshold,
                SUM(CASE WHEN outcome = 'answered' THEN handleSec ELSE 0 END) AS handleSecSum,
                SUM(CASE WHEN outcome = 'answered' THEN waitSec ELSE 0 END) AS answeredWaitSecSum,
                COUNT(fcr) AS fcrCount, COALESCE(SUM(fcr = 1), 0) AS fcrResolved, COUNT(nps) AS npsCount,
                COALESCE(SUM(nps >= 9), 0) AS npsPromoters, COALESCE(SUM(nps <= 6), 0) AS npsDetractors
         FROM Contact WHERE arrivedAt >= @from AND arrivedAt < @to AND channelId IN (${recountList})
         GROUP BY channelId, 2`,
      )
      for (const row of statement.iterate({ t: threshold, from: piece.from, to: piece.to }) as IterableIterator<SumRow>) add(row)
    }
  }

  // Every interval of the range, for every channel, so that quiet intervals show as zeros.
  const grid: number[] = []
  for (let t = fromMs; t < toMs; t += INTERVAL_MS) {
    const start = buckets.startOf(t)
    if (grid[grid.length - 1] !== start) grid.push(start)
  }
  const result: ActualsRow[] = []
  for (const start of grid) {
    for (const id of ids) {
      const s = sums.get(id)!.get(start) ?? empty()
      result.push({
        start: new Date(start).toISOString(),
        channel: byId.get(id)!.key,
        ...measure(s),
        answeredWithinThreshold: s.answeredWithinThreshold,
        fcrRate: s.fcrCount > 0 ? s.fcrResolved / s.fcrCount : null,
        nps: s.npsCount > 0 ? (100 * (s.npsPromoters - s.npsDetractors)) / s.npsCount : null,
      })
    }
  }
  return result
}
