// The rules shifts are built from (issue 7): shift types with their breaks, when shifts may start,
// opening hours, the floor of agents while open and the most agents a day can have.
import { checkWeekHours, withinWeekHours, type WeekHours } from '../opening-hours.ts'
import type { Person } from './people.ts'

export interface BreakRule {
  name: string
  lengthMin: number
  /** Window for the break's start, minutes after the shift starts. */
  earliestMin: number
  latestMin: number
  /** Paid breaks count in paid hours (NR-17's pauses are paid; a lunch hour usually is not). */
  paid: boolean
}

export interface ShiftType {
  name: string
  /** From start to end, breaks included. */
  lengthMin: number
  breaks: BreakRule[]
}

export interface ScheduleRules {
  shiftTypes: ShiftType[]
  /** Shifts start every this many minutes… */
  startGranularityMin: number
  /** …between these local times (minutes after midnight, inclusive). */
  earliestStartMin: number
  latestStartMin: number
  /** Breaks start every this many minutes within their windows (default 15). */
  breakGranularityMin?: number
  /** When the channel is open; shifts lie within it and coverage is owed only then. */
  openingHours?: WeekHours | null
  /** At least this many agents on the floor whenever open (default 0). */
  minAgentsWhileOpen?: number
  /** At most this many shifts start on one day (the people available); null = no limit. */
  maxAgentsPerDay?: number | null
  /** Days each agent is off per week (default 1, the 6×1 of the CLT); with maxAgentsPerDay it caps the week's shifts. */
  daysOffPerWeek?: number
  /** Days off are taken together (e.g. Saturday and Sunday); the roster honours it. */
  consecutiveDaysOff?: boolean
  /** Each agent's starts stay within this many minutes of their first start of the week (the roster's rule); null/absent = none. */
  startToleranceMin?: number | null
  /** Cost of one agent-hour short, in paid hours (default 100: coverage first, then cost). */
  shortfallPenaltyHours?: number
  /** The team, when the schedule is for named people: who may work when, and which shift types (people.ts). */
  people?: readonly Person[]
  /** At most this many agents on a break at any minute (pauses staggered, not stacked); null = no limit. */
  maxOnBreak?: number | null
}

/** Paid hours of one shift of the type. */
export function paidHours(type: ShiftType): number {
  return (type.lengthMin - type.breaks.filter((b) => !b.paid).reduce((sum, b) => sum + b.lengthMin, 0)) / 60
}

/** Whether a shift may start at a local minute of the day: between the earliest and latest start, on the grid. */
export function onStartGrid(rules: ScheduleRules, minute: number): boolean {
  return (
    minute >= rules.earliestStartMin &&
    minute <= rules.latestStartMin &&
    (minute - rules.earliestStartMin) % rules.startGranularityMin === 0
  )
}

/**
 * Whether a shift of `lengthMin` starting at a local minute of a weekday lies within the opening
 * hours: it starts after opening and ends by closing (always, when there are none). A shift
 * crosses midnight only into hours that go on from it: the day closes at 24:00 and the next opens
 * at 00:00 (a 24-hour operation's night shift).
 */
export function withinOpeningHours(rules: ScheduleRules, weekday: number, minute: number, lengthMin: number): boolean {
  return !rules.openingHours || withinWeekHours(rules.openingHours, weekday, minute, lengthMin)
}

/** Minutes in a week: a horizon of whole weeks wraps, its end meeting its start (see wrapsAround). */
const WEEK_MIN = 7 * 1440

/**
 * Whether a horizon of `minutes` wraps around: a whole number of weeks, so that the part of a
 * shift past its end (Sunday night into Monday) stands for the same minutes at its start — the
 * week as a pattern that repeats, as the shifts of the week before cover this Monday's early hours.
 * Other horizons clip what runs past their end.
 */
export function wrapsAround(minutes: number): boolean {
  return minutes > 0 && minutes % WEEK_MIN === 0
}

/** Stretches [from, to) of a horizon of `horizon` minutes that minutes [from, to) fall in: wrapped past the end, or clipped. */
export function stretchesIn(horizon: number, from: number, to: number): Array<[number, number]> {
  const a = Math.max(0, from)
  if (to <= horizon) return a < to ? [[a, to]] : []
  const head: Array<[number, number]> = a < horizon ? [[a, horizon]] : []
  if (!wrapsAround(horizon)) return head
  return [...head, ...stretchesIn(horizon, Math.max(0, from - horizon), to - horizon)]
}

/** Offsets from the shift's start (minutes) at which a break may start: its window on the break grid. */
export function breakOffsets(rules: ScheduleRules, rule: BreakRule): number[] {
  const step = rules.breakGranularityMin ?? 15
  const offsets: number[] = []
  for (let offset = rule.earliestMin; offset <= rule.latestMin; offset += step) offsets.push(offset)
  return offsets
}

/** Refuses rules that cannot make a schedule, naming the problem. */
export function checkRules(rules: ScheduleRules): void {
  const fail = (message: string) => {
    throw new RangeError(message)
  }
  if (rules.shiftTypes.length === 0) fail('at least one shift type is needed')
  const minutes = (name: string, value: number, max = 1440) => {
    if (!(Number.isInteger(value) && value >= 0 && value <= max)) fail(`${name} must be whole minutes between 0 and ${max} (got ${value})`)
  }
  if (!(Number.isInteger(rules.startGranularityMin) && rules.startGranularityMin >= 5))
    fail('startGranularityMin must be a whole number of minutes ≥ 5')
  minutes('earliestStartMin', rules.earliestStartMin, 1439)
  minutes('latestStartMin', rules.latestStartMin, 1439)
  if (rules.latestStartMin < rules.earliestStartMin) fail('latestStartMin must not be before earliestStartMin')
  const breakStep = rules.breakGranularityMin ?? 15
  if (!(Number.isInteger(breakStep) && breakStep >= 5)) fail('breakGranularityMin must be a whole number of minutes ≥ 5')
  if (rules.openingHours) checkWeekHours(rules.openingHours)
  if (rules.minAgentsWhileOpen !== undefined && !(rules.minAgentsWhileOpen >= 0)) fail('minAgentsWhileOpen must be ≥ 0')
  if (rules.maxAgentsPerDay != null && !(Number.isInteger(rules.maxAgentsPerDay) && rules.maxAgentsPerDay >= 0))
    fail('maxAgentsPerDay must be a whole number ≥ 0')
  if (rules.daysOffPerWeek !== undefined && !(Number.isInteger(rules.daysOffPerWeek) && rules.daysOffPerWeek >= 0 && rules.daysOffPerWeek <= 6))
    fail('daysOffPerWeek must be a whole number from 0 to 6')
  if (rules.shortfallPenaltyHours !== undefined && !(rules.shortfallPenaltyHours > 0)) fail('shortfallPenaltyHours must be > 0')
  if (rules.maxOnBreak != null && !(Number.isInteger(rules.maxOnBreak) && rules.maxOnBreak >= 1)) fail('maxOnBreak must be a whole number ≥ 1')
  if (rules.startToleranceMin != null) minutes('startToleranceMin', rules.startToleranceMin, 720)
  for (const type of rules.shiftTypes) {
    if (!(Number.isInteger(type.lengthMin) && type.lengthMin >= 60 && type.lengthMin <= 16 * 60))
      fail(`shift "${type.name}": lengthMin must be whole minutes between 60 and 960`)
    let previousEnd = 0
    for (const b of type.breaks) {
      if (!(Number.isInteger(b.lengthMin) && b.lengthMin > 0))
        fail(`break "${b.name}" of "${type.name}": lengthMin must be whole minutes > 0`)
      if (!(b.earliestMin <= b.latestMin)) fail(`break "${b.name}" of "${type.name}": earliest after latest`)
      if (b.earliestMin < previousEnd)
        fail(`break "${b.name}" of "${type.name}": its window overlaps the break before (list breaks in order, windows apart)`)
      if (b.latestMin + b.lengthMin > type.lengthMin) fail(`break "${b.name}" of "${type.name}": it can end after the shift`)
      previousEnd = b.latestMin + b.lengthMin
    }
  }
}

/** Paid hours one agent-hour short costs by default: more than any shift, so coverage comes first. */
export const DEFAULT_SHORTFALL_PENALTY = 100

/**
 * Shifts the whole horizon can hold: each of maxAgentsPerDay people works the horizon's days less
 * their days off (a week's worth per 7 days). Null when there is no limit.
 */
export function shiftCap(rules: ScheduleRules, days: number): number | null {
  if (rules.maxAgentsPerDay == null) return null
  return rules.maxAgentsPerDay * Math.max(0, days - daysOffIn(rules, days))
}

/** Days off each person has in a horizon of `days` days (a week's share: 1 a week → 0 in 2 days). */
export function daysOffIn(rules: ScheduleRules, days: number): number {
  return Math.round(((rules.daysOffPerWeek ?? 1) * days) / 7)
}
