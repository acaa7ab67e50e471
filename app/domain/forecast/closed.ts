import { recentSameWeekdays } from './methods/same-weekday.ts'
import { weekdays, type DaySeries } from './series.ts'

/** Same-weekday days that must all be 0 for an interval to count as closed. */
const CLOSED_WEEKS = 4

/**
 * Intervals of the week (weekday × slot) with no volume on the last 4 observed same weekdays,
 * or no history at all: closed, forecast 0 whatever a method's smoothing says.
 */
export function closedSlots(series: DaySeries, origin: number): Uint8Array {
  const s = series.slotsPerDay
  const closed = new Uint8Array(7 * s).fill(1)
  recentSameWeekdays(series, origin, CLOSED_WEEKS).forEach((days, w) => {
    for (const day of days) {
      for (let i = 0; i < s; i++) if (series.values[day * s + i]! > 0) closed[w * s + i] = 0
    }
  })
  return closed
}

/** Zeroes the closed intervals of a forecast starting at day `origin` of `series`. */
export function zeroClosed(series: DaySeries, origin: number, forecast: Float64Array): Float64Array {
  const s = series.slotsPerDay
  const closed = closedSlots(series, origin)
  const horizonDays = forecast.length / s
  const weekday = weekdays({ firstDay: series.firstDay, days: origin + horizonDays })
  for (let h = 0; h < horizonDays; h++) {
    const w = weekday[origin + h]!
    for (let i = 0; i < s; i++) if (closed[w * s + i]) forecast[h * s + i] = 0
  }
  return forecast
}
