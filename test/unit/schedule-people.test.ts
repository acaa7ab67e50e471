// The optimiser plans for the team — availability and contract shift types — not a head count
// (issue 15, item 4).
import { describe, expect, it } from 'vitest'
import type { WeekHours } from '../../app/domain/opening-hours.ts'
import type { Requirements } from '../../app/domain/schedule/model.ts'
import { dayLimits, someoneFor, weekShiftCap, type Person } from '../../app/domain/schedule/people.ts'
import type { ScheduleRules } from '../../app/domain/schedule/rules.ts'
import { solveSchedule } from '../../app/services/scheduler.server.ts'

/** `days` days of 15-minute intervals from Monday 2026-11-30 00:00 UTC; `needs` = [from hour, to hour, agents] each day. */
function days(count: number, needs: Array<[number, number, number]>): Requirements {
  const q = Array.from({ length: count * 96 }, (_, i) => i)
  return {
    intervalMin: 15,
    start: q.map((i) => Date.UTC(2026, 10, 30) + i * 900_000),
    required: q.map((i) => needs.filter(([from, to]) => i % 96 >= from * 4 && i % 96 < to * 4).reduce((sum, [, , a]) => sum + a, 0)),
    weekday: q.map((i) => (1 + Math.floor(i / 96)) % 7),
    minute: q.map((i) => (i % 96) * 15),
    day: q.map((i) => Math.floor(i / 96)),
  }
}

/** Hours on the given weekdays (0 = Sunday), closed the others. */
const hoursOn = (weekdays: number[], open: number, close: number): WeekHours =>
  Array.from({ length: 7 }, (_, w) => (weekdays.includes(w) ? { open: open * 60, close: close * 60 } : null))

const rules: ScheduleRules = {
  shiftTypes: [
    { name: '8h', lengthMin: 480, breaks: [] },
    { name: '4h', lengthMin: 240, breaks: [] },
  ],
  startGranularityMin: 60,
  earliestStartMin: 6 * 60,
  latestStartMin: 16 * 60,
}

const fullTime: Person = {}
const weekdayMornings: Person = { shiftTypes: ['4h'], availability: hoursOn([1, 2, 3, 4, 5], 8, 14) }
const weekends: Person = { availability: hoursOn([0, 6], 0, 24) }

describe('the team in the optimiser', () => {
  it('limits each day’s shifts of each set of types to the people free that day whose contract allows one', () => {
    const team = { ...rules, people: [fullTime, weekdayMornings, weekends] }
    const limits = dayLimits(team, days(7, [[8, 16, 1]]))
    const on = (day: number) => limits.filter((l) => l.day === day).map((l) => [l.types, l.max])
    // Monday: only the full-timer may work an 8h, two people a 4h, two in all.
    expect(on(0)).toEqual([
      [[0], 1],
      [[1], 2],
      [[0, 1], 2],
    ])
    // Saturday: the full-timer and the weekend person, either type.
    expect(on(5)).toEqual([
      [[0], 2],
      [[1], 2],
      [[0, 1], 2],
    ])
    // The week: 6 + 5 + 2 working days (one day off each, at most the days they are free).
    expect(weekShiftCap({ ...team, daysOffPerWeek: 1 }, days(7, [[8, 16, 1]]))).toBe(13)
    expect(weekShiftCap(rules, days(7, [[8, 16, 1]]))).toBeNull()
  })

  it('starts a shift only where someone may take it: type, day and hours', () => {
    const team = { ...rules, people: [weekdayMornings] }
    expect(someoneFor(team, 1, 1, 9 * 60)).toBe(true) // a 4h Monday 09:00–13:00
    expect(someoneFor(team, 1, 1, 11 * 60)).toBe(false) // ends 15:00, past 14:00
    expect(someoneFor(team, 0, 1, 8 * 60)).toBe(false) // an 8h is not in the contract
    expect(someoneFor(team, 1, 6, 9 * 60)).toBe(false) // Saturday
    expect(someoneFor(rules, 0, 6, 9 * 60)).toBe(true) // no team: the rules alone
  })

  it('plans the shifts the team can work: the morning’s second agent is short when the only part-timer is free in the afternoon', async () => {
    // Monday: 1 agent 08:00–16:00 and a second 08:00–12:00. A head count of two would buy an 8h and a
    // 4h at 08:00 (12 paid hours, nobody short) that the roster could not fill.
    const requirements = days(1, [[8, 16, 1], [8, 12, 1]])
    const afternoonPartTimer: Person = { shiftTypes: ['4h'], availability: hoursOn([1], 12, 18) }
    const headCount = await solveSchedule(requirements, { ...rules, maxAgentsPerDay: 2 }, { timeLimitSec: 20 })
    expect(headCount.paidHours).toBe(12)
    expect(headCount.minutes.shortAgentMinutes).toBe(0)
    const team = { ...rules, maxAgentsPerDay: 2, people: [{ shiftTypes: ['8h'] }, afternoonPartTimer] }
    const planned = await solveSchedule(requirements, team, { timeLimitSec: 20 })
    expect(planned.shifts.map((s) => s.type)).toEqual(['8h'])
    expect(planned.paidHours).toBe(8)
    // Short, not unreachable: the rules could cover it; the team cannot.
    expect(planned.minutes.shortAgentMinutes).toBe(240)
    expect(planned.minutes.unreachableMinutes).toBe(0)
    expect(planned.objective).toBeCloseTo(8 + 100 * 4, 6)
    expect(planned.lpBound).toBeCloseTo(8 + 100 * 4, 6)
  }, 60_000)
})
