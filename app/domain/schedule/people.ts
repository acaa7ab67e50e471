// The team a schedule is for, in the optimiser (issue 15, item 4): each person's availability
// (days and hours) and the shift types of their contract. Without it the optimiser plans for a
// head count alone and the roster leaves open whatever nobody may take. With it, a shift starts
// only where someone may take it, and each day holds at most as many shifts of each set of types
// as there are people free that day whose contract allows one of them — Hall's condition for the
// day's matching of shifts to people, exact for the types (hours within the day are checked per
// start, not matched). The week holds at most each person's free days less their days off.
import type { WeekHours } from '../opening-hours.ts'
import type { Requirements } from './model.ts'
import { availableFor, availableOn, contractAllows } from './roster.ts'
import { daysOffIn, shiftCap, type ScheduleRules } from './rules.ts'

export interface Person {
  /** Local hours per weekday (Sunday … Saturday) they can work; null/absent = any time. */
  availability?: WeekHours | null
  /** The shift types their contract allows; empty/absent = all. */
  shiftTypes?: readonly string[]
}

/** Limits on the count of each set of types above this many types: each type alone and all together. */
const ALL_SETS_UP_TO = 4

/** Whether someone on the team may take a shift of type `s` starting at a local minute of a weekday (always, without a team). */
export function someoneFor(rules: ScheduleRules, s: number, weekday: number, minute: number): boolean {
  if (!rules.people) return true
  const type = rules.shiftTypes[s]!
  return rules.people.some((p) => contractAllows(p.shiftTypes, type.name) && availableFor(p.availability, weekday, minute, type.lengthMin))
}

/** Sets of shift type indexes whose counts are limited per day. */
function typeSets(count: number): number[][] {
  const all = Array.from({ length: count }, (_, s) => s)
  if (count > ALL_SETS_UP_TO) return [...all.map((s) => [s]), all]
  const sets: number[][] = []
  for (let mask = 1; mask < 1 << count; mask++) sets.push(all.filter((s) => mask & (1 << s)))
  return sets
}

export interface DayLimit {
  day: number
  types: number[]
  max: number
}

/** Per day of the horizon and set of types: at most this many shifts of those types start that day. */
export function dayLimits(rules: ScheduleRules, requirements: Requirements): DayLimit[] {
  if (!rules.people) return []
  const out: DayLimit[] = []
  for (const [day, weekday] of weekdayOfDay(requirements)) {
    for (const types of typeSets(rules.shiftTypes.length)) {
      const max = rules.people.filter(
        (p) => availableOn(p.availability, weekday) && types.some((s) => contractAllows(p.shiftTypes, rules.shiftTypes[s]!.name)),
      ).length
      out.push({ day, types, max })
    }
  }
  return out
}

/** Shifts the horizon can hold: the rules' limit, and with a team each person's free days less their days off. */
export function weekShiftCap(rules: ScheduleRules, requirements: Requirements): number | null {
  const byDay = weekdayOfDay(requirements)
  const cap = shiftCap(rules, byDay.size)
  if (!rules.people) return cap
  const off = daysOffIn(rules, byDay.size)
  const weekdays = [...byDay.values()]
  const people = rules.people.reduce((sum, p) => sum + Math.max(0, Math.min(weekdays.filter((w) => availableOn(p.availability, w)).length, byDay.size - off)), 0)
  return cap === null ? people : Math.min(cap, people)
}

/** Each local day of the horizon with its weekday (that of its first interval). */
function weekdayOfDay(requirements: Requirements): Map<number, number> {
  const out = new Map<number, number>()
  requirements.day.forEach((day, i) => {
    if (!out.has(day)) out.set(day, requirements.weekday[i]!)
  })
  return out
}
