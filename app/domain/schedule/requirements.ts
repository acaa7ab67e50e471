// Requirements over consecutive intervals from (start, required) pairs in a time zone: each
// interval's local weekday, minute and day index, which the model needs for rules and limits.
import { daysBetween, localDateOf, localTimeOf, weekdayOf } from '../intervals.ts'
import type { Requirements } from './model.ts'

/**
 * From `first` to `last` (UTC epoch ms, inclusive) every `intervalMin`; `requiredAt` gives an
 * interval's agents (missing = 0). Day 0 is `firstDay` (default: the first interval's local date).
 */
export function requirementsOver(
  first: number,
  last: number,
  intervalMin: number,
  timeZone: string,
  requiredAt: (start: number) => number,
  firstDay = localDateOf(first, timeZone),
): Requirements {
  const start: number[] = []
  const required: number[] = []
  const weekday: number[] = []
  const minute: number[] = []
  const day: number[] = []
  for (let t = first; t <= last; t += intervalMin * 60_000) {
    const local = localTimeOf(t, timeZone)
    start.push(t)
    required.push(requiredAt(t))
    weekday.push(weekdayOf(local.day))
    minute.push(local.minute)
    day.push(daysBetween(firstDay, local.day))
  }
  return { intervalMin, start, required, weekday, minute, day }
}
