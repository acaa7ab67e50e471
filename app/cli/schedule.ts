// `wfm schedule`: shifts covering a requirements file, one JSON line per shift and a summary line.
import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import type { Requirements } from '../domain/schedule/model.ts'
import { LocalTimeReader } from '../domain/import/local-time.ts'
import { requirementsOver } from '../domain/schedule/requirements.ts'
import { assignRoster, type RosterAgent } from '../domain/schedule/roster.ts'
import { daysOffIn, paidHours, type ScheduleRules } from '../domain/schedule/rules.ts'
import { roundTo } from '../utils/format.ts'
import type { SolvedSchedule } from '../services/scheduler.server.ts'

export class BadRequirements extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} bad line(s)`)
  }
}

/** A small CSV (comma, semicolon or tab; BOM and blank lines allowed) as trimmed records. */
function readCsvRecords(file: string): string[][] {
  return parse(readFileSync(file, 'utf8'), { bom: true, skip_empty_lines: true, trim: true, delimiter: [',', ';', '\t'] }) as string[][]
}

/**
 * Reads `interval_start,required` (15-minute starts, local times in `timeZone` unless they carry an
 * offset) into requirements over consecutive intervals; missing intervals require 0.
 */
export function readRequirements(file: string, timeZone: string): Requirements {
  const records = readCsvRecords(file)
  const header = (records[0] ?? []).map((h) => h.toLowerCase())
  const startAt = header.indexOf('interval_start')
  const requiredAt = header.indexOf('required')
  if (startAt < 0 || requiredAt < 0)
    throw new BadRequirements([`line 1: the header needs interval_start and required (has: ${header.join(', ')})`])
  const times = new LocalTimeReader(timeZone)
  const problems: string[] = []
  const byStart = new Map<number, number>()
  let previous: number | undefined
  records.slice(1).forEach((record, k) => {
    const line = k + 2
    const read = times.read(record[startAt] ?? '', previous, true)
    const required = Number(record[requiredAt])
    if (!read.ok) problems.push(`line ${line}: interval_start "${record[startAt] ?? ''}" is not a date and time`)
    else if (read.instant % 900_000 !== 0) problems.push(`line ${line}: interval_start is not on a 15-minute boundary`)
    else if (!(record[requiredAt] ?? '').trim() || !Number.isFinite(required) || required < 0)
      problems.push(`line ${line}: required "${record[requiredAt] ?? ''}" is not a number ≥ 0`)
    else if (byStart.has(read.instant)) problems.push(`line ${line}: interval ${new Date(read.instant).toISOString()} appears again`)
    else {
      byStart.set(read.instant, required)
      previous = read.instant
    }
  })
  if (problems.length > 0) throw new BadRequirements(problems)
  if (byStart.size === 0) throw new BadRequirements(['the file has no intervals'])
  return requirementsOver(Math.min(...byStart.keys()), Math.max(...byStart.keys()), 15, timeZone, (t) => byStart.get(t) ?? 0)
}

/** Reads `name,weekly_hours` (the roster for `--agents`); every line's problem is reported. */
export function readAgents(file: string): RosterAgent[] {
  const records = readCsvRecords(file)
  const header = (records[0] ?? []).map((h) => h.toLowerCase())
  const nameAt = header.indexOf('name')
  const hoursAt = header.indexOf('weekly_hours')
  if (nameAt < 0 || hoursAt < 0) throw new BadRequirements([`line 1: the header needs name and weekly_hours (has: ${header.join(', ')})`])
  const problems: string[] = []
  const agents: RosterAgent[] = []
  const names = new Set<string>()
  records.slice(1).forEach((record, k) => {
    const name = record[nameAt] ?? ''
    const hours = Number((record[hoursAt] ?? '').replace(',', '.'))
    if (!name) problems.push(`line ${k + 2}: name is empty`)
    else if (names.has(name)) problems.push(`line ${k + 2}: agent "${name}" appears again`)
    else if (!(hours > 0 && hours <= 80))
      problems.push(`line ${k + 2}: weekly_hours "${record[hoursAt] ?? ''}" is not a number of hours from 1 to 80`)
    else {
      names.add(name)
      agents.push({ id: agents.length, name, weeklyHours: hours })
    }
  })
  if (problems.length > 0) throw new BadRequirements(problems)
  return agents
}

/** Each shift's agent's name (null = open), as the page's roster assigns them. */
export function rosterNames(
  result: SolvedSchedule,
  requirements: Requirements,
  rules: ScheduleRules,
  agents: readonly RosterAgent[],
): Array<string | null> {
  const dayAt = new Map(requirements.start.map((t, i) => [t, requirements.day[i]!]))
  const days = Math.max(...requirements.day) + 1
  const paid = new Map(rules.shiftTypes.map((t) => [t.name, paidHours(t)]))
  const roster = assignRoster(
    result.shifts.map((s) => ({ start: s.start, end: s.end, paidHours: paid.get(s.type)!, day: dayAt.get(s.start)! })),
    // Contracts are weekly: a 14-day file holds two weeks of hours (a shorter one, a week's).
    agents.map((a) => ({ ...a, weeklyHours: a.weeklyHours * Math.max(1, days / 7) })),
    { days, daysOffPerWeek: daysOffIn(rules, days), consecutiveDaysOff: rules.consecutiveDaysOff ?? false },
  )
  return roster.agentOf.map((id) => (id === null ? null : agents[id]!.name))
}

export function scheduleLines(result: SolvedSchedule, requirements: Requirements, agentNames?: ReadonlyArray<string | null>): string[] {
  const iso = (t: number) => new Date(t).toISOString()
  return [
    ...result.shifts.map((s, k) =>
      JSON.stringify({
        start: iso(s.start),
        end: iso(s.end),
        breaks: s.breaks.map((b) => ({ start: iso(b.start), end: iso(b.end) })),
        agent: agentNames?.[k] ?? null,
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
      },
    }),
  ]
}
