// Break placement that staggers pauses instead of stacking them (issue 15, item 2). The solver is
// indifferent between placements that cover the same rows, and its pick often puts dozens of
// pauses in one slot where a few minutes later would do. After the solve, each break in turn moves
// within its window to the placement that adds the least shortfall and, among those, leaves the
// most agents above what is owed in the rows it takes — never a placement that adds shortfall or
// breaks the limit on agents on a break at once. Paid hours do not change; shortfall never grows.
import { breakRows, type Placement, type Requirements, type RowCounts, type ScheduleModel } from './model.ts'
import type { ScheduleRules } from './rules.ts'

/** Passes over every break; each settles most of what the next would move. */
const PASSES = 3

export function staggerBreaks(model: ScheduleModel, requirements: Requirements, rules: ScheduleRules, counts: RowCounts, placements: readonly Placement[]): void {
  const { intervalMin } = requirements
  const { rows } = model
  const { floor, onBreak } = counts
  const owedAt = (r: number) => (model.reachable[r] ? model.owed[rows.interval[r]!]! : 0)
  // A placement's cost: agent-minutes of shortfall it adds, then minus the fewest agents above need it leaves.
  const judge = (taken: readonly number[]) => {
    let added = 0
    let surplus = Infinity
    for (const r of taken) {
      const after = floor[r]! - 1 - owedAt(r)
      if (after < -1e-6) added += Math.min(1, -after) * (rows.end[r]! - rows.start[r]!)
      surplus = Math.min(surplus, after)
    }
    return { added, surplus }
  }
  const move = (taken: readonly number[], sign: 1 | -1) => {
    for (const r of taken) {
      floor[r]! -= sign
      onBreak[r]! += sign
    }
  }
  for (let pass = 0; pass < PASSES; pass++) {
    let moved = false
    for (const placement of placements) {
      placement.offsets.forEach((current, k) => {
        const here = breakRows(model, intervalMin, rules, placement.start, k, current)
        move(here, -1)
        let best = { offset: current, taken: here, ...judge(here) }
        for (const { offset } of placement.start.breaks[k]!) {
          if (offset === current) continue
          const taken = breakRows(model, intervalMin, rules, placement.start, k, offset)
          if (rules.maxOnBreak != null && taken.some((r) => onBreak[r]! >= rules.maxOnBreak!)) continue
          const score = judge(taken)
          if (score.added < best.added - 1e-9 || (Math.abs(score.added - best.added) <= 1e-9 && score.surplus > best.surplus + 1e-9))
            best = { offset, taken, ...score }
        }
        move(best.taken, 1)
        if (best.offset !== current) {
          placement.offsets[k] = best.offset
          moved = true
        }
      })
    }
    if (!moved) return
  }
}
