// The weekend rotation's memory: how many weekend days off each agent had in each of the previous
// weeks, read from the days off the earlier schedules stored (issue 15). The roster gives weekend
// days off first to those with the fewest (roster.ts, weekendPriority).
import { addDays, daysBetween, weekdayOf } from '../intervals.ts'
import { isWeekend } from './roster.ts'

/** Weeks of history the rotation weighs: two months, longer than a rotation of most teams' weekends. */
export const WEEKEND_HISTORY_WEEKS = 8

export interface PastSchedule {
  /** Its first local day ("YYYY-MM-DD"). */
  firstDay: string
  /** Agent id → day indexes off, as stored. */
  daysOff: Readonly<Record<string, readonly number[]>>
  /** Published schedules are what people worked; a draft counts only when its week has none. */
  published: boolean
  /** Later ids win among schedules of the same kind for one week. */
  id: number
}

/**
 * Per agent id: weekend days off in each of the `weeks` weeks before `firstDay`, the last week
 * first. A week is read from one schedule starting that day (published first, then the latest);
 * a week without one counts 0 for everyone, which keeps the order the other weeks give.
 */
export function weekendHistory(firstDay: string, past: readonly PastSchedule[], agentIds: readonly number[], weeks = WEEKEND_HISTORY_WEEKS): Map<number, number[]> {
  const chosen: Array<PastSchedule | undefined> = Array.from({ length: weeks }, () => undefined)
  for (const schedule of past) {
    const back = daysBetween(schedule.firstDay, firstDay)
    if (back <= 0 || back % 7 !== 0 || back / 7 > weeks) continue
    const k = back / 7 - 1
    const current = chosen[k]
    if (!current || Number(schedule.published) - Number(current.published) > 0 || (schedule.published === current.published && schedule.id > current.id))
      chosen[k] = schedule
  }
  const history = new Map(agentIds.map((id) => [id, Array.from({ length: weeks }, () => 0)]))
  chosen.forEach((schedule, k) => {
    if (!schedule) return
    for (const [id, days] of Object.entries(schedule.daysOff)) {
      const counts = history.get(Number(id))
      if (counts) counts[k] = days.filter((d) => isWeekend(weekdayOf(addDays(schedule.firstDay, d)))).length
    }
  })
  return history
}
