// The range any method's forecast must stay in: for each weekday and interval, between half the
// lowest and 1.5× the highest value of the last 8 observed same weekdays. A forecast is an
// expectation, so it belongs inside what the recent weeks produced; a method whose states ran
// away (a multiplicative model after a day read as zeros) is held there instead of forecasting
// twice the history or nothing. On the fpp3 bank calls no actual interval rose above this range and
// only one evening's fell below it (decision 008): a sound forecast is not clipped by it.
import { recentSameWeekdays } from './methods/same-weekday.ts'
import { weekdays, type DaySeries } from './series.ts'

/** Observed same weekdays the range is taken from. */
const RANGE_WEEKS = 8
/** Below the lowest and above the highest of them, by these factors. */
export const RANGE_LOW = 0.5
export const RANGE_HIGH = 1.5

export interface HistoryRange {
  /** Per weekday × slot (7 × slotsPerDay): 0 and Infinity where the weekday has no history. */
  low: Float64Array
  high: Float64Array
}

export function historyRange(series: DaySeries, origin: number): HistoryRange {
  const s = series.slotsPerDay
  const low = new Float64Array(7 * s)
  const high = new Float64Array(7 * s).fill(Infinity)
  recentSameWeekdays(series, origin, RANGE_WEEKS).forEach((days, w) => {
    if (days.length === 0) return
    for (let i = 0; i < s; i++) {
      let min = Infinity
      let max = 0
      for (const day of days) {
        const v = series.values[day * s + i]!
        if (v < min) min = v
        if (v > max) max = v
      }
      low[w * s + i] = RANGE_LOW * Math.max(0, min)
      high[w * s + i] = RANGE_HIGH * max
    }
  })
  return { low, high }
}

/** Holds a forecast starting at day `origin` of `series` inside its history's range (in place). */
export function keepInRange(series: DaySeries, origin: number, forecast: Float64Array): Float64Array {
  const s = series.slotsPerDay
  const { low, high } = historyRange(series, origin)
  const horizonDays = forecast.length / s
  const weekday = weekdays({ firstDay: series.firstDay, days: origin + horizonDays })
  for (let h = 0; h < horizonDays; h++) {
    const w = weekday[origin + h]!
    for (let i = 0; i < s; i++) {
      const j = h * s + i
      forecast[j] = Math.min(Math.max(forecast[j]!, low[w * s + i]!), high[w * s + i]!)
    }
  }
  return forecast
}
