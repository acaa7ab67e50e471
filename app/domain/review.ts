// Forecast vs actual, and service-level attainment, for managers' weekly review. Variance is
// (forecast − actual) ÷ actual as the industry reports it; accuracy is WAPE and bias (MAPE over
// non-zero intervals beside them). Pure: intervals in, figures out.
import { AccuracySums, type Accuracy } from './forecast/accuracy.ts'
import { addSums, emptySums, measure, meetsSlGoal, type TrafficMeasures, type TrafficSums } from './metrics.ts'

export interface QualitySums {
  fcrCount: number
  fcrResolved: number
  npsCount: number
  npsPromoters: number
  npsDetractors: number
}

export interface ReviewInterval {
  /** UTC epoch ms of the interval start. */
  start: number
  channel: string
  /** Local calendar date, local weekday (0 = Sunday) and hour. */
  day: string
  weekday: number
  hour: number
  /** Local date of the Monday the interval's week starts on, and "YYYY-MM". */
  week: string
  month: string
  slGoal: number
  /** The forecast's adjusted volume and TMA; null where the forecast does not cover the interval. */
  forecastOffered: number | null
  forecastAhtSec: number | null
  /** The plan's agents on the floor and its predicted abandonment (Erlang A channels); null when absent. */
  plannedAgents: number | null
  predictedAbandonRate: number | null
  actual: TrafficSums & QualitySums
  /** Agents logged in (mean over the interval) when the source reports it. */
  agentsStaffed: number | null
}

export const emptyQuality = (): QualitySums => ({ fcrCount: 0, fcrResolved: 0, npsCount: 0, npsPromoters: 0, npsDetractors: 0 })

/** (forecast − actual) ÷ actual; null when nothing was offered. */
export function variance(forecast: number, actual: number): number | null {
  return actual > 0 ? (forecast - actual) / actual : null
}

/** Volume accuracy over the intervals the forecast covers. */
export function volumeAccuracy(intervals: readonly ReviewInterval[]): Accuracy {
  const sums = new AccuracySums()
  for (const i of intervals) if (i.forecastOffered !== null) sums.add(i.forecastOffered, i.actual.offered)
  return sums.result()
}

/**
 * TMA accuracy weighted by the contacts answered (those the actual TMA is over): WAPE =
 * Σ answered·|F − A| ÷ Σ answered·A (the handle workload the forecast missed), bias likewise
 * signed; MAPE over intervals with a TMA. RMSE is left out (it would be in contact-seconds).
 */
export function ahtAccuracy(intervals: readonly ReviewInterval[]): Accuracy {
  const sums = new AccuracySums()
  for (const i of intervals) {
    if (i.forecastAhtSec === null || i.actual.ahtAnswered === 0) continue
    sums.add(i.forecastAhtSec * i.actual.ahtAnswered, i.actual.handleSecSum)
  }
  return { ...sums.result(), rmse: null }
}

export interface Attainment {
  met: number
  measured: number
  /** met ÷ measured; null when nothing could be measured. */
  share: number | null
}

/** Groups meeting their goal: each group's pooled service level against its channel's goal. */
export function attainment(intervals: readonly ReviewInterval[], groupOf: (i: ReviewInterval) => string): Attainment {
  return totalAttainment(attainmentBy(intervals, groupOf))
}

/** All groups' attainment together (from attainmentBy's result). */
export function totalAttainment(groups: Map<string, Attainment>): Attainment {
  let met = 0
  let measured = 0
  for (const a of groups.values()) {
    met += a.met
    measured += a.measured
  }
  return { met, measured, share: measured > 0 ? met / measured : null }
}

/**
 * Attainment per group in one pass: each (channel, group) pooled against the channel's goal, then
 * counted under its group (a day's attainment counts its channels).
 */
export function attainmentBy(intervals: readonly ReviewInterval[], groupOf: (i: ReviewInterval) => string): Map<string, Attainment> {
  const pooled = new Map<string, { group: string; sums: TrafficSums; goal: number }>()
  for (const i of intervals) {
    const group = groupOf(i)
    const key = `${i.channel}|${group}`
    let entry = pooled.get(key)
    if (!entry) pooled.set(key, (entry = { group, sums: emptySums(), goal: i.slGoal }))
    addSums(entry.sums, i.actual)
  }
  const out = new Map<string, Attainment>()
  for (const { group, sums, goal } of pooled.values()) {
    const sl = measure(sums).serviceLevel
    let a = out.get(group)
    if (!a) out.set(group, (a = { met: 0, measured: 0, share: null }))
    if (sl === null) continue
    a.measured++
    if (meetsSlGoal(sl, goal)) a.met++
  }
  for (const a of out.values()) a.share = a.measured > 0 ? a.met / a.measured : null
  return out
}

/** Intervals (each one channel's) meeting their goal: no grouping needed. */
export function intervalAttainment(intervals: readonly ReviewInterval[]): Attainment {
  let met = 0
  let measured = 0
  for (const i of intervals) {
    const eligible = i.actual.slEligible
    if (eligible <= 0) continue
    measured++
    if (meetsSlGoal(i.actual.answeredWithinThreshold / eligible, i.slGoal)) met++
  }
  return { met, measured, share: measured > 0 ? met / measured : null }
}

export interface PeriodSummary extends TrafficMeasures {
  key: string
  forecastOffered: number | null
  /** Volume variance over the intervals the forecast covers. */
  volumeVariance: number | null
  intervalAttainment: Attainment
  fcrRate: number | null
  /** Net promoter score, −100 … 100. */
  nps: number | null
  npsResponses: number
}

/** FCR rate and NPS (promoters 9–10 minus detractors 0–6, in points) from counts. */
export function quality(sums: QualitySums): { fcrRate: number | null; nps: number | null } {
  return {
    fcrRate: sums.fcrCount > 0 ? sums.fcrResolved / sums.fcrCount : null,
    nps: sums.npsCount > 0 ? (100 * (sums.npsPromoters - sums.npsDetractors)) / sums.npsCount : null,
  }
}

/** One summary per key (a day, a week, a month…), in key order. */
export function summarise(intervals: readonly ReviewInterval[], keyOf: (i: ReviewInterval) => string): PeriodSummary[] {
  const groups = new Map<string, ReviewInterval[]>()
  for (const i of intervals) {
    const key = keyOf(i)
    let list = groups.get(key)
    if (!list) groups.set(key, (list = []))
    list.push(i)
  }
  return [...groups.keys()].sort().map((key) => summary(key, groups.get(key)!))
}

export function summary(key: string, intervals: readonly ReviewInterval[]): PeriodSummary {
  const sums = emptySums()
  const q = emptyQuality()
  let forecast = 0
  let covered = 0
  let hasForecast = false
  for (const i of intervals) {
    addSums(sums, i.actual)
    q.fcrCount += i.actual.fcrCount
    q.fcrResolved += i.actual.fcrResolved
    q.npsCount += i.actual.npsCount
    q.npsPromoters += i.actual.npsPromoters
    q.npsDetractors += i.actual.npsDetractors
    if (i.forecastOffered !== null) {
      hasForecast = true
      forecast += i.forecastOffered
      covered += i.actual.offered
    }
  }
  return {
    key,
    ...measure(sums),
    forecastOffered: hasForecast ? forecast : null,
    volumeVariance: hasForecast ? variance(forecast, covered) : null,
    intervalAttainment: intervalAttainment(intervals),
    ...quality(q),
    npsResponses: q.npsCount,
  }
}

/** Weekday × hour: volume variance Σ(F − A) ÷ ΣA of the intervals the forecast covers; null where nothing was offered. */
export function varianceHeatmap(intervals: readonly ReviewInterval[]): Array<Array<number | null>> {
  const forecast = Array.from({ length: 7 }, () => new Array<number>(24).fill(0))
  const actual = Array.from({ length: 7 }, () => new Array<number>(24).fill(0))
  for (const i of intervals) {
    if (i.forecastOffered === null) continue
    forecast[i.weekday]![i.hour]! += i.forecastOffered
    actual[i.weekday]![i.hour]! += i.actual.offered
  }
  return forecast.map((row, d) => row.map((f, h) => variance(f, actual[d]![h]!)))
}

export type CauseSignal = 'volumeAbove' | 'ahtAbove' | 'understaffed' | 'abandonSpike'

export interface MissedInterval {
  interval: ReviewInterval
  serviceLevel: number
  /** Contacts short of the goal: (goal − SL) × eligible contacts; the ranking. */
  shortfall: number
  signals: CauseSignal[]
}

/** Thresholds for the cause signals (documented on the page). */
export const SIGNALS = {
  /** Volume or TMA this much above the forecast. */
  above: 0.15,
  /** …and volume at least this many contacts above (quiet intervals swing by percent). */
  minContacts: 3,
  /** Agents logged in below this share of the plan's agents on the floor. */
  staffed: 0.95,
  /** Abandonment above twice the channel's rate for the period and 5 points above the plan's. */
  abandonFactor: 2,
  abandonPoints: 0.05,
} as const

/**
 * The intervals that missed their goal by the most contacts, with what may explain each: volume
 * above forecast, TMA above forecast, fewer agents than planned, an abandonment spike.
 */
export function worstIntervals(intervals: readonly ReviewInterval[], limit = 10): MissedInterval[] {
  const channelSums = new Map<string, TrafficSums>()
  for (const i of intervals) {
    let sums = channelSums.get(i.channel)
    if (!sums) channelSums.set(i.channel, (sums = emptySums()))
    addSums(sums, i.actual)
  }
  const channelAbandon = new Map([...channelSums].map(([channel, sums]) => [channel, measure(sums).abandonRate ?? 0]))
  const missed: MissedInterval[] = []
  for (const i of intervals) {
    const m = measure(i.actual)
    if (m.serviceLevel === null || meetsSlGoal(m.serviceLevel, i.slGoal)) continue
    const eligible = i.actual.slEligible
    const signals: CauseSignal[] = []
    const f = i.forecastOffered
    if (f !== null && i.actual.offered > f * (1 + SIGNALS.above) && i.actual.offered - f >= SIGNALS.minContacts) signals.push('volumeAbove')
    if (i.forecastAhtSec !== null && m.ahtSec !== null && m.ahtSec > i.forecastAhtSec * (1 + SIGNALS.above)) signals.push('ahtAbove')
    if (i.agentsStaffed !== null && i.plannedAgents !== null && i.agentsStaffed < i.plannedAgents * SIGNALS.staffed)
      signals.push('understaffed')
    const abandon = m.abandonRate ?? 0
    const usual = channelAbandon.get(i.channel) ?? 0
    if (abandon > usual * SIGNALS.abandonFactor && abandon > (i.predictedAbandonRate ?? usual) + SIGNALS.abandonPoints)
      signals.push('abandonSpike')
    missed.push({ interval: i, serviceLevel: m.serviceLevel, shortfall: (i.slGoal - m.serviceLevel) * eligible, signals })
  }
  missed.sort((a, b) => b.shortfall - a.shortfall || a.interval.start - b.interval.start)
  return missed.slice(0, limit)
}
