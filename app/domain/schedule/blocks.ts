// Decomposition of a solve (issue 15, item 3): where no allowed shift spans a boundary between two
// intervals — an operation closed overnight, say — the stretches on either side share no variable
// and no coverage row, so each can be solved as an integer program of its own. Small programs are
// what HiGHS proves optimal quickly: a week of seven days is seven days' programs, not one week's.
// A per-day limit on shifts (a head count, or the team's limits per day in people.ts) ties together
// the starts of a day, and so joins the stretches a day's starts fall in; the week's limit on shifts
// (people × working days) ties everything, and is checked on the joined solution instead (the
// solver falls back to the whole week when it binds).
import type { Requirements } from './model.ts'
import { allowedStarts } from './reach.ts'
import { wrapsAround, type ScheduleRules } from './rules.ts'

/** Intervals [from, to) of a block that can be solved on its own. */
export interface Block {
  from: number
  to: number
}

/** The blocks the horizon falls into, in time order; only those where some shift may start. */
export function independentBlocks(requirements: Requirements, rules: ScheduleRules): Block[] {
  const n = requirements.start.length
  const { intervalMin } = requirements
  // joined[j]: the boundary between intervals j − 1 and j is crossed (by a shift, or by a day's limit).
  const joined = new Array<boolean>(n + 1).fill(false)
  const join = (from: number, to: number) => {
    for (let j = from + 1; j < Math.min(to, n); j++) joined[j] = true
  }
  const hasStart = new Array<boolean>(n).fill(false)
  const dayStarts = new Map<number, { first: number; last: number }>()
  const starts = allowedStarts(requirements, rules)
  for (const { type, interval } of starts) {
    hasStart[interval] = true
    join(interval, interval + Math.ceil(rules.shiftTypes[type]!.lengthMin / intervalMin))
    const day = requirements.day[interval]!
    const seen = dayStarts.get(day)
    dayStarts.set(day, { first: Math.min(seen?.first ?? interval, interval), last: Math.max(seen?.last ?? interval, interval) })
  }
  if (rules.maxAgentsPerDay != null || rules.people) for (const { first, last } of dayStarts.values()) join(first, last + 1)
  // A week whose last shifts run on into its first hours (rules.ts, wrapsAround) is one circle: solved whole.
  const horizon = n * intervalMin
  const wraps =
    wrapsAround(horizon) &&
    starts.some(({ type, interval }) => interval * intervalMin + rules.shiftTypes[type]!.lengthMin > horizon)
  if (wraps) return [{ from: 0, to: n }]
  const blocks: Block[] = []
  let from = 0
  for (let j = 1; j <= n; j++) {
    if (j < n && joined[j]) continue
    if (hasStart.slice(from, j).some(Boolean)) blocks.push({ from, to: j })
    from = j
  }
  return blocks
}
