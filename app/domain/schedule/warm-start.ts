// A starting schedule for the integer program (issue 15, item 3): the LP relaxation's shifts rounded
// down — within every per-day and weekly limit the relaxation obeys — with each shift's breaks
// shared out by largest remainder, then topped up by the greedy repair. Handed to HiGHS as its
// first incumbent, it gives the branch and bound something to prune against from the start, and a
// schedule to return when the search finds nothing better in its time.
import { contributions, readSchedule, type Requirements, type ScheduleModel, type Start } from './model.ts'
import type { ScheduleRules } from './rules.ts'

/** Integer values for the model's variables: rounded relaxation, then repaired; shortfall variables set to what is left short. */
export function warmStart(
  model: ScheduleModel,
  requirements: Requirements,
  rules: ScheduleRules,
  relaxed: (name: string) => number,
): Map<string, number> {
  const rounded = roundedRelaxation(model.starts, relaxed)
  const { shifts } = readSchedule(model, requirements, rules, (name) => rounded.get(name) ?? 0)
  return solutionValues(model, requirements, rules, shifts)
}

/** The relaxation's shifts rounded down, each one's breaks shared out by largest remainder. */
export function roundedRelaxation(starts: readonly Start[], relaxed: (name: string) => number): Map<string, number> {
  const rounded = new Map<string, number>()
  for (const start of starts) {
    const count = Math.floor(relaxed(start.name) + 1e-6)
    if (count <= 0) continue
    rounded.set(start.name, count)
    for (const options of start.breaks) {
      for (const [name, value] of shareOut(count, options.map((o) => [o.name, Math.max(0, relaxed(o.name))] as const))) rounded.set(name, value)
    }
  }
  return rounded
}

/** `count` agents shared among options in proportion to their weights, by largest remainder (ties to the earlier option). */
export function shareOut(count: number, weights: ReadonlyArray<readonly [string, number]>): Map<string, number> {
  const total = weights.reduce((sum, [, w]) => sum + w, 0)
  const share = weights.map(([name, w], k) => {
    const exact = total > 0 ? (count * w) / total : k === 0 ? count : 0
    return { name, whole: Math.floor(exact + 1e-9), rest: exact - Math.floor(exact + 1e-9) }
  })
  let left = count - share.reduce((sum, s) => sum + s.whole, 0)
  for (const s of [...share].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break
    s.whole++
    left--
  }
  return new Map(share.filter((s) => s.whole > 0).map((s) => [s.name, s.whole]))
}

/**
 * A shift's start (found by the caller from its type and start) and its break offsets, with the
 * names of the variables it sets: the start's and each break's placement. A shift the model has no
 * variable for is an error: it comes from the model.
 */
export function shiftVariables(
  start: Start | undefined,
  shift: { type: string; start: number; breaks: ReadonlyArray<{ start: number }> },
  where: string,
): { start: Start; offsets: number[]; names: string[] } {
  if (!start) throw new RangeError(`no variable for a ${shift.type} shift ${where}at ${new Date(shift.start).toISOString()}`)
  const offsets = shift.breaks.map((b) => (b.start - shift.start) / 60_000)
  const names = [start.name]
  start.breaks.forEach((options, k) => {
    const option = options.find((o) => o.offset === offsets[k])
    if (!option) throw new RangeError(`no placement for break ${k + 1} of a ${shift.type} shift at offset ${offsets[k]} minutes`)
    names.push(option.name)
  })
  return { start, offsets, names }
}

/**
 * The model's variable values for a list of shifts: agents per start and per break placement, and
 * each charged row's shortfall. Shifts the model has no start for are an error: they come from it.
 */
export function solutionValues(
  model: ScheduleModel,
  requirements: Requirements,
  rules: ScheduleRules,
  shifts: ReadonlyArray<{ type: string; start: number; breaks: ReadonlyArray<{ start: number }> }>,
): Map<string, number> {
  const intervalAt = new Map(requirements.start.map((t, i) => [t, i]))
  const startOf = new Map(model.starts.map((s) => [`${rules.shiftTypes[s.type]!.name}@${s.interval}`, s]))
  const values = new Map<string, number>()
  const add = (name: string) => values.set(name, (values.get(name) ?? 0) + 1)
  const floor = new Array<number>(model.rows.start.length).fill(0)
  for (const shift of shifts) {
    const { start, offsets, names } = shiftVariables(startOf.get(`${shift.type}@${intervalAt.get(shift.start)}`), shift, 'starting ')
    for (const name of names) add(name)
    for (const [r, c] of contributions(model, requirements.intervalMin, rules, start, offsets)) floor[r]! += c
  }
  for (const r of model.charged) {
    const short = model.owed[model.rows.interval[r]!]! - floor[r]!
    if (short > 0) values.set(`u${r}`, short)
  }
  return values
}
