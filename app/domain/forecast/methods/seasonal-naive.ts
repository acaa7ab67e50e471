// Seasonal naive: each interval as it was on the same weekday last week (the latest such day
// that was observed, when last week's was a special day left out).
import { checkOrigin, type ForecastMethod } from './method.ts'
import { recentSameWeekdays } from './same-weekday.ts'
import { weekdayOf } from '../../intervals.ts'
import { dayOf } from '../series.ts'

export const seasonalNaive: ForecastMethod<null> = {
  id: 'seasonal-naive',
  refitEachOrigin: false,
  minHistoryDays: 7,
  fit: () => null,
  predict(series, origin, horizonDays) {
    checkOrigin(series, origin, horizonDays)
    const s = series.slotsPerDay
    const source = recentSameWeekdays(series, origin, 1)
    const out = new Float64Array(horizonDays * s)
    const firstWeekday = weekdayOf(dayOf(series, origin))
    for (let h = 0; h < horizonDays; h++) {
      const from = source[(firstWeekday + h) % 7]![0]
      if (from === undefined) continue
      out.set(series.values.subarray(from * s, (from + 1) * s), h * s)
    }
    return out
  },
}
