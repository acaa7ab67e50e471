// A schedule's coverage recounted minute by minute from its shifts, the one count the CLI, the page
// and the tests read (decision 010): whatever the solver believed, this is who is on the floor.
import { coverageTotals, floorByMinute, floorPerInterval, onBreakByMinute, owedByMinute, shortMinutes, type CoverageTotals, type ShortMinutes, type TimedShift } from './coverage.ts'
import type { Requirements } from './model.ts'
import { reachableMinutes } from './reach.ts'
import type { ScheduleRules } from './rules.ts'

export interface Recount {
  /** Per minute from the first interval's start: owed and on the floor throughout. */
  owed: number[]
  floor: number[]
  /** Per interval: the fewest on the floor in any of its minutes. */
  floorPerInterval: number[]
  /** Over the whole horizon; `short` lists intervals with a minute short. */
  totals: CoverageTotals
  short: ShortMinutes
  /** The most agents on a break at once, and the minutes with more than the rules' `maxOnBreak` (0 without a limit). */
  breaks: { most: number; overLimitMinutes: number }
}

/** `owed` per interval of `requirements` (the minimum while open applied) against `shifts` under `rules`. */
export function recount(shifts: readonly TimedShift[], requirements: Requirements, owedPerInterval: readonly number[], rules: ScheduleRules): Recount {
  const { intervalMin } = requirements
  const first = requirements.start[0] ?? 0
  const owed = owedByMinute(owedPerInterval, intervalMin)
  const floor = floorByMinute(shifts, first, owed.length)
  const onBreak = onBreakByMinute(shifts, first, owed.length)
  const limit = rules.maxOnBreak ?? Infinity
  return {
    owed,
    floor,
    floorPerInterval: floorPerInterval(floor, intervalMin),
    totals: coverageTotals(owed, floor, 1, intervalMin),
    short: shortMinutes(owed, floor, reachableMinutes(requirements, rules), first),
    breaks: { most: onBreak.reduce((a, b) => Math.max(a, b), 0), overLimitMinutes: onBreak.filter((k) => k > limit).length },
  }
}
