// The shift-scheduling model on small cases whose optimum is known by hand, solved by HiGHS.
import { describe, expect, it } from 'vitest'
import { buildScheduleModel, readSchedule, type Requirements } from '../../app/domain/schedule/model.ts'
import { checkRules, paidHours, shiftCap, type ScheduleRules } from '../../app/domain/schedule/rules.ts'
import { scheduleViolations } from '../../app/domain/schedule/violations.ts'
import { solveSchedule } from '../../app/services/scheduler.server.ts'
import { nr17Rules, weekRequirements } from '../support/schedule-week.ts'

/** One day of 15-minute intervals from 00:00 UTC, `needs` = [from hour, to hour, agents]. */
function day(needs: Array<[number, number, number]>): Requirements {
  const start: number[] = []
  const required: number[] = []
  for (let q = 0; q < 96; q++) {
    start.push(Date.UTC(2026, 10, 30) + q * 900_000)
    required.push(needs.filter(([from, to]) => q >= from * 4 && q < to * 4).reduce((sum, [, , agents]) => sum + agents, 0))
  }
  return { intervalMin: 15, start, required, weekday: start.map(() => 1), minute: start.map((_, q) => q * 15), day: start.map(() => 0) }
}

const twoHours: ScheduleRules = {
  shiftTypes: [{ name: '2h', lengthMin: 120, breaks: [] }],
  startGranularityMin: 15,
  earliestStartMin: 0,
  latestStartMin: 23 * 60,
}

const iso = (t: number) => new Date(t).toISOString().slice(11, 16)

// Budgets that hold beside `stress --cpu 4` with other work on the 2 cores: every solve starts a
// worker thread that compiles HiGHS, 0.2–0.5 s on an idle machine but 2–5 s and more there.
describe('shift scheduling', () => {
  it('covers 08–12 with one agent by two 2-hour shifts (4 paid hours, the LP bound)', async () => {
    const result = await solveSchedule(day([[8, 12, 1]]), twoHours)
    expect(result.paidHours).toBe(4)
    expect(result.lpBound).toBeCloseTo(4, 9)
    expect(result.gap).toBeCloseTo(0, 9)
    expect(result.shifts.map((s) => `${iso(s.start)}–${iso(s.end)}`)).toEqual(['08:00–10:00', '10:00–12:00'])
    expect(result.uncovered).toEqual([])
  })

  it('says where the time went: the time limit is the integer program’s, the repair comes after it', async () => {
    const result = await solveSchedule(day([[8, 12, 1]]), twoHours, { timeLimitSec: 7 })
    const { phases } = result
    expect(phases.integerLimitSec).toBe(7)
    expect(phases.repairedShifts).toBe(0)
    for (const ms of [phases.relaxationMs, phases.integerMs, phases.repairMs]) expect(ms).toBeGreaterThanOrEqual(0)
    expect(phases.relaxationMs + phases.integerMs + phases.repairMs).toBeLessThanOrEqual(result.milliseconds)
  })

  it('counts the shifts the repair adds: all of them when the solver gave no integer solution', () => {
    const requirements = day([[8, 12, 1]])
    const model = buildScheduleModel(requirements, twoHours)
    const repaired = readSchedule(model, requirements, twoHours, () => 0)
    expect(repaired.shifts).toHaveLength(2)
    expect(repaired.repaired).toBe(2)
    expect(repaired.uncovered).toEqual([])
  })

  it('stacks shifts where more agents are needed: 2 agents 08–10, 1 agent 10–12 → 3 shifts', async () => {
    const result = await solveSchedule(
      day([
        [8, 10, 1],
        [8, 12, 1],
      ]),
      twoHours,
    )
    expect(result.paidHours).toBe(6)
    expect(result.shifts).toHaveLength(3)
  })

  it('covers a break: one agent 08–12 with 4-hour shifts and a 30-minute unpaid break needs two shifts (7 paid hours)', async () => {
    const rules: ScheduleRules = {
      ...twoHours,
      shiftTypes: [
        { name: '4h', lengthMin: 240, breaks: [{ name: 'lanche', lengthMin: 30, earliestMin: 60, latestMin: 150, paid: false }] },
      ],
    }
    expect(paidHours(rules.shiftTypes[0]!)).toBe(3.5)
    const result = await solveSchedule(day([[8, 12, 1]]), rules)
    expect(result.paidHours).toBe(7)
    expect(result.uncovered).toEqual([])
    // Every interval 08–12 has someone on the floor, breaks included.
    for (let q = 32; q < 48; q++) expect(result.onFloor[q]).toBeGreaterThanOrEqual(1 - 1e-9)
    for (const shift of result.shifts) {
      const [lunch] = shift.breaks
      expect(lunch!.end - lunch!.start).toBe(30 * 60_000)
      expect(lunch!.start - shift.start).toBeGreaterThanOrEqual(60 * 60_000)
      expect(lunch!.start - shift.start).toBeLessThanOrEqual(150 * 60_000)
    }
  })

  it('returns the best partial schedule and names the short intervals when coverage is impossible', async () => {
    // Two agents are needed 09–10, but only one shift may start that day.
    const result = await solveSchedule(day([[9, 10, 2]]), { ...twoHours, maxAgentsPerDay: 1 })
    expect(result.shifts).toHaveLength(1)
    expect(result.uncovered.map((q) => iso(day([]).start[q]!))).toEqual(['09:00', '09:15', '09:30', '09:45'])
    expect(result.shortHours).toBeCloseTo(1, 9)
  })

  it('holds the week to the shifts its people can work: 1 person, 1 day off, 7 days needing 1 agent → 6 shifts, one day short', async () => {
    const start: number[] = []
    const required: number[] = []
    for (let q = 0; q < 7 * 96; q++) {
      start.push(Date.UTC(2026, 10, 30) + q * 900_000)
      required.push(q % 96 >= 32 && q % 96 < 40 ? 1 : 0) // 08–10 every day
    }
    const week: Requirements = {
      intervalMin: 15,
      start,
      required,
      weekday: start.map((_, q) => (1 + Math.floor(q / 96)) % 7),
      minute: start.map((_, q) => (q % 96) * 15),
      day: start.map((_, q) => Math.floor(q / 96)),
    }
    expect(shiftCap({ ...twoHours, maxAgentsPerDay: 1, daysOffPerWeek: 1 }, 7)).toBe(6)
    expect(shiftCap({ ...twoHours, maxAgentsPerDay: 3, daysOffPerWeek: 2 }, 7)).toBe(15)
    expect(shiftCap(twoHours, 7)).toBeNull()
    const result = await solveSchedule(week, { ...twoHours, maxAgentsPerDay: 1, daysOffPerWeek: 1 })
    expect(result.shifts).toHaveLength(6)
    expect(result.uncovered).toHaveLength(8)
    expect(result.shortHours).toBeCloseTo(2, 9)
    const none = await solveSchedule(week, { ...twoHours, maxAgentsPerDay: 1, daysOffPerWeek: 0 })
    expect(none.shifts).toHaveLength(7)
    expect(none.uncovered).toEqual([])
  })

  it('keeps shifts within opening hours and owes a minimum while open', async () => {
    const hours = Array.from({ length: 7 }, () => ({ open: 8 * 60, close: 12 * 60 }))
    const result = await solveSchedule(day([]), { ...twoHours, openingHours: hours, minAgentsWhileOpen: 1 })
    expect(result.paidHours).toBe(4)
    expect(result.shifts.every((s) => iso(s.start) >= '08:00' && iso(s.end) <= '12:00')).toBe(true)
  })

  it('refuses rules that cannot make a schedule', () => {
    expect(() => checkRules({ ...twoHours, shiftTypes: [] })).toThrow(RangeError)
    expect(() =>
      checkRules({
        ...twoHours,
        shiftTypes: [{ name: 'x', lengthMin: 120, breaks: [{ name: 'b', lengthMin: 30, earliestMin: 100, latestMin: 110, paid: false }] }],
      }),
    ).toThrow(/end after the shift/)
    expect(() =>
      checkRules({
        ...twoHours,
        shiftTypes: [
          {
            name: 'x',
            lengthMin: 300,
            breaks: [
              { name: 'a', lengthMin: 30, earliestMin: 60, latestMin: 120, paid: false },
              { name: 'b', lengthMin: 10, earliestMin: 100, latestMin: 200, paid: true },
            ],
          },
        ],
      }),
    ).toThrow(/overlaps the break before/)
  })

  it('schedules a week peaking at 60 agents with NR-17 shifts, fully covered, within 3% of the LP bound', async () => {
    // The time limit is wall-clock: on a busy machine 10 s ended the search at 3.6% once. The
    // search stops at HiGHS's 1% gap, ~6–8 s on an idle machine.
    const result = await solveSchedule(weekRequirements(60), nr17Rules, { timeLimitSec: 60 })
    expect(result.uncovered).toEqual([])
    expect(result.gap).toBeLessThan(0.03)
    expect(result.paidHours).toBeGreaterThanOrEqual(result.lpBound - 1e-6)
    for (const shift of result.shifts) {
      expect(shift.breaks.length).toBe(shift.type === '6h20' ? 3 : 1)
      const minute = new Date(shift.start).getUTCHours() * 60 + new Date(shift.start).getUTCMinutes()
      expect(minute).toBeGreaterThanOrEqual(7 * 60)
      expect(minute + (shift.end - shift.start) / 60_000).toBeLessThanOrEqual(23 * 60)
    }
    // The check of hand edits reads the rules as the model does: nothing the solver made breaks one.
    const shifts = result.shifts.map((s, id) => ({ ...s, id, agentId: null, day: Math.floor((s.start - Date.UTC(2026, 10, 30)) / 86_400_000), paidHours: 0 }))
    expect(scheduleViolations({ rules: nr17Rules, timeZone: 'UTC', firstDay: '2026-11-30', days: 7, channelKey: null, shifts, agents: new Map() })).toEqual(new Map())
  }, 180_000) // ~6–8 s idle, 18–22 s beside stress; the integer program may take its 60 s
}, 60_000)
