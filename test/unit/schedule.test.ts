// The shift-scheduling model on small cases whose optimum is known by hand, solved by HiGHS.
import { describe, expect, it } from 'vitest'
import { buildScheduleModel, readSchedule, type Requirements } from '../../app/domain/schedule/model.ts'
import { checkRules, paidHours, shiftCap, type ScheduleRules } from '../../app/domain/schedule/rules.ts'
import { reachableMinutes } from '../../app/domain/schedule/reach.ts'
import { recount } from '../../app/domain/schedule/recount.ts'
import { scheduleViolations } from '../../app/domain/schedule/violations.ts'
import { MIN_INTEGER_SEC } from '../../app/domain/schedule/time-limit.ts'
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

  it('says where the time went: the time limit covers the whole solve, the integer program gets what is left, the repair comes after it', async () => {
    const result = await solveSchedule(day([[8, 12, 1]]), twoHours, { timeLimitSec: 7 })
    const { phases } = result
    expect(phases.limitSec).toBe(7)
    // What the integer program was given is the limit less the time spent before it (building
    // and reading the model, the LP): all of that time, to the message passing between threads.
    expect(phases.integerLimitSec).toBeLessThan(7 - phases.relaxationMs / 1000)
    expect(phases.integerLimitSec).toBeGreaterThanOrEqual(MIN_INTEGER_SEC)
    const beforeInteger = result.milliseconds - phases.repairMs - phases.integerMs
    expect(Math.abs(beforeInteger - (7 - phases.integerLimitSec) * 1000)).toBeLessThan(1000)
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

  // 1h10 shifts starting every 15 minutes; 3 agents owed 08:00–09:00 and 1 at 09:00–09:15.
  const seventy: ScheduleRules = { ...twoHours, shiftTypes: [{ name: '1h10', lengthMin: 70, breaks: [] }] }
  const close = day([
    [8, 9, 3],
    [9, 9.25, 1],
  ])
  const open = (to: number) => Array.from({ length: 7 }, () => ({ open: 8 * 60, close: to }))

  it('covers a close the count by shares let it leave empty: 09:10–09:15 needs a fourth shift', async () => {
    // Open 08:00–10:00: shifts may start 08:00, 08:15, 08:30 or 08:45 (09:00 would end after 10:00).
    // 08:00–08:15 owes 3 and only 08:00 starts reach it: 3 shifts 08:00–09:10. By shares they gave
    // 09:00–09:15 3 × 10/15 = 2 ≥ 1 agents, "covered", with nobody 09:10–09:15. Now that minute
    // needs a fourth shift (08:15, 08:30 or 08:45): 4 × 70 min = 4 2/3 paid hours, also the LP bound.
    const rules = { ...seventy, openingHours: open(10 * 60) }
    const result = await solveSchedule(close, rules)
    expect(result.paidHours).toBeCloseTo(14 / 3, 9)
    expect(result.lpBound).toBeCloseTo(14 / 3, 6)
    expect(result.shifts).toHaveLength(4)
    expect(result.minutes).toEqual({ shortMinutes: 0, shortAgentMinutes: 0, unreachableMinutes: 0, unreachableAgentMinutes: 0, unreachable: [] })
    expect(result.uncovered).toEqual([])
    // The schedule the count by shares chose, recounted: 5 minutes short, 5 agent-minutes, reachable.
    const old = Array.from({ length: 3 }, () => ({ start: close.start[32]!, end: close.start[32]! + 70 * 60_000, breaks: [] }))
    const counted = recount(old, close, buildScheduleModel(close, rules).owed, rules)
    expect(counted.short).toMatchObject({ shortMinutes: 5, shortAgentMinutes: 5, unreachableMinutes: 0 })
    expect(counted.totals.short).toEqual([36])
  })

  it('names a close no shift can reach: closing at 09:15, 1h10 shifts on a 15-minute grid end at 09:10 at the latest', async () => {
    // Only 08:00 starts fit (08:15 would end at 09:25): 3 shifts, 3.5 paid hours, and 09:10–09:15
    // owes 1 agent nobody can be there to give — a rules problem, not the solver's shortfall.
    const rules = { ...seventy, openingHours: open(9 * 60 + 15) }
    const result = await solveSchedule(close, rules)
    expect(result.paidHours).toBeCloseTo(3.5, 9)
    expect(result.lpBound).toBeCloseTo(3.5, 6)
    expect(result.shortHours).toBe(0)
    expect(result.minutes).toEqual({
      shortMinutes: 0,
      shortAgentMinutes: 0,
      unreachableMinutes: 5,
      unreachableAgentMinutes: 5,
      unreachable: [{ start: close.start[36]! + 10 * 60_000, end: close.start[36]! + 15 * 60_000 }],
    })
    expect(result.uncovered).toEqual([36])
    expect(reachableMinutes(close, rules).slice(9 * 60, 9 * 60 + 15)).toEqual([...new Array(10).fill(true), ...new Array(5).fill(false)])
  })

  it('counts coverage in 5-minute rows when shifts and pauses fall on 5 minutes, an agent 1 or 0 in each', () => {
    // 1h10 shifts with a 10-minute pause 20 or 35 minutes in, starting every 15 minutes: boundaries
    // fall at :00, :05 and :10 of each interval (70 ≡ 10, 20 ≡ 5, 30 ≡ 0, 35 ≡ 5, 45 ≡ 0 mod 15).
    const rules: ScheduleRules = {
      ...twoHours,
      shiftTypes: [{ name: '1h10', lengthMin: 70, breaks: [{ name: 'pausa', lengthMin: 10, earliestMin: 20, latestMin: 35, paid: true }] }],
    }
    const requirements = day([[8, 9, 1]])
    const model = buildScheduleModel(requirements, rules)
    // Interval 32 (08:00) has rows 08:00–08:05, 08:05–08:10, 08:10–08:15 (minutes after 00:00).
    const rows = [0, 1, 2].map((k) => model.rows.at.get(480 + 5 * k)!)
    expect(rows.map((r) => [model.rows.start[r], model.rows.end[r], model.rows.interval[r]])).toEqual([
      [480, 485, 32],
      [485, 490, 32],
      [490, 495, 32],
    ])
    // By hand, 08:10–08:15: shifts from 07:15 (x0_29, to 08:25), 07:30, 07:45 and 08:00 cover it; 07:30's
    // pause at +35 (08:05–08:15) and 07:45's at +20 (08:05–08:15) take it — whole agents, no shares.
    expect(model.lp).toContain(`c${rows[2]}: 1 x0_29 + 1 x0_30 - 1 y0_30_0_35 + 1 x0_31 - 1 y0_31_0_20 + 1 x0_32 + 1 u${rows[2]} >= 1`)
    // 08:00–08:05 has 07:00's shift (to 08:10) and no pause; 08:05–08:10 the pauses too. Their coverage
    // is never below 08:10–08:15's, but it can be short all the same: each row has its own constraint
    // and its shortfall is charged for its own 5 minutes (the penalty 100 h per agent-hour, 100/60 × 5).
    expect(model.lp).toContain(`c${rows[0]}: 1 x0_28 + 1 x0_29 + 1 x0_30 + 1 x0_31 + 1 x0_32 + 1 u${rows[0]} >= 1`)
    expect(model.lp).toContain(`c${rows[1]}: 1 x0_28 + 1 x0_29 + 1 x0_30 - 1 y0_30_0_35 + 1 x0_31 - 1 y0_31_0_20 + 1 x0_32 + 1 u${rows[1]} >= 1`)
    for (const r of rows) expect(model.lp).toContain(`+ 8.33333333333 u${r}`)
    expect(model.charged).toEqual(expect.arrayContaining(rows))
    // The relaxation is the same model without integrality: the LP bound of this model.
    expect(model.relaxed).toBe(model.lp.replace(/\nGeneral\n[\s\S]*\nEnd$/, '\nEnd'))
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

  it('schedules a week peaking at 60 agents with NR-17 shifts, every reachable minute covered, within 3% of the LP bound', async () => {
    // The time limit is wall-clock: on a busy machine 10 s ended the search at 3.6% once. The
    // search stops at HiGHS's 1% gap, ~6–8 s on an idle machine.
    const requirements = weekRequirements(60)
    const result = await solveSchedule(requirements, nr17Rules, { timeLimitSec: 60 })
    // Every minute a shift can reach is covered. The last 10 minutes of each day cannot be: the
    // latest 6h20 ends at 22:50 (16:30 + 6h20; 16:45 would end at 23:05, after closing) and the
    // latest 8h48 at 22:48 (13:00 + 9h48 with lunch). Owed at 22:45 (python, the formula of
    // weekRequirements): round(60 × scale × shape(22.75) ÷ 1.02) = 15 on weekdays, 9 Saturday, 6
    // Sunday → (5 × 15 + 9 + 6) × 10 = 900 agent-minutes in 70 minutes, named as unreachable.
    expect(result.minutes.shortMinutes).toBe(0)
    expect(result.minutes.shortAgentMinutes).toBe(0)
    expect(result.minutes.unreachableMinutes).toBe(70)
    expect(result.minutes.unreachableAgentMinutes).toBe(900)
    expect(result.minutes.unreachable.map((r) => `${iso(r.start)}–${iso(r.end)}`)).toEqual(new Array(7).fill('22:50–23:00'))
    expect(result.uncovered).toEqual([91, 187, 283, 379, 475, 571, 667])
    expect(result.shortHours).toBe(0) // the solver is charged only for what a shift could cover
    // The recount minute by minute from the shifts agrees with the solver's rows.
    const counted = recount(result.shifts, requirements, result.owed, nr17Rules)
    expect(counted.floorPerInterval).toEqual(result.onFloor)
    expect(counted.totals.short).toEqual(result.uncovered)
    expect(counted.short).toEqual(result.minutes)
    expect(result.gap).toBeLessThan(0.03)
    expect(result.paidHours).toBeGreaterThanOrEqual(result.lpBound - 1e-6)
    // HiGHS's MIP bound lies between the LP's and the cost; the gap to the better bound is no wider.
    expect(result.mipBound).not.toBeNull()
    expect(result.mipBound!).toBeGreaterThanOrEqual(result.lpBound - 1e-6)
    expect(result.mipBound!).toBeLessThanOrEqual(result.objective + 1e-6)
    expect(result.bestGap).toBeLessThanOrEqual(result.gap + 1e-12)
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
