// The managers' review: a period of local days, one channel or all, against a saved forecast (and
// its staffing plan): forecast vs actual volume and TMA, service level against goal, abandonment
// (and what the plan predicted where Erlang A was used), attainment by interval, day and week,
// trends, a weekday × hour variance heatmap, the worst intervals with their cause signals, and a
// day's intervals. Actuals are the 15-minute aggregates, summed into the forecast's intervals.
import { queries, sql } from '../db/queries.server.ts'
import { keptWhileUnchanged } from './kept.server.ts'
import { serialise, type Serialised } from '../utils/serialised.ts'
import type { Accuracy } from '../domain/forecast/accuracy.ts'
import { addDays, localDays, localIsoString, spanOf, weekdayOf } from '../domain/intervals.ts'
import {
  ahtAccuracy,
  attainmentBy,
  totalAttainment,
  intervalAttainment,
  summarise,
  summary,
  varianceHeatmap,
  volumeAccuracy,
  worstIntervals,
  type Attainment,
  type CauseSignal,
  type PeriodSummary,
  type QualitySums,
  type ReviewInterval,
} from '../domain/review.ts'
import type { TrafficSums } from '../domain/metrics.ts'
import { getOperation, listChannels, type ChannelSettings } from './operation.server.ts'
import { queueModelOf } from '../domain/channel.ts'
import { channelDataRanges, dataRange, listForecasts, type DataPeriod } from './forecast.server.ts'
import { NO_FORECAST, type ReviewSearch } from '../schemas/review.ts'
import { lastDays, type Period } from '../schemas/period.ts'
import { todayIn } from './clock.server.ts'
import { getForecastRef, planRows, type ForecastRef, type PlanCsvRow, type PlanGap } from './staffing.server.ts'
import { csvNumber } from '../utils/format.ts'

/**
 * The review a URL asks for, with its defaults (resolveReview): what the Review page and its CSV
 * show. Also the forecasts and channels to choose from, and the operation's time zone.
 */
export async function resolveReviewQuery(search: ReviewSearch) {
  const { timeZone } = await getOperation()
  const [forecasts, channels] = await Promise.all([listForecasts(), listChannels()])
  const ranges = await channelDataRanges(timeZone)
  const keyOf = new Map(channels.map((c) => [c.id, c.key]))
  const resolved = resolveReview(search, {
    forecasts: forecasts.map((f) => ({ ...f, channelKeys: f.channelIds.map((id) => keyOf.get(id)!) })),
    data: new Map([...ranges].map(([id, range]) => [keyOf.get(id)!, range])),
    channelKeys: channels.map((c) => c.key),
    today: todayIn(timeZone),
  })
  return { timeZone, forecasts, channels, resolved }
}

/** The local days a forecast covers. */
export const forecastDays = (f: { firstDay: string; horizonDays: number }): Period => ({
  from: f.firstDay,
  to: addDays(f.firstDay, f.horizonDays - 1),
})

const overlaps = (a: Period, b: Period) => a.from <= b.to && b.from <= a.to

/** Days of data the review defaults to without a forecast. */
export const DEFAULT_REVIEW_DAYS = 28

/** What the review can choose from: the saved forecasts (newest first) and each channel's days with data. */
export interface ReviewChoices {
  forecasts: ReadonlyArray<{ id: number; firstDay: string; horizonDays: number; channelKeys: readonly string[] }>
  /** First and last local days with volume, per channel key (channels without data are absent). */
  data: ReadonlyMap<string, Period>
  channelKeys: readonly string[]
  today: string
}

/** The days with data of some channels together, or null. */
const dataOf = (data: ReviewChoices['data'], keys: readonly string[]): Period | null =>
  spanOf(keys.map((k) => data.get(k)).filter((p): p is Period => p !== undefined))

const intersection = (a: Period, b: Period): Period => ({ from: a.from > b.from ? a.from : b.from, to: a.to < b.to ? a.to : b.to })

/**
 * The review to show: what the URL asks for, with defaults for what it leaves out or gets wrong.
 * Forecast: the newest whose days overlap its channels' data, preferring one that overlaps the
 * asked period. Period: the forecast's days with data (its own days when it has none yet, so
 * choosing a forecast always opens its period); without a forecast, the last 28 days of data of
 * the channel(s). A period asked together with another forecast than the one shown (the form's
 * `shown`) follows the newly chosen forecast.
 */
export function resolveReview(
  search: ReviewSearch,
  choices: ReviewChoices,
): { query: ReviewQuery } | { error: string; requested: Period; forecastId: number | null; channel: string | null } {
  const channel = search.channel !== undefined && choices.channelKeys.includes(search.channel) ? search.channel : null
  // The data a forecast is reviewed against: its channels', or the chosen one's.
  const forecastData = (f: ReviewChoices['forecasts'][number]) =>
    dataOf(choices.data, channel === null ? f.channelKeys : f.channelKeys.filter((k) => k === channel))
  const switched = search.shown !== undefined && search.forecast !== undefined && String(search.forecast) !== search.shown
  const asked = !switched && search.period && 'period' in search.period ? search.period.period : null
  let forecast = search.forecast === NO_FORECAST ? null : choices.forecasts.find((f) => f.id === search.forecast) ?? null
  if (search.forecast !== NO_FORECAST && forecast === null) {
    const candidates = choices.forecasts.filter((f) => {
      const data = forecastData(f)
      return data !== null && overlaps(forecastDays(f), data)
    })
    forecast = (asked && candidates.find((f) => overlaps(forecastDays(f), asked))) || candidates[0] || null
  }
  if (!switched && search.period && 'error' in search.period) {
    return { error: search.period.error, requested: search.period.requested, forecastId: forecast?.id ?? null, channel }
  }
  let period = asked
  if (!period && forecast) {
    const days = forecastDays(forecast)
    const data = forecastData(forecast)
    period = data && overlaps(days, data) ? intersection(days, data) : days
  }
  if (!period) {
    const data = dataOf(choices.data, channel === null ? choices.channelKeys : [channel])
    if (data) {
      const from = addDays(data.to, 1 - DEFAULT_REVIEW_DAYS)
      period = { from: from > data.from ? from : data.from, to: data.to }
    } else {
      period = lastDays(choices.today, DEFAULT_REVIEW_DAYS)
    }
  }
  const day = search.day !== undefined && search.day >= period.from && search.day <= period.to ? search.day : null
  return { query: { forecastId: forecast?.id ?? null, from: period.from, to: period.to, channel, day, slot: search.slot ?? null } }
}

export interface ReviewQuery {
  forecastId: number | null
  /** Local days, inclusive. */
  from: string
  to: string
  channel: string | null
  /** A day to drill into (its intervals). */
  day: string | null
  /** A heatmap cell to drill into: that weekday's hour on every day of the period. */
  slot?: ReviewSlotKey | null
}

/** Weekday 0 = Sunday … 6, local hour 0–23, as in the heatmap. */
export interface ReviewSlotKey {
  weekday: number
  hour: number
}

export interface IntervalRow {
  start: number
  /** Local day and wall-clock minute of the start (the page writes them in its language). */
  day: string
  minute: number
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
  /** The real-time channels together (service level and waits mean something pooled; e-mail waits hours). */
  realtime: PeriodSummary
  /** Abandonment the plan predicted for the Erlang A channels, weighted by forecast volume… */
  predictedAbandonRate: number | null
  /** …and the actual abandonment over the same intervals. */
  actualAbandonWherePredicted: number | null
  byChannel: Array<PeriodSummary & { name: string; slGoal: number; volume: Accuracy; aht: Accuracy; attainment: Attainment }>
  days: Array<PeriodSummary & { attainment: Attainment }>
  weeks: Array<PeriodSummary & { attainment: Attainment }>
  months: PeriodSummary[]
  heatmap: Array<Array<number | null>>
  worst: WorstRow[]
  day: ReviewDay | null
  missing: ReviewMissing
  /** The first and last days with volume of the channels reviewed, whatever the period (null: none). */
  dataPeriod: DataPeriod | null
}

/**
 * What the data lacks, so the page names it instead of showing blanks or zeros nobody can read:
 * channels (names) with volume but no measure of their own, and the plan's gaps.
 */
export interface ReviewMissing {
  /** No handle times in the actuals: TMA and its accuracy are blank. */
  actualAht: string[]
  /** The forecast has no TMA: TMA accuracy is blank (the plan may use the planned TMA). */
  forecastAht: string[]
  /** The source gives no service level or abandonment (volume only). */
  serviceLevel: string[]
  abandonment: string[]
  /** No channel reports agents logged in: they are not compared with the plan. */
  agents: boolean
  /** Channels the forecast's staffing plan leaves out (no TMA…): no planned agents or predicted abandonment. */
  planGaps: PlanGap[]
  /** Days inside a channel's data without any row of it (not imported): left out of every figure. */
  days: Array<{ channel: string; days: string[] }>
}

export interface ReviewDay {
  date: string
  intervals: IntervalRow[]
}

export interface ReviewSlot extends ReviewSlotKey {
  intervals: IntervalRow[]
}

interface Slot {
  actual: TrafficSums & QualitySums
  /** Agents logged in, summed over the 15-minute rows that report them, and how many did. */
  staffed: number
  staffedCount: number
  /** An aggregate row exists (a quiet interval has one with zeros; one not yet imported has none). */
  seen: boolean
  forecast: { offered: number; aht: number | null } | null
}

interface ForecastPlan {
  byChannel: Map<string, Map<number, PlanCsvRow['planned']>>
  /** Channels the plan could not be made for (no TMA…): their planned agents and predicted abandonment are unknown. */
  gaps: PlanGap[]
}

// The plan of a forecast takes ~100 ms: kept until the database changes, by channel and start.
function planOf(forecastId: number): Promise<ForecastPlan> {
  return keptWhileUnchanged(`review-plan:${forecastId}`, async () => {
    const byChannel = new Map<string, Map<number, PlanCsvRow['planned']>>()
    const planned = await planRows(forecastId, null)
    for (const r of planned?.rows ?? []) {
      let byStart = byChannel.get(r.channel)
      if (!byStart) byChannel.set(r.channel, (byStart = new Map()))
      byStart.set(r.start, r.planned)
    }
    return { byChannel, gaps: planned?.gaps ?? [] }
  })
}

interface ReadIntervals {
  timeZone: string
  intervals: ReviewInterval[]
  byDay: Map<string, ReviewInterval[]>
  bySlot: Map<number, ReviewInterval[]>
  channels: readonly ChannelSettings[]
  allChannels: readonly ChannelSettings[]
  forecast: ForecastRef | null
  planGaps: PlanGap[]
  missingDays: ReviewMissing['days']
  dataPeriod: DataPeriod | null
  /** Local minute of the day an interval starts at. */
  minuteOf: (start: number) => number
}

async function readIntervals(query: ReviewQuery, timeZone: string): Promise<ReadIntervals> {
  const allChannels = await listChannels()
  const forecast = query.forecastId === null ? null : await getForecastRef(query.forecastId)
  const channels = query.channel === null ? allChannels : allChannels.filter((c) => c.key === query.channel)
  const intervalMs = (forecast?.intervalMin ?? 15) * 60_000
  const days = localDays(query.from, query.to, timeZone)
  const from = days[0]!.start
  const to = days[days.length - 1]!.end
  const q = queries()
  const ids = channels.map((c) => c.id)
  const inChannels = sql`"channelId" IN (${ids.length > 0 ? sql.join(ids.map((id) => sql.lit(id))) : sql`NULL`})`
  const period = sql`"start" >= ${q.instant(from)} AND "start" < ${q.instant(to)}`
  // Each channel's intervals on one grid from the period's first local midnight: slot j starts at
  // from + j × interval; the 15-minute aggregates add up into the forecast's intervals.
  const slotCount = Math.ceil((to - from) / intervalMs)
  const grid = new Map<number, Array<Slot | undefined>>(ids.map((id) => [id, new Array<Slot | undefined>(slotCount)]))
  const slotAt = (channelId: number, start: number): Slot => {
    const row = grid.get(channelId)!
    const j = Math.floor((start - from) / intervalMs)
    return (row[j] ??= {
      // One literal, so every interval's sums share a shape (spreads made the hot loops slow).
      actual: {
        offered: 0,
        answered: 0,
        abandoned: 0,
        answeredWithinThreshold: 0,
        abandonedWithinThreshold: 0,
        handleSecSum: 0,
        answeredWaitSecSum: 0,
        answeredOffered: 0,
        abandonedOffered: 0,
        slEligible: 0,
        ahtAnswered: 0,
        asaAnswered: 0,
        fcrCount: 0,
        fcrResolved: 0,
        npsCount: 0,
        npsPromoters: 0,
        npsDetractors: 0,
      },
      staffed: 0,
      staffedCount: 0,
      seen: false,
      forecast: null,
    })
  }
  const stats = (await q.arrays(
    sql`SELECT "channelId", ${q.epochMs('start')}, "offered", "answered", "abandoned", "answeredWithinThreshold", "abandonedWithinThreshold", "handleSecSum",
         "answeredWaitSecSum", "fcrCount", "fcrResolved", "npsCount", "npsPromoters", "npsDetractors", COALESCE("agentsStaffed", "agentsOnDuty"),
         "answeredOffered", "abandonedOffered", "slEligible", "ahtAnswered", "asaAnswered"
       FROM "IntervalStat" WHERE ${period} AND ${inChannels}`,
  )) as number[][]
  for (const r of stats) {
    const slot = slotAt(r[0]!, r[1]!)
    slot.seen = true
    const a = slot.actual
    a.offered += r[2]!
    a.answered += r[3]!
    a.abandoned += r[4]!
    a.answeredWithinThreshold += r[5]!
    a.abandonedWithinThreshold += r[6]!
    a.handleSecSum += r[7]!
    a.answeredWaitSecSum += r[8]!
    a.fcrCount += r[9]!
    a.fcrResolved += r[10]!
    a.npsCount += r[11]!
    a.npsPromoters += r[12]!
    a.npsDetractors += r[13]!
    a.answeredOffered += r[15]!
    a.abandonedOffered += r[16]!
    a.slEligible += r[17]!
    a.ahtAnswered += r[18]!
    a.asaAnswered += r[19]!
    if (r[14] !== null) {
      slot.staffed += r[14]!
      slot.staffedCount++
    }
  }
  if (forecast) {
    const rows = (await q.arrays(
      sql`SELECT "channelId", ${q.epochMs('start')}, "adjusted", "aht" FROM "ForecastInterval" WHERE "forecastId" = ${forecast.id} AND ${period} AND ${inChannels}`,
    )) as [number, number, number, number | null][]
    for (const [channelId, start, adjusted, aht] of rows) slotAt(channelId, start).forecast = { offered: adjusted, aht }
  }
  const plan: ForecastPlan = forecast ? await planOf(forecast.id) : { byChannel: new Map(), gaps: [] }

  // Each channel's own last data (one index look-up each): another channel's may be years later.
  const lastOf = async (channelId: number) => {
    const [row] = await q.arrays(sql`SELECT ${q.epochMs('last')} FROM (SELECT MAX("start") AS "last" FROM "IntervalStat" WHERE "channelId" = ${channelId}) m`)
    return (row?.[0] ?? null) as number | null
  }
  const lastActual = new Map(await Promise.all(channels.map(async (c) => [c.id, await lastOf(c.id)] as const)))
  const calendar = days.map((d) => {
    const weekday = weekdayOf(d.day)
    return { ...d, weekday, week: addDays(d.day, -((weekday + 6) % 7)), month: d.day.slice(0, 7) }
  })
  const ordered = [...channels].sort((a, b) => a.key.localeCompare(b.key))
  // The calendar day of each slot.
  const dayOfSlot = new Uint32Array(slotCount)
  for (let j = 0, d = 0; j < slotCount; j++) {
    while (d + 1 < calendar.length && calendar[d + 1]!.start <= from + j * intervalMs) d++
    dayOfSlot[j] = d
  }
  // The days each channel has any row on, and those its forecast expects contacts on: a day
  // without a row inside its data is left out of the figures (not imported is not a day nobody
  // called), and named where contacts were expected (a closed weekend forecast at 0 is quiet).
  const daysSeen = new Map<number, Set<number>>()
  const daysExpected = new Map<number, Set<number>>()
  for (const channel of ordered) {
    const seen = new Set<number>()
    const expected = new Set<number>()
    grid.get(channel.id)!.forEach((slot, j) => {
      if (slot?.seen) seen.add(dayOfSlot[j]!)
      if (slot?.forecast && slot.forecast.offered > 0) expected.add(dayOfSlot[j]!)
    })
    daysSeen.set(channel.id, seen)
    daysExpected.set(channel.id, expected)
  }
  const missingDays = new Map<string, string[]>()
  const intervals: ReviewInterval[] = []
  for (let j = 0; j < slotCount; j++) {
    const start = from + j * intervalMs
    const d = dayOfSlot[j]!
    const day = calendar[d]!
    for (const channel of ordered) {
      const slot = grid.get(channel.id)![j]
      if (!slot) continue
      if (!slot.seen) {
        const last = lastActual.get(channel.id)
        // Intervals after the channel's last data are not over yet (or not imported): nothing to compare.
        if (last == null || start > last) continue
        if (!daysSeen.get(channel.id)!.has(d)) {
          if (daysExpected.get(channel.id)!.has(d)) {
            const list = missingDays.get(channel.name) ?? []
            if (list.at(-1) !== day.day) list.push(day.day)
            missingDays.set(channel.name, list)
          }
          continue
        }
      }
      const p = plan.byChannel.get(channel.key)?.get(start)
      intervals.push({
        start,
        channel: channel.key,
        day: day.day,
        weekday: day.weekday,
        hour: Math.min(23, Math.floor((start - day.start) / 3_600_000)),
        week: day.week,
        month: day.month,
        slGoal: channel.slGoal,
        forecastOffered: slot.forecast?.offered ?? null,
        forecastAhtSec: slot.forecast?.aht ?? null,
        plannedAgents: p ? p.agents : null,
        predictedAbandonRate: p?.abandonRate ?? null,
        actual: slot.actual,
        agentsStaffed: slot.staffedCount > 0 ? slot.staffed / slot.staffedCount : null,
      })
    }
  }
  const dayStart = (start: number) => {
    let k = calendar.length - 1
    while (k > 0 && calendar[k]!.start > start) k--
    return calendar[k]!.start
  }
  const minuteOf = (start: number) => Math.round((start - dayStart(start)) / 60_000)
  // Drilling into a day reads its intervals from here rather than filtering the whole period.
  // …and a heatmap cell's (weekday × 24 + hour).
  const byDay = new Map<string, ReviewInterval[]>()
  const bySlot = new Map<number, ReviewInterval[]>()
  for (const i of intervals) {
    const list = byDay.get(i.day)
    if (list) list.push(i)
    else byDay.set(i.day, [i])
    const slot = bySlot.get(i.weekday * 24 + i.hour)
    if (slot) slot.push(i)
    else bySlot.set(i.weekday * 24 + i.hour, [i])
  }
  const shown = new Set(channels.map((c) => c.key))
  return {
    timeZone,
    intervals,
    byDay,
    bySlot,
    channels,
    allChannels,
    forecast,
    planGaps: plan.gaps.filter((g) => shown.has(g.key)),
    missingDays: [...missingDays].map(([channel, days]) => ({ channel, days })),
    // Where the reviewed channels' data is: the forecast's channels when all are reviewed against one.
    dataPeriod: await dataRange(timeZone, query.channel === null && forecast ? forecast.channelIds : ids),
    minuteOf,
  }
}

function intervalRow(i: ReviewInterval, minuteOf: ReadIntervals['minuteOf']): IntervalRow {
  const s = summary('', [i])
  return {
    start: i.start,
    day: i.day,
    minute: minuteOf(i.start),
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

// A review is read again and again while nothing changes (managers on Monday morning): each view
// is kept until the database changes.
export async function getReview(query: ReviewQuery, timeZone: string): Promise<ReviewView & { slot: ReviewSlot | null }> {
  const [view, day, slot] = await Promise.all([periodView(query, timeZone), dayView(query, timeZone), slotView(query, timeZone)])
  return { ...view, day, slot }
}

/**
 * The page's payload: the period's view as kept JSON text (sent as one value, see
 * utils/serialised.ts), and the day or heatmap cell drilled into, if any, from the kept intervals.
 */
export async function getReviewPayload(
  query: ReviewQuery,
  timeZone: string,
): Promise<{ view: Serialised<ReviewView>; day: Serialised<ReviewDay> | null; slot: Serialised<ReviewSlot> | null }> {
  const key = `review-json:${JSON.stringify([periodOf(query), timeZone])}`
  const [view, day, slot] = await Promise.all([
    keptWhileUnchanged(key, async () => serialise(await periodView(query, timeZone), { significantDigits: 6 })),
    dayView(query, timeZone),
    slotView(query, timeZone),
  ])
  return { view, day: day === null ? null : serialise(day), slot: slot === null ? null : serialise(slot) }
}

/** The query without what is drilled into: the period's view and intervals are kept under it. */
const periodOf = (query: ReviewQuery): ReviewQuery => ({ ...query, day: null, slot: null })

function keptIntervals(query: ReviewQuery, timeZone: string): Promise<ReadIntervals> {
  const whole = periodOf(query)
  return keptWhileUnchanged(`review-intervals:${JSON.stringify([whole, timeZone])}`, () => readIntervals(whole, timeZone))
}

function periodView(query: ReviewQuery, timeZone: string): Promise<ReviewView> {
  const whole = periodOf(query)
  return keptWhileUnchanged(`review:${JSON.stringify([whole, timeZone])}`, async () =>
    computeReview(whole, await keptIntervals(whole, timeZone)),
  )
}

async function dayView(query: ReviewQuery, timeZone: string): Promise<ReviewDay | null> {
  if (query.day === null || query.day < query.from || query.day > query.to) return null
  const read = await keptIntervals(query, timeZone)
  return { date: query.day, intervals: intervalRows(read, read.byDay.get(query.day) ?? []) }
}

async function slotView(query: ReviewQuery, timeZone: string): Promise<ReviewSlot | null> {
  if (!query.slot) return null
  const { weekday, hour } = query.slot
  const read = await keptIntervals(query, timeZone)
  return { weekday, hour, intervals: intervalRows(read, read.bySlot.get(weekday * 24 + hour) ?? []) }
}

/** Intervals as rows: each channel's with one channel, else added up per interval. */
function intervalRows({ channels, minuteOf }: ReadIntervals, intervals: readonly ReviewInterval[]): IntervalRow[] {
  if (channels.length === 1) return intervals.map((i) => intervalRow(i, minuteOf))
  const realtimeKeys = new Set(channels.filter((c) => c.kind === 'realtime').map((c) => c.key))
  const byStart = new Map<number, ReviewInterval[]>()
  for (const i of intervals) {
    const list = byStart.get(i.start)
    if (list) list.push(i)
    else byStart.set(i.start, [i])
  }
  return summarise(intervals, (i) => String(i.start).padStart(15, '0')).map((s) => {
    const start = Number(s.key)
    const group = byStart.get(start)!
    // Service level, waits, TMA and abandonment of the real-time channels: e-mail answered hours later would swamp them.
    const live = summary(
      '',
      group.filter((i) => realtimeKeys.has(i.channel)),
    )
    // Agents logged in against the plan's agents of the same channels (not every source reports them).
    const reporting = group.filter((i) => i.agentsStaffed !== null)
    const planned = reporting.length > 0 ? reporting : group
    return {
      start,
      day: group[0]!.day,
      minute: minuteOf(start),
      channel: null,
      offered: s.offered,
      forecastOffered: s.forecastOffered,
      variance: s.volumeVariance,
      ahtSec: live.ahtSec,
      forecastAhtSec: null,
      serviceLevel: live.serviceLevel,
      slGoal: null,
      asaSec: live.asaSec,
      abandonRate: live.abandonRate,
      predictedAbandonRate: null,
      agentsStaffed: reporting.length > 0 ? reporting.reduce((sum, i) => sum + i.agentsStaffed!, 0) : null,
      plannedAgents: planned.some((i) => i.plannedAgents !== null) ? planned.reduce((sum, i) => sum + (i.plannedAgents ?? 0), 0) : null,
    }
  })
}

function computeReview(query: ReviewQuery, read: ReadIntervals): ReviewView {
  const { intervals, channels, allChannels, forecast, planGaps, missingDays } = read
  const timeZone = read.timeZone
  const row = (i: ReviewInterval) => intervalRow(i, read.minuteOf)
  const byDay = attainmentBy(intervals, (i) => i.day)
  const byWeek = attainmentBy(intervals, (i) => i.week)

  const predicted = intervals.filter((i) => i.predictedAbandonRate !== null && i.forecastOffered !== null)
  const predictedVolume = predicted.reduce((sum, i) => sum + i.forecastOffered!, 0)
  const predictedOffered = predicted.reduce((sum, i) => sum + i.actual.abandonedOffered, 0)
  const realtimeKeys = new Set(channels.filter((c) => c.kind === 'realtime').map((c) => c.key))
  const byChannelKey = new Map<string, ReviewInterval[]>(channels.map((c) => [c.key, []]))
  for (const i of intervals) byChannelKey.get(i.channel)?.push(i)

  return {
    forecast,
    timeZone,
    from: query.from,
    to: query.to,
    channels: allChannels.map((c) => ({
      key: c.key,
      name: c.name,
      slGoal: c.slGoal,
      erlangA: queueModelOf(c) === 'erlangA',
    })),
    channel: query.channel,
    accuracy: { volume: volumeAccuracy(intervals), aht: ahtAccuracy(intervals) },
    attainment: { intervals: intervalAttainment(intervals), days: totalAttainment(byDay), weeks: totalAttainment(byWeek) },
    total: summary('total', intervals),
    realtime: summary(
      'realtime',
      intervals.filter((i) => realtimeKeys.has(i.channel)),
    ),
    actualAbandonWherePredicted: predictedOffered > 0 ? predicted.reduce((sum, i) => sum + i.actual.abandoned, 0) / predictedOffered : null,
    predictedAbandonRate:
      predictedVolume > 0 ? predicted.reduce((sum, i) => sum + i.predictedAbandonRate! * i.forecastOffered!, 0) / predictedVolume : null,
    // Channels with neither contacts nor forecast in the period (another operation's history) are not rows.
    byChannel: channels.filter((c) => byChannelKey.get(c.key)!.some((i) => i.actual.offered > 0 || i.forecastOffered)).map((c) => {
      const own = byChannelKey.get(c.key)!
      return {
        ...summary(c.key, own),
        name: c.name,
        slGoal: c.slGoal,
        volume: volumeAccuracy(own),
        aht: ahtAccuracy(own),
        attainment: intervalAttainment(own),
      }
    }),
    days: summarise(intervals, (i) => i.day).map((s) => ({ ...s, attainment: byDay.get(s.key)! })),
    weeks: summarise(intervals, (i) => i.week).map((s) => ({ ...s, attainment: byWeek.get(s.key)! })),
    months: summarise(intervals, (i) => i.month),
    heatmap: varianceHeatmap(intervals),
    worst: worstIntervals(intervals).map((m) => ({ ...row(m.interval), shortfall: m.shortfall, signals: m.signals })),
    day: null,
    missing: { ...missingPieces(byChannelKey, channels, forecast, planGaps), days: missingDays },
    dataPeriod: read.dataPeriod,
  }
}

function missingPieces(
  byChannel: ReadonlyMap<string, readonly ReviewInterval[]>,
  channels: readonly ChannelSettings[],
  forecast: ForecastRef | null,
  planGaps: PlanGap[],
): Omit<ReviewMissing, 'days'> {
  const missing: Omit<ReviewMissing, 'days'> = { actualAht: [], forecastAht: [], serviceLevel: [], abandonment: [], agents: false, planGaps }
  let forecastVolume = 0
  let agentsReported = false
  for (const channel of channels) {
    const own = byChannel.get(channel.key)!
    agentsReported ||= own.some((i) => i.agentsStaffed !== null)
    const actual = summary(channel.key, own)
    if (actual.offered > 0) {
      if (actual.ahtSec === null) missing.actualAht.push(channel.name)
      if (actual.serviceLevel === null) missing.serviceLevel.push(channel.name)
      if (actual.abandonRate === null) missing.abandonment.push(channel.name)
    }
    const forecastOwn = own.filter((i) => i.forecastOffered !== null && i.forecastOffered > 0)
    forecastVolume += forecastOwn.length
    if (forecastOwn.length > 0 && forecastOwn.every((i) => i.forecastAhtSec === null)) missing.forecastAht.push(channel.name)
  }
  missing.agents = forecast !== null && forecastVolume > 0 && !agentsReported
  return missing
}

/** Every interval of the review as CSV (per channel), local times. */
export async function reviewCsv(query: ReviewQuery, timeZone: string): Promise<string> {
  const { intervals, minuteOf } = await readIntervals(query, timeZone)
  const lines = [
    'interval_start,channel,offered,forecast_offered,variance,aht_seconds,forecast_aht_seconds,service_level,sl_goal,asa_seconds,abandon_rate,predicted_abandon_rate,agents_staffed,planned_agents',
  ]
  const n = csvNumber
  for (const r of intervals.map((i) => intervalRow(i, minuteOf))) {
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
