// Top-down: a day's total × that weekday's intraday profile. The daily total is a smoothed level
// times a weekday factor times a day-of-month factor; the weekday factors and the profiles are
// learned from recent weeks, so an operation closed on Saturdays (factor 0) or on Friday
// afternoons (a profile ending early) is forecast that way without being told. The day-of-month
// factor captures billing and pay-day cycles (the start and end of a month are busier in banks
// and utilities); it is learned from months of history and shrunk towards 1 where evidence is thin.
import { addDays } from '../../intervals.ts'
import { checkOrigin, type ForecastMethod } from './method.ts'
import { recentSameWeekdays } from './same-weekday.ts'
import { dayTotal, isObservedDay, weekdays, type DaySeries } from '../series.ts'

/** Weeks of same-weekday days behind the weekday factors and the intraday profiles. */
const PROFILE_WEEKS = 8
/** Weeks of daily totals the level is smoothed over. */
const LEVEL_WEEKS = 16
const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8]
const PHIS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1]
/** Open days whose mean is the long-run level a forecast reverts to (8 weeks of weekdays). */
const LONG_RUN_DAYS = 40
/** Days ahead the constants are fitted for: a week. */
const FIT_HORIZON = 7
/** Weeks of daily totals the day-of-month factors are learned from, and the least needed. */
const MONTH_WEEKS = 52
const MONTH_MIN_DAYS = 56
/** Days either side of a day whose mean is its local level when measuring its month factor. */
const LOCAL_DAYS = 10
/** Pseudo-observations at 1 each month factor is shrunk with. */
const SHRINK = 2

export interface TopDownParams {
  /** Smoothing constant of the level of deseasonalised daily totals. */
  alpha: number
  /**
   * Damping per day ahead of the level's distance from its long-run mean: busy and quiet spells
   * last a few days, so a week ahead the forecast reverts towards the 8-week mean.
   */
  phi: number
}

/**
 * Days 1–23 are themselves; from the 24th on, days count back from the month's end so that the
 * last day is always key 31 (month-end effects fall on the 28th, 30th or 31st).
 */
export function monthKey(day: string): number {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  const date = Number(day.slice(8, 10))
  if (date < 24) return date
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return 31 - (length - date)
}

const noMonthEffect = () => new Array<number>(32).fill(1)

/** Day-of-month factors from deseasonalised daily totals before `origin`. */
function monthFactors(series: DaySeries, origin: number, factor: Float64Array): number[] {
  const weekday = weekdays(series)
  const days: number[] = []
  const z: number[] = []
  for (let d = Math.max(0, origin - MONTH_WEEKS * 7); d < origin; d++) {
    const f = factor[weekday[d]!]!
    if (f > 0 && isObservedDay(series, d)) {
      days.push(d)
      z.push(dayTotal(series, d) / f)
    }
  }
  if (days.length < MONTH_MIN_DAYS) return noMonthEffect()
  const sum = new Array<number>(32).fill(0)
  const count = new Array<number>(32).fill(0)
  for (let k = 0; k < z.length; k++) {
    let local = 0
    let n = 0
    for (let j = Math.max(0, k - LOCAL_DAYS); j <= Math.min(z.length - 1, k + LOCAL_DAYS); j++) {
      local += z[j]!
      n++
    }
    if (local <= 0) continue
    const key = monthKey(addDays(series.firstDay, days[k]!))
    sum[key]! += z[k]! / (local / n)
    count[key]!++
  }
  const raw = sum.map((s, key) => (s + SHRINK) / (count[key]! + SHRINK))
  // Neighbouring days share their evidence (weights 1-2-1, the month wrapping round).
  const at = (key: number) => raw[((key - 1 + 31) % 31) + 1]!
  const smoothed = raw.map((_, key) => (key === 0 ? 1 : (at(key - 1) + 2 * at(key) + at(key + 1)) / 4))
  const mean = smoothed.slice(1).reduce((a, b) => a + b, 0) / 31
  return smoothed.map((v, key) => (key === 0 ? 1 : v / mean))
}

interface Shape {
  /** Weekday factor: mean daily total of that weekday ÷ mean over weekdays (0 when closed). */
  factor: Float64Array
  /** Per weekday, the share of the day's total in each slot. */
  profile: Float64Array[]
}

function shapeBefore(series: DaySeries, origin: number): Shape {
  const s = series.slotsPerDay
  const sources = recentSameWeekdays(series, origin, PROFILE_WEEKS)
  const factor = new Float64Array(7)
  const profile: Float64Array[] = []
  let meanSum = 0
  let weekdaysSeen = 0
  for (let w = 0; w < 7; w++) {
    const days = sources[w]!
    const shares = new Float64Array(s)
    let total = 0
    for (const day of days) {
      for (let i = 0; i < s; i++) shares[i]! += series.values[day * s + i]!
    }
    for (let i = 0; i < s; i++) total += shares[i]!
    if (total > 0) for (let i = 0; i < s; i++) shares[i]! /= total
    profile.push(shares)
    if (days.length > 0) {
      factor[w] = total / days.length
      meanSum += factor[w]!
      weekdaysSeen++
    }
  }
  const mean = weekdaysSeen > 0 ? meanSum / weekdaysSeen : 0
  for (let w = 0; w < 7; w++) factor[w] = mean > 0 ? factor[w]! / mean : 0
  return { factor, profile }
}

/** Deseasonalised totals of observed open days in the level window, oldest first. */
function levelInputs(series: DaySeries, origin: number, factor: Float64Array, month: readonly number[]): number[] {
  const weekday = weekdays(series)
  const z: number[] = []
  for (let d = Math.max(0, origin - LEVEL_WEEKS * 7); d < origin; d++) {
    const f = factor[weekday[d]!]! * month[monthKey(addDays(series.firstDay, d))]!
    if (f > 0 && isObservedDay(series, d)) z.push(dayTotal(series, d) / f)
  }
  return z
}

/** The smoothed level after each input: levels[i] has seen z[0..i]. */
function levels(z: readonly number[], alpha: number): Float64Array {
  const out = new Float64Array(z.length)
  let level = z[0] ?? 0
  for (let i = 0; i < z.length; i++) {
    level += alpha * (z[i]! - level)
    out[i] = level
  }
  return out
}

function longRunMean(z: readonly number[], end: number): number {
  const from = Math.max(0, end - LONG_RUN_DAYS)
  let sum = 0
  for (let i = from; i < end; i++) sum += z[i]!
  return end > from ? sum / (end - from) : 0
}

/** The level `ahead` open days after the last input: damped towards the long-run mean. */
function levelAhead(level: number, longRun: number, phi: number, ahead: number): number {
  return longRun + Math.pow(phi, ahead) * (level - longRun)
}

export const topDown: ForecastMethod<TopDownParams> = {
  id: 'top-down',
  refitEachOrigin: true,
  minHistoryDays: 14,
  fit(series, origin) {
    const { factor } = shapeBefore(series, origin)
    const month = monthFactors(series, origin, factor)
    const z = levelInputs(series, origin, factor, month)
    // Too few days to tell the constants apart: typical values for daily contact volumes.
    if (z.length < 2 * LONG_RUN_DAYS) return { alpha: 0.4, phi: 0.8 }
    // Squared errors of 1…7-step forecasts from every point of the training days.
    const longRun = z.map((_, i) => longRunMean(z, i + 1))
    let best = { alpha: 0.2, phi: 1, sse: Infinity }
    for (const alpha of ALPHAS) {
      const level = levels(z, alpha)
      for (const phi of PHIS) {
        let sse = 0
        for (let i = 0; i < z.length - 1; i++) {
          for (let h = 1; h <= FIT_HORIZON && i + h < z.length; h++) {
            const e = z[i + h]! - levelAhead(level[i]!, longRun[i]!, phi, h)
            sse += e * e
          }
        }
        if (sse < best.sse) best = { alpha, phi, sse }
      }
    }
    return { alpha: best.alpha, phi: best.phi }
  },
  predict(series, origin, horizonDays, params) {
    checkOrigin(series, origin, horizonDays)
    const s = series.slotsPerDay
    const { factor, profile } = shapeBefore(series, origin)
    // Like the weekday factors, the month factors are learned afresh at every origin.
    const month = monthFactors(series, origin, factor)
    const z = levelInputs(series, origin, factor, month)
    const level = levels(z, params.alpha)[z.length - 1] ?? 0
    const longRun = longRunMean(z, z.length)
    const weekday = weekdays({ firstDay: series.firstDay, days: origin + horizonDays })
    const out = new Float64Array(horizonDays * s)
    let ahead = 0
    for (let h = 0; h < horizonDays; h++) {
      const w = weekday[origin + h]!
      if (factor[w]! > 0) ahead++
      const total =
        levelAhead(level, longRun, params.phi, Math.max(1, ahead)) * factor[w]! * month[monthKey(addDays(series.firstDay, origin + h))]!
      const shares = profile[w]!
      for (let i = 0; i < s; i++) out[h * s + i] = total * shares[i]!
    }
    return out
  },
}
