// The model check page's view: the channel's model against a period of history, the efficiency
// fitted on the period's first half and checked on its second (held out), and the patience curve.
// A result is kept until the data changes: the fit reads every eligible interval ~100 times.
import { queries, rows, sql } from '../db/queries.server.ts'
import { exponentialSurvival, type PatienceSurvival } from '../domain/kaplan-meier.ts'
import { DEFAULT_ELIGIBILITY, type ModelCheckSummary } from '../domain/model-check.ts'
import { addDays, daysBetween, localDateOf, startOfLocalDay } from '../domain/intervals.ts'
import type { ModelCheckForm, ModelCheckSearch } from '../schemas/model-check.ts'
import { keptWhileUnchanged } from './kept.server.ts'
import {
  calibrateHistory,
  CannotCheck,
  checkHistory,
  readCheckHistory,
  type CheckChannel,
  type CheckHistory,
  type CheckIntervalSec,
  type HistoryInterval,
} from './model-check.server.ts'

/** Days a period defaults to, ending on the channel's last day with data. */
export const DEFAULT_CHECK_DAYS = 28

export interface CheckPoint {
  start: number
  day: string
  offered: number
  agents: number
  actualServiceLevel: number | null
  actualAbandonRate: number | null
  /** At the stored efficiency and patience. */
  predictedServiceLevel: number
  predictedAbandonRate: number
  /** At the fitted efficiency and patience (null without a fit). */
  fittedServiceLevel: number | null
  fittedAbandonRate: number | null
}

export interface SurvivalPoint {
  waitSec: number
  /** Kaplan–Meier: share of contacts still willing to wait. */
  observed: number
  /** The exponential of the estimated mean patience. */
  exponential: number | null
}

export interface ModelCheckView {
  channels: Array<{ key: string; name: string }>
  query: ModelCheckForm
  /** Why there is nothing to show (the page explains it), or null. */
  problem: 'noChannels' | 'noData' | 'noEligible' | CannotCheck['reason'] | null
  channel: CheckChannel | null
  intervalsRead: number
  /** Of the intervals read: how many have enough traffic, a TMA, agents on duty (why none is eligible). */
  having: { traffic: number; aht: number; agents: number }
  /** Where the agents on duty of the checked intervals came from. */
  agentsFrom: { loggedIn: number; contacts: number }
  current: ModelCheckSummary | null
  split: { trainingFrom: string; trainingTo: string; heldOutFrom: string; heldOutTo: string } | null
  fit: {
    efficiency: number
    patienceSec: number | null
    training: ModelCheckSummary
    /** The held-out days at the fitted and at the stored model; null when the period is one day. */
    heldOut: { fitted: ModelCheckSummary; current: ModelCheckSummary } | null
  } | null
  points: CheckPoint[]
  survival: {
    points: SurvivalPoint[]
    abandoned: number
    answered: number
    medianSec: number | null
    restrictedMeanSec: number | null
    /** The estimator's mean patience (total wait ÷ abandoned). */
    estimatedSec: number | null
  } | null
}

interface RealtimeChannel {
  id: number
  key: string
  name: string
}

function realtimeChannels(): Promise<RealtimeChannel[]> {
  return rows(sql<RealtimeChannel>`SELECT "id", "key", "name" FROM "Channel" WHERE "kind" = 'realtime' ORDER BY "sortOrder", "id"`)
}

/** The channel's last local day with contacts offered, or null without any. */
async function lastDayWithData(channelId: number, timeZone: string): Promise<string | null> {
  const q = queries()
  const [row] = await q.arrays(sql`SELECT ${q.epochMs('last')} FROM (SELECT MAX("start") AS "last" FROM "IntervalStat" WHERE "channelId" = ${channelId} AND "offered" > 0) m`)
  const last = (row?.[0] ?? null) as number | null
  return last === null ? null : localDateOf(last, timeZone)
}

/** The channel, period and interval the URL asks for, with defaults filled in. */
export async function resolveCheckQuery(
  search: ModelCheckSearch,
  timeZone: string,
  today: string,
): Promise<{ channels: RealtimeChannel[]; query: ModelCheckForm; channel: RealtimeChannel | null }> {
  const channels = await realtimeChannels()
  const wanted = search.channel?.toLowerCase()
  const channel = channels.find((c) => c.key.toLowerCase() === wanted || c.name.toLowerCase() === wanted) ?? channels[0] ?? null
  let period = search.period
  if (!period && channel) {
    const last = await lastDayWithData(channel.id, timeZone)
    if (last) period = { from: addDays(last, -(DEFAULT_CHECK_DAYS - 1)), to: last }
  }
  period ??= { from: today, to: today }
  return { channels, channel, query: { channel: channel?.key ?? '', ...period, interval: search.interval } }
}

export async function getModelCheckView(search: ModelCheckSearch, timeZone: string, today: string): Promise<ModelCheckView> {
  const { channels, channel, query } = await resolveCheckQuery(search, timeZone, today)
  return keptWhileUnchanged(`model-check|${timeZone}|${JSON.stringify(query)}`, () => buildView(channels, channel, query, timeZone))
}

const emptyView = (channels: RealtimeChannel[], query: ModelCheckForm, problem: ModelCheckView['problem'], channel: CheckChannel | null = null): ModelCheckView => ({
  channels: channels.map(({ key, name }) => ({ key, name })),
  query,
  problem,
  channel,
  intervalsRead: 0,
  having: { traffic: 0, aht: 0, agents: 0 },
  agentsFrom: { loggedIn: 0, contacts: 0 },
  current: null,
  split: null,
  fit: null,
  points: [],
  survival: null,
})

/** The history of [from, to] (local days, inclusive). */
function historyOf(query: ModelCheckForm, from: string, to: string, timeZone: string): Promise<CheckHistory> {
  return readCheckHistory({
    channel: query.channel,
    fromMs: startOfLocalDay(from, timeZone),
    toMs: startOfLocalDay(addDays(to, 1), timeZone),
    intervalSec: query.interval as CheckIntervalSec,
    timeZone,
  })
}

/** The days of a period split in two halves: the first fits, the second checks. */
export function splitPeriod(from: string, to: string): ModelCheckView['split'] {
  const days = daysBetween(from, to) + 1
  if (days < 2) return null
  const trainingDays = Math.ceil(days / 2)
  return { trainingFrom: from, trainingTo: addDays(from, trainingDays - 1), heldOutFrom: addDays(from, trainingDays), heldOutTo: to }
}

/** The fit the page shows and its Apply button stores: on the period's first half (all of it when one day). */
export async function fitForQuery(query: ModelCheckForm, timeZone: string) {
  const split = splitPeriod(query.from, query.to)
  const training = await historyOf(query, query.from, split?.trainingTo ?? query.to, timeZone)
  return { split, training, fit: calibrateHistory(training) }
}

async function buildView(channels: RealtimeChannel[], channel: RealtimeChannel | null, query: ModelCheckForm, timeZone: string): Promise<ModelCheckView> {
  if (!channel) return emptyView(channels, query, 'noChannels')
  let history: CheckHistory
  let fitted: Awaited<ReturnType<typeof fitForQuery>>
  try {
    history = await historyOf(query, query.from, query.to, timeZone)
    if (history.intervals.every((i) => i.offered === 0)) return emptyView(channels, query, 'noData', history.channel)
    fitted = await fitForQuery(query, timeZone)
  } catch (error) {
    if (error instanceof CannotCheck) return emptyView(channels, query, error.reason)
    throw error
  }
  const current = checkHistory(history)
  if (current.checked.length === 0) {
    return { ...emptyView(channels, query, 'noEligible', history.channel), intervalsRead: history.intervals.length, having: having(history.intervals) }
  }
  const { split, fit } = fitted
  const atFit = fit && checkHistory(history, { efficiency: fit.efficiency, patienceSec: fit.patienceSec })
  const fittedByStart = new Map(atFit?.checked.map((c) => [c.actuals.start, c.check]))
  const heldOut = split && fit ? await historyOf(query, split.heldOutFrom, split.heldOutTo, timeZone) : null

  return {
    ...emptyView(channels, query, null, history.channel),
    intervalsRead: history.intervals.length,
    agentsFrom: {
      loggedIn: current.checked.filter((c) => c.actuals.agentsFrom === 'loggedIn').length,
      contacts: current.checked.filter((c) => c.actuals.agentsFrom === 'contacts').length,
    },
    current: current.summary,
    split,
    fit: fit && {
      efficiency: fit.efficiency,
      patienceSec: fit.patienceSec,
      training: checkHistory(fitted.training, { efficiency: fit.efficiency, patienceSec: fit.patienceSec }).summary,
      heldOut:
        heldOut && heldOut.intervals.length > 0
          ? { fitted: checkHistory(heldOut, { efficiency: fit.efficiency, patienceSec: fit.patienceSec }).summary, current: checkHistory(heldOut).summary }
          : null,
    },
    points: current.checked.map(({ actuals, check }) => {
      const atFitted = fittedByStart.get(actuals.start)
      return {
        start: actuals.start,
        day: localDateOf(actuals.start, timeZone),
        offered: actuals.offered,
        agents: actuals.agentsOnDuty!,
        actualServiceLevel: check.actualServiceLevel,
        actualAbandonRate: check.actualAbandonRate,
        predictedServiceLevel: check.predictedServiceLevel,
        predictedAbandonRate: check.predictedAbandonRate,
        fittedServiceLevel: atFitted?.predictedServiceLevel ?? null,
        fittedAbandonRate: atFitted?.predictedAbandonRate ?? null,
      }
    }),
    survival: current.survival && survivalView(current.survival, history.estimatedPatienceSec),
  }
}

/** What the intervals have of what a check needs (eligibility as in app/domain/model-check.ts). */
function having(intervals: readonly HistoryInterval[]): ModelCheckView['having'] {
  const { minOfferedPerHour, minAnsweredPerHour } = DEFAULT_ELIGIBILITY
  const count = (test: (i: HistoryInterval) => boolean) => intervals.filter(test).length
  return {
    traffic: count((i) => i.offered >= (minOfferedPerHour * i.intervalSec) / 3600 && i.answered !== null && i.answered >= (minAnsweredPerHour * i.intervalSec) / 3600),
    aht: count((i) => i.ahtSec !== null && i.ahtSec > 0),
    agents: count((i) => i.agentsOnDuty !== null && i.agentsOnDuty > 0),
  }
}

/** Contacts still at risk below which the curve's tail is left off the chart (too few to read). */
const MIN_AT_RISK = 20
const SURVIVAL_POINTS = 120

/** The curve at evenly spaced waits up to where enough contacts were still waiting. */
function survivalView(survival: PatienceSurvival, estimatedSec: number | null): NonNullable<ModelCheckView['survival']> {
  const { steps } = survival
  let horizon = 0
  for (const step of steps) if (step.atRisk >= MIN_AT_RISK) horizon = step.timeSec
  if (horizon === 0) horizon = survival.horizonSec ?? 0
  const points: SurvivalPoint[] = []
  let s = 0
  let value = 1
  for (let i = 0; i <= SURVIVAL_POINTS && horizon > 0; i++) {
    const waitSec = (horizon * i) / SURVIVAL_POINTS
    while (s < steps.length && steps[s]!.timeSec <= waitSec) value = steps[s++]!.survival
    points.push({ waitSec, observed: value, exponential: estimatedSec === null ? null : exponentialSurvival(estimatedSec, waitSec) })
  }
  return {
    points,
    abandoned: survival.abandoned,
    answered: survival.answered,
    medianSec: survival.medianSec,
    restrictedMeanSec: survival.restrictedMeanSec,
    estimatedSec,
  }
}
