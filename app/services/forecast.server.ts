// Saved forecasts: made from the 15-minute history in the database and the special days, kept
// with every method's backtest, and corrected by the analyst's overrides (the model's values are
// kept beside the adjusted ones). Staffing and review read the adjusted volume and the TMA.
import { TZDate } from '@date-fns/tz'
import { prisma } from '../db.server.ts'
import { queries, rows as selectRows, sql, withWrite, type Writer } from '../db/queries.server.ts'
import { serialise, type Serialised } from '../utils/serialised.ts'
import { keptWhileUnchanged } from './kept.server.ts'
import type { Choice } from '../domain/forecast/backtest.ts'
import { band } from '../domain/forecast/band.ts'
import { forecastChannel, type AutoComparison, type ChannelForecast, type MethodRequest, type MethodScore } from '../domain/forecast/forecast.ts'
import { gapsBeyond, type HistoryGap } from '../domain/forecast/gaps.ts'
import { presentSlots, slotInstants, type ForecastInterval, type SlotInstant } from '../domain/forecast/grid.ts'
import { channelHistory, type HistoryRecord } from '../domain/forecast/history.ts'
import type { MethodId } from '../domain/forecast/methods/index.ts'
import { applyOverrides, checkOverride, type OverrideKind } from '../domain/forecast/overrides.ts'
import { LocalBuckets } from '../domain/buckets.ts'
import { addDays, localDateOf, localIsoString, localTimeOf, spanOf, startOfLocalDay, type LocalTime } from '../domain/intervals.ts'
import { hasPlannedAht, type PlannedAht } from '../domain/planned-aht.ts'
import { roundTo } from '../utils/format.ts'
import { importWindow } from './import-dates.server.ts'
import { recordAudit, recordAuditWith, type Actor } from './audit.server.ts'
import { getOperation, listChannels } from './operation.server.ts'
import { listSpecialDays } from './special-days.server.ts'

export interface CreateForecastInput {
  name: string
  channelIds: number[]
  /** History, local dates inclusive; the forecast starts the day after `historyTo`. */
  historyFrom: string
  historyTo: string
  horizonDays: number
  intervalMin: ForecastInterval
  method: MethodRequest
}

/** First and last local days with volume: of the whole database, or of some channels. */
export interface DataPeriod {
  from: string
  to: string
}

/**
 * The local days with volume of each channel that has any, within the dates imports accept: a row
 * stored before imports checked them (9999-12-31) is no history to forecast from.
 */
export function channelDataRanges(timeZone: string): Promise<ReadonlyMap<number, DataPeriod>> {
  const { from, until } = importWindow(timeZone)
  // A scan of every interval with volume: kept until the data changes.
  return keptWhileUnchanged(`channelDataRanges:${timeZone}:${from}:${until}`, async () => {
    const q = queries()
    const rows = (await q.arrays(
      sql`SELECT "channelId", ${q.epochMs('first')}, ${q.epochMs('last')} FROM (
            SELECT "channelId", MIN("start") AS "first", MAX("start") AS "last" FROM "IntervalStat"
            WHERE "offered" > 0 AND "start" >= ${q.instant(from)} AND "start" < ${q.instant(until)} GROUP BY "channelId") r`,
    )) as [number, number, number][]
    return new Map(rows.map(([id, first, last]) => [id, { from: localDateOf(first, timeZone), to: localDateOf(last, timeZone) }]))
  })
}

/** The local days with data of these channels (every channel when not given), or null when they have none. */
export async function dataRange(timeZone: string, channelIds?: readonly number[]): Promise<DataPeriod | null> {
  const ranges = await channelDataRanges(timeZone)
  return spanOf([...ranges].filter(([id]) => !channelIds || channelIds.includes(id)).map(([, r]) => r))
}

export async function readHistory(channelIds: readonly number[], from: number, to: number): Promise<Map<number, HistoryRecord[]>> {
  const q = queries()
  const rows = (
    channelIds.length === 0
      ? []
      : await q.arrays(
          sql`SELECT "channelId", ${q.epochMs('start')}, "offered", "ahtAnswered", "handleSecSum" FROM "IntervalStat"
              WHERE "start" >= ${q.instant(from)} AND "start" < ${q.instant(to)} AND "channelId" IN (${sql.join(channelIds.map((id) => sql.lit(id)))}) ORDER BY "start"`,
        )
  ) as [number, number, number, number, number][]
  const byChannel = new Map<number, HistoryRecord[]>(channelIds.map((id) => [id, []]))
  for (const [channelId, start, offered, ahtAnswered, handleSecSum] of rows) {
    byChannel
      .get(channelId)!
      .push({ start, offered, handleSec: ahtAnswered > 0 ? handleSecSum : null, handled: ahtAnswered > 0 ? ahtAnswered : null })
  }
  return byChannel
}

/** A request the data cannot answer: `field` of the form, the i18n key of the reason and its values. */
export class ForecastInputError extends Error {
  constructor(
    readonly field: string,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key)
  }
}

/**
 * The checks of a forecast request that need no history read (channels known, data in the
 * window): the form answers them at once; the background job does the rest.
 */
export async function checkForecastInput(input: CreateForecastInput) {
  const [{ timeZone }, channels] = await Promise.all([getOperation(), listChannels()])
  const chosen = channels.filter((c) => input.channelIds.includes(c.id))
  if (chosen.length === 0 || chosen.length !== new Set(input.channelIds).size) throw new ForecastInputError('channelIds', 'errors.channels')
  const range = await dataRange(timeZone)
  if (!range || input.historyFrom > range.to || input.historyTo < range.from)
    throw new ForecastInputError('historyFrom', 'errors.noDataInHistory')
  return { timeZone, chosen }
}

export async function createForecast(input: CreateForecastInput, user: string, beforeWrite?: () => void): Promise<number> {
  const [{ timeZone, chosen }, specialDays] = await Promise.all([checkForecastInput(input), listSpecialDays()])
  const firstDay = addDays(input.historyTo, 1)
  // Only history within the dates imports accept, like the data range above.
  const window = importWindow(timeZone)
  const history = await readHistory(
    chosen.map((c) => c.id),
    Math.max(startOfLocalDay(input.historyFrom, timeZone), window.from),
    Math.min(startOfLocalDay(firstDay, timeZone), window.until),
  )
  // A channel with no contact in the window would be learned as all zeros: refused, named.
  const empty = chosen.filter((c) => !history.get(c.id)!.some((r) => r.offered > 0))
  if (empty.length > 0) {
    throw new ForecastInputError('channelIds', 'errors.noHistoryForChannel', { channels: empty.map((c) => c.name).join(', ') })
  }
  const slots = slotInstants(firstDay, input.horizonDays, timeZone, input.intervalMin)
  const ranges = await channelDataRanges(timeZone)
  const tagged = specialDays.map((d) => d.date)
  const results = chosen.map((channel) => {
    const records = history.get(channel.id)!
    const { volume, handle } = channelHistory(records, input.historyFrom, input.historyTo, timeZone, input.intervalMin)
    // Days after the channel's last data are unknown, not quiet: learned as zeros they would forecast zeros.
    const afterData: string[] = []
    for (let day = addDays(ranges.get(channel.id)!.to, 1); day <= input.historyTo; day = addDays(day, 1)) afterData.push(day)
    // Days inside it without their rows (or far below the usual) are gaps: left out as well, and kept with the forecast.
    const present = presentSlots(records.map((r) => r.start), input.historyFrom, volume.days, timeZone, input.intervalMin)
    const gaps = gapsBeyond(volume, [...tagged, ...afterData], { present })
    const unknownDays = [...afterData, ...gaps.map((g) => g.date)]
    return {
      channel,
      gaps,
      result: forecastChannel(volume, handle, { horizonDays: input.horizonDays, method: input.method, specialDays, unknownDays }),
    }
  })
  const createdAt = Date.now()
  beforeWrite?.()
  return withWrite(async (writer) => {
    const [created] = await selectRows(
      sql<{ id: number }>`INSERT INTO "Forecast" ("name", "method", "intervalMin", "timeZone", "historyFrom", "historyTo", "firstDay", "horizonDays", "createdAt", "createdBy")
          VALUES (${input.name}, ${input.method}, ${input.intervalMin}, ${timeZone}, ${input.historyFrom}, ${input.historyTo}, ${firstDay}, ${input.horizonDays},
                  ${writer.instant(createdAt)}, ${user}) RETURNING "id"`,
      writer,
    )
    const id = created!.id
    await writer.insertRows(
      'ForecastChannel',
      { forecastId: 'int', channelId: 'int', method: 'text', params: 'text', choice: 'text', scores: 'text', origins: 'int', dispersion: 'float', gaps: 'text' },
      results.map(({ channel, result, gaps }) => {
        const scores: StoredScores = { methods: result.scores, auto: result.autoScore }
        return [
          id,
          channel.id,
          result.method,
          JSON.stringify(result.params),
          result.choice && JSON.stringify(result.choice),
          JSON.stringify(scores),
          result.origins,
          result.dispersion,
          JSON.stringify(gaps),
        ]
      }),
    )
    await writer.insertRows(
      'ForecastInterval',
      { forecastId: 'int', channelId: 'int', start: 'instant', offered: 'float', lower: 'float', upper: 'float', aht: 'float', adjusted: 'float' },
      intervalRows(id, results, slots),
    )
    return id
  })
}

/** The forecast's interval rows, generated as they are inserted (adjusted starts as the model's value). */
function* intervalRows(
  id: number,
  results: readonly { channel: { id: number }; result: ChannelForecast }[],
  slots: readonly SlotInstant[],
): Generator<unknown[]> {
  for (const { channel, result } of results) {
    for (const slot of slots) {
      const i = slot.day * result.slotsPerDay + slot.slot
      const offered = result.offered[i]! * slot.share
      const aht = result.aht[i]!
      yield [id, channel.id, slot.start, offered, result.lower[i]! * slot.share, result.upper[i]! * slot.share, Number.isNaN(aht) ? null : aht, offered]
    }
  }
}

interface StoredScores {
  methods: MethodScore[]
  auto: AutoComparison | null
}

export interface ForecastSummary {
  id: number
  name: string
  method: string
  intervalMin: number
  firstDay: string
  horizonDays: number
  createdAt: string
  createdBy: string
  channels: string[]
  channelIds: number[]
}

export function listForecasts(): Promise<ForecastSummary[]> {
  return keptWhileUnchanged('forecasts', readForecastList)
}

async function readForecastList(): Promise<ForecastSummary[]> {
  const rows = await prisma.forecast.findMany({
    orderBy: { id: 'desc' },
    select: {
      id: true,
      name: true,
      method: true,
      intervalMin: true,
      firstDay: true,
      horizonDays: true,
      createdAt: true,
      createdBy: true,
      channels: { select: { channel: { select: { id: true, name: true, sortOrder: true } } } },
    },
  })
  return rows.map(({ channels, createdAt, ...r }) => {
    const ordered = channels.map((c) => c.channel).sort((a, b) => a.sortOrder - b.sortOrder)
    return { ...r, createdAt: createdAt.toISOString(), channels: ordered.map((c) => c.name), channelIds: ordered.map((c) => c.id) }
  })
}

export async function deleteForecast(actor: Actor, id: number): Promise<boolean> {
  const { count } = await prisma.forecast.deleteMany({ where: { id } })
  if (count > 0) await recordAudit(actor, 'forecast.delete', `forecast:${id}`, null)
  return count > 0
}

export interface ChannelOutcome {
  id: number
  key: string
  name: string
  /** The history's gaps, left out of training and backtests. */
  gaps: HistoryGap[]
  method: MethodId
  choice: Choice | null
  scores: MethodScore[]
  auto: StoredScores['auto']
  origins: number
  dispersion: number
}

export interface ChartPoint extends LocalTime {
  actual: number | null
  forecast: number | null
  adjusted: number | null
  band: [number, number] | null
}

export interface DayRow {
  day: string
  model: number
  adjusted: number
  /** Volume-weighted TMA of the day, seconds. */
  aht: number | null
}

export interface OverrideRow {
  id: number
  channel: string | null
  /** The range [from, to) in local time. */
  from: LocalTime
  to: LocalTime
  kind: OverrideKind
  amount: number
  note: string | null
  createdAt: string
  createdBy: string
}

export interface ForecastView {
  forecast: ForecastSummary & { timeZone: string; historyFrom: string; historyTo: string }
  channels: ChannelOutcome[]
  channel: ChannelOutcome
  chart: ChartPoint[]
  /** Minutes per chart point: the forecast interval for a week or less, else an hour. */
  chartMinutes: number
  days: DayRow[]
  overrides: OverrideRow[]
  /**
   * The shown channel's forecast has no TMA (history with volume only): what planning uses
   * instead, the channel's planned TMA (Settings), or nothing yet. Null when the forecast has TMA.
   */
  withoutAht: { planned: PlannedAht | null } | null
}

const HISTORY_DAYS_SHOWN = 7

/**
 * The page's view as JSON text (decision 013: one value for Remix to encode, not thousands), kept
 * until the data changes: every planner opens the same forecast.
 */
export function getForecastViewText(id: number, channelKey: string | null): Promise<Serialised<ForecastView> | null> {
  return keptWhileUnchanged(`forecast-view:${id}:${channelKey ?? ''}`, async () => {
    const view = await getForecastView(id, channelKey)
    return view && serialise(view)
  })
}

export async function getForecastView(id: number, channelKey: string | null): Promise<ForecastView | null> {
  const forecast = await prisma.forecast.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      method: true,
      intervalMin: true,
      timeZone: true,
      historyFrom: true,
      historyTo: true,
      firstDay: true,
      horizonDays: true,
      createdAt: true,
      createdBy: true,
      channels: {
        select: {
          method: true,
          choice: true,
          scores: true,
          origins: true,
          dispersion: true,
          gaps: true,
          channel: { select: { id: true, key: true, name: true, sortOrder: true } },
        },
      },
      overrides: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          start: true,
          end: true,
          kind: true,
          amount: true,
          note: true,
          createdAt: true,
          createdBy: true,
          channel: { select: { name: true } },
        },
      },
    },
  })
  if (!forecast) return null
  const { timeZone } = forecast
  const channels: ChannelOutcome[] = forecast.channels
    .sort((a, b) => a.channel.sortOrder - b.channel.sortOrder)
    .map((c) => {
      const scores = JSON.parse(c.scores) as StoredScores
      return {
        id: c.channel.id,
        key: c.channel.key,
        name: c.channel.name,
        gaps: JSON.parse(c.gaps) as HistoryGap[],
        method: c.method as MethodId,
        choice: c.choice ? (JSON.parse(c.choice) as Choice) : null,
        scores: scores.methods,
        auto: scores.auto,
        origins: c.origins,
        dispersion: c.dispersion,
      }
    })
  const channel = channels.find((c) => c.key === channelKey) ?? channels[0]!
  const q = queries()
  const intervals = (await q.arrays(
    sql`SELECT ${q.epochMs('start')}, "offered", "aht", "adjusted" FROM "ForecastInterval" WHERE "forecastId" = ${id} AND "channelId" = ${channel.id} ORDER BY "start"`,
  )) as [number, number, number | null, number][]
  const horizonStart = startOfLocalDay(forecast.firstDay, timeZone)
  const horizonEnd = startOfLocalDay(addDays(forecast.firstDay, forecast.horizonDays), timeZone)
  const historyStart = startOfLocalDay(addDays(forecast.firstDay, -HISTORY_DAYS_SHOWN), timeZone)
  const actuals = (await q.arrays(
    sql`SELECT ${q.epochMs('start')}, "offered" FROM "IntervalStat"
        WHERE "channelId" = ${channel.id} AND "start" >= ${q.instant(historyStart)} AND "start" < ${q.instant(horizonEnd)} ORDER BY "start"`,
  )) as [number, number][]

  const chartMinutes = forecast.horizonDays <= 7 ? forecast.intervalMin : 60
  const stepMs = chartMinutes * 60_000
  const points = new Map<number, { actual: number | null; forecast: number | null; adjusted: number | null }>()
  const buckets = new LocalBuckets(timeZone, chartMinutes as 15 | 30 | 60)
  const bucketOf = (t: number) => buckets.startOf(t)
  for (let t = historyStart; t < horizonEnd; t += stepMs) points.set(bucketOf(t), { actual: null, forecast: null, adjusted: null })
  for (const [start, offered] of actuals) {
    const p = points.get(bucketOf(start))
    if (p) p.actual = (p.actual ?? 0) + offered
  }
  for (const [start, offered, , adjusted] of intervals) {
    const p = points.get(bucketOf(start))
    if (p) {
      p.forecast = (p.forecast ?? 0) + offered
      p.adjusted = (p.adjusted ?? 0) + adjusted
    }
  }
  const lastActual = actuals.length > 0 ? actuals[actuals.length - 1]![0] : -Infinity
  // Each point's local day and minute from the local grid (a zone look-up per point costs ~30 µs).
  const shownFrom = addDays(forecast.firstDay, -HISTORY_DAYS_SHOWN)
  const slots = new Map(
    slotInstants(shownFrom, HISTORY_DAYS_SHOWN + forecast.horizonDays, timeZone, chartMinutes as ForecastInterval).map((s) => [
      s.start,
      { day: addDays(shownFrom, s.day), minute: s.slot * chartMinutes },
    ]),
  )
  const chart: ChartPoint[] = [...points.entries()].map(([t, p]) => {
    // Quiet intervals in the history are zeros, not gaps; after the last data there is none.
    const actual = p.actual ?? (t < Math.min(horizonStart, lastActual + 1) ? 0 : null)
    const range = p.forecast === null ? null : band([p.forecast], channel.dispersion)
    return {
      ...(slots.get(t) ?? localTimeOf(t, timeZone)),
      actual,
      forecast: p.forecast,
      adjusted: p.adjusted,
      band: range ? [range.lower[0]!, range.upper[0]!] : null,
    }
  })

  // The day's TMA weighs only the intervals that have one: one without is unknown, not zero.
  const byDay = new Map<string, DayRow & { handle: number; handled: number }>()
  for (const [start, offered, aht, adjusted] of intervals) {
    const day = localDateOf(start, timeZone)
    let row = byDay.get(day)
    if (!row) byDay.set(day, (row = { day, model: 0, adjusted: 0, aht: null, handle: 0, handled: 0 }))
    row.model += offered
    row.adjusted += adjusted
    if (aht !== null) {
      row.handle += aht * adjusted
      row.handled += adjusted
    }
  }
  const days = [...byDay.values()].map(({ handle, handled, ...row }) => ({
    ...row,
    aht: handled > 0 && handle > 0 ? handle / handled : null,
  }))

  const withoutAht = intervals.some(([, , aht, adjusted]) => aht === null && adjusted > 0)
  const planned = withoutAht ? (await listChannels()).find((c) => c.id === channel.id)?.plannedAht ?? null : null
  return {
    forecast: {
      id: forecast.id,
      name: forecast.name,
      method: forecast.method,
      intervalMin: forecast.intervalMin,
      timeZone,
      historyFrom: forecast.historyFrom,
      historyTo: forecast.historyTo,
      firstDay: forecast.firstDay,
      horizonDays: forecast.horizonDays,
      createdAt: forecast.createdAt.toISOString(),
      createdBy: forecast.createdBy,
      channels: channels.map((c) => c.name),
      channelIds: channels.map((c) => c.id),
    },
    channels,
    channel,
    chart,
    chartMinutes,
    days,
    overrides: forecast.overrides.map((o) => ({
      id: o.id,
      channel: o.channel?.name ?? null,
      from: localTimeOf(o.start.getTime(), timeZone),
      to: localTimeOf(o.end.getTime(), timeZone),
      kind: o.kind as OverrideKind,
      amount: o.amount,
      note: o.note,
      createdAt: o.createdAt.toISOString(),
      createdBy: o.createdBy,
    })),
    withoutAht: withoutAht ? { planned: planned && hasPlannedAht(planned) ? planned : null } : null,
  }
}

export interface OverrideInput {
  /** null = every channel of the forecast. */
  channelId: number | null
  /** Local date; with times, an interval range [fromTime, toTime) of that day, else the whole day. */
  day: string
  fromTime: string | null
  toTime: string | null
  kind: OverrideKind
  amount: number
  note: string | null
}

function localInstant(day: string, time: string, timeZone: string): number {
  const [h, m] = time.split(':').map(Number)
  const [y, mo, d] = day.split('-').map(Number)
  return new TZDate(y!, mo! - 1, d!, h!, m!, timeZone).getTime()
}

/**
 * Recomputes the adjusted volume of a forecast from its model values and overrides, in order.
 * Only the intervals whose adjusted volume changes are written: an override touches a day or a
 * few intervals, not the whole horizon.
 */
async function replayOverrides(writer: Writer, forecastId: number): Promise<void> {
  const intervals = (await writer.arrays(
    sql`SELECT "channelId", ${writer.epochMs('start')}, "offered", "adjusted" FROM "ForecastInterval" WHERE "forecastId" = ${forecastId} ORDER BY "channelId", "start"`,
  )) as [number, number, number, number][]
  const overrides = (await writer.arrays(
    sql`SELECT "channelId", ${writer.epochMs('start')}, ${writer.epochMs('end')}, "kind", "amount" FROM "ForecastOverride" WHERE "forecastId" = ${forecastId} ORDER BY "id"`,
  )) as [number | null, number, number, OverrideKind, number][]
  const adjusted = applyOverrides(
    intervals.map(([channelId, start, offered]) => ({ channelKey: String(channelId), start, offered })),
    overrides.map(([channelId, start, end, kind, amount]) => ({
      channelKey: channelId === null ? null : String(channelId),
      start,
      end,
      kind,
      amount,
    })),
  )
  const updates = intervals.flatMap(([channelId, start, , before], i) => (adjusted[i] === before ? [] : [[forecastId, channelId, start, adjusted[i]!]]))
  await writer.updateRows('ForecastInterval', { forecastId: 'int', channelId: 'int', start: 'instant' }, { adjusted: 'float' }, updates)
}

export type OverrideOutcome = 'added' | 'notFound' | 'unknownChannel' | 'outsideHorizon'

/** Adds an override by this user (named on it) and replays the forecast's overrides, with its audit row. */
export async function addOverride(user: Actor & { name: string }, forecastId: number, input: OverrideInput): Promise<OverrideOutcome> {
  const forecast = await prisma.forecast.findUnique({
    where: { id: forecastId },
    select: { timeZone: true, firstDay: true, horizonDays: true, channels: { select: { channelId: true } } },
  })
  if (!forecast) return 'notFound'
  if (input.channelId !== null && !forecast.channels.some((c) => c.channelId === input.channelId)) return 'unknownChannel'
  const { timeZone } = forecast
  const start = input.fromTime ? localInstant(input.day, input.fromTime, timeZone) : startOfLocalDay(input.day, timeZone)
  // An end at 00:00 is the midnight that ends the day.
  const end =
    input.toTime && input.toTime !== '00:00'
      ? localInstant(input.day, input.toTime, timeZone)
      : startOfLocalDay(addDays(input.day, 1), timeZone)
  checkOverride({ channelKey: null, start, end, kind: input.kind, amount: input.amount })
  const horizonStart = startOfLocalDay(forecast.firstDay, timeZone)
  const horizonEnd = startOfLocalDay(addDays(forecast.firstDay, forecast.horizonDays), timeZone)
  if (end <= horizonStart || start >= horizonEnd) return 'outsideHorizon'
  await withWrite(async (writer) => {
    const now = Date.now()
    await writer.run(
      sql`INSERT INTO "ForecastOverride" ("forecastId", "channelId", "start", "end", "kind", "amount", "note", "createdAt", "createdBy")
          VALUES (${forecastId}, ${input.channelId}, ${writer.instant(start)}, ${writer.instant(end)}, ${input.kind}, ${input.amount}, ${input.note},
                  ${writer.instant(now)}, ${user.name})`,
    )
    await replayOverrides(writer, forecastId)
    await recordAuditWith(writer, now, user, 'forecast.override.create', `forecast:${forecastId}`, input)
  })
  return 'added'
}

export function deleteOverride(actor: Actor, forecastId: number, overrideId: number): Promise<boolean> {
  return withWrite(async (writer) => {
    const deleted = await writer.run(sql`DELETE FROM "ForecastOverride" WHERE "id" = ${overrideId} AND "forecastId" = ${forecastId}`)
    if (deleted > 0) {
      await replayOverrides(writer, forecastId)
      await recordAuditWith(writer, Date.now(), actor, 'forecast.override.delete', `forecast:${forecastId}`, { overrideId })
    }
    return deleted > 0
  })
}

const csvNumber = (x: number, digits: number) => String(roundTo(x, digits))

/**
 * The forecast as CSV: `interval_start,channel,offered,aht_seconds` first (what staffing reads;
 * offered is the adjusted volume), then the model's value and band. Local times with their offset.
 */
export async function forecastCsv(id: number): Promise<string | null> {
  const forecast = await prisma.forecast.findUnique({ where: { id }, select: { timeZone: true } })
  if (!forecast) return null
  const q = queries()
  const rows = (await q.arrays(
    sql`SELECT ${q.epochMs('f.start')}, c."key", f."adjusted", f."aht", f."offered", f."lower", f."upper" FROM "ForecastInterval" f JOIN "Channel" c ON c."id" = f."channelId"
        WHERE f."forecastId" = ${id} ORDER BY f."start", c."sortOrder", c."id"`,
  )) as [number, string, number, number | null, number, number, number][]
  const lines = ['interval_start,channel,offered,aht_seconds,model_offered,lower,upper']
  for (const [start, key, adjusted, aht, offered, lower, upper] of rows) {
    lines.push(
      [
        localIsoString(start, forecast.timeZone),
        key,
        csvNumber(adjusted, 3),
        aht === null ? '' : csvNumber(aht, 1),
        csvNumber(offered, 3),
        csvNumber(lower, 3),
        csvNumber(upper, 3),
      ].join(','),
    )
  }
  return `${lines.join('\n')}\n`
}
