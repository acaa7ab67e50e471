// `wfm schedule`: shifts covering a requirements file, one JSON line per shift and a summary line.
import { TZDate } from '@date-fns/tz'
import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import type { Requirements } from '../domain/schedule/model.ts'
import { LocalTimeReader } from '../domain/import/local-time.ts'
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
  const records = parse(readFileSync(file, 'utf8'), { bom: true, skip_empty_lines: true, trim: true, delimiter: [',', ';', '\t'] }) as string[][]
  const header = (records[0] ?? []).map((h) => h.toLowerCase())
  const startAt = header.indexOf('interval_start')
  const requiredAt = header.indexOf('required')
  if (startAt < 0 || requiredAt < 0) throw new BadRequirements([`line 1: the header needs interval_start and required (has: ${header.join(', ')})`])
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
    else if (!(record[requiredAt] ?? '').trim() || !Number.isFinite(required) || required < 0) problems.push(`line ${line}: required "${record[requiredAt] ?? ''}" is not a number ≥ 0`)
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
  const firstDay = new TZDate(first, timeZone)
  const dayNumber = (t: TZDate) => Math.floor(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()) / 86_400_000)
  const requirements: Requirements = { intervalMin: 15, start: [], required: [], weekday: [], minute: [], day: [] }
  for (let t = first; t <= last; t += 900_000) {
    const local = new TZDate(t, timeZone)
    ;(requirements.start as number[]).push(t)
    ;(requirements.required as number[]).push(byStart.get(t) ?? 0)
    ;(requirements.weekday as number[]).push(local.getDay())
    ;(requirements.minute as number[]).push(local.getHours() * 60 + local.getMinutes())
    ;(requirements.day as number[]).push(dayNumber(local) - dayNumber(firstDay))
  }
  return requirements
}

export function scheduleLines(result: SolvedSchedule, requirements: Requirements): string[] {
  const iso = (t: number) => new Date(t).toISOString()
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits
  return [
    ...result.shifts.map((s) => JSON.stringify({ start: iso(s.start), end: iso(s.end), breaks: s.breaks.map((b) => ({ start: iso(b.start), end: iso(b.end) })), agent: null })),
    JSON.stringify({
      summary: {
        paidHours: round(result.paidHours, 2),
        lpBound: round(result.lpBound, 2),
        uncoveredIntervals: result.uncovered.map((j) => iso(requirements.start[j]!)),
        gap: round(result.gap, 5),
        shifts: result.shifts.length,
        status: result.status,
        seconds: round(result.milliseconds / 1000, 2),
      },
    }),
  ]
}
