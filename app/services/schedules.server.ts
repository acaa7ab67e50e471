// Weekly schedules, once generated (schedule-generation.server.ts): read, edited by hand, published
// and exported. Coverage and the shifts that break a rule are always
// recomputed from the stored shifts, so a hand edit shows at once in the chart, the totals and the
// warnings; the solver's figures stay those of the schedule as generated.
import { prisma } from '../db.server.ts'
import { rows, sql, withWrite } from '../db/queries.server.ts'
import {
  addDays,
  localDateOf,
  localInstant,
  localIsoString,
  localMinuteOfDay,
  weekdayOf,
  type LocalTime,
} from '../domain/intervals.ts'
import { formatClock, parseClock, type WeekHours } from '../domain/opening-hours.ts'
import { coverageTotals, type CoverageTotals, type ShortMinutes } from '../domain/schedule/coverage.ts'
import { boundFigures, solverFigures } from '../domain/schedule/figures.ts'
import type { Requirements } from '../domain/schedule/model.ts'
import { recountSkills } from '../domain/schedule/multi-recount.ts'
import type { MultiSkillProblem } from '../domain/schedule/multi-skill.ts'
import { recount } from '../domain/schedule/recount.ts'
import { requirementsOver } from '../domain/schedule/requirements.ts'
import type { ScheduleRules } from '../domain/schedule/rules.ts'
import {
  scheduleViolations,
  shiftViolations,
  type CheckedAgent,
  type CheckedShift,
  type ShiftViolation,
} from '../domain/schedule/violations.ts'
import { scheduleRulesSchema, toScheduleRules } from '../schemas/schedule-rules.ts'
import { roundTo } from '../utils/format.ts'
import { parseAgentTerms } from './agents.server.ts'
import { recordAuditWith, type Actor } from './audit.server.ts'
import { keptWhileUnchanged } from './kept.server.ts'
import { listChannels } from './operation.server.ts'
import type { SolvePhases } from './scheduler.server.ts'

export interface StoredRequirement {
  start: number[]
  required: number[]
  owed: number[]
  /** Several channels together: each channel's agents required per interval and its opening hours then (absent in schedules made before; hours absent: the rules'). */
  channels?: Array<{ key: string; required: number[]; openingHours?: WeekHours | null }>
}

export interface ScheduleSummary {
  id: number
  /** null = every channel (the page names it in the reader's language). */
  channelName: string | null
  firstDay: string
  days: number
  /** The operation's zone when it was made: its times are written in it. */
  timeZone: string
  status: string
  createdAt: string
  createdBy: string
  publishedAt: string | null
  shifts: number
}

export async function listSchedules(): Promise<ScheduleSummary[]> {
  const channels = await listChannels()
  const rows = await prisma.schedule.findMany({
    orderBy: { id: 'desc' },
    select: {
      id: true,
      channelKey: true,
      firstDay: true,
      days: true,
      timeZone: true,
      status: true,
      createdAt: true,
      createdBy: true,
      publishedAt: true,
      _count: { select: { shifts: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    channelName: r.channelKey === null ? null : channels.find((c) => c.key === r.channelKey)?.name ?? r.channelKey,
    firstDay: r.firstDay,
    days: r.days,
    timeZone: r.timeZone,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    shifts: r._count.shifts,
  }))
}

export interface ShiftRow {
  id: number
  agentId: number | null
  agentName: string | null
  type: string
  day: number
  start: number
  end: number
  paidHours: number
  breaks: Array<{ name: string; start: number; end: number }>
  /** A multi-skill schedule's shift: the channels (keys) it was planned for, which its agent must work; null = the schedule's channel(s). */
  channels: string[] | null
  edited: boolean
  /** The rules the shift breaks (saved anyway by hand, or since the team changed); empty when none. */
  violations: ShiftViolation[]
}

export interface ChartPoint extends LocalTime {
  start: number
  required: number
  scheduled: number
  /** [from, to] bands for shading: over = scheduled above required, under = below. */
  over: [number, number]
  under: [number, number]
}

/** The solver's figures: those of the schedule as generated, which hand edits do not change. */
export interface SolverFigures {
  status: string
  /** Paid hours plus the shortfall penalty as generated, the LP bound on it and the gap between them. */
  objective: number
  lpBound: number
  gap: number
  /** HiGHS's MIP bound (null when it proved none, or before it was recorded) and the gap to the better of the two bounds. */
  mipBound: number | null
  bestGap: number
  /** A shift was changed by hand since: the figures above describe the schedule before that. */
  editedSince: boolean
  /** From building the model to the end of the repair. */
  totalMs: number
  /** Where the time went; null for schedules made before it was recorded. */
  phases: SolvePhases | null
  /** The solve's time limit (the integer program's alone for schedules made before it covered the whole solve). */
  timeLimitSec: number
}

export interface ChannelCoverage {
  key: string
  name: string
  /** Agent-hours owed, and the share covered (1 exactly when no minute is short). */
  owedHours: number
  coverage: number
  /** Minutes a shift could reach left short, and those no allowed shift can reach, with the agent-minutes missing. */
  shortMinutes: number
  shortAgentMinutes: number
  unreachableMinutes: number
  unreachableAgentMinutes: number
}

/**
 * Each channel's coverage in a schedule of several channels, by the agents who work it: every
 * shift counts for the channels of its agent (an open shift, nobody's, for those it was planned
 * for — none in a schedule made for the channels' sum), and in each minute
 * the agents on the floor are shared out among their channels by the max flow of multi-recount.ts —
 * one channel at a time, the least short.
 */
function channelCoverage(
  stored: ReadonlyArray<StoredShift>,
  agentChannels: ReadonlyMap<number, readonly string[]>,
  requirements: Requirements,
  rules: ScheduleRules,
  perChannel: NonNullable<StoredRequirement['channels']>,
  channels: ReadonlyArray<{ key: string; name: string }>,
): ChannelCoverage[] {
  const keys = perChannel.map((c) => c.key)
  const skills = (s: StoredShift) => keys.filter((k) => (s.agentId === null ? s.channels : agentChannels.get(s.agentId))?.includes(k)).join(',')
  const groupKeys = [...new Set(stored.map(skills))]
  const problem: MultiSkillProblem = {
    requirements,
    channels: keys,
    required: perChannel.map((c) => c.required),
    ...(perChannel.every((c) => c.openingHours !== undefined) && { openingHours: perChannel.map((c) => c.openingHours!) }),
    groups: groupKeys.map((g) => ({ channels: g === '' ? [] : g.split(',').map((k) => keys.indexOf(k)), people: null })),
  }
  const counted = recountSkills(
    stored.map((s) => ({ ...s, group: groupKeys.indexOf(skills(s)) })),
    problem,
    rules,
  )
  return counted.channels.map((c, k) => ({
    key: keys[k]!,
    name: channels.find((ch) => ch.key === keys[k])?.name ?? keys[k]!,
    owedHours: c.owedAgentMinutes / 60,
    coverage: c.owedAgentMinutes > 0 ? 1 - (c.shortAgentMinutes + c.unreachableAgentMinutes) / c.owedAgentMinutes : 1,
    shortMinutes: c.shortMinutes,
    shortAgentMinutes: c.shortAgentMinutes,
    unreachableMinutes: c.unreachableMinutes,
    unreachableAgentMinutes: c.unreachableAgentMinutes,
  }))
}

export interface ScheduleView {
  schedule: {
    id: number
    status: string
    channelKey: string | null
    channelName: string | null
    firstDay: string
    days: number
    timeZone: string
    intervalMin: number
    forecastId: number | null
    createdAt: string
    createdBy: string
    publishedAt: string | null
    publishedBy: string | null
  }
  /**
   * Several channels together: each channel's coverage by the agents who work it, one channel at a
   * time (recounted minute by minute, hand edits included); null for one channel or schedules made before.
   */
  channels: ChannelCoverage[] | null
  /** Every channel's name by key (what a shift's channels and the rules it breaks name). */
  channelNames: Record<string, string>
  /** Of the schedule as it is now, hand edits included. */
  totals: CoverageTotals & ShortMinutes & { paidHours: number; shifts: number; openShifts: number; outOfRules: number; mostOnBreak: number; maxOnBreak: number | null; overBreakLimitMinutes: number }
  solver: SolverFigures
  days: Array<{ index: number; date: string; weekday: number; paidHours: number; shifts: number; coverage: number; short: number }>
  /** Selected day (null = the week). */
  day: number | null
  chart: ChartPoint[]
  shifts: ShiftRow[]
  agents: Array<{ id: number; name: string; daysOff: number[]; hours: number; weeklyHours: number }>
  /** Local minute range of the day's timeline. */
  axis: { from: number; to: number }
}

type StoredShift = Omit<ShiftRow, 'violations'>

function parseShift(row: {
  id: number
  agentId: number | null
  agent: { name: string } | null
  type: string
  day: number
  start: Date
  end: Date
  paidHours: number
  breaks: string
  channels: string | null
  editedAt: Date | null
}): StoredShift {
  return {
    id: row.id,
    agentId: row.agentId,
    agentName: row.agent?.name ?? null,
    type: row.type,
    day: row.day,
    start: row.start.getTime(),
    end: row.end.getTime(),
    paidHours: row.paidHours,
    breaks: JSON.parse(row.breaks) as ShiftRow['breaks'],
    channels: row.channels === null ? null : (JSON.parse(row.channels) as string[]),
    edited: row.editedAt !== null,
  }
}

const shiftSelect = {
  id: true,
  agentId: true,
  agent: { select: { name: true } },
  type: true,
  day: true,
  start: true,
  end: true,
  paidHours: true,
  breaks: true,
  channels: true,
  editedAt: true,
} as const

/** The rules a schedule was made with (its stored snapshot), as the domain reads them. */
function storedRules(json: string): { rules: ScheduleRules; timeLimitSec: number } {
  return toScheduleRules(scheduleRulesSchema.parse(JSON.parse(json)))
}

interface AgentColumns {
  weeklyHours: number
  channels: string
  active: boolean | number
  availability: string | null
  shiftTypes: string
}

/** A team member as the rule check sees them, with the days off this schedule gives them. */
function checkedAgent(agent: AgentColumns, daysOff: number[] | undefined): CheckedAgent {
  return {
    weeklyHours: agent.weeklyHours,
    channels: JSON.parse(agent.channels) as string[],
    active: !!agent.active,
    daysOff: daysOff ?? [],
    ...parseAgentTerms(agent),
  }
}

/** A schedule's page view, kept until the data changes: supervisors reopen the same week all day. */
export function getScheduleView(id: number, day: number | null): Promise<ScheduleView | null> {
  return keptWhileUnchanged(`schedule-view:${id}:${day ?? ''}`, () => computeScheduleView(id, day))
}

async function computeScheduleView(id: number, day: number | null): Promise<ScheduleView | null> {
  const row = await prisma.schedule.findUnique({
    where: { id },
    include: { shifts: { select: shiftSelect, orderBy: [{ start: 'asc' }, { id: 'asc' }] } },
  })
  if (!row) return null
  if (day !== null && !(day >= 0 && day < row.days)) day = null
  const requirement = JSON.parse(row.requirement) as StoredRequirement
  const { rules, timeLimitSec } = storedRules(row.rules)
  const stored = row.shifts.map(parseShift)
  // Recounted minute by minute from the stored shifts (hand edits included): an agent counts only
  // in the minutes they are on the floor throughout, and minutes short split into those the rules
  // cannot reach and those the schedule leaves short.
  const { intervalMin } = row
  const requirements = requirementsOver(requirement.start[0]!, requirement.start.at(-1)!, intervalMin, row.timeZone, () => 0, row.firstDay)
  const { owed: owedMinutes, floor: floorMinutes, floorPerInterval: floor, totals, short, breaks } = recount(stored, requirements, requirement.owed, rules)
  const channels = await listChannels()
  const dayOf = requirements.day
  const days = Array.from({ length: row.days }, (_, index) => {
    const date = addDays(row.firstDay, index)
    const first = Math.max(0, dayOf.indexOf(index)) * intervalMin
    const end = (dayOf.lastIndexOf(index) + 1) * intervalMin
    const dayShifts = stored.filter((s) => s.day === index)
    const coverage = coverageTotals(owedMinutes.slice(first, end), floorMinutes.slice(first, end), 1, intervalMin)
    return {
      index,
      date,
      weekday: weekdayOf(date),
      paidHours: dayShifts.reduce((sum, s) => sum + s.paidHours, 0),
      shifts: dayShifts.length,
      coverage: coverage.coverage,
      short: coverage.short.length,
    }
  })
  const chart: ChartPoint[] = []
  requirement.start.forEach((start, j) => {
    if (day !== null && dayOf[j] !== day) return
    const need = requirement.owed[j]!
    const have = roundTo(floor[j]!, 3)
    chart.push({
      start,
      day: addDays(row.firstDay, dayOf[j]!),
      minute: localMinuteOfDay(start, row.timeZone),
      required: need,
      scheduled: have,
      over: [need, Math.max(need, have)],
      under: [Math.min(need, have), need],
    })
  })
  const daysOff = JSON.parse(row.daysOff) as Record<string, number[]>
  const hours = new Map<number, number>()
  for (const s of stored) if (s.agentId !== null) hours.set(s.agentId, (hours.get(s.agentId) ?? 0) + s.paidHours)
  const agentIds = new Set([...Object.keys(daysOff).map(Number), ...hours.keys()])
  const people = await prisma.agent.findMany({
    where: { id: { in: [...agentIds] } },
    select: { id: true, name: true, weeklyHours: true, channels: true, active: true, availability: true, shiftTypes: true },
    orderBy: { name: 'asc' },
  })
  const violations = scheduleViolations({
    rules,
    timeZone: row.timeZone,
    firstDay: row.firstDay,
    days: row.days,
    channelKey: row.channelKey,
    shifts: stored,
    agents: new Map(people.map((p) => [p.id, checkedAgent(p, daysOff[p.id])])),
  })
  const shifts = stored.map((s) => ({ ...s, violations: violations.get(s.id) ?? [] }))
  const dayShifts = day === null ? shifts : shifts.filter((s) => s.day === day)
  const minutes = dayShifts.flatMap((s) => {
    const startMinute = localMinuteOfDay(s.start, row.timeZone)
    return [startMinute, startMinute + (s.end - s.start) / 60_000]
  })
  const phases = row.solvePhases === null ? null : (JSON.parse(row.solvePhases) as SolvePhases)
  const figures = solverFigures(row.lpBound, row.objective)
  return {
    schedule: {
      id: row.id,
      status: row.status,
      channelKey: row.channelKey,
      channelName: row.channelKey === null ? null : channels.find((c) => c.key === row.channelKey)?.name ?? row.channelKey,
      firstDay: row.firstDay,
      days: row.days,
      timeZone: row.timeZone,
      intervalMin: row.intervalMin,
      forecastId: row.forecastId,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      publishedBy: row.publishedBy,
    },
    channels:
      requirement.channels && requirement.channels.length > 1
        ? channelCoverage(stored, new Map(people.map((p) => [p.id, JSON.parse(p.channels) as string[]])), requirements, rules, requirement.channels, channels)
        : null,
    channelNames: Object.fromEntries(channels.map((c) => [c.key, c.name])),
    totals: {
      ...totals,
      ...short,
      paidHours: shifts.reduce((sum, s) => sum + s.paidHours, 0),
      shifts: shifts.length,
      openShifts: shifts.filter((s) => s.agentId === null).length,
      outOfRules: violations.size,
      mostOnBreak: breaks.most,
      maxOnBreak: rules.maxOnBreak ?? null,
      overBreakLimitMinutes: breaks.overLimitMinutes,
    },
    solver: {
      status: row.solverStatus,
      ...figures,
      ...boundFigures(figures.lpBound, row.mipBound, figures.objective),
      editedSince: shifts.some((s) => s.edited),
      totalMs: row.solveMs,
      phases,
      timeLimitSec: phases?.limitSec ?? phases?.integerLimitSec ?? timeLimitSec,
    },
    days,
    day,
    chart,
    shifts,
    agents: people.map((p) => ({ id: p.id, name: p.name, weeklyHours: p.weeklyHours, daysOff: daysOff[p.id] ?? [], hours: hours.get(p.id) ?? 0 })),
    axis: {
      from: minutes.length ? Math.floor(Math.min(...minutes) / 60) * 60 : 6 * 60,
      to: minutes.length ? Math.min(1440 * 2, Math.ceil(Math.max(...minutes) / 60) * 60) : 24 * 60,
    },
  }
}

export type EditResult =
  /** Saved; `violations` lists the rules it breaks when saved anyway (empty otherwise). */
  | { outcome: 'saved'; violations: ShiftViolation[] }
  /** Not saved: it would break these rules. */
  | { outcome: 'refused'; violations: ShiftViolation[] }
  | { outcome: 'notFound' | 'badTime' | 'unknownAgent' }

interface ShiftSql {
  id: number
  agentId: number | null
  type: string
  day: number
  start: number
  end: number
  paidHours: number
  breaks: string
  channels: string | null
}

const checkedShift = (row: ShiftSql): CheckedShift => ({
  ...row,
  breaks: JSON.parse(row.breaks) as CheckedShift['breaks'],
  channels: row.channels === null ? null : (JSON.parse(row.channels) as string[]),
})

/**
 * Moves a shift to another start on its day (breaks move with it) and/or gives it to another agent
 * (null = open), checked by the rules generation follows (the schedule's stored rules and the team):
 * an edit that breaks one is refused with the reasons unless `force` (the supervisor's "save
 * anyway"). An agent who is not on the team (unknown or inactive) is always refused. Checked and
 * written in one transaction, so two supervisors cannot both give the agent the day. The audit
 * row, written with it, names the rules broken on purpose.
 */
export async function editShift(
  user: Actor & { name: string },
  scheduleId: number,
  shiftId: number,
  change: { start: string; agentId: number | null; force?: boolean },
): Promise<EditResult> {
  const minute = parseClock(change.start)
  return withWrite(async (writer): Promise<EditResult> => {
    // The check reads the agent's other shifts, then the write changes one: edits of one schedule
    // run one after another (SQLite: already, by its one write lock; PostgreSQL: an advisory lock,
    // taken before the first read, whose statements then see the previous edit committed). A row
    // lock on the edited shift alone would let two edits of different shifts give the same agent
    // the same day.
    await writer.serialize(`schedule-edit:${scheduleId}`)
    const [schedule] = await rows(
      sql<{ firstDay: string; days: number; timeZone: string; daysOff: string; channelKey: string | null; rules: string }>`
        SELECT "firstDay", "days", "timeZone", "daysOff", "channelKey", "rules" FROM "Schedule" WHERE "id" = ${scheduleId}`,
      writer,
    )
    const shiftColumns = sql`"id", "agentId", "type", "day", ${writer.epochMs('start')} AS "start", ${writer.epochMs('end')} AS "end", "paidHours", "breaks", "channels"`
    const [shift] = await rows(sql<ShiftSql>`SELECT ${shiftColumns} FROM "ScheduleShift" WHERE "id" = ${shiftId} AND "scheduleId" = ${scheduleId}`, writer)
    if (!schedule || !shift) return { outcome: 'notFound' }
    if (minute === null || minute >= 1440 || minute % 5 !== 0) return { outcome: 'badTime' }
    const start = localInstant(addDays(schedule.firstDay, shift.day), minute, schedule.timeZone)
    if (localMinuteOfDay(start, schedule.timeZone) !== minute) return { outcome: 'badTime' } // a time the clocks skip
    const delta = start - shift.start
    const stored = checkedShift(shift)
    const moved: CheckedShift = {
      ...stored,
      agentId: change.agentId,
      start,
      end: shift.end + delta,
      breaks: stored.breaks.map((b) => ({ ...b, start: b.start + delta, end: b.end + delta })),
    }
    const agents = new Map<number, CheckedAgent>()
    let others: CheckedShift[] = []
    if (change.agentId !== null) {
      const [agent] = await rows(
        sql<AgentColumns>`SELECT "channels", "weeklyHours", "active", "availability", "shiftTypes" FROM "Agent" WHERE "id" = ${change.agentId}`,
        writer,
      )
      if (!agent || !agent.active) return { outcome: 'unknownAgent' }
      agents.set(change.agentId, checkedAgent(agent, (JSON.parse(schedule.daysOff) as Record<string, number[]>)[change.agentId]))
      others = (
        await rows(
          sql<ShiftSql>`SELECT ${shiftColumns} FROM "ScheduleShift" WHERE "scheduleId" = ${scheduleId} AND "agentId" = ${change.agentId} AND "id" <> ${shiftId}`,
          writer,
        )
      ).map(checkedShift)
    }
    const violations = shiftViolations(moved, {
      rules: storedRules(schedule.rules).rules,
      timeZone: schedule.timeZone,
      firstDay: schedule.firstDay,
      days: schedule.days,
      channelKey: schedule.channelKey,
      shifts: others,
      agents,
    })
    if (violations.length > 0 && !change.force) return { outcome: 'refused', violations }
    const now = Date.now()
    await writer.run(
      sql`UPDATE "ScheduleShift" SET "start" = ${writer.instant(moved.start)}, "end" = ${writer.instant(moved.end)}, "breaks" = ${JSON.stringify(moved.breaks)},
            "agentId" = ${change.agentId}, "editedAt" = ${writer.instant(now)}, "editedBy" = ${user.name}
          WHERE "id" = ${shiftId}`,
    )
    await recordAuditWith(writer, now, user, 'schedule.shift', `schedule:${scheduleId}`, {
      shiftId,
      ...change,
      brokenRules: violations.map((v) => v.rule),
    })
    return { outcome: 'saved', violations }
  })
}

/** Marks a schedule published; its audit row commits with it. */
export async function publishSchedule(user: Actor & { name: string }, id: number): Promise<boolean> {
  return withWrite(async (writer) => {
    const now = Date.now()
    const changed = await writer.run(
      sql`UPDATE "Schedule" SET "status" = 'published', "publishedAt" = ${writer.instant(now)}, "publishedBy" = ${user.name} WHERE "id" = ${id}`,
    )
    if (changed > 0) await recordAuditWith(writer, now, user, 'schedule.publish', `schedule:${id}`, null)
    return changed > 0
  })
}

/** Deletes a schedule (its shifts go with it: ON DELETE CASCADE); its audit row commits with it. */
export async function deleteSchedule(actor: Actor, id: number): Promise<boolean> {
  return withWrite(async (writer) => {
    const changed = await writer.run(sql`DELETE FROM "Schedule" WHERE "id" = ${id}`)
    if (changed > 0) await recordAuditWith(writer, Date.now(), actor, 'schedule.delete', `schedule:${id}`, null)
    return changed > 0
  })
}

/** Quoted when needed; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One line per shift: agent (empty = open), local times, paid hours and breaks. */
export async function scheduleCsv(id: number): Promise<{ csv: string } | null> {
  const row = await prisma.schedule.findUnique({
    where: { id },
    select: { timeZone: true, shifts: { select: shiftSelect, orderBy: [{ start: 'asc' }, { id: 'asc' }] } },
  })
  if (!row) return null
  const clock = (t: number) => formatClock(localMinuteOfDay(t, row.timeZone))
  const lines = ['agent,date,shift_type,start,end,paid_hours,breaks']
  for (const shift of row.shifts.map(parseShift)) {
    lines.push(
      [
        csvField(shift.agentName ?? ''),
        localDateOf(shift.start, row.timeZone),
        csvField(shift.type),
        localIsoString(shift.start, row.timeZone),
        localIsoString(shift.end, row.timeZone),
        String(roundTo(shift.paidHours, 4)),
        csvField(shift.breaks.map((b) => `${clock(b.start)}-${clock(b.end)} ${b.name}`).join(' | ')),
      ].join(','),
    )
  }
  return { csv: `${lines.join('\n')}\n` }
}
