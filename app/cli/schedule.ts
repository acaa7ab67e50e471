// `wfm schedule`: shifts covering a requirements file, one JSON line per shift and a summary line.
import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import type { Requirements } from '../domain/schedule/model.ts'
import { LocalTimeReader } from '../domain/import/local-time.ts'
import { daysBetween, localDateOf, localMinuteOfDay, weekdayOf } from '../domain/intervals.ts'
import { roundTo } from '../utils/format.ts'
import type { SolvedSchedule } from '../services/scheduler.server.ts'

export class BadRequirements extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} bad line(s)`)
  }
}

/**
 * Reads `interval_start,required` (15-minute starts, local times in `timeZone` unless they carry an
 * offset) into requirements over consecutive intervals; missing intervals require 0.
 */
export function readRequirements(file: string, timeZone: string): Requirements {
  const records = parse(readFileSync(file, 'utf8'), {
    bom: true,
    skip_empty_lines: true,
    trim: true,
    delimiter: [',', ';', '\t'],
  }) as string[][]
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
  const first = Math.min(...byStart.keys())
  const last = Math.max(...byStart.keys())
  const firstDay = localDateOf(first, timeZone)
  const start: number[] = []
  const required: number[] = []
  const weekday: number[] = []
  const minute: number[] = []
  const day: number[] = []
  for (let t = first; t <= last; t += 900_000) {
    const date = localDateOf(t, timeZone)
    start.push(t)
    required.push(byStart.get(t) ?? 0)
    weekday.push(weekdayOf(date))
    minute.push(localMinuteOfDay(t, timeZone))
    day.push(daysBetween(firstDay, date))
  }
  return { intervalMin: 15, start, required, weekday, minute, day }
}

export function scheduleLines(result: SolvedSchedule, requirements: Requirements): string[] {
  const iso = (t: number) => new Date(t).toISOString()
  return [
    ...result.shifts.map((s) =>
      JSON.stringify({
        start: iso(s.start),
        end: iso(s.end),
        breaks: s.breaks.map((b) => ({ start: iso(b.start), end: iso(b.end) })),
        agent: null,
      }),
    ),
    JSON.stringify({
      summary: {
        paidHours: roundTo(result.paidHours, 2),
        lpBound: roundTo(result.lpBound, 2),
        uncoveredIntervals: result.uncovered.map((j) => iso(requirements.start[j]!)),
        gap: roundTo(result.gap, 5),
        shifts: result.shifts.length,
        status: result.status,
        seconds: roundTo(result.milliseconds / 1000, 2),
      },
    }),
  ]
}
