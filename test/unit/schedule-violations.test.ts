// The rules a shift breaks in its schedule, case by case on a week worked out by hand (São Paulo,
// UTC−3 all year), and agreement with what the roster produces.
import { describe, expect, it } from 'vitest'
import { assignRoster } from '../../app/domain/schedule/roster.ts'
import type { ScheduleRules } from '../../app/domain/schedule/rules.ts'
import {
  scheduleViolations,
  shiftViolations,
  type CheckedAgent,
  type CheckedShift,
  type ScheduleUnderCheck,
} from '../../app/domain/schedule/violations.ts'

const ZONE = 'America/Sao_Paulo'
const MIN = 60_000
/** Monday 2026-11-30 00:00 in São Paulo. */
const MONDAY = Date.UTC(2026, 10, 30, 3)
const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))

/** NR-17's 6h20 (6 paid hours), starts every 15 min from 06:00 to 22:00, open 08:00–22:00 Monday to Saturday. */
const rules: ScheduleRules = {
  shiftTypes: [
    {
      name: '6h20',
      lengthMin: 380,
      breaks: [
        { name: 'pausa 1', lengthMin: 10, earliestMin: 60, latestMin: 120, paid: true },
        { name: 'descanso', lengthMin: 20, earliestMin: 150, latestMin: 210, paid: false },
        { name: 'pausa 2', lengthMin: 10, earliestMin: 270, latestMin: 330, paid: true },
      ],
    },
  ],
  startGranularityMin: 15,
  earliestStartMin: clock('06:00'),
  latestStartMin: clock('22:00'),
  breakGranularityMin: 15,
  openingHours: [null, ...Array.from({ length: 6 }, () => ({ open: clock('08:00'), close: clock('22:00') }))],
  daysOffPerWeek: 1,
}

let nextId = 1
/** A 6h20 shift on `day` at `at`, breaks at 60, 150 and 270 min unless told; `length` and `breaks` bend it. */
function shift(
  day: number,
  at: string,
  agentId: number | null = 1,
  bend: { length?: number; breaks?: Array<[number, number]>; type?: string } = {},
): CheckedShift {
  const start = MONDAY + (day * 1440 + clock(at)) * MIN
  const breaks = bend.breaks ?? [
    [60, 10],
    [150, 20],
    [270, 10],
  ]
  return {
    id: nextId++,
    agentId,
    type: bend.type ?? '6h20',
    day,
    start,
    end: start + (bend.length ?? 380) * MIN,
    paidHours: 6,
    breaks: breaks.map(([offset, length], k) => ({ name: `b${k}`, start: start + offset * MIN, end: start + (offset + length) * MIN })),
  }
}

const agent = (over: Partial<CheckedAgent> = {}): CheckedAgent => ({ weeklyHours: 36, channels: ['voz'], active: true, daysOff: [6], ...over })

function schedule(shifts: CheckedShift[], agents: Record<number, CheckedAgent> = { 1: agent() }, over: Partial<ScheduleUnderCheck> = {}): ScheduleUnderCheck {
  return {
    rules,
    timeZone: ZONE,
    firstDay: '2026-11-30',
    days: 7,
    channelKey: 'voz',
    shifts,
    agents: new Map(Object.entries(agents).map(([id, a]) => [Number(id), a])),
    ...over,
  }
}

/** The rules one shift breaks, alone in its schedule or with `others`. */
const check = (s: CheckedShift, others: CheckedShift[] = [], agents?: Record<number, CheckedAgent>, over?: Partial<ScheduleUnderCheck>) =>
  shiftViolations(s, schedule([...others, s], agents, over))

describe('the rules a shift breaks', () => {
  it('none for a shift within every rule', () => {
    expect(check(shift(0, '08:00'))).toEqual([])
    // The last start on the grid that still ends by closing (22:00 − 6h20 = 15:40).
    expect(check(shift(5, '15:30'))).toEqual([])
  })

  describe('the channel’s opening hours', () => {
    it('a start before opening, an end after closing', () => {
      expect(check(shift(0, '07:00'))).toEqual([{ rule: 'openingHours', open: 480, close: 1320 }])
      expect(check(shift(0, '15:45'))).toEqual([{ rule: 'openingHours', open: 480, close: 1320 }])
    })

    it('a day the channel is closed (Sunday)', () => {
      expect(check(shift(6, '08:00', null))).toEqual([{ rule: 'closed' }])
    })

    it('none when the channel is always open', () => {
      expect(check(shift(6, '06:00', null), [], undefined, { rules: { ...rules, openingHours: null } })).toEqual([])
    })
  })

  describe('the shift type and its breaks', () => {
    it('a start off the grid or outside the earliest and latest start', () => {
      expect(check(shift(0, '08:05'))).toEqual([{ rule: 'startTime', earliest: 360, latest: 1320, everyMin: 15 }])
      // 05:00 is before the earliest start and before opening.
      expect(check(shift(0, '05:00'))).toEqual([
        { rule: 'startTime', earliest: 360, latest: 1320, everyMin: 15 },
        { rule: 'openingHours', open: 480, close: 1320 },
      ])
    })

    it('a break outside its window, off its grid or of the wrong length, with the window in clock time', () => {
      const window = { rule: 'break', name: 'descanso', lengthMin: 20, from: clock('10:30'), to: clock('11:30'), everyMin: 15 }
      const late: Array<[number, number]> = [[60, 10], [225, 20], [270, 10]]
      expect(check(shift(0, '08:00', 1, { breaks: late }))).toEqual([window])
      const offGrid: Array<[number, number]> = [[60, 10], [160, 20], [270, 10]]
      expect(check(shift(0, '08:00', 1, { breaks: offGrid }))).toEqual([window])
      const short: Array<[number, number]> = [[60, 10], [150, 15], [270, 10]]
      expect(check(shift(0, '08:00', 1, { breaks: short }))).toEqual([window])
      // The window's last start is allowed.
      expect(check(shift(0, '08:00', 1, { breaks: [[120, 10], [210, 20], [330, 10]] }))).toEqual([])
    })

    it('a missing break, a wrong length and a type the rules do not have', () => {
      expect(check(shift(0, '08:00', 1, { breaks: [[60, 10], [150, 20]] })).map((v) => v.rule)).toEqual(['break'])
      expect(check(shift(0, '08:00', 1, { length: 360 }))).toEqual([{ rule: 'length', minutes: 360, expectedMin: 380 }])
      expect(check(shift(0, '08:00', 1, { type: '8h48' }))).toEqual([{ rule: 'shiftType' }])
    })
  })

  describe('the agent', () => {
    it('11 h rest: 10 h 10 min between Monday’s 15:30–21:50 and Tuesday’s 08:00 is short; 11 h exactly is enough', () => {
      const monday = shift(0, '15:30')
      const tuesday = shift(1, '08:00')
      expect(check(tuesday, [monday])).toEqual([{ rule: 'rest', restMin: 610, minRestMin: 660 }])
      // The rest is short for the shift before as well: both carry the warning.
      expect(check(monday, [tuesday])).toEqual([{ rule: 'rest', restMin: 610, minRestMin: 660 }])
      // 15:00–21:20, then 08:20 (on a 5-minute start grid).
      const fine = { rules: { ...rules, startGranularityMin: 5 } }
      expect(check(shift(1, '08:20'), [shift(0, '15:00')], undefined, fine)).toEqual([])
      expect(check(shift(1, '08:15'), [shift(0, '15:00')], undefined, fine)).toEqual([{ rule: 'rest', restMin: 655, minRestMin: 660 }])
    })

    it('one shift a day, and shifts that overlap (also across midnight)', () => {
      expect(check(shift(2, '14:30'), [shift(2, '08:00')]).map((v) => v.rule)).toEqual(['oneShiftADay', 'rest'])
      expect(check(shift(2, '10:00'), [shift(2, '08:00')]).map((v) => v.rule)).toEqual(['oneShiftADay', 'overlap'])
      const always = { rules: { ...rules, openingHours: null } }
      // Monday 22:00 runs to Tuesday 04:20; a Tuesday shift at 01:00 overlaps it, though on another day.
      expect(check(shift(1, '06:00'), [shift(0, '22:00')], undefined, always)).toEqual([{ rule: 'rest', restMin: 100, minRestMin: 660 }])
      expect(check(shift(1, '01:00'), [shift(0, '22:00')], undefined, always)).toEqual([{ rule: 'startTime', earliest: 360, latest: 1320, everyMin: 15 }, { rule: 'overlap' }])
    })

    it('the agent’s day off, and more working days than the rules allow', () => {
      expect(check(shift(5, '08:00'), [], { 1: agent({ daysOff: [5] }) })).toEqual([{ rule: 'dayOff' }])
      const sixDays = [0, 1, 2, 3, 4].map((d) => shift(d, '08:00'))
      expect(check(shift(5, '08:00'), sixDays, { 1: agent({ weeklyHours: 44, daysOff: [] }) })).toEqual([])
      // A seventh day, with one day off a week: 7 days of at most 6, and 42 hours of a 44-hour contract.
      const week = [...sixDays, shift(5, '08:00')]
      expect(check(shift(6, '08:00'), week, { 1: agent({ weeklyHours: 44, daysOff: [] }) }, { rules: { ...rules, openingHours: null } })).toEqual([
        { rule: 'workDays', days: 7, maxDays: 6 },
      ])
    })

    it('contracted hours: a sixth 6-hour shift fills 36 h exactly, and breaks a 30-hour contract', () => {
      const five = [0, 1, 2, 3, 4].map((d) => shift(d, '08:00'))
      expect(check(shift(5, '08:00'), five)).toEqual([])
      expect(check(shift(5, '08:00'), five, { 1: agent({ weeklyHours: 30 }) })).toEqual([{ rule: 'contract', hours: 36, weeklyHours: 30 }])
    })

    it('an agent who does not work the schedule’s channel; any agent works an all-channel schedule', () => {
      expect(check(shift(0, '08:00'), [], { 1: agent({ channels: ['chat'] }) })).toEqual([{ rule: 'channel', missing: ['voz'] }])
      expect(check(shift(0, '08:00'), [], { 1: agent({ channels: ['chat'] }) }, { channelKey: null })).toEqual([])
    })

    it('a multi-skill shift: its agent must work every channel it was planned for, and may work more', () => {
      const both = { ...shift(0, '08:00'), channels: ['chat', 'whatsapp'] }
      const all = { channelKey: null }
      expect(check(both, [], { 1: agent({ channels: ['chat'] }) }, all)).toEqual([{ rule: 'channel', missing: ['whatsapp'] }])
      expect(check(both, [], { 1: agent({ channels: ['email'] }) }, all)).toEqual([{ rule: 'channel', missing: ['chat', 'whatsapp'] }])
      expect(check(both, [], { 1: agent({ channels: ['whatsapp', 'voz', 'chat'] }) }, all)).toEqual([])
      expect(check({ ...both, channels: ['chat'] }, [], { 1: agent({ channels: ['chat', 'whatsapp'] }) }, all)).toEqual([])
    })

    it('an agent no longer on the team: inactive or unknown, and nothing else about them is checked', () => {
      expect(check(shift(0, '08:00'), [shift(0, '10:00')], { 1: agent({ active: false }) })).toEqual([{ rule: 'notOnTeam' }])
      expect(check(shift(0, '08:00'), [], {})).toEqual([{ rule: 'notOnTeam' }])
    })

    it('an open shift keeps only the rules of its shape; other agents’ shifts do not count', () => {
      expect(check(shift(0, '08:00', null), [shift(0, '08:00', 1)])).toEqual([])
      expect(check(shift(0, '08:00', 2), [shift(0, '08:00', 1)], { 1: agent(), 2: agent() })).toEqual([])
    })
  })

  it('the whole schedule at once gives what each shift gives alone, listing only those that break a rule', () => {
    const shifts = [shift(0, '15:30'), shift(1, '08:00'), shift(2, '08:05', 2), shift(3, '08:00', null), shift(4, '08:00', 2)]
    const whole = schedule(shifts, { 1: agent(), 2: agent({ channels: ['chat'] }) })
    const found = scheduleViolations(whole)
    expect([...found.keys()]).toEqual([shifts[0]!.id, shifts[1]!.id, shifts[2]!.id, shifts[4]!.id])
    for (const s of shifts) expect(found.get(s.id) ?? []).toEqual(shiftViolations(s, whole))
    expect(found.get(shifts[2]!.id)!.map((v) => v.rule)).toEqual(['startTime', 'channel'])
  })

  it('a roster the roster made breaks none of the people rules it follows', () => {
    // Two shifts a day, Monday to Saturday, at 08:00 and 15:30, for three 36-hour agents.
    const shifts = [0, 1, 2, 3, 4, 5].flatMap((d) => [shift(d, '08:00', null), shift(d, '15:30', null)])
    const agents = [1, 2, 3].map((id) => ({ id, name: `A${id}`, weeklyHours: 36 }))
    const roster = assignRoster(shifts, agents, { days: 7, daysOffPerWeek: 1, consecutiveDaysOff: false })
    const rostered = shifts.map((s, i) => ({ ...s, agentId: roster.agentOf[i]! }))
    expect(rostered.every((s) => s.agentId !== null)).toBe(true)
    const team = Object.fromEntries(agents.map((a) => [a.id, agent({ daysOff: roster.daysOff.get(a.id)! })]))
    expect(scheduleViolations(schedule(rostered, team))).toEqual(new Map())
  })

  describe('availability, contract shift types and start tolerance (issue 15), as the roster applies them', () => {
    /** Monday to Friday 08:00–14:30 (Sunday first). */
    const weekdays = [null, ...Array.from({ length: 5 }, () => ({ open: clock('08:00'), close: clock('14:30') })), null]

    it('a shift outside the agent\'s hours, or on a day they do not work', () => {
      const partTime = { 1: agent({ availability: weekdays }) }
      expect(check(shift(0, '08:00'), [], partTime)).toEqual([])
      // 08:15 + 6h20 = 14:35, past 14:30.
      expect(check(shift(1, '08:15'), [], partTime)).toEqual([{ rule: 'availability', open: 480, close: 870 }])
      expect(check(shift(5, '08:00'), [], partTime)).toEqual([{ rule: 'availability', open: null, close: null }])
    })

    it('a shift type outside the agent\'s contract; an empty list allows every type', () => {
      expect(check(shift(0, '08:00'), [], { 1: agent({ shiftTypes: ['4h'] }) })).toEqual([{ rule: 'contractShiftType', allowed: ['4h'] }])
      expect(check(shift(0, '08:00'), [], { 1: agent({ shiftTypes: [] }) })).toEqual([])
      expect(check(shift(0, '08:00'), [], { 1: agent({ shiftTypes: ['6h20', '4h'] }) })).toEqual([])
    })

    it('a start more than the tolerance from the agent\'s first other start of the week', () => {
      const tolerant = { rules: { ...rules, startToleranceMin: 60 } }
      const monday = shift(0, '08:00')
      expect(check(shift(1, '09:00'), [monday], undefined, tolerant)).toEqual([])
      expect(check(shift(1, '09:15'), [monday], undefined, tolerant)).toEqual([{ rule: 'startTolerance', anchor: 480, toleranceMin: 60 }])
      // Moving the first shift away from the others is caught on it too (measured from Tuesday's).
      expect(check(shift(0, '10:00'), [shift(1, '08:00')], undefined, tolerant)).toEqual([{ rule: 'startTolerance', anchor: 480, toleranceMin: 60 }])
      // No rule, no limit.
      expect(check(shift(1, '15:00'), [monday])).toEqual([])
    })

    it('a roster with availability, contract types and a tolerance breaks none of them, and the break it reports is the one found', () => {
      const four = { ...rules.shiftTypes[0]!, name: '4h', lengthMin: 240, breaks: [] }
      const withFour = { ...rules, shiftTypes: [...rules.shiftTypes, four], startToleranceMin: 60 }
      const shifts = [0, 1, 2, 3, 4, 5].flatMap((d) => [
        shift(d, '08:00', null),
        { ...shift(d, '09:00', null, { length: 240, breaks: [], type: '4h' }), paidHours: 4 },
        shift(d, d === 5 ? '12:00' : '15:30', null),
      ])
      const team = [
        { id: 1, name: 'A1', weeklyHours: 36 },
        { id: 2, name: 'A2', weeklyHours: 20, shiftTypes: ['4h'], availability: weekdays },
        { id: 3, name: 'A3', weeklyHours: 36 },
        { id: 4, name: 'A4', weeklyHours: 36 },
      ]
      const local = (s: CheckedShift) => (s.start - MONDAY) / MIN - s.day * 1440
      const roster = assignRoster(
        shifts.map((s) => ({ ...s, startMin: local(s) })),
        team,
        { days: 7, daysOffPerWeek: 1, consecutiveDaysOff: false, firstWeekday: 1, startToleranceMin: 60 },
      )
      const rostered = shifts.map((s, i) => ({ ...s, agentId: roster.agentOf[i]! }))
      // The part-timer (Mon–Fri until 14:30, "4h" only) has only 4h shifts, none on Saturday.
      expect(rostered.filter((s) => s.agentId === 2).map((s) => [s.type, s.day])).toEqual([0, 1, 2, 3, 4].map((d) => ['4h', d]))
      const agents = Object.fromEntries(team.map((a) => [a.id, agent({ ...a, daysOff: roster.daysOff.get(a.id)! })]))
      const found = scheduleViolations(schedule(rostered, agents, { rules: withFour }))
      // Saturday's 12:00 shift is the one start the roster could not keep near anyone's first.
      expect(roster.broken.map((b) => shifts[b.shift]!.id)).toEqual([shifts[17]!.id])
      expect([...found.entries()].filter(([, v]) => v.some((x) => x.rule === 'startTolerance')).map(([id]) => id)).toContain(shifts[17]!.id)
      for (const v of found.values()) for (const x of v) expect(['startTolerance', 'openingHours']).toContain(x.rule)
    })
  })
})
