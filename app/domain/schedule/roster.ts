// Rostering: gives the shifts the optimiser produced for one week to named agents. Days off come first,
// each agent in turn taking the days that leave the most agents per shift on them; then, day by day and
// in start order, each shift goes to a working agent who has no shift that day yet, has rested long
// enough since the previous shift (CLT art. 66 "interjornada": 11 h) and still has contracted hours for
// it, preferring the agent whose start time stays steady and whose remaining hours match the shift.
// Greedy and deterministic; a shift nobody can take stays open, the roster never fails.

export interface RosterAgent {
  id: number
  name: string
  /** Contracted paid hours per week (e.g. 36 for NR-17 telemarketing, 44 CLT). */
  weeklyHours: number
}

export interface RosterShift {
  /** UTC epoch ms */
  start: number
  end: number
  /** Paid hours of the shift (unpaid breaks excluded). */
  paidHours: number
  /** Local day index in the week, 0..days-1. */
  day: number
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
}

/** Rest between the end of an agent's shift and the start of their next (CLT art. 66 "interjornada": 11 h). */
export const DEFAULT_MIN_REST_MIN = 660
const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
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
  shifts.forEach((shift, i) => {
    if (!Number.isInteger(shift.day) || shift.day < 0 || shift.day >= options.days) {
      fail(`shift ${i} is on day ${shift.day}, outside 0..${options.days - 1}`)
    }
  })
}

/**
 * The k days with the largest surplus (agents available − shifts), ties to the earliest day. Taking
 * the k largest maximises both the smallest surplus and the sum of surplus over the days taken off,
 * and among the sets that do, it is the one of earliest days.
 */
function bestDays(surplus: readonly number[], k: number): number[] {
  return surplus
    .map((_, d) => d)
    .sort((a, b) => surplus[b]! - surplus[a]! || a - b)
    .slice(0, k)
    .sort((a, b) => a - b)
}

/** The k consecutive days (no wrap-around) with the largest smallest surplus, then sum, then earliest. */
function bestWindow(surplus: readonly number[], k: number): number[] {
  if (k === 0) return []
  let best = 0
  let bestMin = -Infinity
  let bestSum = -Infinity
  for (let first = 0; first + k <= surplus.length; first++) {
    let min = Infinity
    let sum = 0
    for (let d = first; d < first + k; d++) {
      min = Math.min(min, surplus[d]!)
      sum += surplus[d]!
    }
    if (min > bestMin || (min === bestMin && sum > bestSum)) {
      best = first
      bestMin = min
      bestSum = sum
    }
  }
  return Array.from({ length: k }, (_, j) => best + j)
}

/** Days off per agent (input order): each in turn takes the pattern that keeps the week most feasible. */
function chooseDaysOff(need: readonly number[], agentCount: number, k: number, consecutive: boolean): number[][] {
  const surplus = need.map((n) => agentCount - n)
  const out: number[][] = []
  for (let a = 0; a < agentCount; a++) {
    const off = consecutive ? bestWindow(surplus, k) : bestDays(surplus, k)
    for (const d of off) surplus[d]!--
    out.push(off)
  }
  return out
}

/** Hours between two starts' times of day, around the clock (23:00 and 01:00 are 2 h apart). */
function clockDistanceHours(a: number, b: number): number {
  const diff = (((a - b) % DAY_MS) + DAY_MS) % DAY_MS
  return Math.min(diff, DAY_MS - diff) / HOUR_MS
}

export function assignRoster(shifts: readonly RosterShift[], agents: readonly RosterAgent[], options: RosterOptions): Roster {
  checkInput(shifts, agents, options)
  const { days } = options
  const minRestMin = options.minRestMin ?? DEFAULT_MIN_REST_MIN
  const n = agents.length

  const byDay: number[][] = Array.from({ length: days }, () => [])
  shifts.forEach((shift, i) => byDay[shift.day]!.push(i))
  for (const list of byDay) list.sort((a, b) => shifts[a]!.start - shifts[b]!.start || a - b)

  const offDays = chooseDaysOff(
    byDay.map((list) => list.length),
    n,
    Math.min(options.daysOffPerWeek, days),
    options.consecutiveDaysOff,
  )
  const off = offDays.map((list) => {
    const flags = new Uint8Array(days)
    for (const d of list) flags[d] = 1
    return flags
  })

  const assigned = new Float64Array(n)
  const lastStart = new Float64Array(n)
  const lastEnd = new Float64Array(n).fill(-Infinity)
  const lastDay = new Int32Array(n).fill(-1)
  /** Working days from the current day on, the current one included. */
  const workLeft = offDays.map((list) => days - list.length)
  const agentOf: Array<number | null> = shifts.map(() => null)

  for (let d = 0; d < days; d++) {
    const working: number[] = []
    for (let a = 0; a < n; a++) if (off[a]![d] === 0) working.push(a)
    for (const i of byDay[d]!) {
      const shift = shifts[i]!
      let best = -1
      let bestCost = Infinity
      for (const a of working) {
        if (lastDay[a] === d || !restedEnough(lastEnd[a]!, shift.start, minRestMin)) continue
        if (!fitsContract(agents[a]!.weeklyHours, assigned[a]!, shift.paidHours)) continue
        const remaining = agents[a]!.weeklyHours - assigned[a]!
        let cost = 2 * Math.abs(remaining / workLeft[a]! - shift.paidHours)
        if (lastDay[a]! >= 0) cost += clockDistanceHours(shift.start, lastStart[a]!)
        if (cost < bestCost) {
          best = a
          bestCost = cost
        }
      }
      if (best < 0) continue
      agentOf[i] = agents[best]!.id
      assigned[best]! += shift.paidHours
      lastStart[best] = shift.start
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
  }
}
