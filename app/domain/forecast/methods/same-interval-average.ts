// Same-interval averages, the industry default (Genesys' weighted historical index, Zendesk):
// each interval is the weighted mean of that interval on the same weekday over recent weeks.
import { checkOrigin, type ForecastMethod, type MethodId } from './method.ts'
import { recentSameWeekdays } from './same-weekday.ts'
import { weekdayOf } from '../../intervals.ts'
import { dayOf } from '../series.ts'

/** `weights[0]` applies to the most recent week. */
export function sameIntervalAverage(id: MethodId, weights: readonly number[]): ForecastMethod<null> {
  if (weights.length === 0 || weights.some((w) => !(w > 0))) throw new RangeError('weights must be positive')
  return {
    id,
    refitEachOrigin: false,
    minHistoryDays: 7,
    fit: () => null,
    predict(series, origin, horizonDays) {
      checkOrigin(series, origin, horizonDays)
      const s = series.slotsPerDay
      const sources = recentSameWeekdays(series, origin, weights.length)
      const profiles = sources.map((days) => {
        if (days.length === 0) return null
        const profile = new Float64Array(s)
        let weightSum = 0
        days.forEach((day, k) => {
          const w = weights[k]!
          weightSum += w
          for (let i = 0; i < s; i++) profile[i]! += w * series.values[day * s + i]!
        })
        for (let i = 0; i < s; i++) profile[i]! /= weightSum
        return profile
      })
      const out = new Float64Array(horizonDays * s)
      const firstWeekday = weekdayOf(dayOf(series, origin))
      for (let h = 0; h < horizonDays; h++) {
        const profile = profiles[(firstWeekday + h) % 7]
        if (profile) out.set(profile, h * s)
      }
      return out
    },
  }
}

/** Equal weights over the last 4 weeks. */
export const average4w = sameIntervalAverage('average-4w', [1, 1, 1, 1])
/** Linearly decaying weights over 6 weeks: the latest week counts 6×, the oldest 1×. */
export const weighted6w = sameIntervalAverage('weighted-6w', [6, 5, 4, 3, 2, 1])
