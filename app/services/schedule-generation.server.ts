// Generating a week's schedule: the forecast's staffing plan for the week (agents scheduled per
// interval and channel), the stored rules with the channels' opening hours and the team written in,
// solved (scheduler.server.ts), rostered to the agents who can work the shifts, and stored as a draft.
import { prisma } from '../db.server.ts'
import { rows, sql, withWrite } from '../db/queries.server.ts'
import { addDays, daysBetween, localDateOf, localMinuteOfDay, startOfLocalDay, weekdayOf } from '../domain/intervals.ts'
import { formatClock, unionWeekHours } from '../domain/opening-hours.ts'
import { channelOwed, skillGroups, type MultiSkillProblem } from '../domain/schedule/multi-skill.ts'
import { requirementsOver } from '../domain/schedule/requirements.ts'
import { assignRoster } from '../domain/schedule/roster.ts'
import { daysOffIn, paidHours, type ScheduleRules } from '../domain/schedule/rules.ts'
import { WEEKEND_HISTORY_WEEKS, weekendHistory } from '../domain/schedule/weekend-history.ts'
import { scheduleRulesSchema, toScheduleRules } from '../schemas/schedule-rules.ts'
import { agentsFor } from './agents.server.ts'
import { listChannels } from './operation.server.ts'
import { solveMultiSkill, solveSchedule, type SolveOptions, type SolvePart, type SolvePhase } from './scheduler.server.ts'
import { getRulesFile, type RulesFile } from './schedule-rules.server.ts'
import type { StoredRequirement } from './schedules.server.ts'
import { getForecastRef, planRows, planWeeks, type PlanGap } from './staffing.server.ts'

export interface GenerateInput {
  forecastId: number
  /** null = every channel of the forecast together. */
  channelKey: string | null
  /** Week of the forecast's horizon (0-based, as on the Staffing page). */
  week: number
}

/**
 * An input the page can explain: `reason` is an i18n key under schedules.errors; `gaps` the
 * channels whose staffing plan cannot be made (the page names each and its fix).
 */
export class ScheduleInputError extends Error {
  constructor(
    readonly reason: 'forecastNotFound' | 'unknownChannel' | 'weekOutside' | 'nothingRequired' | 'unplannable',
    readonly gaps: PlanGap[] = [],
  ) {
    super(reason)
  }
}

export type GeneratePhase = 'plan' | SolvePhase | 'roster'

/** Builds, solves, rosters and stores a schedule; returns its id. */
export async function generateSchedule(
  input: GenerateInput,
  user: string,
  onProgress: (phase: GeneratePhase, lpBound: number | null, part?: SolvePart) => void = () => {},
): Promise<number> {
  onProgress('plan', null)
  const forecast = await getForecastRef(input.forecastId)
  if (!forecast) throw new ScheduleInputError('forecastNotFound')
  const week = planWeeks(forecast)[input.week]
  if (!week) throw new ScheduleInputError('weekOutside')
  const channels = await listChannels()
  const channel = input.channelKey === null ? null : channels.find((c) => c.key === input.channelKey)
  if (channel === undefined) throw new ScheduleInputError('unknownChannel')

  const { timeZone, intervalMin } = forecast
  const from = startOfLocalDay(week.from, timeZone)
  const to = startOfLocalDay(addDays(week.to, 1), timeZone)
  const plan = (await planRows(forecast.id, null))!
  // A channel left out of the plan would be scheduled as if nobody were needed there.
  const unplanned = plan.gaps.filter((g) => channel === null || g.key === channel.key)
  if (unplanned.length > 0) throw new ScheduleInputError('unplannable', unplanned)
  const required = new Map<number, number>()
  const perChannel = new Map<string, Map<number, number>>()
  for (const row of plan.rows) {
    if (row.start < from || row.start >= to || (channel && row.channel !== channel.key)) continue
    required.set(row.start, (required.get(row.start) ?? 0) + row.planned.scheduled)
    if (!perChannel.has(row.channel)) perChannel.set(row.channel, new Map())
    perChannel.get(row.channel)!.set(row.start, row.planned.scheduled)
  }
  const planned = new Set(perChannel.keys())
  if ([...required.values()].every((r) => r === 0)) throw new ScheduleInputError('nothingRequired')
  const requirements = requirementsOver(from, to - intervalMin * 60_000, intervalMin, timeZone, (t) => required.get(t) ?? 0, week.from)

  const stored = await getRulesFile()
  const { rules, timeLimitSec } = toScheduleRules(scheduleRulesSchema.parse(stored.file))
  // The page's opening hours are the channels' (Settings; null = always staffed), not the stored rules'.
  rules.openingHours = unionWeekHours(channels.filter((c) => planned.has(c.key)).map((c) => c.openingHours))
  const agents = await agentsFor(channel?.key ?? null)
  const channelKeys = channels.map((c) => c.key).filter((key) => planned.has(key))
  const perChannelRequired = channelKeys.map((key) => requirements.start.map((t) => perChannel.get(key)!.get(t) ?? 0))
  // Several channels and a team who work them: each channel covered by agents skilled for it (multi-skill.ts).
  const team = channelKeys.length > 1 ? skillGroups(agents.map((a) => a.channels.map((key) => channelKeys.indexOf(key)).filter((c) => c >= 0))) : null
  const termsOf = (a: (typeof agents)[number]) => ({ availability: a.availability, shiftTypes: a.shiftTypes })
  // Each group's agents: its shifts go to them alone.
  const groupAgents = team ? team.groups.map((_, g) => agents.filter((_, k) => team.groupOf[k] === g)) : []
  const problem: MultiSkillProblem | null =
    team && team.groups.length > 0
      ? {
          requirements,
          channels: channelKeys,
          required: perChannelRequired,
          // Each channel's minimum while open holds within its own hours, not the channels' together.
          openingHours: channelKeys.map((key) => channels.find((c) => c.key === key)!.openingHours),
          groups: team.groups.map((group, g) => ({ ...group, members: groupAgents[g]!.map(termsOf) })),
        }
      : null
  // Who works some channel of the schedule (an agent of other channels only is not on its team).
  const members = agents.filter((a) => a.channels.some((key) => planned.has(key)))
  if (members.length > 0) {
    rules.maxAgentsPerDay = Math.min(rules.maxAgentsPerDay ?? Infinity, members.length)
    // Who may work when and which shift types: the optimiser plans for the team, not a head count.
    rules.people = members.map(termsOf)
  }

  const solved = problem ? await solveSkills(problem, rules, timeLimitSec, onProgress) : await solveSchedule(requirements, rules, { timeLimitSec, onProgress })
  onProgress('roster', solved.lpBound)
  const paidOf = new Map(rules.shiftTypes.map((t) => [t.name, paidHours(t)]))
  const shifts = solved.shifts.map((s) => ({
    ...s,
    paidHours: paidOf.get(s.type)!,
    day: daysBetween(week.from, localDateOf(s.start, timeZone)),
    // A skill group's shift: the channels it was planned for, so that an open one still says who may take it.
    channels: 'group' in s ? problem!.groups[s.group as number]!.channels.map((c) => channelKeys[c]!) : null,
  }))
  const days = daysBetween(week.from, week.to) + 1
  const history = weekendHistory(
    week.from,
    await pastDaysOff(channel?.key ?? null, week.from),
    members.map((a) => a.id),
  )
  // Shifts share a few hundred starts: each one's local time is worked out once.
  const minutes = new Map<number, number>()
  const minuteOf = (t: number) => minutes.get(t) ?? minutes.set(t, localMinuteOfDay(t, timeZone)).get(t)!
  const rosterOf = (indexes: number[], people: typeof agents) =>
    assignRoster(
      indexes.map((k) => ({ ...shifts[k]!, startMin: minuteOf(shifts[k]!.start) })),
      people.map((a) => ({ ...a, weekendHistory: history.get(a.id) })),
      {
        days,
        daysOffPerWeek: daysOffIn(rules, days),
        consecutiveDaysOff: rules.consecutiveDaysOff ?? false,
        firstWeekday: weekdayOf(week.from),
        startToleranceMin: rules.startToleranceMin,
      },
    )
  // A skill group's shifts go to that group's agents only; one team otherwise.
  const agentOf: Array<number | null> = shifts.map(() => null)
  const daysOff = new Map<number, number[]>()
  const parts = problem
    ? problem.groups.map((_, g) => ({ indexes: shifts.flatMap((s, k) => ('group' in s && s.group === g ? [k] : [])), people: groupAgents[g]! }))
    : [{ indexes: shifts.map((_, k) => k), people: members }]
  for (const { indexes, people } of parts) {
    const roster = rosterOf(indexes, people)
    indexes.forEach((k, j) => (agentOf[k] = roster.agentOf[j]!))
    for (const [id, off] of roster.daysOff) daysOff.set(id, off)
  }
  const requirement: StoredRequirement = {
    start: requirements.start as number[],
    required: requirements.required as number[],
    owed: solved.owed,
    // Several channels: each one's requirement kept, so the page can report each channel's coverage.
    ...(channelKeys.length > 1 && {
      channels: channelKeys.map((key, c) => ({ key, required: perChannelRequired[c]!, openingHours: channels.find((ch) => ch.key === key)!.openingHours })),
    }),
  }
  // The rules as used: the channels' opening hours and the agents available written in.
  const usedRules: RulesFile = {
    ...stored.file,
    maxAgentsPerDay: rules.maxAgentsPerDay ?? null,
    openingHours: rules.openingHours
      ? rules.openingHours.map((d) => (d ? { open: formatClock(d.open), close: formatClock(d.close) } : null))
      : undefined,
  }
  return withWrite(async (writer) => {
    const [schedule] = await rows(
      sql<{ id: number }>`
        INSERT INTO "Schedule" ("forecastId", "channelKey", "firstDay", "days", "timeZone", "intervalMin", "requirement", "rules", "daysOff",
          "lpBound", "objective", "gap", "mipBound", "solverStatus", "solveMs", "solvePhases", "status", "createdAt", "createdBy")
        VALUES (${forecast.id}, ${channel?.key ?? null}, ${week.from}, ${days}, ${timeZone}, ${intervalMin}, ${JSON.stringify(requirement)},
          ${JSON.stringify(usedRules)}, ${JSON.stringify(Object.fromEntries(daysOff))}, ${solved.lpBound}, ${solved.objective}, ${solved.gap},
          ${solved.mipBound}, ${solved.status}, ${Math.round(solved.milliseconds)}, ${JSON.stringify(solved.phases)}, 'draft',
          ${writer.instant(Date.now())}, ${user})
        RETURNING "id"`,
      writer,
    )
    const id = schedule!.id
    await writer.insertRows(
      'ScheduleShift',
      { scheduleId: 'int', agentId: 'int', type: 'text', day: 'int', start: 'instant', end: 'instant', paidHours: 'float', breaks: 'text', channels: 'text' },
      shifts.map((s, k) => [
        id,
        agentOf[k],
        s.type,
        s.day,
        s.start,
        s.end,
        s.paidHours,
        JSON.stringify(s.breaks.map((b) => ({ name: b.name, start: b.start, end: b.end }))),
        s.channels && JSON.stringify(s.channels),
      ]),
    )
    return id
  })
}

/**
 * A multi-skill solve, with the requirement owed as the single-channel solve reports it: per
 * interval, the channels' owed summed (each channel's own minimum while open).
 */
async function solveSkills(problem: MultiSkillProblem, rules: ScheduleRules, timeLimitSec: number, onProgress: SolveOptions['onProgress']) {
  const solved = await solveMultiSkill(problem, rules, { timeLimitSec, onProgress })
  const owed = problem.requirements.start.map(() => 0)
  problem.channels.forEach((_, c) => channelOwed(problem, c, rules).forEach((o, i) => (owed[i]! += o)))
  return { ...solved, owed }
}

/** Days off of the channel's schedules in the weeks before `firstDay`, for the weekend rotation. */
async function pastDaysOff(channelKey: string | null, firstDay: string) {
  const rows = await prisma.schedule.findMany({
    where: { channelKey, firstDay: { lt: firstDay, gte: addDays(firstDay, -7 * WEEKEND_HISTORY_WEEKS) } },
    select: { id: true, firstDay: true, daysOff: true, status: true },
  })
  return rows.map((r) => ({
    id: r.id,
    firstDay: r.firstDay,
    published: r.status === 'published',
    daysOff: JSON.parse(r.daysOff) as Record<string, number[]>,
  }))
}

