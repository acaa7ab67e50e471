// Deferred work (e-mail, tickets): no one waits on the line, each item must be answered within
// a response goal. Agents are sized by workload, not by a queue formula:
//   agents = work (volume × AHT) ÷ (available seconds × productivity).
// Each item's work is spread evenly over the open intervals from its arrival to its deadline
// (arrival + response goal), which meets every goal with the smoothest staffing; work that
// cannot fit (no open interval before its deadline) is carried as backlog, answered over a fresh
// response window from the next opening, and counted late. The backlog (items not yet answered)
// is reported per interval. An item's work is its arrival interval's AHT (or the plan's).
// Items whose deadline lies after the end of the plan get only the share of their window that
// lies inside it; the rest is carried over to whatever plan comes next, not counted late.

export interface DeferredInterval {
  /** Items arriving in the interval. */
  volume: number
  /** Whether agents can work in the interval (opening hours). */
  open: boolean
  /** Handle time of the items arriving in this interval; the options' AHT when absent. */
  ahtSec?: number
}

export interface DeferredOptions {
  intervalSec: number
  ahtSec: number
  responseGoalSec: number
  /** Share of logged-in time spent on items, in (0, 1]; 1 by default. */
  productivity?: number
}

export interface DeferredPlan {
  /** Agents needed per interval (fractional: the workload itself). */
  agents: number[]
  /** Items still unanswered at the end of each interval. */
  backlog: number[]
  /** Items that could not be answered within the response goal. */
  lateVolume: number
  /** Items whose work falls after the end of the plan (their deadline is later). */
  carriedOver: number
  /** Share of the items due within the plan answered in time (null with none). */
  serviceLevel: number | null
}

export function deferredStaffing(intervals: readonly DeferredInterval[], options: DeferredOptions): DeferredPlan {
  const { intervalSec, ahtSec, responseGoalSec } = options
  const productivity = options.productivity ?? 1
  if (!(intervalSec > 0) || !Number.isFinite(intervalSec)) throw new RangeError(`intervalSec must be > 0 (got ${intervalSec})`)
  if (!(ahtSec > 0) || !Number.isFinite(ahtSec)) throw new RangeError(`ahtSec must be > 0 (got ${ahtSec})`)
  if (!(responseGoalSec > 0) || !Number.isFinite(responseGoalSec)) {
    throw new RangeError(`responseGoalSec must be > 0 (got ${responseGoalSec})`)
  }
  if (!(productivity > 0 && productivity <= 1)) throw new RangeError(`productivity must be in (0, 1] (got ${productivity})`)
  intervals.forEach((interval, i) => {
    if (!(interval.volume >= 0) || !Number.isFinite(interval.volume)) {
      throw new RangeError(`volume of interval ${i} must be a finite number ≥ 0 (got ${interval.volume})`)
    }
    if (interval.ahtSec !== undefined && !(interval.ahtSec > 0 && Number.isFinite(interval.ahtSec))) {
      throw new RangeError(`ahtSec of interval ${i} must be > 0 (got ${interval.ahtSec})`)
    }
  })

  const n = intervals.length
  // Items arriving during interval i are due by the end of interval i + window − 1.
  const window = Math.max(1, Math.floor(responseGoalSec / intervalSec))
  // openBefore[i] = open intervals among 0..i−1, to count open intervals in any range in O(1).
  const openBefore = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) openBefore[i + 1] = openBefore[i]! + (intervals[i]!.open ? 1 : 0)
  const nextOpen = new Int32Array(n + 1).fill(-1)
  for (let i = n - 1; i >= 0; i--) nextOpen[i] = intervals[i]!.open ? i : nextOpen[i + 1]!

  // Items (and their work) to answer per interval, spread with difference arrays (each arrival:
  // one range).
  const spread = new Float64Array(n + 1)
  const workSpread = new Float64Array(n + 1)
  const spreadOver = (from: number, to: number, items: number, aht: number) => {
    spread[from]! += items
    spread[to + 1]! -= items
    workSpread[from]! += items * aht
    workSpread[to + 1]! -= items * aht
  }
  let lateVolume = 0
  let carriedOver = 0
  let total = 0
  for (let i = 0; i < n; i++) {
    let volume = intervals[i]!.volume
    if (volume === 0) continue
    total += volume
    const deadline = i + window - 1
    const last = Math.min(n - 1, deadline)
    const openInWindow = openBefore[last + 1]! - openBefore[i]!
    if (deadline > n - 1) {
      // Past the plan's end: this plan takes the share of the window it holds.
      const inside = (volume * (n - i)) / window
      carriedOver += volume - (openInWindow > 0 ? inside : 0)
      if (openInWindow === 0) continue
      volume = inside
    }
    const aht = intervals[i]!.ahtSec ?? ahtSec
    if (openInWindow > 0) {
      // Evenly over the open intervals of [i, last]: a per-open-interval rate on the range.
      spreadOver(i, last, volume / openInWindow, aht)
    } else {
      // No open interval before the deadline: late. It is answered from the next opening,
      // spread over a fresh response window (a Monday morning does not answer the whole weekend
      // in its first quarter hour).
      lateVolume += volume
      const first = nextOpen[Math.min(n, last + 1)]!
      if (first >= 0) {
        const end = Math.min(n - 1, first + window - 1)
        spreadOver(first, end, volume / (openBefore[end + 1]! - openBefore[first]!), aht)
      }
    }
  }

  const agents: number[] = []
  const backlog: number[] = []
  let rate = 0
  let workRate = 0
  let arrived = 0
  let answered = 0
  for (let i = 0; i < n; i++) {
    rate += spread[i]!
    workRate += workSpread[i]!
    arrived += intervals[i]!.volume
    const open = intervals[i]!.open
    answered += open ? rate : 0
    agents.push(open ? Math.max(0, workRate) / (intervalSec * productivity) : 0)
    backlog.push(Math.max(0, arrived - answered))
  }
  const due = total - carriedOver
  return { agents, backlog, lateVolume, carriedOver, serviceLevel: due > 0 ? 1 - lateVolume / due : null }
}
