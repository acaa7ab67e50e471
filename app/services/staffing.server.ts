// Staffing plans from saved forecasts: the base plan (the channels' targets), what-if scenarios
// and their comparison, the patience Erlang A needs estimated from history, and CSV export.
// Plans are computed on request: ~100 ms for four weeks of four channels at 15 minutes.
import { prisma } from '../db.server.ts'
import { queries, rows as selectRows, sql } from '../db/queries.server.ts'
import { changedFields, type AuditChanges } from '../domain/audit.ts'
import { slotInstants, type ForecastInterval } from '../domain/forecast/grid.ts'
import { addDays, daysBetween, localIsoString, startOfLocalDay, weekdayOf, type LocalTime } from '../domain/intervals.ts'
import { csvNumber } from '../utils/format.ts'
import { serialise, type Serialised } from '../utils/serialised.ts'
import { keptWhileUnchanged } from './kept.server.ts'
import { estimatePatience, type PatienceEstimate } from '../domain/patience.ts'
import { applyScenario, checkChanges, noChanges, type ScenarioChanges } from '../domain/scenario.ts'
import { hasPlannedAht } from '../domain/planned-aht.ts'
import { byHour, dayTotals, intervalMeans, sumIntervals, type DayTotals, type StaffingChartPoint } from '../domain/staffing-view.ts'
import {
  PlanProblem,
  planChannel,
  planTotals,
  type PlanInterval,
  type PlannedInterval,
  type PlanProblemReason,
  type PlanTotals,
} from '../domain/staffing-plan.ts'
import { recordAudit, type Actor } from './audit.server.ts'
import { listChannels, type ChannelSettings } from './operation.server.ts'

export interface ForecastRef {
  id: number
  name: string
  firstDay: string
  horizonDays: number
  intervalMin: number
  timeZone: string
  /** The channels forecast. */
  channelIds: number[]
}

export interface PlanWeek {
  /** 0-based week of the horizon; −1 = the whole horizon. */
  index: number
  from: string
  /** Inclusive. */
  to: string
}

export function planWeeks(forecast: Pick<ForecastRef, 'firstDay' | 'horizonDays'>): PlanWeek[] {
  const weeks: PlanWeek[] = []
  for (let start = 0; start < forecast.horizonDays; start += 7) {
    weeks.push({
      index: weeks.length,
      from: addDays(forecast.firstDay, start),
      to: addDays(forecast.firstDay, Math.min(start + 7, forecast.horizonDays) - 1),
    })
  }
  return weeks
}

export async function getForecastRef(id: number): Promise<ForecastRef | null> {
  const forecast = await prisma.forecast.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      firstDay: true,
      horizonDays: true,
      intervalMin: true,
      timeZone: true,
      channels: { select: { channelId: true } },
    },
  })
  if (!forecast) return null
  const { channels, ...ref } = forecast
  return { ...ref, channelIds: channels.map((c) => c.channelId) }
}

/** The newest forecast, the page's default. */
export async function latestForecastId(): Promise<number | null> {
  const latest = await prisma.forecast.findFirst({ orderBy: { id: 'desc' }, select: { id: true } })
  return latest?.id ?? null
}

interface ChannelIntervals {
  channel: ChannelSettings
  intervals: PlanInterval[]
}

interface ForecastRead {
  channels: ChannelIntervals[]
  /** Local day and minute of each interval start. */
  localTimes: Map<number, LocalTime>
}

/** The forecast's adjusted volume and TMA for [from, to] (local days), per channel. */
async function readForecast(forecast: ForecastRef, channels: readonly ChannelSettings[], from: string, to: string): Promise<ForecastRead> {
  const { timeZone } = forecast
  const minutes = forecast.intervalMin as ForecastInterval
  const dayCount = daysBetween(from, to) + 1
  const slots = slotInstants(from, dayCount, timeZone, minutes)
  const local = new Map(slots.map((s) => [s.start, s]))
  const dayNames = Array.from({ length: dayCount }, (_, d) => addDays(from, d))
  const weekdays = dayNames.map((day) => weekdayOf(day))
  // Local times from the local day and slot: no time-zone look-up per interval.
  const localTimes = new Map(slots.map((s) => [s.start, { day: dayNames[s.day]!, minute: s.slot * minutes }]))
  const q = queries()
  const rows = (await q.arrays(
    sql`SELECT "channelId", ${q.epochMs('start')}, "adjusted", "aht" FROM "ForecastInterval"
        WHERE "forecastId" = ${forecast.id} AND "start" >= ${q.instant(startOfLocalDay(from, timeZone))} AND "start" < ${q.instant(startOfLocalDay(addDays(to, 1), timeZone))}
        ORDER BY "channelId", "start"`,
  )) as [number, number, number, number | null][]
  const byChannel = new Map<number, PlanInterval[]>()
  for (const [channelId, start, offered, aht] of rows) {
    const slot = local.get(start)
    if (!slot) continue
    let list = byChannel.get(channelId)
    if (!list) byChannel.set(channelId, (list = []))
    list.push({ start, day: dayNames[slot.day]!, weekday: weekdays[slot.day]!, minute: slot.slot * minutes, offered, ahtSec: aht })
  }
  return {
    channels: channels.filter((c) => byChannel.has(c.id)).map((channel) => ({ channel, intervals: byChannel.get(channel.id)! })),
    localTimes,
  }
}

export interface ChannelPlan {
  channel: ChannelSettings
  planned: PlannedInterval[]
}

/** A channel of the forecast left out of a plan, and why (the page names the fix). */
export interface PlanGap {
  key: string
  name: string
  channelId: number
  reason: PlanProblemReason
}

interface Plans {
  plans: ChannelPlan[]
  gaps: PlanGap[]
}

/**
 * Each channel's plan under the changes; a channel that cannot be planned (no TMA, no response
 * goal, a load beyond the engine) is left out and named, so the others are still planned.
 */
function plan(inputs: readonly ChannelIntervals[], intervalSec: number, changes: ScenarioChanges, agentsAt?: Plans): Plans {
  const plans: ChannelPlan[] = []
  const gaps: PlanGap[] = []
  for (const { channel, intervals } of inputs) {
    const scenario = applyScenario(channel, intervals, changes)
    const agents = agentsAt?.plans.find((p) => p.channel.id === channel.id)?.planned.map((p) => p.agents)
    // What-if at the base plan's agents: a channel the base could not plan has none to evaluate.
    if (agentsAt && !agents) continue
    try {
      plans.push({ channel: scenario.channel, planned: planChannel(scenario.channel, scenario.intervals, { intervalSec, agents }) })
    } catch (error) {
      if (!(error instanceof PlanProblem)) throw error
      gaps.push({ key: channel.key, name: channel.name, channelId: channel.id, reason: error.reason })
    }
  }
  return { plans, gaps }
}

/**
 * Where a forecast has no TMA for intervals with volume, and what the plan uses instead: the
 * channel's planned TMA (Settings) or the forecast's mean over the plan. Pages say so.
 */
export interface AhtFill {
  key: string
  name: string
  channelId: number
  /** Share of the intervals with volume that had no forecast TMA (1 = a volume-only forecast). */
  share: number
  from: 'planned' | 'mean'
}

function ahtFills(inputs: readonly ChannelIntervals[]): AhtFill[] {
  const fills: AhtFill[] = []
  for (const { channel, intervals } of inputs) {
    let busy = 0
    let missing = 0
    for (const i of intervals) {
      if (i.offered <= 0) continue
      busy++
      if (i.ahtSec === null) missing++
    }
    if (missing === 0) continue
    fills.push({
      key: channel.key,
      name: channel.name,
      channelId: channel.id,
      share: missing / busy,
      from: hasPlannedAht(channel.plannedAht) ? 'planned' : 'mean',
    })
  }
  return fills
}

export interface ScenarioRow {
  id: number
  name: string
  changes: ScenarioChanges
  createdAt: string
  createdBy: string
}

export async function listScenarios(forecastId: number): Promise<ScenarioRow[]> {
  const rows = await prisma.scenario.findMany({
    where: { forecastId },
    orderBy: { id: 'asc' },
    select: { id: true, name: true, changes: true, createdAt: true, createdBy: true },
  })
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as ScenarioChanges, createdAt: r.createdAt.toISOString() }))
}

/** Saves a scenario of the forecast, named for the user who made it; its id, or null without that forecast. */
export async function createScenario(
  user: Actor & { name: string },
  forecastId: number,
  name: string,
  changes: ScenarioChanges,
): Promise<number | null> {
  checkChanges(changes)
  if (!(await prisma.forecast.findUnique({ where: { id: forecastId }, select: { id: true } }))) return null
  const { id } = await prisma.scenario.create({
    data: { forecastId, name, changes: JSON.stringify(changes), createdBy: user.name },
    select: { id: true },
  })
  await recordAudit(user, 'scenario.create', `scenario:${id}`, { forecastId, name, changes })
  return id
}

export async function deleteScenario(actor: Actor, forecastId: number, id: number): Promise<boolean> {
  const { count } = await prisma.scenario.deleteMany({ where: { id, forecastId } })
  if (count > 0) await recordAudit(actor, 'scenario.delete', `scenario:${id}`, { forecastId })
  return count > 0
}

export interface PlanSummary {
  /** 0 = the base plan. */
  id: number
  name: string
  totals: PlanTotals
  byChannel: Record<string, PlanTotals>
  /** The scenario's load met by the base plan's agents: what happens if nothing is changed. */
  atBase: { serviceLevel: number | null; abandonRate: number | null } | null
  /** Channels left out of this plan's figures, and why. */
  gaps: PlanGap[]
}

export interface StaffingView {
  forecast: ForecastRef
  weeks: PlanWeek[]
  week: PlanWeek
  channels: Array<Pick<ChannelSettings, 'id' | 'key' | 'name' | 'kind' | 'staffingModel' | 'patienceSec' | 'efficiency'>>
  /** The channel shown in the chart and the interval table; null = all. */
  channel: string | null
  plans: PlanSummary[]
  days: DayTotals[]
  chart: StaffingChartPoint[]
  /** The base plan's intervals for the shown channel(s), summed when several. */
  intervals: Array<{
    day: string
    minute: number
    offered: number
    agents: number
    agentsFractional: number
    scheduled: number
    serviceLevel: number | null
    asa: number | null
    occupancy: number | null
    abandonRate: number | null
  }>
  /** Minutes per chart point and table row: the forecast interval, or an hour for the whole horizon (peaks). */
  resolutionMin: number
  patience: Array<{
    channelId: number
    key: string
    name: string
    current: number | null
    estimate: PatienceEstimate
    from: string
    to: string
  }>
  weeklyHours: number
  workdays: number
  /** The forecast's channels without their own TMA somewhere, and what the plan used. */
  ahtFills: AhtFill[]
}

export interface StaffingQuery {
  forecastId: number
  /** Week index, or −1 for the whole horizon. */
  week: number
  channel: string | null
  scenarioIds: number[]
  /** Hours one FTE works in a week (44 by law, 36 for telemarketing under NR-17 Annex II). */
  weeklyHours: number
  /** Working days per week, to turn a day's hours into FTE. */
  workdays: number
}

const PATIENCE_WEEKS = 8

async function patienceEstimates(channels: readonly ChannelSettings[], forecast: ForecastRef): Promise<StaffingView['patience']> {
  const to = addDays(forecast.firstDay, -1)
  const from = addDays(forecast.firstDay, -7 * PATIENCE_WEEKS)
  const q = queries()
  return Promise.all(
    channels
      .filter((c) => c.kind === 'realtime')
      .map(async (c) => {
        const [history] = await selectRows(
          sql<{ offered: number; abandoned: number; answeredWaitSec: number; abandonedWaitSec: number }>`
          SELECT COALESCE(SUM("offered"), 0) AS "offered", COALESCE(SUM("abandoned"), 0) AS "abandoned",
                 COALESCE(SUM("answeredWaitSecSum"), 0) AS "answeredWaitSec", COALESCE(SUM("abandonedWaitSecSum"), 0) AS "abandonedWaitSec"
          FROM "IntervalStat" WHERE "channelId" = ${c.id}
            AND "start" >= ${q.instant(startOfLocalDay(from, forecast.timeZone))} AND "start" < ${q.instant(startOfLocalDay(forecast.firstDay, forecast.timeZone))}
            AND "abandonedWaitSecSum" IS NOT NULL -- every wait known: aggregated from contacts`,
          q,
        )
        return { channelId: c.id, key: c.key, name: c.name, current: c.patienceSec, estimate: estimatePatience(history!), from, to }
      }),
  )
}

/**
 * The page's view as JSON text (decision 013: one value for Remix to encode, not thousands), kept
 * until the data changes (scenarios, settings and forecasts included).
 */
export function getStaffingViewText(query: StaffingQuery): Promise<Serialised<StaffingView> | null> {
  return keptWhileUnchanged(`staffing-view:${JSON.stringify(query)}`, async () => {
    const view = await getStaffingView(query)
    return view && serialise(view)
  })
}

export async function getStaffingView(query: StaffingQuery): Promise<StaffingView | null> {
  const forecast = await getForecastRef(query.forecastId)
  if (!forecast) return null
  const [channels, scenarios] = await Promise.all([listChannels(), listScenarios(forecast.id)])
  const forecastChannels = channels.filter((c) => forecast.channelIds.includes(c.id))
  const weeks = planWeeks(forecast)
  const week = weeks[query.week] ?? { index: -1, from: forecast.firstDay, to: addDays(forecast.firstDay, forecast.horizonDays - 1) }
  const intervalSec = forecast.intervalMin * 60
  // A week is planned from a lead-in before it (deferred work still open when the week starts,
  // the queue's load carried in), then cut to the week.
  const leadDays = Math.max(1, ...channels.filter((c) => c.kind === 'deferred').map((c) => Math.ceil((c.responseGoalSec ?? 0) / 86_400)))
  const leadFrom = daysBetween(forecast.firstDay, week.from) > leadDays ? addDays(week.from, -leadDays) : forecast.firstDay
  const { channels: inputs, localTimes } = await readForecast(forecast, channels, leadFrom, week.to)
  const days = daysBetween(week.from, week.to) + 1
  const fteHours = (query.weeklyHours * days) / 7
  const inWeek = (plans: ChannelPlan[]) => plans.map((p) => ({ ...p, planned: p.planned.filter((i) => i.day >= week.from) }))
  const fullBase = plan(inputs, intervalSec, noChanges)
  const base = inWeek(fullBase.plans)
  const chosen = scenarios.filter((s) => query.scenarioIds.includes(s.id)).slice(0, 3)
  const scenarioPlans = chosen.map((s) => {
    const planned = plan(inputs, intervalSec, s.changes)
    return { scenario: s, plans: inWeek(planned.plans), gaps: planned.gaps, atBase: inWeek(plan(inputs, intervalSec, s.changes, fullBase).plans) }
  })

  // Service level and abandonment of the whole operation are the real-time channels' (deferred
  // work's "in time" is another measure; each channel's own is in byChannel).
  const realtime = (plans: ChannelPlan[]) => plans.filter((p) => p.channel.kind === 'realtime').flatMap((p) => p.planned)
  const summarise = (id: number, name: string, plans: ChannelPlan[], gaps: PlanGap[], atBase: ChannelPlan[] | null): PlanSummary => {
    const all = planTotals(
      plans.flatMap((p) => p.planned),
      intervalSec,
      fteHours,
    )
    const queueing = planTotals(realtime(plans), intervalSec, fteHours)
    const evaluated = atBase && planTotals(realtime(atBase), intervalSec, fteHours)
    return {
      id,
      name,
      totals: { ...all, serviceLevel: queueing.serviceLevel, abandonRate: queueing.abandonRate },
      byChannel: Object.fromEntries(plans.map((p) => [p.channel.key, planTotals(p.planned, intervalSec, fteHours)])),
      atBase: evaluated && { serviceLevel: evaluated.serviceLevel, abandonRate: evaluated.abandonRate },
      gaps,
    }
  }
  const plans = [
    summarise(0, '', base, fullBase.gaps, null),
    ...scenarioPlans.map((s) => summarise(s.scenario.id, s.scenario.name, s.plans, s.gaps, s.atBase)),
  ]

  const shown = (p: ChannelPlan) => query.channel === null || p.channel.key === query.channel
  const dayFte = query.weeklyHours / query.workdays
  const shownOf = (list: ChannelPlan[]) => list.filter(shown).flatMap((p) => p.planned)
  const scenarioIntervals = scenarioPlans.map((s) => ({ id: s.scenario.id, intervals: shownOf(s.plans) }))
  const dayRows = dayTotals([{ id: 0, intervals: shownOf(base) }, ...scenarioIntervals], intervalSec, dayFte)
  // Chart and table: the shown channel(s), summed per interval.
  let ordered = sumIntervals(shownOf(base), scenarioIntervals, (start) => localTimes.get(start)!)
  // The whole horizon is read by the hour (its peak agents): 2,688 quarter hours are unreadable.
  const resolutionMin = week.index === -1 ? Math.max(60, forecast.intervalMin) : forecast.intervalMin
  if (resolutionMin !== forecast.intervalMin) ordered = byHour(ordered)
  return {
    forecast,
    weeks,
    week,
    // The forecast's channels: the filters and the scenario editor offer nothing else.
    channels: forecastChannels.map(({ id, key, name, kind, staffingModel, patienceSec, efficiency }) => ({
      id,
      key,
      name,
      kind,
      staffingModel,
      patienceSec,
      efficiency,
    })),
    channel: query.channel,
    plans,
    days: dayRows,
    chart: ordered.map(
      ({ offered: _o, agentsFractional: _a, sl: _s, asa: _q, occ: _c, ab: _b, slW: _w, abW: _x, ...chartPoint }) => chartPoint,
    ),
    intervals: ordered.map((p) => ({
      day: p.day,
      minute: p.minute,
      offered: p.offered,
      agents: p.floor,
      agentsFractional: p.agentsFractional,
      scheduled: p.scheduled,
      ...intervalMeans(p),
    })),
    resolutionMin,
    patience: await patienceEstimates(forecastChannels, forecast),
    weeklyHours: query.weeklyHours,
    workdays: query.workdays,
    // A channel left out of the plan is named with its reason instead.
    ahtFills: ahtFills(inputs).filter((f) => !fullBase.gaps.some((g) => g.key === f.key)),
  }
}

/** Sets a real-time channel's patience (e.g. to the estimate from history); `changes` is null when it already was that. */
export async function setPatience(
  actor: Actor,
  channelId: number,
  patienceSec: number,
): Promise<{ found: false } | { found: true; changes: AuditChanges | null }> {
  const stored = await prisma.channel.findFirst({ where: { id: channelId, kind: 'realtime' }, select: { patienceSec: true } })
  if (!stored) return { found: false }
  const changes = changedFields(stored, { patienceSec: Math.round(patienceSec) })
  if (changes) {
    await prisma.channel.update({ where: { id: channelId }, data: { patienceSec: Math.round(patienceSec) } })
    await recordAudit(actor, 'settings.channel', `channel:${channelId}`, changes)
  }
  return { found: true, changes }
}

export interface PlanCsvRow {
  start: number
  channel: string
  planned: PlannedInterval
}

/**
 * Every interval of a forecast's plan (base or a scenario) for the whole horizon, and the channels
 * that could not be planned.
 */
export async function planRows(
  forecastId: number,
  scenarioId: number | null,
): Promise<{ forecast: ForecastRef; rows: PlanCsvRow[]; gaps: PlanGap[] } | null> {
  const forecast = await getForecastRef(forecastId)
  if (!forecast) return null
  let changes = noChanges
  if (scenarioId !== null) {
    const scenario = (await listScenarios(forecastId)).find((s) => s.id === scenarioId)
    if (!scenario) return null
    changes = scenario.changes
  }
  const channels = await listChannels()
  const inputs = (await readForecast(forecast, channels, forecast.firstDay, addDays(forecast.firstDay, forecast.horizonDays - 1))).channels
  const { plans, gaps } = plan(inputs, forecast.intervalMin * 60, changes)
  const rows = plans.flatMap((p) => p.planned.map((planned) => ({ start: planned.start, channel: p.channel.key, planned })))
  rows.sort((a, b) => a.start - b.start)
  return { forecast, rows, gaps }
}

export async function planCsv(forecastId: number, scenarioId: number | null): Promise<string | null> {
  const result = await planRows(forecastId, scenarioId)
  if (!result) return null
  const n = csvNumber
  const lines = [
    'interval_start,channel,offered,aht_seconds,agents,agents_fractional,scheduled,scheduled_fractional,service_level,asa_seconds,occupancy,abandon_rate,backlog',
  ]
  for (const { start, channel, planned: p } of result.rows) {
    lines.push(
      [
        localIsoString(start, result.forecast.timeZone),
        channel,
        n(p.offered, 3),
        n(p.ahtSec, 1),
        p.agents,
        n(p.agentsFractional, 3),
        p.scheduled,
        n(p.scheduledFractional, 3),
        n(p.serviceLevel, 4),
        n(p.asa, 1),
        n(p.occupancy, 4),
        n(p.abandonRate, 4),
        n(p.backlog, 1),
      ].join(','),
    )
  }
  return `${lines.join('\n')}\n`
}
