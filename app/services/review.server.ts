// The managers' review: a period of local days, one channel or all, against a saved forecast (and
// its staffing plan): forecast vs actual volume and TMA, service level against goal, abandonment
// (and what the plan predicted where Erlang A was used), attainment by interval, day and week,
// trends, a weekday × hour variance heatmap, the worst intervals with their cause signals, and a
// day's intervals. Actuals are the 15-minute aggregates, summed into the forecast's intervals.
import { readDatabase } from '../db.server.ts'
import type { Accuracy } from '../domain/forecast/accuracy.ts'
import { addDays, localDays, localIsoString, weekdayOf } from '../domain/intervals.ts'
import { formatClock } from '../domain/opening-hours.ts'
import {
  ahtAccuracy,
  attainment,
  emptyQuality,
  summarise,
  summary,
  varianceHeatmap,
  volumeAccuracy,
  worstIntervals,
  type Attainment,
  type CauseSignal,
  type PeriodSummary,
  type ReviewInterval,
} from '../domain/review.ts'
import { listChannels, type ChannelSettings } from './operation.server.ts'
import { getForecastRef, planRows, type ForecastRef, type PlanCsvRow } from './staffing.server.ts'
import { roundTo } from '../utils/format.ts'

export interface ReviewQuery {
  forecastId: number | null
  /** Local days, inclusive. */
  from: string
  to: string
  channel: string | null
  /** A day to drill into (its intervals). */
  day: string | null
}

export interface IntervalRow {
  start: number
  label: string
  channel: string | null
  offered: number
  forecastOffered: number | null
  variance: number | null
  ahtSec: number | null
  forecastAhtSec: number | null
  serviceLevel: number | null
  slGoal: number | null
  asaSec: number | null
  abandonRate: number | null
  predictedAbandonRate: number | null
  agentsStaffed: number | null
  plannedAgents: number | null
}

export interface WorstRow extends IntervalRow {
  shortfall: number
  signals: CauseSignal[]
}

export interface ReviewView {
  forecast: ForecastRef | null
  timeZone: string
  from: string
  to: string
  channels: Array<{ key: string; name: string; slGoal: number; erlangA: boolean }>
  channel: string | null
  accuracy: { volume: Accuracy; aht: Accuracy }
  attainment: { intervals: Attainment; days: Attainment; weeks: Attainment }
  total: PeriodSummary
  /** Abandonment the plan predicted for the Erlang A channels, weighted by forecast volume. */
  predictedAbandonRate: number | null
  byChannel: Array<PeriodSummary & { name: string; slGoal: number; volume: Accuracy; aht: Accuracy; attainment: Attainment }>
  days: Array<PeriodSummary & { attainment: Attainment }>
  weeks: Array<PeriodSummary & { attainment: Attainment }>
  months: PeriodSummary[]
  heatmap: Array<Array<number | null>>
  worst: WorstRow[]
  day: { date: string; intervals: IntervalRow[] } | null
}

interface StatRow {
  channelId: number
  bucket: number
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
  agentsStaffed: number | null
}

// The plan of a forecast takes ~100 ms; it changes only with its overrides or the channels' targets.
const planCache = new Map<number, { stamp: string; rows: Map<string, PlanCsvRow['planned']> }>()

async function planOf(forecastId: number, channels: readonly ChannelSettings[]): Promise<Map<string, PlanCsvRow['planned']>> {
  const overrides = readDatabase()
    .prepare('SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS last FROM ForecastOverride WHERE forecastId = ?')
    .get(forecastId) as { n: number; last: number }
  const stamp = JSON.stringify([overrides, channels])
  const cached = planCache.get(forecastId)
  if (cached?.stamp === stamp) return cached.rows
  const plan = await planRows(forecastId, null)
  const rows = new Map((plan?.rows ?? []).map((r) => [`${r.channel}|${r.start}`, r.planned]))
  planCache.set(forecastId, { stamp, rows })
  return rows
}

interface ReadIntervals {
  intervals: ReviewInterval[]
  channels: ChannelSettings[]
  allChannels: ChannelSettings[]
  forecast: ForecastRef | null
  /** Local "dd/MM HH:mm" of an interval. */
  label: (start: number, day: string) => string
}

async function readIntervals(query: ReviewQuery, timeZone: string): Promise<ReadIntervals> {
  const allChannels = await listChannels()
  const forecast = query.forecastId === null ? null : await getForecastRef(query.forecastId)
  const channels = query.channel === null ? allChannels : allChannels.filter((c) => c.key === query.channel)
  const intervalMs = (forecast?.intervalMin ?? 15) * 60_000
  const days = localDays(query.from, query.to, timeZone)
  const from = days[0]!.start
  const to = days[days.length - 1]!.end
  const db = readDatabase()
  const ids = channels.map((c) => c.id)
  const byId = new Map(channels.map((c) => [c.id, c]))
  const placeholders = ids.map(() => '?').join(',') || 'NULL'
  // 15-minute aggregates summed into the forecast's intervals (aligned on the period's first local midnight).
  const stats = db
    .prepare(
      `SELECT channelId, start - ((start - @from) % @interval) AS bucket,
         SUM(offered) AS offered, SUM(answered) AS answered, SUM(abandoned) AS abandoned,
         SUM(answeredWithinThreshold) AS answeredWithinThreshold, SUM(abandonedWithinThreshold) AS abandonedWithinThreshold,
         SUM(handleSecSum) AS handleSecSum, SUM(answeredWaitSecSum) AS answeredWaitSecSum,
         SUM(fcrCount) AS fcrCount, SUM(fcrResolved) AS fcrResolved, SUM(npsCount) AS npsCount,
         SUM(npsPromoters) AS npsPromoters, SUM(npsDetractors) AS npsDetractors, AVG(agentsStaffed) AS agentsStaffed
       FROM IntervalStat WHERE start >= @from AND start < @to AND channelId IN (${placeholders})
       GROUP BY channelId, bucket`,
    )
    .all({ from, to, interval: intervalMs }, ...ids) as StatRow[]
  const forecastRows = forecast
    ? (db
        .prepare(
          `SELECT channelId, start, adjusted, aht FROM ForecastInterval WHERE forecastId = ? AND start >= ? AND start < ? AND channelId IN (${placeholders})`,
        )
        .all(forecast.id, from, to, ...ids) as Array<{ channelId: number; start: number; adjusted: number; aht: number | null }>)
    : []
  const plan = forecast ? await planOf(forecast.id, allChannels) : new Map<string, PlanCsvRow['planned']>()

  // Every (channel, interval) with actuals or a forecast.
  const keyOf = (channelId: number, start: number) => `${channelId}|${start}`
  const forecastAt = new Map(forecastRows.map((r) => [keyOf(r.channelId, r.start), r]))
  const statAt = new Map(stats.map((r) => [keyOf(r.channelId, r.bucket), r]))
  const keys = new Set([...statAt.keys(), ...forecastAt.keys()])
  const dayIndex = (start: number) => {
    let lo = 0
    let hi = days.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (days[mid]!.start <= start) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const intervals: ReviewInterval[] = []
  for (const key of keys) {
    const [channelId, start] = key.split('|').map(Number) as [number, number]
    const channel = byId.get(channelId)!
    const stat = statAt.get(key)
    const f = forecastAt.get(key)
    const p = plan.get(`${channel.key}|${start}`)
    const d = days[dayIndex(start)]!
    const weekday = weekdayOf(d.day)
    intervals.push({
      start,
      channel: channel.key,
      day: d.day,
      weekday,
      hour: Math.min(23, Math.floor((start - d.start) / 3_600_000)),
      week: addDays(d.day, -((weekday + 6) % 7)),
      month: d.day.slice(0, 7),
      slGoal: channel.slGoal,
      forecastOffered: f ? f.adjusted : null,
      forecastAhtSec: f?.aht ?? null,
      plannedAgents: p ? p.agents : null,
      predictedAbandonRate: p?.abandonRate ?? null,
      actual: stat
        ? {
            offered: stat.offered,
            answered: stat.answered,
            abandoned: stat.abandoned,
            answeredWithinThreshold: stat.answeredWithinThreshold,
            abandonedWithinThreshold: stat.abandonedWithinThreshold,
            handleSecSum: stat.handleSecSum,
            answeredWaitSecSum: stat.answeredWaitSecSum,
            fcrCount: stat.fcrCount,
            fcrResolved: stat.fcrResolved,
            npsCount: stat.npsCount,
            npsPromoters: stat.npsPromoters,
            npsDetractors: stat.npsDetractors,
          }
        : {
            offered: 0,
            answered: 0,
            abandoned: 0,
            answeredWithinThreshold: 0,
            abandonedWithinThreshold: 0,
            handleSecSum: 0,
            answeredWaitSecSum: 0,
            ...emptyQuality(),
          },
      agentsStaffed: stat?.agentsStaffed ?? null,
    })
  }
  intervals.sort((a, b) => a.start - b.start || a.channel.localeCompare(b.channel))
  const label = (start: number, day: string) =>
    `${day.slice(8, 10)}/${day.slice(5, 7)} ${formatClock(Math.round((start - days[dayIndex(start)]!.start) / 60_000))}`
  return { intervals, channels, allChannels, forecast, label }
}

function intervalRow(i: ReviewInterval, label: ReadIntervals['label']): IntervalRow {
  const s = summary('', [i])
  return {
    start: i.start,
    label: label(i.start, i.day),
    channel: i.channel,
    offered: i.actual.offered,
    forecastOffered: i.forecastOffered,
    variance: s.volumeVariance,
    ahtSec: s.ahtSec,
    forecastAhtSec: i.forecastAhtSec,
    serviceLevel: s.serviceLevel,
    slGoal: i.slGoal,
    asaSec: s.asaSec,
    abandonRate: s.abandonRate,
    predictedAbandonRate: i.predictedAbandonRate,
    agentsStaffed: i.agentsStaffed,
    plannedAgents: i.plannedAgents,
  }
}

export async function getReview(query: ReviewQuery, timeZone: string): Promise<ReviewView> {
  const { intervals, channels, allChannels, forecast, label } = await readIntervals(query, timeZone)
  const row = (i: ReviewInterval) => intervalRow(i, label)

  const predicted = intervals.filter((i) => i.predictedAbandonRate !== null && i.forecastOffered !== null)
  const predictedVolume = predicted.reduce((sum, i) => sum + i.forecastOffered!, 0)

  let day: ReviewView['day'] = null
  if (query.day !== null && query.day >= query.from && query.day <= query.to) {
    const ofDay = intervals.filter((i) => i.day === query.day)
    const rows =
      channels.length === 1
        ? ofDay.map(row)
        : summarise(ofDay, (i) => String(i.start).padStart(15, '0')).map((s) => {
            const start = Number(s.key)
            const group = ofDay.filter((i) => i.start === start)
            const sum = (pick: (i: ReviewInterval) => number | null) =>
              group.some((i) => pick(i) !== null) ? group.reduce((total, i) => total + (pick(i) ?? 0), 0) : null
            return {
              start,
              label: label(start, query.day!),
              channel: null,
              offered: s.offered,
              forecastOffered: s.forecastOffered,
              variance: s.volumeVariance,
              ahtSec: s.ahtSec,
              forecastAhtSec: null,
              serviceLevel: s.serviceLevel,
              slGoal: null,
              asaSec: s.asaSec,
              abandonRate: s.abandonRate,
              predictedAbandonRate: null,
              agentsStaffed: sum((i) => i.agentsStaffed),
              plannedAgents: sum((i) => i.plannedAgents),
            }
          })
    day = { date: query.day, intervals: rows }
  }

  return {
    forecast,
    timeZone,
    from: query.from,
    to: query.to,
    channels: allChannels.map((c) => ({
      key: c.key,
      name: c.name,
      slGoal: c.slGoal,
      erlangA: c.staffingModel === 'erlangA' && c.patienceSec !== null,
    })),
    channel: query.channel,
    accuracy: { volume: volumeAccuracy(intervals), aht: ahtAccuracy(intervals) },
    attainment: {
      intervals: attainment(intervals, (i) => String(i.start)),
      days: attainment(intervals, (i) => i.day),
      weeks: attainment(intervals, (i) => i.week),
    },
    total: summary('total', intervals),
    predictedAbandonRate:
      predictedVolume > 0 ? predicted.reduce((sum, i) => sum + i.predictedAbandonRate! * i.forecastOffered!, 0) / predictedVolume : null,
    byChannel: channels.map((c) => {
      const own = intervals.filter((i) => i.channel === c.key)
      return {
        ...summary(c.key, own),
        name: c.name,
        slGoal: c.slGoal,
        volume: volumeAccuracy(own),
        aht: ahtAccuracy(own),
        attainment: attainment(own, (i) => String(i.start)),
      }
    }),
    days: summarise(intervals, (i) => i.day).map((s) => ({
      ...s,
      attainment: attainment(
        intervals.filter((i) => i.day === s.key),
        (i) => i.day,
      ),
    })),
    weeks: summarise(intervals, (i) => i.week).map((s) => ({
      ...s,
      attainment: attainment(
        intervals.filter((i) => i.week === s.key),
        (i) => i.week,
      ),
    })),
    months: summarise(intervals, (i) => i.month),
    heatmap: varianceHeatmap(intervals),
    worst: worstIntervals(intervals).map((m) => ({ ...row(m.interval), shortfall: m.shortfall, signals: m.signals })),
    day,
  }
}

/** Every interval of the review as CSV (per channel), local times. */
export async function reviewCsv(query: ReviewQuery, timeZone: string): Promise<string> {
  const { intervals, label } = await readIntervals(query, timeZone)
  const lines = [
    'interval_start,channel,offered,forecast_offered,variance,aht_seconds,forecast_aht_seconds,service_level,sl_goal,asa_seconds,abandon_rate,predicted_abandon_rate,agents_staffed,planned_agents',
  ]
  const n = (x: number | null, digits: number) => (x === null ? '' : String(roundTo(x, digits)))
  for (const r of intervals.map((i) => intervalRow(i, label))) {
    lines.push(
      [
        localIsoString(r.start, timeZone),
        r.channel,
        r.offered,
        n(r.forecastOffered, 3),
        n(r.variance, 4),
        n(r.ahtSec, 1),
        n(r.forecastAhtSec, 1),
        n(r.serviceLevel, 4),
        n(r.slGoal, 4),
        n(r.asaSec, 1),
        n(r.abandonRate, 4),
        n(r.predictedAbandonRate, 4),
        n(r.agentsStaffed, 2),
        n(r.plannedAgents, 0),
      ].join(','),
    )
  }
  return `${lines.join('\n')}\n`
}
