// Solving a horizon as independent blocks, the warm start handed to HiGHS, and a cost that charges
// every row short (issue 15, item 3).
import { describe, expect, it } from 'vitest'
import { independentBlocks } from '../../app/domain/schedule/blocks.ts'
import { buildScheduleModel, readSchedule, type Requirements } from '../../app/domain/schedule/model.ts'
import { recount } from '../../app/domain/schedule/recount.ts'
import { shiftCap, type ScheduleRules } from '../../app/domain/schedule/rules.ts'
import { integerTimeLimit } from '../../app/domain/schedule/time-limit.ts'
import { shareOut, solutionValues, warmStart } from '../../app/domain/schedule/warm-start.ts'
import { solveSchedule } from '../../app/services/scheduler.server.ts'
import { nr17Rules, weekRequirements } from '../support/schedule-week.ts'

/** `days` days of 15-minute intervals from Monday 2026-11-30 00:00 UTC, `needs` = [from hour, to hour, agents] each day. */
function days(count: number, needs: Array<[number, number, number]>): Requirements {
  const intervals = Array.from({ length: count * 96 }, (_, i) => ({ d: Math.floor(i / 96), q: i % 96, i }))
  return {
    intervalMin: 15,
    start: intervals.map(({ i }) => Date.UTC(2026, 10, 30) + i * 900_000),
    required: intervals.map(({ q }) => needs.filter(([from, to]) => q >= from * 4 && q < to * 4).reduce((sum, [, , agents]) => sum + agents, 0)),
    weekday: intervals.map(({ d }) => (1 + d) % 7),
    minute: intervals.map(({ q }) => q * 15),
    day: intervals.map(({ d }) => d),
  }
}

const fourHours = (earliest: number, latest: number): ScheduleRules => ({
  shiftTypes: [{ name: '4h', lengthMin: 240, breaks: [{ name: 'pausa', lengthMin: 15, earliestMin: 60, latestMin: 180, paid: true }] }],
  startGranularityMin: 15,
  earliestStartMin: earliest * 60,
  latestStartMin: latest * 60,
})

describe('independent blocks', () => {
  it('splits a week closed overnight into its seven days, each from its first start to its last shift’s end', () => {
    // 07:00–22:00 starts, open till 23:00: shifts that fit end by 23:00, so none crosses 23:00–07:00,
    // and the night (no start, nothing owed) is in no block.
    const blocks = independentBlocks(weekRequirements(60), nr17Rules)
    expect(blocks).toEqual(Array.from({ length: 7 }, (_, d) => ({ from: d * 96 + 28, to: d * 96 + 92 })))
  })

  it('keeps a 24-hour operation whole: some shift spans every boundary', () => {
    expect(independentBlocks(days(3, [[0, 24, 2]]), fourHours(0, 23.75))).toEqual([{ from: 0, to: 3 * 96 }])
  })

  it('splits a day whose starts leave a gap, and joins the pieces again when a per-day limit ties the day’s starts', () => {
    const rules: ScheduleRules = {
      ...fourHours(6, 18),
      openingHours: Array.from({ length: 7 }, () => ({ open: 6 * 60, close: 22 * 60 })),
    }
    const requirements = days(1, [[6, 12, 1], [16, 22, 1]])
    const split = independentBlocks(requirements, { ...rules, startGranularityMin: 600 })
    // Starts at 06:00 and 16:00 only (every 10 hours): two blocks, 06:00–10:00 and 16:00–20:00.
    expect(split).toEqual([
      { from: 24, to: 40 },
      { from: 64, to: 80 },
    ])
    const tied = independentBlocks(requirements, { ...rules, startGranularityMin: 600, maxAgentsPerDay: 3 })
    expect(tied).toEqual([{ from: 24, to: 80 }])
  })

  it('gives each of the programs left an equal share of what is left of the limit, the 1-second floor shared too', () => {
    expect(integerTimeLimit(10, 3_000, 7)).toBe(1)
    expect(integerTimeLimit(10, 5_000, 1)).toBe(5)
    expect(integerTimeLimit(10, 9_500, 2)).toBe(0.5)
    expect(integerTimeLimit(10, 20_000, 4)).toBe(0.25)
  })
})

describe('warm start', () => {
  it('shares agents among break placements by largest remainder, exactly as many as the shift has', () => {
    expect(shareOut(3, [['a', 0.4], ['b', 1.6], ['c', 1]])).toEqual(new Map([['b', 2], ['c', 1]]))
    // A tie goes to the earlier placement.
    expect(shareOut(3, [['a', 0.5], ['b', 1.5], ['c', 1]])).toEqual(new Map([['a', 1], ['b', 1], ['c', 1]]))
    expect(shareOut(2, [['a', 0], ['b', 0]])).toEqual(new Map([['a', 2]]))
    expect(shareOut(1, [['a', 1], ['b', 1]])).toEqual(new Map([['a', 1]]))
  })

  it('rounds the relaxation down and repairs it into a schedule whose variables reproduce it, shortfall included', () => {
    const requirements = days(1, [[8, 16, 3]])
    const rules = fourHours(6, 14)
    const model = buildScheduleModel(requirements, rules)
    // A relaxation with 1.5 agents at 08:00 and 12:00, their pause shared between two placements.
    const relaxed = new Map([
      ['x0_32', 1.5],
      ['y0_32_0_60', 0.75],
      ['y0_32_0_75', 0.75],
      ['x0_48', 1.5],
      ['y0_48_0_60', 1.5],
    ])
    const values = warmStart(model, requirements, rules, (name) => relaxed.get(name) ?? 0)
    // One shift each from the rounding, then the repair adds until 08:00–16:00 has 3 on the floor.
    expect(values.get('x0_32')! + values.get('x0_48')!).toBeGreaterThanOrEqual(2)
    const schedule = readSchedule(model, requirements, rules, (name) => values.get(name) ?? 0)
    expect(schedule.repaired).toBe(0)
    expect(schedule.shortHours).toBe(0)
    expect([...values.keys()].some((name) => name.startsWith('u'))).toBe(false)
    // And back: the schedule's variables are the warm start's.
    expect(solutionValues(model, requirements, rules, schedule.shifts)).toEqual(values)
  })

  it('sets each charged row’s shortfall variable to what a schedule leaves short', () => {
    const requirements = days(1, [[8, 12, 2]])
    const rules = fourHours(8, 8)
    const model = buildScheduleModel(requirements, rules)
    // One shift at 08:00 with its pause at 09:00: every row of 08:00–12:00 is 1 short, 09:00–09:15 is 2 short.
    const values = solutionValues(model, requirements, rules, [
      { type: '4h', start: requirements.start[32]!, breaks: [{ start: requirements.start[36]! }] },
    ])
    let agentMinutes = 0
    for (const r of model.charged) agentMinutes += (values.get(`u${r}`) ?? 0) * (model.rows.end[r]! - model.rows.start[r]!)
    expect(agentMinutes).toBe(240 + 15)
    expect(() => solutionValues(model, requirements, rules, [{ type: '4h', start: requirements.start[33]!, breaks: [] }])).toThrow(/no variable/)
  })
})

// Budgets that hold on a busy machine: solves of a few seconds each, a 60-second test limit.
describe('solving in blocks', () => {
  it('solves a week closed overnight day by day: 7 programs, the bound their sum, within 1% of the best bound', async () => {
    const result = await solveSchedule(weekRequirements(13), nr17Rules, { timeLimitSec: 20 })
    expect(result.phases.blocks).toBe(7)
    expect(result.minutes.shortAgentMinutes).toBe(0)
    // HiGHS stops within 1% of each block's bound when it has time: the week is within 1% of the sum.
    if (result.status === 'Optimal') expect(result.bestGap).toBeLessThanOrEqual(0.01 + 1e-9)
    expect(result.paidHours).toBeLessThanOrEqual(result.lpBound * 1.03)
  }, 60_000)

  it('charges every minute short: with too few people the cost is paid hours plus the penalty for the recounted shortfall, never below the bounds', async () => {
    const requirements = weekRequirements(13)
    const rules: ScheduleRules = { ...nr17Rules, maxAgentsPerDay: 4, daysOffPerWeek: 1 }
    const result = await solveSchedule(requirements, rules, { timeLimitSec: 20 })
    expect(result.minutes.shortAgentMinutes).toBeGreaterThan(0)
    const counted = recount(result.shifts, requirements, result.owed, rules).short
    expect(result.shortHours * 60).toBeCloseTo(counted.shortAgentMinutes, 6)
    expect(result.objective).toBeCloseTo(result.paidHours + 100 * result.shortHours, 6)
    expect(result.objective).toBeGreaterThanOrEqual(result.lpBound - 1e-6)
    if (result.mipBound !== null) expect(result.objective).toBeGreaterThanOrEqual(result.mipBound - 1e-6 * result.objective)
    // "Optimal" within the 1% gap means within 1% of the bound HiGHS proved, on the cost the page shows.
    if (result.status === 'Optimal') expect(result.bestGap).toBeLessThanOrEqual(0.01 + 1e-6)
    // The week's limit: 4 people × 6 days.
    expect(result.shifts.length).toBeLessThanOrEqual(shiftCap(rules, 7)!)
  }, 60_000)
})
