// One channel's forecast: leave special days out of training, backtest every method, use the
// requested one or (auto) the one with the lowest backtest WAPE, forecast volume and TMA for the
// horizon, apply the special days of the horizon, and put a band around it.
import { forecastAht, type HandleHistory } from './aht.ts'
import type { Accuracy } from './accuracy.ts'
import {
  accuracyAt,
  autoAccuracy,
  backtest,
  chooseMethod,
  forecastFrom,
  horizonFor,
  type Backtest,
  type BacktestOptions,
  type Choice,
} from './backtest.ts'
import { band, dispersionOf } from './band.ts'
import { methods, type MethodId } from './methods/index.ts'
import { withoutDays, type DaySeries } from './series.ts'
import { treatmentOf, type SpecialDay } from './special-days.ts'
import { addDays, daysBetween, weekdayOf } from '../intervals.ts'

export type MethodRequest = MethodId | 'auto'

export interface ForecastOptions {
  horizonDays: number
  method: MethodRequest
  specialDays?: readonly SpecialDay[]
  /**
   * History days to leave out of training and backtests, not read as zeros: gaps in the data
   * (`findGaps`), days after the source's last data.
   */
  unknownDays?: readonly string[]
  backtest?: BacktestOptions
}

export interface MethodScore {
  method: MethodId
  oneDay: Accuracy
  oneWeek: Accuracy
}

export interface ChannelForecast {
  /** First forecast day: the day after the history. */
  firstDay: string
  days: number
  slotsPerDay: number
  offered: Float64Array
  /** 80% band of the offered count per interval. */
  lower: Float64Array
  upper: Float64Array
  /** TMA seconds per interval; NaN where unknown. */
  aht: Float64Array
  method: MethodId
  params: unknown
  /** Why auto chose the method (null when a method was requested). */
  choice: Choice | null
  /** Backtest of every method that had the history for it, plus how auto itself would have done. */
  scores: MethodScore[]
  /** How auto itself would have scored, without hindsight, beside every method over the same origins. */
  autoScore: AutoComparison | null
  origins: number
  /** Quasi-Poisson dispersion behind the band. */
  dispersion: number
}

export interface AutoComparison {
  /** Origins auto could be scored at, per horizon. */
  origins: { oneDay: number; oneWeek: number }
  auto: { oneDay: Accuracy; oneWeek: Accuracy }
  /** Every method's accuracy over those same origins. */
  methods: MethodScore[]
}

export class NotEnoughHistory extends RangeError {
  constructor(readonly method: MethodId, readonly neededDays: number) {
    super(`${method} needs at least ${neededDays} days of history`)
  }
}

const excludedIndices = (series: DaySeries, specialDays: readonly { date: string }[]) =>
  specialDays.map((d) => daysBetween(series.firstDay, d.date)).filter((i) => i >= 0 && i < series.days)

/** Auto scored without hindsight, and every method over the same origins (null without any). */
export function compareAuto(tested: Backtest): AutoComparison | null {
  const day = autoAccuracy(tested, 1)
  const week = autoAccuracy(tested, 7)
  if (day.origins.length === 0 || week.origins.length === 0) return null
  return {
    origins: { oneDay: day.origins.length, oneWeek: week.origins.length },
    auto: { oneDay: day.accuracy, oneWeek: week.accuracy },
    methods: tested.methods.map((m) => ({
      method: m.method,
      oneDay: accuracyAt(m, 1, day.origins),
      oneWeek: accuracyAt(m, 7, week.origins),
    })),
  }
}

export function forecastChannel(history: DaySeries, handle: HandleHistory | null, options: ForecastOptions): ChannelForecast {
  const { horizonDays, specialDays = [] } = options
  if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new RangeError(`horizonDays must be ≥ 1 (got ${horizonDays})`)
  const excluded = [
    ...excludedIndices(history, specialDays),
    ...excludedIndices(
      history,
      (options.unknownDays ?? []).map((date) => ({ date })),
    ),
  ]
  const series = withoutDays(history, excluded)
  const s = series.slotsPerDay
  const tested = backtest(series, options.backtest)
  const horizon = horizonFor(horizonDays)
  const choice = options.method === 'auto' ? chooseMethod(tested, horizon) : null
  // Without the history for a backtest, auto falls back to the method that needs least.
  const method: MethodId = options.method === 'auto' ? choice?.method ?? 'seasonal-naive' : options.method
  const needed = methods[method].minHistoryDays
  if (series.days < needed) throw new NotEnoughHistory(method, needed)

  // A week more than asked, so a holiday forecast as a Sunday finds one.
  const params = methods[method].fit(series, series.days)
  const extended = forecastFrom(method, series, series.days, horizonDays + 7, params)
  const offered = extended.slice(0, horizonDays * s)
  const firstDay = addDays(series.firstDay, series.days)
  const sunday = (7 - weekdayOf(firstDay)) % 7
  for (const day of specialDays) {
    const h = daysBetween(firstDay, day.date)
    if (h < 0 || h >= horizonDays) continue
    const treatment = treatmentOf(day)
    const target = offered.subarray(h * s, (h + 1) * s)
    if (treatment.as === 'closed') target.fill(0)
    else if (treatment.as === 'sunday') target.set(extended.subarray(sunday * s, (sunday + 1) * s))
    else for (let i = 0; i < s; i++) target[i]! *= treatment.factor
  }

  const scoreOf = (id: MethodId): MethodScore | undefined => {
    const m = tested.methods.find((r) => r.method === id)
    return m && { method: id, oneDay: m.accuracy[1], oneWeek: m.accuracy[7] }
  }
  const chosen = scoreOf(method)
  const oneDay = chosen?.oneDay
  const dispersion = oneDay?.rmse != null ? dispersionOf(oneDay.rmse ** 2 * oneDay.intervals, oneDay.forecastTotal) : 1
  const { lower, upper } = band(offered, dispersion)
  const aht = handle
    ? forecastAht(
        { handleSec: withoutDays(handle.handleSec, excluded), handled: withoutDays(handle.handled, excluded) },
        series.days,
        horizonDays,
      )
    : new Float64Array(horizonDays * s).fill(Number.NaN)
  return {
    firstDay,
    days: horizonDays,
    slotsPerDay: s,
    offered,
    lower,
    upper,
    aht,
    method,
    params,
    choice,
    scores: tested.methods.map((m) => scoreOf(m.method)!),
    autoScore: compareAuto(tested),
    origins: tested.origins.length,
    dispersion,
  }
}
