// An independent recount of a `wfm schedule` answer, minute by minute, from its printed shifts and
// the RULES.json it was given. It imports nothing from app/ on purpose: it is the yardstick the
// product's own counting (app/domain/schedule) is checked against, so it must not share its code.
//
// Conventions (README, RULES.json): times are UTC and local = UTC (cases are run with --tz UTC);
// requirements are per 15-minute interval; a minute is owed the requirement of its interval,
// raised to minAgentsWhileOpen while open, and nothing outside the opening hours; an agent counts
// in a minute only while inside a shift and not in one of its breaks. Shifts start on the start
// grid from earliestStart to latestStart and lie within the day's opening hours; breaks start
// every breakEveryMinutes from their window's earliest offset, in order, within the shift.

export interface BreakFile {
  name: string
  lengthMinutes: number
  earliestAfterStartMinutes: number
  latestAfterStartMinutes: number
  paid: boolean
}

export interface ShiftTypeFile {
  name: string
  lengthMinutes: number
  breaks?: BreakFile[]
}

/** The fields of RULES.json the recount needs (others, e.g. timeLimitSeconds, pass through to the CLI). */
export interface RulesFile {
  shiftTypes: ShiftTypeFile[]
  earliestStart: string
  latestStart: string
  startEveryMinutes?: number
  breakEveryMinutes?: number
  /** Sunday … Saturday. */
  openingHours?: Array<{ open: string; close: string } | null>
  minAgentsWhileOpen?: number
  maxAgentsPerDay?: number | null
  [other: string]: unknown
}

/** Agents required per 15-minute interval from `start` (UTC ms, a midnight), whole days. */
export interface WeekRequirements {
  start: number
  required: number[]
}

export interface PrintedShift {
  start: number
  end: number
  breaks: Array<{ start: number; end: number }>
}

export interface CliSummary {
  paidHours: number
  shortAgentMinutes: number
  shortMinutes: number
  unreachableMinutes: number
  unreachableAgentMinutes: number
  lpBound: number
  mipBound: number | null
  gap: number
  bestGap: number
  seconds: number
  status: string
  [other: string]: unknown
}

const MINUTE = 60_000
const INTERVAL_MIN = 15

export function clockMinutes(text: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(text)
  if (!match) throw new Error(`not a time of day HH:MM: "${text}"`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** `interval_start,required` lines (UTC labels) as the CLI reads them. */
export function requirementsCsv(week: WeekRequirements): string {
  const label = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ')
  return ['interval_start,required', ...week.required.map((r, q) => `${label(week.start + q * INTERVAL_MIN * MINUTE)},${r}`)].join('\n') + '\n'
}

/** The shift lines and the summary line of the CLI's standard output. */
export function parseScheduleOutput(stdout: string): { shifts: PrintedShift[]; summary: CliSummary } {
  const lines = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  const last = lines.pop()
  if (!last || !('summary' in last)) throw new Error('the CLI printed no summary line')
  const at = (iso: unknown) => {
    const t = Date.parse(String(iso))
    if (!Number.isFinite(t)) throw new Error(`not a time: ${String(iso)}`)
    return t
  }
  const shifts = lines.map((l) => ({
    start: at(l.start),
    end: at(l.end),
    breaks: ((l.breaks as Array<{ start: string; end: string }>) ?? []).map((b) => ({ start: at(b.start), end: at(b.end) })),
  }))
  return { shifts, summary: last.summary as CliSummary }
}

/** What the rules allow: the horizon's minutes, owed agents per minute and every allowed shift. */
export interface Horizon {
  start: number
  minutes: number
  /** Agents owed in each minute of the horizon. */
  owed: Float64Array
  /** Allowed shifts: minute of the horizon it starts at and its type. */
  starts: Array<{ minute: number; type: number }>
  /** Per type and break: the offsets (minutes after the shift's start) the break may start at. */
  offsets: number[][][]
  /** Whether some allowed shift, with some placement of its breaks, has an agent on the floor in the minute. */
  reachable: Uint8Array
}

export function horizonOf(week: WeekRequirements, rules: RulesFile): Horizon {
  if (week.required.length % 96 !== 0) throw new Error('requirements must hold whole days of 15-minute intervals')
  if (week.start % (1440 * MINUTE) !== 0) throw new Error('requirements must start at a UTC midnight')
  if (!breaksIndependent(rules)) throw new Error('the recount needs each shift type’s break windows apart (each break’s latest end before the next one’s earliest start)')
  const minutes = week.required.length * INTERVAL_MIN
  const days = minutes / 1440
  const weekday = (day: number) => new Date(week.start + day * 1440 * MINUTE).getUTCDay()
  const hours = (day: number) => {
    if (!rules.openingHours) return { open: 0, close: 1440 }
    const h = rules.openingHours[weekday(day)]
    return h ? { open: clockMinutes(h.open), close: clockMinutes(h.close) } : null
  }
  const floorMin = rules.minAgentsWhileOpen ?? 0
  const owed = new Float64Array(minutes)
  for (let m = 0; m < minutes; m++) {
    const h = hours(Math.floor(m / 1440))
    const minuteOfDay = m % 1440
    const open = !!h && minuteOfDay >= h.open && minuteOfDay < h.close
    owed[m] = open ? Math.max(week.required[Math.floor(m / INTERVAL_MIN)]!, floorMin) : 0
  }
  const startEvery = rules.startEveryMinutes ?? 15
  const breakEvery = rules.breakEveryMinutes ?? 15
  const offsets = rules.shiftTypes.map((t) =>
    (t.breaks ?? []).map((b) => {
      const list: number[] = []
      for (let o = b.earliestAfterStartMinutes; o <= b.latestAfterStartMinutes; o += breakEvery) if (o + b.lengthMinutes <= t.lengthMinutes) list.push(o)
      return list
    }),
  )
  const starts: Horizon['starts'] = []
  for (let day = 0; day < days; day++) {
    const h = hours(day)
    if (!h) continue
    for (let s = clockMinutes(rules.earliestStart); s <= clockMinutes(rules.latestStart); s += startEvery)
      rules.shiftTypes.forEach((t, type) => {
        const minute = day * 1440 + s
        // Within the day's opening hours (with none, within the horizon).
        if (s >= h.open && s + t.lengthMinutes <= h.close && minute + t.lengthMinutes <= minutes) starts.push({ minute, type })
      })
  }
  // A minute of a shift is off the floor for every placement only if some break covers it in every
  // placement of that break (breaks' windows are apart, so their placements are independent).
  const reachable = new Uint8Array(minutes)
  const onFloorAlways = rules.shiftTypes.map((t, type) => {
    const reach = new Uint8Array(t.lengthMinutes).fill(1)
    offsets[type]!.forEach((list, k) => {
      const length = t.breaks![k]!.lengthMinutes
      if (list.length === 0) throw new Error(`break "${t.breaks![k]!.name}" of "${t.name}" has no allowed start`)
      for (let o = 0; o < t.lengthMinutes; o++) if (list.every((s) => o >= s && o < s + length)) reach[o] = 0
    })
    return reach
  })
  for (const { minute, type } of starts) {
    const reach = onFloorAlways[type]!
    for (let o = 0; o < reach.length; o++) if (reach[o]) reachable[minute + o] = 1
  }
  return { start: week.start, minutes, owed, starts, offsets, reachable }
}

/**
 * Whether the breaks of each type can be placed independently: each break's latest end is no
 * later than the next one's earliest start. Reachability and the best-known model rely on it.
 */
function breaksIndependent(rules: RulesFile): boolean {
  return rules.shiftTypes.every((t) =>
    (t.breaks ?? []).every((b, k, all) => k === 0 || all[k - 1]!.latestAfterStartMinutes + all[k - 1]!.lengthMinutes <= b.earliestAfterStartMinutes),
  )
}

export interface Recount {
  paidHours: number
  /** Owed agent-minutes over the horizon. */
  owedAgentMinutes: number
  /** Minutes some allowed shift can reach, left short: how many, and by how many agent-minutes. */
  shortMinutes: number
  shortAgentMinutes: number
  /** Owed minutes no allowed shift can reach. */
  unreachableMinutes: number
  unreachableAgentMinutes: number
  /** Shifts or breaks the rules do not allow, one line each. */
  violations: string[]
}

export function recount(week: WeekRequirements, rules: RulesFile, shifts: readonly PrintedShift[], horizon = horizonOf(week, rules)): Recount {
  const { minutes, owed, reachable } = horizon
  const allowed = new Set(horizon.starts.map((s) => `${s.minute}:${s.type}`))
  const onFloor = new Int32Array(minutes)
  const violations: string[] = []
  let paidMinutes = 0
  const iso = (t: number) => new Date(t).toISOString()
  for (const shift of shifts) {
    const at = (shift.start - week.start) / MINUTE
    const length = (shift.end - shift.start) / MINUTE
    const name = `shift ${iso(shift.start)}–${iso(shift.end)}`
    const type = rules.shiftTypes.findIndex((t, k) => t.lengthMinutes === length && allowed.has(`${at}:${k}`))
    if (type < 0) {
      violations.push(`${name}: no allowed shift starts then with that length`)
      paidMinutes += length
    }
    const rule = rules.shiftTypes[type]
    const breaks = [...shift.breaks].sort((a, b) => a.start - b.start)
    if (rule && breaks.length !== (rule.breaks ?? []).length) violations.push(`${name}: ${breaks.length} breaks, the rules ask for ${(rule.breaks ?? []).length}`)
    let previousEnd = shift.start
    const off = new Uint8Array(Math.max(0, length))
    breaks.forEach((b, k) => {
      const offset = (b.start - shift.start) / MINUTE
      const breakLength = (b.end - b.start) / MINUTE
      const br = rule?.breaks?.[k]
      if (b.start < previousEnd || b.end > shift.end) violations.push(`${name}: break ${iso(b.start)} overlaps another or leaves the shift`)
      previousEnd = b.end
      if (rule && br) {
        if (breakLength !== br.lengthMinutes) violations.push(`${name}: break "${br.name}" lasts ${breakLength} min, not ${br.lengthMinutes}`)
        if (!horizon.offsets[type]![k]!.includes(offset)) violations.push(`${name}: break "${br.name}" starts ${offset} min in, off its window or grid`)
        if (!br.paid) paidMinutes -= breakLength
      }
      for (let m = Math.max(0, offset); m < Math.min(length, offset + breakLength); m++) off[m] = 1
    })
    if (rule) paidMinutes += length
    for (let m = 0; m < length; m++) {
      const minute = at + m
      if (off[m]) continue
      if (minute < 0 || minute >= minutes) violations.push(`${name}: outside the requirements' horizon`)
      else onFloor[minute]!++
    }
  }
  const perDay = new Map<number, number>()
  for (const shift of shifts) {
    const day = Math.floor((shift.start - week.start) / (1440 * MINUTE))
    perDay.set(day, (perDay.get(day) ?? 0) + 1)
  }
  for (const [day, count] of perDay)
    if (rules.maxAgentsPerDay != null && count > rules.maxAgentsPerDay) violations.push(`day ${day}: ${count} shifts, more than maxAgentsPerDay ${rules.maxAgentsPerDay}`)
  let owedAgentMinutes = 0
  let shortMinutes = 0
  let shortAgentMinutes = 0
  let unreachableMinutes = 0
  let unreachableAgentMinutes = 0
  for (let m = 0; m < minutes; m++) {
    owedAgentMinutes += owed[m]!
    const short = Math.max(0, owed[m]! - onFloor[m]!)
    if (short === 0) continue
    if (reachable[m]) {
      shortMinutes++
      shortAgentMinutes += short
    } else {
      unreachableMinutes++
      unreachableAgentMinutes += owed[m]!
    }
  }
  return {
    paidHours: paidMinutes / 60,
    owedAgentMinutes,
    shortMinutes,
    shortAgentMinutes,
    unreachableMinutes,
    unreachableAgentMinutes,
    violations: [...new Set(violations)],
  }
}

/** Where the CLI's summary and the recount differ beyond the summary's rounding (2 decimals). */
export function disagreements(summary: CliSummary, counted: Recount): string[] {
  const fields = ['paidHours', 'shortAgentMinutes', 'shortMinutes', 'unreachableMinutes', 'unreachableAgentMinutes'] as const
  return fields
    .filter((f) => !(typeof summary[f] === 'number' && Math.abs(summary[f] - counted[f]) <= 0.006))
    .map((f) => `${f}: CLI says ${String(summary[f])}, the recount ${Number(counted[f].toFixed(4))}`)
}

/**
 * NR-17 Annex II's 6h20 as the app's default rules define it (app/services/schedule-rules.server.ts),
 * written out rather than imported so that the check stays independent: a paid 10-minute pause
 * either side of an unpaid 20-minute rest.
 */
export const nr17ShiftType: RulesFile['shiftTypes'][number] = {
  name: '6h20',
  lengthMinutes: 380,
  breaks: [
    { name: 'pausa 1', lengthMinutes: 10, earliestAfterStartMinutes: 60, latestAfterStartMinutes: 120, paid: true },
    { name: 'descanso', lengthMinutes: 20, earliestAfterStartMinutes: 150, latestAfterStartMinutes: 210, paid: false },
    { name: 'pausa 2', lengthMinutes: 10, earliestAfterStartMinutes: 270, latestAfterStartMinutes: 330, paid: true },
  ],
}
