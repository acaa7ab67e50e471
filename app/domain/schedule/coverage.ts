// Coverage of a requirement by shifts, recounted minute by minute (decision 010): an agent counts
// in a minute only while on the floor for all of it — never a share — and each minute owes the
// requirement of the interval it lies in. Minutes short split into those no allowed shift can reach
// (a rules problem) and those the schedule left short.

import { stretchesIn } from './rules.ts'

export interface TimedShift {
  /** UTC epoch ms. */
  start: number
  end: number
  breaks: ReadonlyArray<{ start: number; end: number }>
}

const MINUTE = 60_000

/** Running sums of +1/−1 marks over minutes [from, to) of a horizon of `count` minutes (wrapped or clipped at its end). */
function tally(count: number, marks: Iterable<[from: number, to: number, sign: number]>): number[] {
  const delta = new Array<number>(count + 1).fill(0)
  for (const [from, to, sign] of marks) {
    for (const [a, b] of stretchesIn(count, from, to)) {
      delta[a]! += sign
      delta[b]! -= sign
    }
  }
  const out = new Array<number>(count)
  let running = 0
  for (let m = 0; m < count; m++) out[m] = running += delta[m]!
  return out
}

/**
 * Agents on the floor for the whole of each of `count` minutes from `first` (UTC epoch ms). A
 * horizon of whole weeks wraps: what a shift holds past its end counts at its start (rules.ts).
 */
export function floorByMinute(shifts: readonly TimedShift[], first: number, count: number): number[] {
  const minute = (t: number, round: (x: number) => number) => round((t - first) / MINUTE)
  // On the floor in the minutes the shift holds whole; off in every minute a break touches.
  return tally(
    count,
    shifts.flatMap((shift): Array<[number, number, number]> => [
      [minute(shift.start, Math.ceil), minute(shift.end, Math.floor), 1],
      ...shift.breaks.map((b): [number, number, number] => [minute(b.start, Math.floor), minute(b.end, Math.ceil), -1]),
    ]),
  )
}

/** Agents on a break in each of `count` minutes from `first` (a break counts in every minute it touches). */
export function onBreakByMinute(shifts: readonly TimedShift[], first: number, count: number): number[] {
  const minute = (t: number, round: (x: number) => number) => round((t - first) / MINUTE)
  return tally(count, shifts.flatMap((shift) => shift.breaks.map((b): [number, number, number] => [minute(b.start, Math.floor), minute(b.end, Math.ceil), 1])))
}

export interface CoverageTotals {
  /** Agent-hours owed and agent-hours of it covered. */
  owedHours: number
  coveredHours: number
  /** coveredHours ÷ owedHours: 1 exactly when no row is short (and when nothing is owed). */
  coverage: number
  /** Agent-hours above and below what is owed. */
  overHours: number
  underHours: number
  /** Indexes of intervals with a row short of what is owed. */
  short: number[]
}

/**
 * Totals of `owed` against `floor` per row of `rowMin` minutes, `rowsPerInterval` rows to an
 * interval (1: the rows are the intervals).
 */
export function coverageTotals(owed: readonly number[], floor: readonly number[], rowMin: number, rowsPerInterval = 1): CoverageTotals {
  const hours = rowMin / 60
  let owedHours = 0
  let coveredHours = 0
  let overHours = 0
  let underHours = 0
  const short: number[] = []
  owed.forEach((need, j) => {
    const have = floor[j] ?? 0
    owedHours += need * hours
    if (have > need) overHours += (have - need) * hours
    // Within a millionth of an agent is covered (requirements may carry shares of agents).
    if (need - have > 1e-6) {
      coveredHours += have * hours
      underHours += (need - have) * hours
      const interval = Math.floor(j / rowsPerInterval)
      if (short.at(-1) !== interval) short.push(interval)
    } else coveredHours += need * hours
  })
  return { owedHours, coveredHours, coverage: owedHours > 0 ? coveredHours / owedHours : 1, overHours, underHours, short }
}

/** What is short, minute by minute. */
export interface ShortMinutes {
  /** Reachable minutes (some allowed shift could be on the floor) with fewer agents than owed, and the agent-minutes missing there: left short by the solve or a hand edit. */
  shortMinutes: number
  shortAgentMinutes: number
  /** Minutes short that no allowed shift can reach — a rules problem — and the agent-minutes missing there. */
  unreachableMinutes: number
  unreachableAgentMinutes: number
  /** The unreachable minutes as stretches [start, end) (UTC epoch ms). */
  unreachable: Array<{ start: number; end: number }>
}

/**
 * Splits the minutes short of `owed` (per minute from `first`) by whether some allowed shift can
 * reach them (`reachable`, per minute; see reach.ts).
 */
export function shortMinutes(owed: readonly number[], floor: readonly number[], reachable: ArrayLike<boolean>, first: number): ShortMinutes {
  const out: ShortMinutes = { shortMinutes: 0, shortAgentMinutes: 0, unreachableMinutes: 0, unreachableAgentMinutes: 0, unreachable: [] }
  owed.forEach((need, m) => {
    const missing = need - (floor[m] ?? 0)
    if (!(missing > 1e-6)) return
    if (reachable[m]) {
      out.shortMinutes++
      out.shortAgentMinutes += missing
      return
    }
    out.unreachableMinutes++
    out.unreachableAgentMinutes += missing
    const at = first + m * MINUTE
    const last = out.unreachable.at(-1)
    if (last && last.end === at) last.end = at + MINUTE
    else out.unreachable.push({ start: at, end: at + MINUTE })
  })
  return out
}

/** Each interval's requirement owed in each of its minutes. */
export function owedByMinute(owed: readonly number[], intervalMin: number): number[] {
  return owed.flatMap((need) => new Array<number>(intervalMin).fill(need))
}

/** Per interval, the fewest agents on the floor in any of its minutes. */
export function floorPerInterval(floor: readonly number[], intervalMin: number): number[] {
  return Array.from({ length: Math.ceil(floor.length / intervalMin) }, (_, j) => Math.min(...floor.slice(j * intervalMin, (j + 1) * intervalMin)))
}
