// Overnight shifts: across midnight in a 24-hour operation, and across the week's end, which
// meets its start (issue 15, item 3).
import { describe, expect, it } from 'vitest'
import { ALWAYS_OPEN } from '../../app/domain/opening-hours.ts'
import { floorByMinute } from '../../app/domain/schedule/coverage.ts'
import { independentBlocks } from '../../app/domain/schedule/blocks.ts'
import type { Requirements } from '../../app/domain/schedule/model.ts'
import { reachableMinutes } from '../../app/domain/schedule/reach.ts'
import { recount } from '../../app/domain/schedule/recount.ts'
import { stretchesIn, withinOpeningHours, wrapsAround, type ScheduleRules } from '../../app/domain/schedule/rules.ts'
import { solveSchedule } from '../../app/services/scheduler.server.ts'

const MONDAY = Date.UTC(2026, 10, 30)
const HOUR = 3_600_000

/** `days` days of 15-minute intervals from Monday 00:00 UTC, `agents` owed at every one. */
function always(days: number, agents: number): Requirements {
  const q = Array.from({ length: days * 96 }, (_, i) => i)
  return {
    intervalMin: 15,
    start: q.map((i) => MONDAY + i * 900_000),
    required: q.map(() => agents),
    weekday: q.map((i) => (1 + Math.floor(i / 96)) % 7),
    minute: q.map((i) => (i % 96) * 15),
    day: q.map((i) => Math.floor(i / 96)),
  }
}

// Three 8-hour shifts a day, with a 30-minute meal 3–5 hours in, starting on the hour round the clock.
const roundTheClock: ScheduleRules = {
  shiftTypes: [{ name: '8h', lengthMin: 480, breaks: [{ name: 'refeição', lengthMin: 30, earliestMin: 180, latestMin: 300, paid: true }] }],
  startGranularityMin: 60,
  earliestStartMin: 0,
  latestStartMin: 23 * 60,
  openingHours: ALWAYS_OPEN,
}

describe('overnight shifts', () => {
  it('cross midnight only into hours that go on: closing at 24:00 and opening at 00:00 the next day', () => {
    expect(withinOpeningHours(roundTheClock, 0, 22 * 60, 480)).toBe(true)
    const closedMondayNight = { ...roundTheClock, openingHours: ALWAYS_OPEN.map((d, w) => (w === 1 ? { open: 6 * 60, close: 1440 } : d)) }
    // Sunday 22:00 runs into Monday, which opens at 06:00: refused; Saturday 22:00 into Sunday: fine.
    expect(withinOpeningHours(closedMondayNight, 0, 22 * 60, 480)).toBe(false)
    expect(withinOpeningHours(closedMondayNight, 6, 22 * 60, 480)).toBe(true)
    const closingAt23 = { ...roundTheClock, openingHours: ALWAYS_OPEN.map(() => ({ open: 0, close: 23 * 60 })) }
    expect(withinOpeningHours(closingAt23, 3, 22 * 60, 480)).toBe(false)
    expect(withinOpeningHours(closingAt23, 3, 15 * 60, 480)).toBe(true)
  })

  it('wraps a horizon of whole weeks (the week as a pattern that repeats) and clips any other', () => {
    const week = 7 * 1440
    expect(wrapsAround(week)).toBe(true)
    expect(wrapsAround(2 * week)).toBe(true)
    expect(wrapsAround(6 * 1440)).toBe(false)
    expect(stretchesIn(week, week - 120, week + 360)).toEqual([
      [week - 120, week],
      [0, 360],
    ])
    expect(stretchesIn(6 * 1440, 6 * 1440 - 120, 6 * 1440 + 360)).toEqual([[6 * 1440 - 120, 6 * 1440]])
    expect(stretchesIn(week, week + 10, week + 20)).toEqual([[10, 20]])
  })

  it('counts a Sunday night shift on Monday morning of the same week, in the recount and in what the rules can reach', () => {
    const sundayNight = { start: MONDAY + 6 * 24 * HOUR + 22 * HOUR, end: MONDAY + 7 * 24 * HOUR + 6 * HOUR, breaks: [{ start: MONDAY + 7 * 24 * HOUR + 1 * HOUR, end: MONDAY + 7 * 24 * HOUR + 1.5 * HOUR }] }
    const floor = floorByMinute([sundayNight], MONDAY, 7 * 1440)
    expect(floor.slice(0, 60)).toEqual(new Array(60).fill(1))
    expect(floor.slice(60, 90)).toEqual(new Array(30).fill(0))
    expect(floor.slice(90, 360)).toEqual(new Array(270).fill(1))
    expect(floor[360]).toBe(0)
    expect(floor.slice(-120)).toEqual(new Array(120).fill(1))
    // Six days do not wrap: Monday morning stays empty.
    expect(floorByMinute([sundayNight], MONDAY - 24 * HOUR, 7 * 1440 - 1440)[0]).toBe(0)
    // With starts from 22:00 only, Monday 00:00–06:00 is reachable through Sunday night's shift.
    const lateOnly = { ...roundTheClock, earliestStartMin: 22 * 60, latestStartMin: 22 * 60 }
    const reach = reachableMinutes(always(7, 1), lateOnly)
    expect(reach.slice(0, 360).every(Boolean)).toBe(true)
    expect(reach[360]).toBe(false)
  })

  it('staffs a 24×7 week from shifts at 06:00, 14:00 and 22:00: Monday 00:00–06:00 is Sunday 22:00’s, 2 agents round the clock in 42 shifts', async () => {
    const shiftsOf8h: ScheduleRules = { ...roundTheClock, shiftTypes: [{ name: '8h', lengthMin: 480, breaks: [] }], startGranularityMin: 480, earliestStartMin: 6 * 60, latestStartMin: 22 * 60 }
    const requirements = always(7, 2)
    expect(independentBlocks(requirements, shiftsOf8h)).toEqual([{ from: 0, to: 7 * 96 }])
    const result = await solveSchedule(requirements, shiftsOf8h, { timeLimitSec: 20 })
    // Clipped at the week's end, Monday 00:00–06:00 would be out of every shift's reach and each
    // Sunday 22:00 shift paid for 2 hours of cover: here nothing is short and nothing is wasted.
    expect(result.minutes.unreachableMinutes).toBe(0)
    expect(result.minutes.shortAgentMinutes).toBe(0)
    expect(result.shifts).toHaveLength(42)
    expect(result.paidHours).toBe(336)
    expect(result.lpBound).toBeCloseTo(336, 6)
    const counted = recount(result.shifts, requirements, result.owed, shiftsOf8h)
    expect(counted.floor.every((agents) => agents === 2)).toBe(true)
    expect(result.shifts.filter((s) => s.end > MONDAY + 7 * 24 * HOUR)).toHaveLength(2)
  }, 60_000)
})
