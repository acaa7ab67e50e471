// Multi-skill bench (issue 15, item 5; decision 010): a week of two channels of the same shape,
// peaking at 60 (A) and 30 (B) agents, NR-17 rules, people in three skill groups — 40% A only,
// 30% B only, 30% both — solved as one multi-skill schedule, beside the same week as two separate
// single-channel schedules (no head counts), as two teams apart (independent parts) and as one
// pool where everyone works both.
import { solveMultiSkill, solveSchedule, type SolvedMultiSkill } from '../../app/services/scheduler.server.ts'
import type { MultiSkillProblem } from '../../app/domain/schedule/multi-skill.ts'
import { nr17Rules, weekRequirements } from '../support/schedule-week.ts'

const TIME_LIMIT_SEC = 10
const PEOPLE = 186

export async function benchScheduleSkills() {
  const a = weekRequirements(60)
  const b = weekRequirements(30)
  const separate = [await solveSchedule(a, nr17Rules, { timeLimitSec: TIME_LIMIT_SEC }), await solveSchedule(b, nr17Rules, { timeLimitSec: TIME_LIMIT_SEC })]
  const separatePaid = separate[0]!.paidHours + separate[1]!.paidHours
  console.log(
    `Two channels (peaks 60 + 30) as separate schedules: paid ${separate[0]!.paidHours.toFixed(1)} + ${separate[1]!.paidHours.toFixed(1)} = ${separatePaid.toFixed(1)} h, ` +
      `LP bounds ${separate[0]!.lpBound.toFixed(1)} + ${separate[1]!.lpBound.toFixed(1)} h, ${(separate[0]!.milliseconds / 1000 + separate[1]!.milliseconds / 1000).toFixed(1)} s`,
  )
  // People: about 30% above the most shifts a day the two separate schedules use (143), so that
  // the head counts bind in places (A-only 74 a day against A's ~100 shifts).
  const people = PEOPLE
  const problem = (groups: MultiSkillProblem['groups']): MultiSkillProblem => ({
    requirements: a,
    channels: ['A', 'B'],
    required: [a.required, b.required],
    groups,
  })
  const report = (label: string, result: SolvedMultiSkill) =>
    console.log(
      `${label}: ${(result.milliseconds / 1000).toFixed(1)} s (limit ${result.phases.limitSec} s), paid ${result.paidHours.toFixed(1)} h ` +
        `(${(((result.paidHours - separatePaid) / separatePaid) * 100).toFixed(2)}% vs separate), LP bound ${result.lpBound.toFixed(1)} h, gap ${(result.gap * 100).toFixed(2)}%, ` +
        `MIP bound ${result.mipBound === null ? 'none' : `${result.mipBound.toFixed(1)} h`}, best gap ${(result.bestGap * 100).toFixed(2)}%, ${result.shifts.length} shifts, ` +
        `short ${result.channels.map((c, k) => `${'AB'[k]} ${c.shortMinutes} min/${c.shortAgentMinutes.toFixed(0)} agent-min`).join(', ')}, ` +
        `solver "${result.status}" (LP ${(result.phases.relaxationMs / 1000).toFixed(1)} s, integer ${(result.phases.integerMs / 1000).toFixed(1)} s, ${result.phases.blocks} programs, ${result.phases.repairedShifts} shifts repaired${result.phases.parts ? `, ${result.phases.parts} parts` : ''})`,
    )
  const groups = [
    { channels: [0], people: Math.round(0.4 * people) },
    { channels: [1], people: Math.round(0.3 * people) },
    { channels: [0, 1], people: Math.round(0.3 * people) },
  ]
  const label = `Two channels, ${people} people (${groups.map((g) => `${g.channels.map((c) => 'AB'[c]).join('+')} ${g.people}`).join(', ')})`
  report(label, await solveMultiSkill(problem(groups), nr17Rules, { timeLimitSec: TIME_LIMIT_SEC }))
  report(`${label}, limit 30 s`, await solveMultiSkill(problem(groups), nr17Rules, { timeLimitSec: 30 }))
  // No one of both skills: two independent parts, each a single channel with the whole limit.
  const apart = [
    { channels: [0], people: Math.round(0.6 * people) },
    { channels: [1], people: Math.round(0.4 * people) },
  ]
  report(`Two channels, teams apart (A ${apart[0]!.people}, B ${apart[1]!.people})`, await solveMultiSkill(problem(apart), nr17Rules, { timeLimitSec: TIME_LIMIT_SEC }))
  report('Two channels, everyone on both, no head count', await solveMultiSkill(problem([{ channels: [0, 1], people: null }]), nr17Rules, { timeLimitSec: TIME_LIMIT_SEC }))
}
