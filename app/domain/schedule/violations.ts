// The rules a shift breaks in its schedule: the ones generation follows — shift types and their
// breaks, the start grid and opening hours (rules.ts, as the model applies them), days off, one
// shift a day, 11 h rest, contracted hours, availability, contract shift types and the start
// tolerance (roster.ts), and the team's channels — checked against the schedule's stored rules
// and the team. A hand edit that breaks one is refused with these reasons, or saved anyway and
// shown with them until fixed; the roster's own breaks (the start tolerance) show the same way.
import { localMinuteOfDay, weekdayOf } from '../intervals.ts'
import type { WeekHours } from '../opening-hours.ts'
import { availableFor, contractAllows, DEFAULT_MIN_REST_MIN, fitsContract, restedEnough, withinStartTolerance } from './roster.ts'
import { breakOffsets, daysOffIn, onStartGrid, withinOpeningHours, type ScheduleRules } from './rules.ts'

export interface CheckedShift {
  id: number
  /** null = open (no agent). */
  agentId: number | null
  type: string
  /** Local day index of its start in the schedule (0 = the first day). */
  day: number
  /** UTC epoch ms. */
  start: number
  end: number
  paidHours: number
  breaks: ReadonlyArray<{ name: string; start: number; end: number }>
  /** The channels it was planned for (a multi-skill schedule), which its agent must all work; null/absent = the schedule's. */
  channels?: readonly string[] | null
}

export interface CheckedAgent {
  weeklyHours: number
  /** Channel keys the agent can work. */
  channels: readonly string[]
  active: boolean
  /** Day indexes the roster gave the agent off in this schedule. */
  daysOff: readonly number[]
  /** When they can work, Sunday … Saturday; null/absent = any time. */
  availability?: WeekHours | null
  /** Shift types of their contract; empty/absent = every type. */
  shiftTypes?: readonly string[]
}

export interface ScheduleUnderCheck {
  rules: ScheduleRules
  timeZone: string
  /** The first local day ("YYYY-MM-DD") and the number of days (7 for a week). */
  firstDay: string
  days: number
  /** null = every channel together: any agent may work it. */
  channelKey: string | null
  /** The schedule's shifts (the checked one may be among them, by id); only its agent's count for the people rules. */
  shifts: readonly CheckedShift[]
  /** The team by agent id; an agent missing here is not on it. */
  agents: ReadonlyMap<number, CheckedAgent>
}

/** Clock times are local minutes after midnight; lengths in minutes; hours paid hours. */
export type ShiftViolation =
  | { rule: 'shiftType' }
  | { rule: 'length'; minutes: number; expectedMin: number }
  | { rule: 'break'; name: string; lengthMin: number; from: number; to: number; everyMin: number }
  | { rule: 'startTime'; earliest: number; latest: number; everyMin: number }
  | { rule: 'closed' }
  | { rule: 'openingHours'; open: number; close: number }
  | { rule: 'notOnTeam' }
  /** The channels (keys) the shift needs that its agent does not work. */
  | { rule: 'channel'; missing: string[] }
  | { rule: 'dayOff' }
  | { rule: 'workDays'; days: number; maxDays: number }
  | { rule: 'oneShiftADay' }
  | { rule: 'overlap' }
  | { rule: 'rest'; restMin: number; minRestMin: number }
  | { rule: 'contract'; hours: number; weeklyHours: number }
  /** Outside the agent's hours that weekday (`open`/`close` null: they do not work that day). */
  | { rule: 'availability'; open: number | null; close: number | null }
  | { rule: 'contractShiftType'; allowed: string[] }
  /** Starts more than `toleranceMin` from `anchor`, the start of the agent's first other shift of the week. */
  | { rule: 'startTolerance'; anchor: number; toleranceMin: number }

const MINUTE = 60_000

/** The rules `shift` breaks in `schedule`, in the order above; empty when it keeps them all. */
export function shiftViolations(shift: CheckedShift, schedule: ScheduleUnderCheck): ShiftViolation[] {
  const others = shift.agentId === null ? [] : schedule.shifts.filter((s) => s.agentId === shift.agentId && s.id !== shift.id)
  const minuteOf = (t: number) => localMinuteOfDay(t, schedule.timeZone)
  return [...shapeViolations(shift, minuteOf(shift.start), schedule), ...peopleViolations(shift, others, schedule, minuteOf)]
}

/** Every shift of the schedule that breaks a rule, by id (one pass per agent, for a whole week's view). */
export function scheduleViolations(schedule: ScheduleUnderCheck): Map<number, ShiftViolation[]> {
  const byAgent = new Map<number, CheckedShift[]>()
  for (const s of schedule.shifts) {
    if (s.agentId === null) continue
    let list = byAgent.get(s.agentId)
    if (!list) byAgent.set(s.agentId, (list = []))
    list.push(s)
  }
  // Shifts share a few hundred starts: each start's local time is worked out once (~5 µs each).
  const minutes = new Map<number, number>()
  const minuteOf = (t: number) => {
    let minute = minutes.get(t)
    if (minute === undefined) minutes.set(t, (minute = localMinuteOfDay(t, schedule.timeZone)))
    return minute
  }
  const out = new Map<number, ShiftViolation[]>()
  for (const shift of schedule.shifts) {
    const others = shift.agentId === null ? [] : byAgent.get(shift.agentId)!.filter((s) => s.id !== shift.id)
    const found = [...shapeViolations(shift, minuteOf(shift.start), schedule), ...peopleViolations(shift, others, schedule, minuteOf)]
    if (found.length > 0) out.set(shift.id, found)
  }
  return out
}

/** Its type, length and breaks, when it starts (local `minute` of its day) and whether the channel is open throughout. */
function shapeViolations(shift: CheckedShift, minute: number, { rules, firstDay }: ScheduleUnderCheck): ShiftViolation[] {
  const out: ShiftViolation[] = []
  const minutes = (shift.end - shift.start) / MINUTE
  const type = rules.shiftTypes.find((t) => t.name === shift.type)
  if (!type) out.push({ rule: 'shiftType' })
  else {
    if (minutes !== type.lengthMin) out.push({ rule: 'length', minutes, expectedMin: type.lengthMin })
    type.breaks.forEach((b, k) => {
      const taken = shift.breaks[k]
      const offset = taken && (taken.start - shift.start) / MINUTE
      if (taken && taken.end - taken.start === b.lengthMin * MINUTE && breakOffsets(rules, b).includes(offset!)) return
      out.push({
        rule: 'break',
        name: b.name,
        lengthMin: b.lengthMin,
        from: (minute + b.earliestMin) % 1440,
        to: (minute + b.latestMin) % 1440,
        everyMin: rules.breakGranularityMin ?? 15,
      })
    })
  }
  if (!onStartGrid(rules, minute))
    out.push({ rule: 'startTime', earliest: rules.earliestStartMin, latest: rules.latestStartMin, everyMin: rules.startGranularityMin })
  // From the day index: the local date of an instant costs ~25 µs, a week's view checks thousands.
  const weekday = (weekdayOf(firstDay) + shift.day) % 7
  if (!withinOpeningHours(rules, weekday, minute, minutes)) {
    const day = rules.openingHours![weekday]
    out.push(day ? { rule: 'openingHours', open: day.open, close: day.close } : { rule: 'closed' })
  }
  return out
}

/**
 * The agent's: on the team for the channel, working that day, one shift a day, rest, days and hours
 * in the week, their availability and contract's shift types, and the start tolerance — measured
 * from the agent's first other shift of the week, as the roster measures from their first, so a
 * rostered week passes and moving the first shift away from the rest is caught on that shift too.
 */
function peopleViolations(
  shift: CheckedShift,
  others: readonly CheckedShift[],
  schedule: ScheduleUnderCheck,
  minuteOf: (t: number) => number,
): ShiftViolation[] {
  if (shift.agentId === null) return []
  const agent = schedule.agents.get(shift.agentId)
  if (!agent || !agent.active) return [{ rule: 'notOnTeam' }]
  const out: ShiftViolation[] = []
  const needed = shift.channels ?? (schedule.channelKey === null ? [] : [schedule.channelKey])
  const missing = needed.filter((key) => !agent.channels.includes(key))
  if (missing.length > 0) out.push({ rule: 'channel', missing })
  if (agent.daysOff.includes(shift.day)) out.push({ rule: 'dayOff' })
  const workDays = new Set([shift.day, ...others.map((s) => s.day)]).size
  const maxDays = schedule.days - daysOffIn(schedule.rules, schedule.days)
  if (workDays > maxDays) out.push({ rule: 'workDays', days: workDays, maxDays })
  if (others.some((s) => s.day === shift.day)) out.push({ rule: 'oneShiftADay' })
  let overlap = false
  let shortest = Infinity
  for (const other of others) {
    const [first, second] = other.start <= shift.start ? [other, shift] : [shift, other]
    if (second.start < first.end) overlap = true
    else if (!restedEnough(first.end, second.start)) shortest = Math.min(shortest, second.start - first.end)
  }
  if (overlap) out.push({ rule: 'overlap' })
  if (shortest < Infinity) out.push({ rule: 'rest', restMin: shortest / MINUTE, minRestMin: DEFAULT_MIN_REST_MIN })
  const assigned = others.reduce((sum, s) => sum + s.paidHours, 0)
  if (!fitsContract(agent.weeklyHours, assigned, shift.paidHours))
    out.push({ rule: 'contract', hours: assigned + shift.paidHours, weeklyHours: agent.weeklyHours })
  const weekday = (weekdayOf(schedule.firstDay) + shift.day) % 7
  const minute = minuteOf(shift.start)
  if (!availableFor(agent.availability, weekday, minute, (shift.end - shift.start) / MINUTE)) {
    const day = agent.availability![weekday]
    out.push({ rule: 'availability', open: day?.open ?? null, close: day?.close ?? null })
  }
  if (!contractAllows(agent.shiftTypes, shift.type)) out.push({ rule: 'contractShiftType', allowed: [...agent.shiftTypes!] })
  const tolerance = schedule.rules.startToleranceMin
  const first = others.reduce<CheckedShift | null>((a, s) => (a === null || s.start < a.start ? s : a), null)
  if (first && !withinStartTolerance(minuteOf(first.start), minute, tolerance))
    out.push({ rule: 'startTolerance', anchor: minuteOf(first.start), toleranceMin: tolerance! })
  return out
}

