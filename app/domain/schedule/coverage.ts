// Coverage of a requirement by shifts: agents on the floor per interval (a shift or break that
// covers part of an interval counts for that part) and the totals a supervisor reads.

export interface TimedShift {
  /** UTC epoch ms. */
  start: number
  end: number
  breaks: ReadonlyArray<{ start: number; end: number }>
}

/** Agents on the floor in each interval starting at `starts` (consecutive, `intervalMin` long). */
export function onFloor(shifts: readonly TimedShift[], starts: readonly number[], intervalMin: number): number[] {
  const n = starts.length
  const floor = new Array<number>(n).fill(0)
  if (n === 0) return floor
  const length = intervalMin * 60_000
  const first = starts[0]!
  const add = (from: number, to: number, sign: number) => {
    const j0 = Math.max(0, Math.floor((from - first) / length))
    for (let j = j0; j < n && starts[j]! < to; j++) {
      const share = (Math.min(to, starts[j]! + length) - Math.max(from, starts[j]!)) / length
      if (share > 0) floor[j]! += sign * share
    }
  }
  for (const shift of shifts) {
    add(shift.start, shift.end, 1)
    for (const b of shift.breaks) add(b.start, b.end, -1)
  }
  // Shares add up in floating point: 0.9999999 agents is one agent.
  return floor.map((x) => Math.round(x * 1e9) / 1e9)
}

export interface CoverageTotals {
  /** Agent-hours owed and agent-hours of it covered. */
  owedHours: number
  coveredHours: number
  /** coveredHours ÷ owedHours: 1 exactly when no interval is short (and when nothing is owed). */
  coverage: number
  /** Agent-hours above and below what is owed. */
  overHours: number
  underHours: number
  /** Indexes of intervals short of what is owed. */
  short: number[]
}

export function coverageTotals(owed: readonly number[], floor: readonly number[], intervalMin: number): CoverageTotals {
  const hours = intervalMin / 60
  let owedHours = 0
  let coveredHours = 0
  let overHours = 0
  let underHours = 0
  const short: number[] = []
  owed.forEach((need, j) => {
    const have = floor[j] ?? 0
    owedHours += need * hours
    if (have > need) overHours += (have - need) * hours
    // Within a millionth of an agent is covered (shares of intervals add up in floating point).
    if (need - have > 1e-6) {
      coveredHours += have * hours
      underHours += (need - have) * hours
      short.push(j)
    } else coveredHours += need * hours
  })
  return { owedHours, coveredHours, coverage: owedHours > 0 ? coveredHours / owedHours : 1, overHours, underHours, short }
}
