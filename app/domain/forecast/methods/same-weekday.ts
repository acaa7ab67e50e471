import { isObservedDay, weekdays, type DaySeries } from '../series.ts'

/**
 * The most recent observed days before `origin` for each weekday, newest first, at most
 * `count` each: what same-interval methods average. Looks back at most `count + 8` weeks so a
 * run of excluded days (a holiday season) is skipped without reaching into stale history.
 */
export function recentSameWeekdays(series: DaySeries, origin: number, count: number): number[][] {
  const weekday = weekdays(series)
  const byWeekday: number[][] = [[], [], [], [], [], [], []]
  const earliest = Math.max(0, origin - (count + 8) * 7)
  for (let d = origin - 1; d >= earliest; d--) {
    const list = byWeekday[weekday[d]!]!
    if (list.length < count && isObservedDay(series, d)) list.push(d)
  }
  return byWeekday
}
