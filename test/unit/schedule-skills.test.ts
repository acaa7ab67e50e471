// Multi-skill schedules (issue 15, item 5) on cases worked out by hand: channels A and B, agents of
// A only, B only and both; the allocation that never counts an agent twice; the model's LP text.
import { describe, expect, it } from 'vitest'
import type { Requirements } from '../../app/domain/schedule/model.ts'
import { recountSkills } from '../../app/domain/schedule/multi-recount.ts'
import { buildMultiSkillModel, componentProblem, multiSkillValues, readMultiSkill, skillComponents, skillGroups, splitWeekCaps, type MultiSkillProblem, type SkillGroup } from '../../app/domain/schedule/multi-skill.ts'
import type { ScheduleRules } from '../../app/domain/schedule/rules.ts'
import { allocate } from '../../app/domain/schedule/skill-allocation.ts'
import { solveMultiSkill, solveSchedule } from '../../app/services/scheduler.server.ts'

const MONDAY = Date.UTC(2026, 10, 30)
const HOUR = 3_600_000

/** One day of 15-minute intervals from 00:00 UTC (a Monday). */
function dayIntervals(): Requirements {
  const start = Array.from({ length: 96 }, (_, q) => MONDAY + q * 900_000)
  return { intervalMin: 15, start, required: start.map(() => 0), weekday: start.map(() => 1), minute: start.map((_, q) => q * 15), day: start.map(() => 0) }
}

/** Per interval of the day: `agents` from hour `from` to `to`. */
const need = (from: number, to: number, agents: number) => Array.from({ length: 96 }, (_, q) => (q >= from * 4 && q < to * 4 ? agents : 0))

const eightHours: ScheduleRules = {
  shiftTypes: [{ name: '8h', lengthMin: 480, breaks: [] }],
  startGranularityMin: 15,
  earliestStartMin: 6 * 60,
  latestStartMin: 14 * 60,
}

const problem = (required: number[][], groups: SkillGroup[]): MultiSkillProblem => ({ requirements: dayIntervals(), channels: ['A', 'B'], required, groups })

const clock = (t: number) => new Date(t).toISOString().slice(11, 16)

describe('skill allocation', () => {
  it('gives each group’s agents to its channels, the most covered', () => {
    // One A-only, one B-only, one both: A needs 2, B 1 — all covered.
    expect(allocate([1, 1, 1], [2, 1], [[0], [1], [0, 1]])).toEqual({ covered: [2, 1], short: 0, flow: [[1, 0], [0, 1], [1, 0]] })
  })

  it('never counts an agent twice: one agent of both skills covers one channel', () => {
    expect(allocate([1], [1, 1], [[0, 1]])).toMatchObject({ covered: [1, 0], short: 1 })
  })

  it('moves a both-skilled agent to the channel only they can work (an augmenting path through a reverse edge)', () => {
    // The both-skilled agent is taken for A first; B then takes them, and the A-only agent covers A.
    expect(allocate([1, 1], [1, 1], [[0, 1], [0]])).toEqual({ covered: [1, 1], short: 0, flow: [[0, 1], [1, 0]] })
  })

  it('spreads a shortage the skills leave: each agent goes to the channel with the larger remaining shortage', () => {
    // Three both-skilled for needs 4 and 3: 4→3 (A), then 3 and 3 tie → A, then B 3 > A 2 → B.
    expect(allocate([3], [4, 3], [[0, 1]])).toMatchObject({ covered: [2, 1], short: 4 })
  })
})

describe('skill groups of a team', () => {
  it('makes one group per distinct channel set, in channel order, with head counts; one of no channel in none', () => {
    // Agents: B+A (written out of order), A, none, B, A+B, A.
    const { groups, groupOf } = skillGroups([[1, 0], [0], [], [1], [0, 1, 1], [0]])
    expect(groups).toEqual([
      { channels: [0], people: 2 },
      { channels: [0, 1], people: 2 },
      { channels: [1], people: 1 },
    ])
    expect(groupOf).toEqual([1, 0, -1, 2, 1, 0])
  })

  it('has no group for a team with no channel among the problem’s', () => {
    expect(skillGroups([[], []])).toEqual({ groups: [], groupOf: [-1, -1] })
  })
})

describe('each channel’s own opening hours', () => {
  it('owes a channel its minimum while open only within its hours, not the channels’ together', () => {
    const hours = (open: number, close: number) => Array.from({ length: 7 }, () => ({ open: open * 60, close: close * 60 }))
    const twoHours: MultiSkillProblem = {
      ...problem([need(8, 16, 0), need(8, 12, 0)], [{ channels: [0, 1], people: null }]),
      openingHours: [hours(8, 16), hours(8, 12)],
    }
    const rules = { ...eightHours, openingHours: hours(8, 16), minAgentsWhileOpen: 1 }
    const owed = recountSkills([], twoHours, rules).channels.map((c) => c.owedAgentMinutes)
    expect(owed).toEqual([8 * 60, 4 * 60])
    // Without each channel's hours, the rules' (both channels 08:00–16:00).
    expect(recountSkills([], { ...twoHours, openingHours: undefined }, rules).channels.map((c) => c.owedAgentMinutes)).toEqual([8 * 60, 8 * 60])
  })
})

describe('independent parts of a multi-skill problem', () => {
  // Channels A, B, C, D, E; groups {A}, {B, A}… as indexes: {0}, {0, 1}, {2}, {1, 3} with nobody, {2}.
  const groups: SkillGroup[] = [
    { channels: [0], people: 3 },
    { channels: [0, 1], people: 2 },
    { channels: [2], people: 4 },
    { channels: [1, 3], people: 0 },
    { channels: [2], people: 1 },
  ]
  const five: MultiSkillProblem = { requirements: dayIntervals(), channels: ['A', 'B', 'C', 'D', 'E'], required: [[1], [2], [3], [4], [5]], groups }

  it('joins channels by the groups that have people for both; a channel nobody works is a part with no group', () => {
    expect(skillComponents(five)).toEqual([
      { channels: [0, 1], groups: [0, 1] },
      { channels: [2], groups: [2, 4] },
      { channels: [3], groups: [] },
      { channels: [4], groups: [] },
    ])
  })

  it('makes a part a problem of its own: its channels, requirements and groups renumbered', () => {
    expect(componentProblem(five, { channels: [2], groups: [2, 4] })).toMatchObject({
      channels: ['C'],
      required: [[3]],
      groups: [
        { channels: [0], people: 4 },
        { channels: [0], people: 1 },
      ],
    })
    expect(componentProblem(five, { channels: [0, 1], groups: [0, 1] }).groups).toEqual([
      { channels: [0], people: 3 },
      { channels: [0, 1], people: 2 },
    ])
  })
})

describe('multi-skill schedules', () => {
  it('solves channels that share no agent apart, each part with the limit, and reads each group’s shifts back as its own', async () => {
    // A needs 2 from 08:00 to 16:00 and has 3 people; B needs 1 from 10:00 to 18:00 and has 1.
    const result = await solveMultiSkill(
      problem(
        [need(8, 16, 2), need(10, 18, 1)],
        [
          { channels: [0], people: 3 },
          { channels: [1], people: 1 },
        ],
      ),
      eightHours,
      { timeLimitSec: 5 },
    )
    expect(result.phases).toMatchObject({ parts: 2, limitSec: 5 })
    expect(result.shifts.map((s) => [s.group, new Date(s.start).getUTCHours()])).toEqual([
      [0, 8],
      [0, 8],
      [1, 10],
    ])
    expect(result.channels.map((c) => c.shortAgentMinutes + c.unreachableAgentMinutes)).toEqual([0, 0])
    // Each part at its optimum, 3 shifts of 8 hours; the bound is the parts' bounds summed.
    expect(result.paidHours).toBe(24)
    expect(result.lpBound).toBeCloseTo(24, 6)
  })

  it('covers A 2 and B 1 from 08:00 to 16:00 with one agent of A, one of B and one of both a day', async () => {
    const result = await solveMultiSkill(
      problem(
        [need(8, 16, 2), need(8, 16, 1)],
        [
          { channels: [0], people: 1 },
          { channels: [1], people: 1 },
          { channels: [0, 1], people: 1 },
        ],
      ),
      eightHours,
    )
    expect(result.paidHours).toBe(24)
    expect(result.lpBound).toBeCloseTo(24, 6)
    expect(result.shifts.map((s) => [clock(s.start), clock(s.end), s.group])).toEqual([
      ['08:00', '16:00', 0],
      ['08:00', '16:00', 1],
      ['08:00', '16:00', 2],
    ])
    expect(result.channels).toEqual([
      { owedAgentMinutes: 960, shortMinutes: 0, shortAgentMinutes: 0, unreachableMinutes: 0, unreachableAgentMinutes: 0, unreachable: [] },
      { owedAgentMinutes: 480, shortMinutes: 0, shortAgentMinutes: 0, unreachableMinutes: 0, unreachableAgentMinutes: 0, unreachable: [] },
    ])
    expect(result.uncovered).toEqual([])
  })

  it('leaves B short by exactly what the both-skilled head count cannot give', async () => {
    // B needs 2 and only the one both-skilled agent can work it; A's need of 1 goes to the A-only.
    const result = await solveMultiSkill(
      problem(
        [need(8, 16, 1), need(8, 16, 2)],
        [
          { channels: [0], people: 2 },
          { channels: [0, 1], people: 1 },
        ],
      ),
      eightHours,
    )
    expect(result.shifts.map((s) => s.group)).toEqual([0, 1])
    expect(result.paidHours).toBe(16)
    expect(result.channels[0]).toMatchObject({ shortMinutes: 0, shortAgentMinutes: 0 })
    expect(result.channels[1]).toMatchObject({ owedAgentMinutes: 960, shortMinutes: 480, shortAgentMinutes: 480, unreachableMinutes: 0 })
    // Paid hours plus 100 h per agent-hour short; the bound is the same (nothing better exists).
    expect(result.objective).toBeCloseTo(16 + 100 * 8, 6)
    expect(result.lpBound).toBeCloseTo(816, 6)
    expect(result.minutes).toMatchObject({ shortMinutes: 480, shortAgentMinutes: 480 })
    expect(result.uncovered).toEqual(need(8, 16, 1).flatMap((x, q) => (x ? [q] : [])))
  })

  it('names a channel nobody has the skill for unreachable, not short', async () => {
    const result = await solveMultiSkill(problem([need(8, 16, 1), need(9, 10, 1)], [{ channels: [0], people: null }]), eightHours)
    expect(result.paidHours).toBe(8)
    expect(result.channels[1]).toMatchObject({
      shortMinutes: 0,
      unreachableMinutes: 60,
      unreachableAgentMinutes: 60,
      unreachable: [{ start: MONDAY + 9 * HOUR, end: MONDAY + 10 * HOUR }],
    })
    // Unreachable minutes cost nothing: the schedule is what covers A.
    expect(result.objective).toBeCloseTo(8, 6)
  })

  it('recounts an agent on a both-skilled shift for one channel at a time', () => {
    const shift = { start: MONDAY + 8 * HOUR, end: MONDAY + 16 * HOUR, breaks: [{ start: MONDAY + 12 * HOUR, end: MONDAY + 13 * HOUR }] }
    const counted = recountSkills([{ ...shift, group: 0 }], problem([need(8, 16, 1), need(8, 16, 1)], [{ channels: [0, 1], people: null }]), eightHours)
    // 7 hours on the floor for A (the first of the tie), B short all 8; A short during the break.
    expect(counted.channels.map((c) => [c.shortMinutes, c.shortAgentMinutes])).toEqual([
      [60, 60],
      [480, 480],
    ])
    expect(counted.totals).toMatchObject({ owedAgentMinutes: 960, shortAgentMinutes: 540 })
    expect(counted.breaks.most).toBe(1)
  })

  it('writes the model: the single-skill group covers its channel, the both-skilled one shares out through z', () => {
    // 08:00–09:00, one start (08:00) of a 1-hour shift; A needs 1 throughout, B 1 at 08:30–08:45.
    const start = [0, 1, 2, 3].map((q) => MONDAY + 8 * HOUR + q * 900_000)
    const requirements: Requirements = { intervalMin: 15, start, required: [0, 0, 0, 0], weekday: [1, 1, 1, 1], minute: [480, 495, 510, 525], day: [0, 0, 0, 0] }
    const rules: ScheduleRules = { shiftTypes: [{ name: '1h', lengthMin: 60, breaks: [] }], startGranularityMin: 15, earliestStartMin: 480, latestStartMin: 480 }
    const tiny: MultiSkillProblem = {
      requirements,
      channels: ['A', 'B'],
      required: [
        [1, 1, 1, 1],
        [0, 0, 1, 0],
      ],
      groups: [
        { channels: [0], people: 1 },
        { channels: [0, 1], people: null },
      ],
    }
    const model = buildMultiSkillModel(tiny, rules)
    // Penalty: 100 paid hours per agent-hour, 15-minute rows → 25 per agent short.
    expect(model.lp.split('\n')).toEqual([
      'Minimize',
      ' obj: 1 x0_0_0 + 1 x1_0_0 + 25 u0_0 + 25 u0_1 + 25 u0_2 + 25 u1_2 + 25 u0_3',
      'Subject To',
      ' c0_0: 1 x0_0_0 + 1 z1_0_0 + 1 u0_0 >= 1',
      ' c0_1: 1 x0_0_0 + 1 z1_0_1 + 1 u0_1 >= 1',
      ' c0_2: 1 x0_0_0 + 1 z1_0_2 + 1 u0_2 >= 1',
      ' c1_2: 1 z1_1_2 + 1 u1_2 >= 1',
      ' c0_3: 1 x0_0_0 + 1 z1_0_3 + 1 u0_3 >= 1',
      ' k1_0: 1 z1_0_0 - 1 x1_0_0 <= 0',
      ' k1_1: 1 z1_0_1 - 1 x1_0_0 <= 0',
      ' k1_2: 1 z1_0_2 + 1 z1_1_2 - 1 x1_0_0 <= 0',
      ' k1_3: 1 z1_0_3 - 1 x1_0_0 <= 0',
      ' d0_0: 1 x0_0_0 <= 1',
      'General',
      ' x0_0_0 x1_0_0',
      'End',
    ])
    expect(model.relaxed).toBe(model.lp.replace(/\nGeneral\n[\s\S]*\nEnd$/, '\nEnd'))
    // The rules' limit on shifts a day bounds all groups together (the both-skilled have no head count of their own).
    const limited = buildMultiSkillModel(tiny, { ...rules, maxAgentsPerDay: 1 }).lp.split('\n')
    expect(limited.filter((line) => /^ [dw]/.test(line))).toEqual([' d0_0: 1 x0_0_0 <= 1', ' d_0: 1 x0_0_0 + 1 x1_0_0 <= 1'])
    // A warm start's values: the A-only agent on A, the both-skilled on B where B is owed.
    const shift = (group: number) => ({ type: '1h', start: start[0]!, end: start[0]! + HOUR, breaks: [], group })
    expect(multiSkillValues(model, tiny, rules, [shift(0), shift(1)])).toEqual({ x0_0_0: 1, x1_0_0: 1, z1_1_2: 1 })
    // The both-skilled alone: on A throughout (A before B in a tie at 08:30), B short there.
    expect(multiSkillValues(model, tiny, rules, [shift(1)])).toEqual({ x1_0_0: 1, z1_0_0: 1, z1_0_1: 1, z1_0_2: 1, u1_2: 1, z1_0_3: 1 })
  })

  it('solves one channel and one group without limits as the single-channel model does', async () => {
    const requirements = { ...dayIntervals(), required: need(8, 18, 3) }
    const single = await solveSchedule(requirements, eightHours)
    const multi = await solveMultiSkill({ requirements, channels: ['A'], required: [requirements.required], groups: [{ channels: [0], people: null }] }, eightHours)
    expect(multi.paidHours).toBe(single.paidHours)
    expect(multi.lpBound).toBeCloseTo(single.lpBound, 6)
    expect(multi.minutes.shortAgentMinutes).toBe(single.minutes.shortAgentMinutes)
  })
})

describe('multi-skill repair', () => {
  it('builds the schedule alone when the solver gives nothing: shifts of a group skilled for the channel short the most, within head counts', () => {
    const skills = problem(
      [need(8, 16, 2), need(8, 16, 1)],
      [
        { channels: [0], people: 1 },
        { channels: [1], people: 1 },
        { channels: [0, 1], people: 1 },
      ],
    )
    const model = buildMultiSkillModel(skills, eightHours)
    const result = readMultiSkill(model, skills, eightHours, () => 0)
    // A first (960 agent-minutes short): its own agent, then (its head count spent) the both-skilled; then B's.
    expect(result.repaired).toBe(3)
    expect(result.shifts.map((s) => [clock(s.start), s.group])).toEqual([
      ['08:00', 0],
      ['08:00', 1],
      ['08:00', 2],
    ])
    expect(recountSkills(result.shifts, skills, eightHours).totals).toMatchObject({ shortAgentMinutes: 0, unreachableMinutes: 0 })
  })
})

describe('splitting a week’s cap among days', () => {
  it('shares a group’s cap among the days in proportion to the relaxations, by largest remainder, when they break it', () => {
    // Two days; 2 people off 4 days a week work 2 × (2 − 1) = 2 shifts in the two days.
    const start = Array.from({ length: 192 }, (_, q) => MONDAY + q * 900_000)
    const requirements: Requirements = { intervalMin: 15, start, required: start.map(() => 0), weekday: start.map((_, q) => 1 + Math.floor(q / 96)), minute: start.map((_, q) => (q % 96) * 15), day: start.map((_, q) => Math.floor(q / 96)) }
    const twoDays: MultiSkillProblem = { requirements, channels: ['A'], required: [requirements.required], groups: [{ channels: [0], people: 2 }] }
    const rules = { ...eightHours, daysOffPerWeek: 4 }
    // Within the cap: nothing to split.
    expect(splitWeekCaps(twoDays, rules, { x0_0_32: 1.5, x0_0_128: 0.5 })).toBeNull()
    // 2 and 1 against a cap of 2: 1.33 and 0.67 → 1 and 0, the remaining shift to the larger remainder (day 1).
    expect(splitWeekCaps(twoDays, rules, { x0_0_32: 2, x0_0_128: 1, u0_40: 3 })).toEqual([
      new Map([
        [0, 1],
        [1, 1],
      ]),
    ])
  })

  it('splits the broken group’s cap and those of groups sharing a channel with it, or every group’s when told to; a day not used gets none', () => {
    const start = Array.from({ length: 192 }, (_, q) => MONDAY + q * 900_000)
    const requirements: Requirements = { intervalMin: 15, start, required: start.map(() => 0), weekday: start.map((_, q) => 1 + Math.floor(q / 96)), minute: start.map((_, q) => (q % 96) * 15), day: start.map((_, q) => Math.floor(q / 96)) }
    // Each person works one of the two days. Group 0 (A, 2 people, cap 2) used 3: broken. Group 1
    // (A and B, 4 people) used 1 on day 0: within, but it shares A. Group 2 (B, 3 people) used 1 on day 1.
    const groups = [
      { channels: [0], people: 2 },
      { channels: [0, 1], people: 4 },
      { channels: [1], people: 3 },
    ]
    const twoDays: MultiSkillProblem = { requirements, channels: ['A', 'B'], required: [requirements.required, requirements.required], groups }
    const relaxed = { x0_0_32: 2, x0_0_128: 1, x1_0_40: 1, x2_0_140: 1 }
    const rules = { ...eightHours, daysOffPerWeek: 4 }
    const days = (zero: number, one: number) => new Map([[0, zero], [1, one]])
    expect(splitWeekCaps(twoDays, rules, relaxed)).toEqual([days(1, 1), days(4, 0), new Map()])
    expect(splitWeekCaps(twoDays, rules, relaxed, true)).toEqual([days(1, 1), days(4, 0), days(0, 3)])
  })
})
