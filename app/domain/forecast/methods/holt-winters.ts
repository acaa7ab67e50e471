// Double-seasonal Holt-Winters (Taylor 2003, J. Oper. Res. Soc. 54: 799–805): a level, an
// intraday cycle and a weekly cycle, multiplicative, with the AR(1) adjustment of the one-step
// error. Smoothing constants are fitted by minimising one-step squared errors over the last
// weeks before the origin. Closed intervals (a cycle index of 0) and days left out of training
// carry the state unchanged, as if the open intervals were one series, as in Taylor's data; an
// interval that opens later gets its indices from its first volume.
//
// Two bounds keep the states sane on real histories (decision 008). The level's half-life is at
// least a day of intervals: fitted on one-step errors alone, the level chased the last evening's
// few quiet intervals, or swung with the weekday against the weekly cycle, and a week ahead ran
// at 0.6× or 2× the history. And an open interval far from its one-step forecast (beyond 3× or ⅓
// of it and beyond 3 Poisson standard deviations) is an outlier that leaves the state as it was
// and is not scored when fitting, as in the robust Holt-Winters of Gelper, Fried & Croux (2010):
// a day read as zeros (a missing export, an untagged holiday) used to drag the level to nothing,
// and the cycles then absorbed the ratio of the next day's volume to it (forecasts at 2× and
// more). A run of outliers longer than a day's intervals is a new level, and is learned from.
import { checkOrigin, type ForecastMethod } from './method.ts'
import { nelderMead } from '../nelder-mead.ts'

/** Weeks of history the constants are fitted on and the state is filtered through. */
const FIT_WEEKS = 12
/** Weeks averaged for the initial level and cycles. */
const INIT_WEEKS = 2
const CLOSED = 1e-9
/** An outlier is beyond this ratio to its one-step forecast, either way… */
const OUTLIER_RATIO = 3
/** …and beyond this many Poisson standard deviations (a quiet interval's 0 is no outlier). */
const OUTLIER_SD = 3

function isOutlier(y: number, base: number): boolean {
  return (y > OUTLIER_RATIO * base || y * OUTLIER_RATIO < base) && Math.abs(y - base) > OUTLIER_SD * Math.sqrt(base)
}

/** The largest level constant: a half-life of at least a day's intervals. */
export function maxAlpha(slotsPerDay: number): number {
  return 1 - Math.pow(0.5, 1 / slotsPerDay)
}

export interface HoltWintersParams {
  /** Level, intraday cycle, weekly cycle, AR(1) error. */
  alpha: number
  delta: number
  omega: number
  phi: number
}

interface State {
  level: number
  daily: Float64Array
  weekly: Float64Array
  /** One-step error of the base model at the last open interval (for the AR term). */
  error: number
}

function initialState(values: Float64Array, fromDay: number, s1: number): State {
  const s2 = 7 * s1
  const mean = new Float64Array(s2)
  for (let j = 0; j < s2; j++) {
    let sum = 0
    let count = 0
    for (let k = 0; k < INIT_WEEKS; k++) {
      const y = values[fromDay * s1 + k * s2 + j]!
      if (!Number.isNaN(y)) {
        sum += y
        count++
      }
    }
    mean[j] = count > 0 ? sum / count : 0
  }
  let level = 0
  for (let j = 0; j < s2; j++) level += mean[j]! / s2
  const daily = new Float64Array(s1)
  const weekly = new Float64Array(s2)
  if (level > 0) {
    for (let i = 0; i < s1; i++) {
      let sum = 0
      for (let w = 0; w < 7; w++) sum += mean[w * s1 + i]!
      daily[i] = sum / 7 / level
    }
    for (let j = 0; j < s2; j++) {
      const d = daily[j % s1]!
      weekly[j] = d > 0 ? mean[j]! / (level * d) : 0
    }
  }
  return { level, daily, weekly, error: 0 }
}

/** Filters the state through [from, to) (interval indices), outliers aside; returns the scored SSE. */
function filter(values: Float64Array, from: number, to: number, scoreFrom: number, s1: number, state: State, p: HoltWintersParams): number {
  const s2 = 7 * s1
  const { daily, weekly } = state
  let { level, error } = state
  let sse = 0
  /** Open intervals in a row that were outliers. */
  let run = 0
  for (let t = from; t < to; t++) {
    const i = t % s1
    const k = (t - from) % s2
    const d = daily[i]!
    const w = weekly[k]!
    const index = d * w
    const y = values[t]!
    if (Number.isNaN(y)) continue
    if (index <= CLOSED) {
      // Volume where the cycles say closed: the interval opened (a launch, longer hours).
      // Its indices restart from this observation; the level is not told anything.
      if (y > 0 && level > CLOSED) {
        if (d <= CLOSED) {
          daily[i] = y / level
          weekly[k] = 1
        } else {
          weekly[k] = y / (level * d)
        }
      }
      continue
    }
    const base = level * index
    run = isOutlier(y, base) ? run + 1 : 0
    if (run > 0 && run <= s1) continue
    if (t >= scoreFrom) {
      const e = y - base - p.phi * error
      sse += e * e
    }
    error = y - base
    level = p.alpha * (y / index) + (1 - p.alpha) * level
    if (level > CLOSED) {
      daily[i] = p.delta * (y / (level * w)) + (1 - p.delta) * d
      weekly[k] = p.omega * (y / (level * d)) + (1 - p.omega) * w
    }
  }
  state.level = level
  state.error = error
  return sse
}

function windowStart(origin: number): number {
  return Math.max(0, origin - FIT_WEEKS * 7)
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x))
const logit = (p: number) => Math.log(p / (1 - p))

/** Where the fit starts, and the constants when there is too little history to fit them. */
const fallback = (slotsPerDay: number): HoltWintersParams => ({ alpha: maxAlpha(slotsPerDay) / 2, delta: 0.1, omega: 0.1, phi: 0.5 })

export const holtWinters: ForecastMethod<HoltWintersParams> = {
  id: 'holt-winters',
  refitEachOrigin: false,
  minHistoryDays: (INIT_WEEKS + 1) * 7,
  fit(series, origin) {
    const s1 = series.slotsPerDay
    const fromDay = windowStart(origin)
    const start = fallback(s1)
    if (origin - fromDay < (INIT_WEEKS + 1) * 7) return start
    const initial = initialState(series.values, fromDay, s1)
    if (initial.level <= 0) return start
    const alphaMax = maxAlpha(s1)
    const toParams = (x: number[]): HoltWintersParams => ({
      alpha: alphaMax * logistic(x[0]!),
      delta: logistic(x[1]!),
      omega: logistic(x[2]!),
      phi: logistic(x[3]!),
    })
    const sse = (x: number[]) => {
      const state = { ...initial, daily: initial.daily.slice(), weekly: initial.weekly.slice() }
      return filter(series.values, fromDay * s1, origin * s1, (fromDay + INIT_WEEKS * 7) * s1, s1, state, toParams(x))
    }
    const x0 = [start.alpha / alphaMax, start.delta, start.omega, start.phi].map(logit)
    return toParams(nelderMead(sse, x0, { step: 1, maxEvaluations: 300, tolerance: 1e-7 }).x)
  },
  predict(series, origin, horizonDays, params) {
    checkOrigin(series, origin, horizonDays)
    const s1 = series.slotsPerDay
    const s2 = 7 * s1
    const out = new Float64Array(horizonDays * s1)
    const fromDay = windowStart(origin)
    if (origin - fromDay < INIT_WEEKS * 7) return out
    const state = initialState(series.values, fromDay, s1)
    filter(series.values, fromDay * s1, origin * s1, Infinity, s1, state, params)
    let ar = state.error
    for (let h = 0; h < horizonDays * s1; h++) {
      const t = origin * s1 + h
      const index = state.daily[t % s1]! * state.weekly[(t - fromDay * s1) % s2]!
      if (index <= CLOSED) continue
      ar *= params.phi
      out[h] = Math.max(0, state.level * index + ar)
    }
    return out
  },
}
