// Double-seasonal Holt-Winters (Taylor 2003, J. Oper. Res. Soc. 54: 799–805): a level, an
// intraday cycle and a weekly cycle, multiplicative, with the AR(1) adjustment of the one-step
// error. Smoothing constants are fitted by minimising one-step squared errors over the last
// weeks before the origin. Closed intervals (a cycle index of 0) and days left out of training
// carry the state unchanged, as if the open intervals were one series, as in Taylor's data; an
// interval that opens later gets its indices from its first volume.
import { checkOrigin, type ForecastMethod } from './method.ts'
import { nelderMead } from '../nelder-mead.ts'

/** Weeks of history the constants are fitted on and the state is filtered through. */
const FIT_WEEKS = 12
/** Weeks averaged for the initial level and cycles. */
const INIT_WEEKS = 2
const CLOSED = 1e-9

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

/** Filters the state through [from, to) (interval indices); returns the scored SSE. */
function filter(values: Float64Array, from: number, to: number, scoreFrom: number, s1: number, state: State, p: HoltWintersParams): number {
  const s2 = 7 * s1
  const { daily, weekly } = state
  let { level, error } = state
  let sse = 0
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

const fallback: HoltWintersParams = { alpha: 0.05, delta: 0.1, omega: 0.1, phi: 0.5 }

export const holtWinters: ForecastMethod<HoltWintersParams> = {
  id: 'holt-winters',
  refitEachOrigin: false,
  minHistoryDays: (INIT_WEEKS + 1) * 7,
  fit(series, origin) {
    const s1 = series.slotsPerDay
    const fromDay = windowStart(origin)
    if (origin - fromDay < (INIT_WEEKS + 1) * 7) return fallback
    const initial = initialState(series.values, fromDay, s1)
    if (initial.level <= 0) return fallback
    const toParams = (x: number[]): HoltWintersParams => ({
      alpha: logistic(x[0]!),
      delta: logistic(x[1]!),
      omega: logistic(x[2]!),
      phi: logistic(x[3]!),
    })
    const sse = (x: number[]) => {
      const state = { ...initial, daily: initial.daily.slice(), weekly: initial.weekly.slice() }
      return filter(series.values, fromDay * s1, origin * s1, (fromDay + INIT_WEEKS * 7) * s1, s1, state, toParams(x))
    }
    const start = [fallback.alpha, fallback.delta, fallback.omega, fallback.phi].map(logit)
    return toParams(nelderMead(sse, start, { step: 1, maxEvaluations: 300, tolerance: 1e-7 }).x)
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
