// At most N on a break at once, and breaks staggered instead of stacked (issue 15, item 2).
import { describe, expect, it } from 'vitest'
import { onBreakByMinute } from '../../app/domain/schedule/coverage.ts'
import { buildScheduleModel, readSchedule, type Requirements } from '../../app/domain/schedule/model.ts'
import { recount } from '../../app/domain/schedule/recount.ts'
import { checkRules, type ScheduleRules } from '../../app/domain/schedule/rules.ts'
import { solveSchedule } from '../../app/services/scheduler.server.ts'

/** One day of 15-minute intervals from Monday 2026-11-30 00:00 UTC; `agents` owed from `from` to `to` hours. */
function day(from: number, to: number, agents: number): Requirements {
  const q = Array.from({ length: 96 }, (_, i) => i)
  return {
    intervalMin: 15,
    start: q.map((i) => Date.UTC(2026, 10, 30) + i * 900_000),
    required: q.map((i) => (i >= from * 4 && i < to * 4 ? agents : 0)),
    weekday: q.map(() => 1),
    minute: q.map((i) => i * 15),
    day: q.map(() => 0),
  }
}

// A 4-hour shift with one 15-minute pause 1 to 3 hours in, starting 08:00 only.
const rules: ScheduleRules = {
  shiftTypes: [{ name: '4h', lengthMin: 240, breaks: [{ name: 'pausa', lengthMin: 15, earliestMin: 60, latestMin: 180, paid: true }] }],
  startGranularityMin: 15,
  earliestStartMin: 8 * 60,
  latestStartMin: 8 * 60,
}

const mostOnBreak = (shifts: Parameters<typeof onBreakByMinute>[0]) => Math.max(...onBreakByMinute(shifts, Date.UTC(2026, 10, 30), 1440))

describe('breaks at once', () => {
  it('writes one limit row per distinct set of break placements, and refuses a limit below 1', () => {
    const model = buildScheduleModel(day(8, 12, 4), { ...rules, maxOnBreak: 2 })
    // Nine placements (09:00, 09:15 … 11:00), each its own 15-minute row: nine limit rows.
    const limits = model.lp.split('\n').filter((line) => /^ b\d+:/.test(line))
    expect(limits).toHaveLength(9)
    expect(limits[0]).toMatch(/^ b\d+: 1 y0_32_0_60 <= 2$/)
    expect(buildScheduleModel(day(8, 12, 4), rules).lp).not.toMatch(/^ b\d+:/m)
    expect(() => checkRules({ ...rules, maxOnBreak: 0 })).toThrow(/maxOnBreak/)
    expect(() => checkRules({ ...rules, maxOnBreak: 1.5 })).toThrow(/maxOnBreak/)
  })

  it('staggers pauses the solver stacked: six agents for four owed, all pausing at 09:00, end up one to a slot (nine slots) with nobody short', () => {
    const requirements = day(8, 12, 4)
    const model = buildScheduleModel(requirements, rules)
    const stacked = new Map([
      ['x0_32', 6],
      ['y0_32_0_60', 6],
    ])
    const result = readSchedule(model, requirements, rules, (name) => stacked.get(name) ?? 0)
    expect(result.shifts).toHaveLength(6)
    expect(result.repaired).toBe(0)
    expect(result.shortHours).toBe(0)
    expect(mostOnBreak(result.shifts)).toBe(1)
    // Every pause stays in its window.
    for (const s of result.shifts) {
      const offset = (s.breaks[0]!.start - s.start) / 60_000
      expect(offset).toBeGreaterThanOrEqual(60)
      expect(offset).toBeLessThanOrEqual(180)
    }
  })

  it('never makes coverage worse to stagger: a pause that can only fall where the floor is short stays put', () => {
    // Five owed and five people: wherever a pause falls someone is short, and no one can be added.
    // Stacking two pauses would leave a slot 2 short; the pauses stay one to a slot.
    const requirements = day(8, 12, 5)
    const fivePeople = { ...rules, maxAgentsPerDay: 5 }
    const model = buildScheduleModel(requirements, fivePeople)
    const values = new Map([
      ['x0_32', 5],
      ['y0_32_0_60', 1],
      ['y0_32_0_75', 1],
      ['y0_32_0_90', 1],
      ['y0_32_0_105', 1],
      ['y0_32_0_120', 1],
    ])
    const result = readSchedule(model, requirements, fivePeople, (name) => values.get(name) ?? 0)
    expect(result.repaired).toBe(0)
    expect(result.shortHours * 60).toBeCloseTo(5 * 15, 9)
    expect(mostOnBreak(result.shifts)).toBe(1)
  })

  it('solves with at most N on a break at once, and the recount reports the most and any minute over the limit', async () => {
    const requirements = day(8, 12, 6)
    const limited = { ...rules, maxOnBreak: 1 }
    const result = await solveSchedule(requirements, limited, { timeLimitSec: 20 })
    // Seven shifts cover six with one pause at a time (seven of the nine 15-minute placements).
    expect(result.breaks.most).toBe(1)
    expect(result.breaks.overLimitMinutes).toBe(0)
    expect(result.minutes.shortAgentMinutes).toBe(0)
    expect(result.shifts.length).toBe(7)
    // A hand edit that stacks two pauses shows as minutes over the limit.
    const stacked = result.shifts.map((s, k) => (k === 1 ? { ...s, breaks: [{ ...s.breaks[0]!, start: result.shifts[0]!.breaks[0]!.start, end: result.shifts[0]!.breaks[0]!.end }] } : s))
    const counted = recount(stacked, requirements, result.owed, limited)
    expect(counted.breaks).toEqual({ most: 2, overLimitMinutes: 15 })
  }, 60_000)
})
