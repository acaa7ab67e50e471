// Where the rules let anyone be on the floor at all: a minute no allowed shift covers — the start
// grid, the latest start, opening hours and shift lengths leave it out, or a break every allowed
// placement of which takes it — stays short whatever the solver does. That is a rules problem, and
// the schedule names it as one (decision 010).
import type { Requirements } from './model.ts'
import { breakOffsets, onStartGrid, stretchesIn, withinOpeningHours, type ScheduleRules } from './rules.ts'

/** A shift type that may start at an interval: on the start grid and within opening hours. */
export interface AllowedStart {
  type: number
  interval: number
}

/** Every shift the rules allow over the requirements' intervals (the model's x variables). */
export function allowedStarts(requirements: Requirements, rules: ScheduleRules): AllowedStart[] {
  const out: AllowedStart[] = []
  for (let i = 0; i < requirements.start.length; i++) {
    const minute = requirements.minute[i]!
    if (!onStartGrid(rules, minute)) continue
    rules.shiftTypes.forEach((type, s) => {
      if (withinOpeningHours(rules, requirements.weekday[i]!, minute, type.lengthMin)) out.push({ type: s, interval: i })
    })
  }
  return out
}

/** Per minute from the first interval's start: whether some allowed shift can have an agent on the floor then. */
export function reachableMinutes(requirements: Requirements, rules: ScheduleRules): boolean[] {
  const { intervalMin } = requirements
  const count = requirements.start.length * intervalMin
  const delta = new Array<number>(count + 1).fill(0)
  const add = (from: number, to: number, sign: number) => {
    for (const [a, b] of stretchesIn(count, from, to)) {
      delta[a]! += sign
      delta[b]! -= sign
    }
  }
  for (const { type: s, interval } of allowedStarts(requirements, rules)) {
    const type = rules.shiftTypes[s]!
    const t0 = interval * intervalMin
    add(t0, t0 + type.lengthMin, 1)
    // Minutes every placement of a break covers: from its last start on the grid to its earliest end.
    for (const b of type.breaks) add(t0 + Math.max(...breakOffsets(rules, b)), t0 + b.earliestMin + b.lengthMin, -1)
  }
  const reachable = new Array<boolean>(count)
  let running = 0
  for (let m = 0; m < count; m++) reachable[m] = (running += delta[m]!) > 0
  return reachable
}
