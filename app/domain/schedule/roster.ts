// Rostering: gives the shifts the optimiser produced for one week to named agents. Days off come first,
// each agent in turn taking the days that leave the most agents per shift on them; then, day by day and
// in start order, each shift goes to a working agent who has no shift that day yet, has rested long
// enough since the previous shift (CLT art. 66 "interjornada": 11 h) and still has contracted hours for
// it, preferring the agent whose start time stays steady and whose remaining hours match the shift.
// Greedy and deterministic; a shift nobody can take stays open, the roster never fails.
//
// Rosters people can live with (issue 15): an agent works only the days and hours of their
// availability and the shift types of their contract (hard: a shift nobody may take stays open);
// each agent's starts stay within a tolerance of their other starts in the week (soft: when no
// agent within it can take a shift, the closest one does and the break is reported); weekend days
// off go first to the agents with the fewest of them in the previous weeks (see `weekendPriority`).
import { withinWeekHours, type WeekHours } from '../opening-hours.ts'

export interface RosterAgent {
  id: number
  name: string
  /** Contracted paid hours per week (e.g. 36 for NR-17 telemarketing, 44 CLT). */
  weeklyHours: number
  /** When they can work, Sunday … Saturday (a day's shift lies within its hours); null/absent = any time. */
  availability?: WeekHours | null
  /** Shift types of their contract (e.g. a part-timer's "4h"); empty/absent = every type. */
  shiftTypes?: readonly string[]
  /** Weekend days off in each previous week, the last week first (the fairness of weekend rotation). */
  weekendHistory?: readonly number[]
}

export interface RosterShift {
  /** UTC epoch ms */
  start: number
  end: number
  /** Paid hours of the shift (unpaid breaks excluded). */
  paidHours: number
  /** Local day index in the week, 0..days-1. */
  day: number
  /** Shift type name (checked against agents' contract types; absent = a type every agent may work). */
  type?: string
  /** Local minute of the day it starts (needed with availability or a start tolerance; else from UTC). */
  startMin?: number
}

export interface RosterOptions {
  /** Days in the schedule (7 for a week). */
  days: number
  /** Days each agent is off in the schedule (e.g. 1 for 6×1, 2 for 5×2). */
  daysOffPerWeek: number
  /** Days off must be consecutive days (within the week, no wrap-around from the last day to the first). */
  consecutiveDaysOff: boolean
  /** Minimum minutes between the end of one shift and the start of the same agent's next (default 660). */
  minRestMin?: number
  /** Weekday of day 0 (0 = Sunday); needed for availability and weekend rotation (absent: neither applies). */
  firstWeekday?: number
  /** Each agent's starts stay within this many minutes of their other starts in the week; null/absent = no rule. */
  startToleranceMin?: number | null
}

/** A rule the roster broke to staff a shift (reported, and shown as the schedule's warnings). */
export interface RosterBreak {
  /** Index of the shift in the input. */
  shift: number
  agentId: number
  rule: 'startTolerance'
  /** Local minutes after midnight: the shift's start, and the agent's first start of the week. */
  startMin: number
  anchorMin: number
  toleranceMin: number
}

export interface Roster {
  /** Per shift (same order as the input): the agent's id, or null when no agent could take it. */
  agentOf: Array<number | null>
  /** Per agent id: the day indexes the agent is off, ascending. */
  daysOff: Map<number, number[]>
  /** Indexes of shifts left open. */
  open: number[]
  /** Per agent id: paid hours assigned. */
  hours: Map<number, number>
  /** Rules broken to staff a shift, in shift order. */
  broken: RosterBreak[]
}

/** Rest between the end of an agent's shift and the start of their next (CLT art. 66 "interjornada": 11 h). */
export const DEFAULT_MIN_REST_MIN = 660
const DAY_MS = 86_400_000
/** Slack on contracted hours, so that shifts of 6 h 20 min still fill 38 h exactly. */
const HOURS_TOLERANCE = 1e-9

/** Whether a shift starting at `nextStart` leaves enough rest after one ending at `previousEnd` (epoch ms). */
export function restedEnough(previousEnd: number, nextStart: number, minRestMin = DEFAULT_MIN_REST_MIN): boolean {
  return nextStart - previousEnd >= minRestMin * 60_000
}

/** Whether a shift of `paidHours` fits a weekly contract of which `assigned` hours are already given. */
export function fitsContract(weeklyHours: number, assigned: number, paidHours: number): boolean {
  return weeklyHours - assigned >= paidHours - HOURS_TOLERANCE
}

/**
 * Whether an agent with this availability can work a shift starting at a local `minute` of
 * `weekday` (0 = Sunday) for `lengthMin` minutes: every minute lies within the hours of its day (a
 * shift past midnight needs the next day's hours from 00:00). No availability = any time.
 */
export function availableFor(availability: WeekHours | null | undefined, weekday: number, minute: number, lengthMin: number): boolean {
  return !availability || withinWeekHours(availability, weekday, minute, lengthMin)
}

/** Whether the agent works that weekday at all (no availability = every day). */
export function availableOn(availability: WeekHours | null | undefined, weekday: number): boolean {
  return !availability || availability[weekday] != null
}

/** Whether a contract limited to `shiftTypes` (empty/absent = all) allows a shift of `type`. */
export function contractAllows(shiftTypes: readonly string[] | undefined, type: string | undefined): boolean {
  return !shiftTypes || shiftTypes.length === 0 || type === undefined || shiftTypes.includes(type)
}

/** Minutes between two local times of day, around the clock (23:00 and 01:00 are 120 apart). */
export function clockDistanceMin(a: number, b: number): number {
  const diff = (((a - b) % 1440) + 1440) % 1440
  return Math.min(diff, 1440 - diff)
}

/** Whether a start at local minute `start` is within `toleranceMin` of the agent's `anchor` start (no rule = yes). */
export function withinStartTolerance(anchor: number, start: number, toleranceMin: number | null | undefined): boolean {
  return toleranceMin == null || clockDistanceMin(anchor, start) <= toleranceMin
}

/** Weekend days: Saturday and Sunday. */
export function isWeekend(weekday: number): boolean {
  return weekday === 0 || weekday === 6
}

/**
 * Fair weekend rotation: agents take their days off in this order — fewest weekend days off over
 * the previous weeks first, then the one whose last weekend day off is longest ago (never = first),
 * then the team's order. Returns agent indexes.
 */
export function weekendPriority(agents: readonly Pick<RosterAgent, 'weekendHistory'>[]): number[] {
  const keys = agents.map((agent) => {
    const history = agent.weekendHistory ?? []
    const last = history.findIndex((days) => days > 0)
    return { total: history.reduce((sum, days) => sum + days, 0), since: last < 0 ? Infinity : last }
  })
  return agents.map((_, a) => a).sort((a, b) => keys[a]!.total - keys[b]!.total || keys[b]!.since - keys[a]!.since || a - b)
}

/** Refuses inputs no roster can be made of (a programming error, not an infeasible week). */
function checkInput(shifts: readonly RosterShift[], agents: readonly RosterAgent[], options: RosterOptions): void {
  const fail = (message: string) => {
    throw new RangeError(message)
  }
  if (!Number.isInteger(options.days) || options.days < 0) fail(`days must be a whole number ≥ 0, not ${options.days}`)
  if (!Number.isInteger(options.daysOffPerWeek) || options.daysOffPerWeek < 0) {
    fail(`daysOffPerWeek must be a whole number ≥ 0, not ${options.daysOffPerWeek}`)
  }
  const rest = options.minRestMin ?? DEFAULT_MIN_REST_MIN
  if (!(rest >= 0 && Number.isFinite(rest))) fail(`minRestMin must be ≥ 0, not ${rest}`)
  const ids = new Set<number>()
  for (const agent of agents) {
    if (ids.has(agent.id)) fail(`agent id ${agent.id} appears twice`)
    ids.add(agent.id)
  }
  const weekday = options.firstWeekday
  if (weekday !== undefined && !(Number.isInteger(weekday) && weekday >= 0 && weekday <= 6)) fail(`firstWeekday must be 0..6, not ${weekday}`)
  if (weekday === undefined && agents.some((a) => a.availability)) fail('availability needs firstWeekday')
  const tolerance = options.startToleranceMin
  if (tolerance != null && !(tolerance >= 0 && tolerance <= 720)) fail(`startToleranceMin must be 0..720, not ${tolerance}`)
  const localTimes = tolerance != null || agents.some((a) => a.availability)
  shifts.forEach((shift, i) => {
    if (!Number.isInteger(shift.day) || shift.day < 0 || shift.day >= options.days) {
      fail(`shift ${i} is on day ${shift.day}, outside 0..${options.days - 1}`)
    }
    if (localTimes && shift.startMin === undefined) fail(`shift ${i} needs startMin (its local start) for availability and start tolerance`)
  })
}

/**
 * The k days with the largest surplus (agents available − shifts), then weekend days, then the
 * earliest. `value` is the surplus left if the agent takes the day off (Infinity: they do not work
 * it anyway). Taking the k largest maximises both the smallest surplus and the sum of surplus over
 * the days taken off; among the sets that do, weekends (the rotation's turn), then earliest days.
 */
function bestDays(value: readonly number[], weekend: readonly boolean[], k: number): number[] {
  return value
    .map((_, d) => d)
    .sort((a, b) => value[b]! - value[a]! || Number(weekend[b]) - Number(weekend[a]) || a - b)
    .slice(0, k)
    .sort((a, b) => a - b)
}

/** The k consecutive days (no wrap-around) with the largest smallest value, then sum, then weekend days, then earliest. */
function bestWindow(value: readonly number[], weekend: readonly boolean[], k: number): number[] {
  if (k === 0) return []
  let best = 0
  let bestKey = [-Infinity, -Infinity, -Infinity]
  for (let first = 0; first + k <= value.length; first++) {
    let min = Infinity
    let sum = 0
    let weekends = 0
    for (let d = first; d < first + k; d++) {
      min = Math.min(min, value[d]!)
      if (value[d]! < Infinity) sum += value[d]!
      if (weekend[d]) weekends++
    }
    const key = [min, sum, weekends]
    const j = key.findIndex((x, i) => x !== bestKey[i])
    if (j >= 0 && key[j]! > bestKey[j]!) {
      best = first
      bestKey = key
    }
  }
  return Array.from({ length: k }, (_, j) => best + j)
}

/**
 * Days off per agent (input order): in weekend-priority order, each takes the pattern that keeps
 * the week most feasible; a day the agent is not available costs nothing, so it is taken first.
 * Then the patterns of the agents available every day (interchangeable: swapping their patterns
 * leaves every day's surplus as it is) are handed out again, most weekend days first, in priority
 * order — so the rotation decides who gets the weekend days off, and the surplus only how many.
 */
function chooseDaysOff(
  need: readonly number[],
  works: readonly Uint8Array[],
  order: readonly number[],
  weekend: readonly boolean[],
  k: number,
  consecutive: boolean,
): number[][] {
  const surplus = need.map((n, d) => works.reduce((count, w) => count + w[d]!, 0) - n)
  const out: number[][] = []
  for (const a of order) {
    const value = surplus.map((s, d) => (works[a]![d] ? s - 1 : Infinity))
    const off = consecutive ? bestWindow(value, weekend, k) : bestDays(value, weekend, k)
    for (const d of off) surplus[d]! -= works[a]![d]!
    out[a] = off
  }
  const weekendDays = (days: readonly number[]) => days.filter((d) => weekend[d]).length
  const free = order.filter((a) => works[a]!.every((w) => w === 1))
  const patterns = free.map((a) => out[a]!).sort((x, y) => weekendDays(y) - weekendDays(x))
  free.forEach((a, j) => (out[a] = patterns[j]!))
  return out
}

/** Local minute of the day of a start: the given one, else its UTC time of day. */
const minuteOf = (shift: RosterShift) => shift.startMin ?? Math.floor((((shift.start % DAY_MS) + DAY_MS) % DAY_MS) / 60_000)

export function assignRoster(shifts: readonly RosterShift[], agents: readonly RosterAgent[], options: RosterOptions): Roster {
  checkInput(shifts, agents, options)
  const { days, firstWeekday } = options
  const minRestMin = options.minRestMin ?? DEFAULT_MIN_REST_MIN
  const tolerance = options.startToleranceMin ?? null
  const n = agents.length
  const weekdayOfDay = (d: number) => (firstWeekday === undefined ? -1 : (firstWeekday + d) % 7)
  const weekend = Array.from({ length: days }, (_, d) => firstWeekday !== undefined && isWeekend(weekdayOfDay(d)))

  const byDay: number[][] = Array.from({ length: days }, () => [])
  shifts.forEach((shift, i) => byDay[shift.day]!.push(i))
  for (const list of byDay) list.sort((a, b) => shifts[a]!.start - shifts[b]!.start || a - b)
  const startMin = shifts.map(minuteOf)

  // Per agent and day: 1 when their availability has hours that day.
  const works = agents.map((agent) => Uint8Array.from({ length: days }, (_, d) => (firstWeekday === undefined || availableOn(agent.availability, weekdayOfDay(d)) ? 1 : 0)))
  const order = firstWeekday === undefined ? agents.map((_, a) => a) : weekendPriority(agents)
  const offDays = chooseDaysOff(
    byDay.map((list) => list.length),
    works,
    order,
    weekend,
    Math.min(options.daysOffPerWeek, days),
    options.consecutiveDaysOff,
  )
  const off = offDays.map((list, a) => {
    const flags = new Uint8Array(days)
    for (const d of list) flags[d] = 1
    for (let d = 0; d < days; d++) if (!works[a]![d]) flags[d] = 1
    return flags
  })

  // Contract shift types by type index (1 = allowed), so the inner loop only reads an array.
  const typeIndex = new Map<string | undefined, number>()
  const typeOf = shifts.map((shift) => {
    if (!typeIndex.has(shift.type)) typeIndex.set(shift.type, typeIndex.size)
    return typeIndex.get(shift.type)!
  })
  const allows = agents.map((agent) => Uint8Array.from([...typeIndex.keys()], (type) => (contractAllows(agent.shiftTypes, type) ? 1 : 0)))

  const assigned = new Float64Array(n)
  const lastStart = new Float64Array(n)
  const anchor = new Float64Array(n)
  const lastEnd = new Float64Array(n).fill(-Infinity)
  const lastDay = new Int32Array(n).fill(-1)
  /** Working days from the current day on, the current one included. */
  const workLeft = off.map((flags) => flags.reduce((count, f) => count + 1 - f, 0))
  const agentOf: Array<number | null> = shifts.map(() => null)
  const broken: RosterBreak[] = []

  for (let d = 0; d < days; d++) {
    const working: number[] = []
    for (let a = 0; a < n; a++) if (off[a]![d] === 0) working.push(a)
    const weekday = weekdayOfDay(d)
    for (const i of byDay[d]!) {
      const shift = shifts[i]!
      const minute = startMin[i]!
      const lengthMin = (shift.end - shift.start) / 60_000
      const type = typeOf[i]!
      // The best agent within the start tolerance, and the best of all in case none is.
      let best = -1
      let bestCost = Infinity
      let fallback = -1
      let fallbackCost = Infinity
      for (const a of working) {
        if (lastDay[a] === d || !restedEnough(lastEnd[a]!, shift.start, minRestMin)) continue
        if (!fitsContract(agents[a]!.weeklyHours, assigned[a]!, shift.paidHours) || allows[a]![type] === 0) continue
        if (agents[a]!.availability && !availableFor(agents[a]!.availability, weekday, minute, lengthMin)) continue
        const remaining = agents[a]!.weeklyHours - assigned[a]!
        let cost = 2 * Math.abs(remaining / workLeft[a]! - shift.paidHours)
        if (lastDay[a]! >= 0) cost += clockDistanceMin(minute, lastStart[a]!) / 60
        if (lastDay[a]! < 0 || withinStartTolerance(anchor[a]!, minute, tolerance)) {
          if (cost < bestCost) {
            best = a
            bestCost = cost
          }
        } else if (cost < fallbackCost) {
          fallback = a
          fallbackCost = cost
        }
      }
      if (best < 0 && fallback >= 0) {
        best = fallback
        broken.push({ shift: i, agentId: agents[best]!.id, rule: 'startTolerance', startMin: minute, anchorMin: anchor[best]!, toleranceMin: tolerance! })
      }
      if (best < 0) continue
      agentOf[i] = agents[best]!.id
      assigned[best]! += shift.paidHours
      if (lastDay[best]! < 0) anchor[best] = minute
      lastStart[best] = minute
      lastEnd[best] = shift.end
      lastDay[best] = d
    }
    for (const a of working) workLeft[a]!--
  }

  const open: number[] = []
  agentOf.forEach((id, i) => {
    if (id === null) open.push(i)
  })
  return {
    agentOf,
    daysOff: new Map(agents.map((agent, a) => [agent.id, offDays[a]!])),
    open,
    hours: new Map(agents.map((agent, a) => [agent.id, assigned[a]!])),
    broken,
  }
}
