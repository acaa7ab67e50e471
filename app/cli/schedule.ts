// `wfm schedule`: shifts covering a requirements file, one JSON line per shift and a summary line.
import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import type { Requirements } from '../domain/schedule/model.ts'
import { LocalTimeReader } from '../domain/import/local-time.ts'
import { requirementsOver } from '../domain/schedule/requirements.ts'
import { formatClock, parseClock, type OpeningHours } from '../domain/opening-hours.ts'
import { parseWeekday } from '../domain/planned-aht.ts'
import { assignRoster, type RosterAgent, type RosterBreak } from '../domain/schedule/roster.ts'
import { daysOffIn, paidHours, type ScheduleRules } from '../domain/schedule/rules.ts'
import { roundTo } from '../utils/format.ts'
import type { SolvedSchedule } from '../services/scheduler.server.ts'
import type { ScheduledShift } from '../domain/schedule/model.ts'
import type { ChannelRecount } from '../domain/schedule/multi-recount.ts'
import { skillGroups, type MultiSkillProblem } from '../domain/schedule/multi-skill.ts'

export class BadRequirements extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} bad line(s)`)
  }
}

/** A small CSV (comma, semicolon or tab; BOM and blank lines allowed) as trimmed records. */
function readCsvRecords(file: string): string[][] {
  return parse(readFileSync(file, 'utf8'), { bom: true, skip_empty_lines: true, trim: true, delimiter: [',', ';', '\t'] }) as string[][]
}

/** A requirements file: the intervals, and with a `channel` column each channel's requirement. */
export interface RequirementsFile {
  /** Without a channel column, or with one channel, `required` is the requirement; with several, their sum. */
  requirements: Requirements
  /** The channels in order of first appearance (empty without a channel column). */
  channels: string[]
  /** Per channel (as `channels`), per interval. */
  required: number[][]
}

/**
 * Reads `interval_start,required[,channel]` (15-minute starts, local times in `timeZone` unless
 * they carry an offset) into requirements over consecutive intervals, from the first to the last
 * start of any channel; an interval missing for a channel requires 0 of it.
 */
export function readRequirements(file: string, timeZone: string): RequirementsFile {
  const records = readCsvRecords(file)
  const header = (records[0] ?? []).map((h) => h.toLowerCase())
  const startAt = header.indexOf('interval_start')
  const requiredAt = header.indexOf('required')
  const channelAt = header.indexOf('channel')
  if (startAt < 0 || requiredAt < 0)
    throw new BadRequirements([`line 1: the header needs interval_start and required (has: ${header.join(', ')})`])
  const times = new LocalTimeReader(timeZone)
  const problems: string[] = []
  const byChannel = new Map<string, Map<number, number>>()
  let previous: number | undefined
  records.slice(1).forEach((record, k) => {
    const line = k + 2
    const read = times.read(record[startAt] ?? '', previous, true)
    const required = Number(record[requiredAt])
    const channel = channelAt < 0 ? '' : record[channelAt] ?? ''
    const byStart = byChannel.get(channel) ?? new Map<number, number>()
    if (!read.ok) problems.push(`line ${line}: interval_start "${record[startAt] ?? ''}" is not a date and time`)
    else if (read.instant % 900_000 !== 0) problems.push(`line ${line}: interval_start is not on a 15-minute boundary`)
    else if (!(record[requiredAt] ?? '').trim() || !Number.isFinite(required) || required < 0)
      problems.push(`line ${line}: required "${record[requiredAt] ?? ''}" is not a number ≥ 0`)
    else if (channelAt >= 0 && channel === '') problems.push(`line ${line}: channel is empty`)
    else if (byStart.has(read.instant))
      problems.push(`line ${line}: interval ${new Date(read.instant).toISOString()}${channel && ` of channel "${channel}"`} appears again`)
    else {
      byStart.set(read.instant, required)
      byChannel.set(channel, byStart)
      previous = read.instant
    }
  })
  if (problems.length > 0) throw new BadRequirements(problems)
  const all = [...byChannel.values()].flatMap((m) => [...m.keys()])
  if (all.length === 0) throw new BadRequirements(['the file has no intervals'])
  const maps = [...byChannel.values()]
  const requirements = requirementsOver(Math.min(...all), Math.max(...all), 15, timeZone, (t) => maps.reduce((sum, m) => sum + (m.get(t) ?? 0), 0))
  return {
    requirements,
    channels: channelAt < 0 ? [] : [...byChannel.keys()],
    required: maps.map((m) => requirements.start.map((t) => m.get(t) ?? 0)),
  }
}

/**
 * An `availability` cell: space-separated `DAY[-DAY]=HH:MM-HH:MM` (e.g. `mon-fri=08:00-14:00
 * sat=08:00-12:00`; days in English or Portuguese, a range running Monday-first and wrapping);
 * days not named are not worked. Empty = any time. Null when it cannot be read.
 */
export function parseAvailability(cell: string): RosterAgent['availability'] | null {
  if (cell.trim() === '') return undefined
  const week: Array<OpeningHours | null> = Array.from({ length: 7 }, () => null)
  for (const part of cell.trim().split(/\s+/)) {
    const match = /^([^=-]+)(?:-([^=]+))?=(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/.exec(part)
    if (!match) return null
    const first = parseWeekday(match[1]!)
    const last = match[2] === undefined ? first : parseWeekday(match[2])
    const open = parseClock(match[3]!.padStart(5, '0'))
    const close = parseClock(match[4]!.padStart(5, '0'))
    if (first === undefined || last === undefined || open === null || close === null || !(open < close)) return null
    // Monday-first positions (Monday 0 … Sunday 6), so mon-sun covers the week.
    const from = (first + 6) % 7
    const to = (last + 6) % 7
    for (let k = 0; k <= (to - from + 7) % 7; k++) {
      const weekday = (((from + k) % 7) + 1) % 7
      if (week[weekday]) return null // a day named twice
      week[weekday] = { open, close }
    }
  }
  return week
}

/** An agent of `--agents`: with the channels they can work (names; empty = every channel). */
export interface SkilledAgent extends RosterAgent {
  channels: string[]
}

/**
 * Reads `name,weekly_hours` (the roster for `--agents`), with optional `shift_types` (names from
 * the rules separated by `|`; empty = every type), `availability` (see parseAvailability) and
 * `channels` (the requirements' channels separated by `|`; empty = every one); every line's
 * problem is reported.
 */
export function readAgents(file: string, shiftTypeNames: readonly string[] = [], channelNames: readonly string[] = []): SkilledAgent[] {
  const records = readCsvRecords(file)
  const header = (records[0] ?? []).map((h) => h.toLowerCase())
  const nameAt = header.indexOf('name')
  const hoursAt = header.indexOf('weekly_hours')
  const typesAt = header.indexOf('shift_types')
  const availabilityAt = header.indexOf('availability')
  const channelsAt = header.indexOf('channels')
  if (nameAt < 0 || hoursAt < 0) throw new BadRequirements([`line 1: the header needs name and weekly_hours (has: ${header.join(', ')})`])
  const problems: string[] = []
  const agents: SkilledAgent[] = []
  const names = new Set<string>()
  records.slice(1).forEach((record, k) => {
    const name = record[nameAt] ?? ''
    const hours = Number((record[hoursAt] ?? '').replace(',', '.'))
    const typesCell = typesAt < 0 ? '' : record[typesAt] ?? ''
    const shiftTypes = typesCell.split('|').map((t) => t.trim()).filter((t) => t !== '')
    const unknownType = shiftTypes.find((t) => !shiftTypeNames.includes(t))
    const availabilityCell = availabilityAt < 0 ? '' : record[availabilityAt] ?? ''
    const availability = parseAvailability(availabilityCell)
    const channels = (channelsAt < 0 ? '' : record[channelsAt] ?? '').split('|').map((c) => c.trim()).filter((c) => c !== '')
    const unknownChannel = channels.find((c) => !channelNames.includes(c))
    if (!name) problems.push(`line ${k + 2}: name is empty`)
    else if (names.has(name)) problems.push(`line ${k + 2}: agent "${name}" appears again`)
    else if (!(hours > 0 && hours <= 80))
      problems.push(`line ${k + 2}: weekly_hours "${record[hoursAt] ?? ''}" is not a number of hours from 1 to 80`)
    else if (unknownType !== undefined)
      problems.push(`line ${k + 2}: shift type "${unknownType}" is not in the rules (${shiftTypeNames.join(', ')})`)
    else if (availability === null)
      problems.push(`line ${k + 2}: availability "${availabilityCell}" is not like mon-fri=08:00-14:00 sat=08:00-12:00`)
    else if (unknownChannel !== undefined)
      problems.push(
        `line ${k + 2}: channel "${unknownChannel}" is not in the requirements (${channelNames.length > 0 ? channelNames.join(', ') : 'they have no channel column'})`,
      )
    else {
      names.add(name)
      agents.push({ id: agents.length, name, weeklyHours: hours, shiftTypes, availability: availability ?? null, channels })
    }
  })
  if (problems.length > 0) throw new BadRequirements(problems)
  return agents
}

export interface RosterNames {
  /** Each shift's agent's name (null = open). */
  names: Array<string | null>
  /** The rules the roster broke, in shift order. */
  broken: RosterBreak[]
}

/** Each shift's agent, as the page's roster assigns them, and the rules it broke. */
export function rosterNames(
  shifts: readonly ScheduledShift[],
  requirements: Requirements,
  rules: ScheduleRules,
  agents: readonly RosterAgent[],
): RosterNames {
  const at = new Map(requirements.start.map((t, i) => [t, i]))
  const days = Math.max(...requirements.day) + 1
  const paid = new Map(rules.shiftTypes.map((t) => [t.name, paidHours(t)]))
  const roster = assignRoster(
    shifts.map((s) => {
      const i = at.get(s.start)!
      return { start: s.start, end: s.end, type: s.type, paidHours: paid.get(s.type)!, day: requirements.day[i]!, startMin: requirements.minute[i]! }
    }),
    // Contracts are weekly: a 14-day file holds two weeks of hours (a shorter one, a week's).
    agents.map((a) => ({ ...a, weeklyHours: a.weeklyHours * Math.max(1, days / 7) })),
    {
      days,
      daysOffPerWeek: daysOffIn(rules, days),
      consecutiveDaysOff: rules.consecutiveDaysOff ?? false,
      firstWeekday: requirements.weekday[0]!,
      startToleranceMin: rules.startToleranceMin,
    },
  )
  return { names: roster.agentOf.map((id) => (id === null ? null : agents[id]!.name)), broken: roster.broken }
}

/** What the lines print of a schedule, one channel's (SolvedSchedule) or several's (SolvedMultiSkill). */
type Printed = Pick<SolvedSchedule, 'paidHours' | 'lpBound' | 'uncovered' | 'minutes' | 'breaks' | 'gap' | 'mipBound' | 'bestGap' | 'status' | 'milliseconds' | 'phases'> & {
  shifts: ReadonlyArray<ScheduledShift & { group?: number }>
}

/** With several channels: their names, the skill groups, and the recount per channel. */
export interface PrintedSkills {
  problem: MultiSkillProblem
  channels: readonly ChannelRecount[]
}

export function scheduleLines(result: Printed, requirements: Requirements, roster?: RosterNames, skills?: PrintedSkills): string[] {
  const agentNames = roster?.names
  const iso = (t: number) => new Date(t).toISOString()
  const channelNames = (group: number) => skills!.problem.groups[group]!.channels.map((c) => skills!.problem.channels[c]!)
  return [
    ...result.shifts.map((s, k) =>
      JSON.stringify({
        start: iso(s.start),
        end: iso(s.end),
        breaks: s.breaks.map((b) => ({ start: iso(b.start), end: iso(b.end) })),
        agent: agentNames?.[k] ?? null,
        // With several channels: the channels of the shift's skill group.
        ...(skills && { channels: channelNames(s.group!) }),
      }),
    ),
    JSON.stringify({
      summary: {
        paidHours: roundTo(result.paidHours, 2),
        lpBound: roundTo(result.lpBound, 2),
        // Intervals with a minute short; then the minutes short the rules let a shift reach, and
        // those no allowed shift can reach (a rules problem: lengths, starts, opening hours).
        uncoveredIntervals: result.uncovered.map((j) => iso(requirements.start[j]!)),
        shortAgentMinutes: roundTo(result.minutes.shortAgentMinutes, 2),
        shortMinutes: result.minutes.shortMinutes,
        unreachableMinutes: result.minutes.unreachableMinutes,
        unreachableAgentMinutes: roundTo(result.minutes.unreachableAgentMinutes, 2),
        unreachable: result.minutes.unreachable.map((r) => ({ start: iso(r.start), end: iso(r.end) })),
        // The most agents on a break at once (the rules' maxOnBreak holds it down).
        mostOnBreak: result.breaks.most,
        gap: roundTo(result.gap, 5),
        // HiGHS's MIP bound (null when it proved none) and the gap to the better of the two bounds.
        mipBound: result.mipBound === null ? null : roundTo(result.mipBound, 2),
        bestGap: roundTo(result.bestGap, 5),
        shifts: result.shifts.length,
        openShifts: agentNames ? agentNames.filter((name) => name === null).length : result.shifts.length,
        status: result.status,
        seconds: roundTo(result.milliseconds / 1000, 2),
        // The limit covers the whole solve; the integer program had what was left (at least 1 s).
        timeLimitSeconds: result.phases.limitSec,
        integerLimitSeconds: roundTo(result.phases.integerLimitSec, 2),
        // Several channels that share no agent: solved as independent parts, each with the limit.
        ...(result.phases.parts !== undefined && { parts: result.phases.parts }),
        // With --agents: each rule the roster broke to staff a shift (its start, agent, rule, details).
        ...(roster && { rosterBreaks: roster.broken.map((b) => rosterBreakLine(b, result, roster.names)) }),
        // With several channels: each one's minutes, recounted with each agent on one channel at a time.
        ...(skills && {
          channels: Object.fromEntries(
            skills.problem.channels.map((name, c) => {
              const m = skills.channels[c]!
              return [
                name,
                {
                  owedAgentMinutes: roundTo(m.owedAgentMinutes, 2),
                  shortMinutes: m.shortMinutes,
                  shortAgentMinutes: roundTo(m.shortAgentMinutes, 2),
                  unreachableMinutes: m.unreachableMinutes,
                  unreachableAgentMinutes: roundTo(m.unreachableAgentMinutes, 2),
                },
              ]
            }),
          ),
        }),
      },
    }),
  ]
}

/** A broken rule as the summary prints it: local clock times "HH:MM". */
function rosterBreakLine(b: RosterBreak, result: Printed, names: ReadonlyArray<string | null>) {
  return {
    start: new Date(result.shifts[b.shift]!.start).toISOString(),
    agent: names[b.shift],
    rule: b.rule,
    localStart: formatClock(b.startMin),
    firstStart: formatClock(b.anchorMin),
    toleranceMinutes: b.toleranceMin,
  }
}

/**
 * The multi-skill problem of a requirements file with several channels: the agents' distinct
 * channel sets are the skill groups, with their head counts (an agent naming no channel works every
 * one); without agents, one group works every channel, without limit.
 */
export function skillProblem(file: RequirementsFile, agents?: readonly SkilledAgent[]): MultiSkillProblem {
  if (!agents) return { requirements: file.requirements, channels: file.channels, required: file.required, groups: [{ channels: file.channels.map((_, c) => c), people: null }] }
  const { groups: skilled, groupOf } = skillGroups(agents.map((a) => skillsOf(a, file.channels)))
  // Each group with its people's hours and contracts, for a group solved alone.
  const groups = skilled.map((group, g) => ({ ...group, members: agents.filter((_, k) => groupOf[k] === g).map((a) => ({ availability: a.availability, shiftTypes: a.shiftTypes })) }))
  return { requirements: file.requirements, channels: file.channels, required: file.required, groups }
}

/** An agent's channels as indexes into `channels` (every one when the agent names none). */
const skillsOf = (agent: SkilledAgent, channels: readonly string[]) =>
  channels.flatMap((name, c) => (agent.channels.length === 0 || agent.channels.includes(name) ? [c] : []))

/** The roster of a multi-skill schedule: each group's shifts go to that group's agents only. */
export function rosterBySkill(
  shifts: ReadonlyArray<ScheduledShift & { group: number }>,
  problem: MultiSkillProblem,
  rules: ScheduleRules,
  agents: readonly SkilledAgent[],
): RosterNames {
  const names: Array<string | null> = shifts.map(() => null)
  const broken: RosterBreak[] = []
  problem.groups.forEach((group, g) => {
    const key = group.channels.join(',')
    const members = agents.filter((a) => skillsOf(a, problem.channels).join(',') === key)
    const indexes = shifts.flatMap((s, k) => (s.group === g ? [k] : []))
    if (indexes.length === 0) return
    const roster = rosterNames(
      indexes.map((k) => shifts[k]!),
      problem.requirements,
      rules,
      members.map((a, id) => ({ ...a, id })),
    )
    indexes.forEach((k, j) => (names[k] = roster.names[j]!))
    broken.push(...roster.broken.map((b) => ({ ...b, shift: indexes[b.shift]! })))
  })
  broken.sort((a, b) => a.shift - b.shift)
  return { names, broken }
}
