// What the Staffing page shows of a plan, computed from its intervals (issue 16, item 4): the day's
// hours per plan, each interval summed over the channels shown (volume-weighted service figures),
// and the horizon read by the hour. Pure: the service gathers the plans, the page formats.
import type { LocalTime } from './intervals.ts'
import type { PlannedInterval } from './staffing-plan.ts'

export interface DayTotals {
  day: string
  /** Per plan id: scheduled hours and FTE. */
  plans: Record<number, { agentHours: number; scheduledHours: number; fte: number }>
}

export interface StaffingChartPoint extends LocalTime {
  /** Agents on the floor and scheduled in the base plan, and scheduled per scenario id. */
  floor: number
  scheduled: number
  [scenario: `s${number}`]: number
}

/** One interval of the channels shown, summed: the chart's point plus what the means need. */
export interface IntervalSums extends StaffingChartPoint {
  offered: number
  agentsFractional: number
  /** Service level, ASA and occupancy × offered where the plan has them, and their weight; the same for abandonment. */
  sl: number
  asa: number
  occ: number
  slW: number
  ab: number
  abW: number
}

/** A plan's intervals under its id (0 = the base plan, else a scenario's). */
export interface PlanIntervals {
  id: number
  intervals: readonly PlannedInterval[]
}

/** Per local day, in order of first appearance, and plan: agent-hours, scheduled hours and FTE (scheduled hours ÷ a day's contracted hours). */
export function dayTotals(plans: readonly PlanIntervals[], intervalSec: number, dayFteHours: number): DayTotals[] {
  const byDay = new Map<string, DayTotals>()
  for (const { id, intervals } of plans) {
    for (const interval of intervals) {
      let row = byDay.get(interval.day)
      if (!row) byDay.set(interval.day, (row = { day: interval.day, plans: {} }))
      const t = (row.plans[id] ??= { agentHours: 0, scheduledHours: 0, fte: 0 })
      t.agentHours += (interval.agentsFractional * intervalSec) / 3600
      t.scheduledHours += (interval.scheduledFractional * intervalSec) / 3600
      t.fte = t.scheduledHours / dayFteHours
    }
  }
  return [...byDay.values()]
}

/**
 * The intervals of the base plan summed per start (over the channels given), service figures
 * weighted by the calls offered, and each scenario's scheduled agents beside them; in time order.
 */
export function sumIntervals(base: readonly PlannedInterval[], scenarios: readonly PlanIntervals[], localTime: (start: number) => LocalTime): IntervalSums[] {
  const byStart = new Map<number, IntervalSums>()
  const point = (start: number) => {
    let p = byStart.get(start)
    if (!p) {
      p = { ...localTime(start), floor: 0, scheduled: 0, offered: 0, agentsFractional: 0, sl: 0, asa: 0, occ: 0, slW: 0, ab: 0, abW: 0 }
      byStart.set(start, p)
    }
    return p
  }
  for (const i of base) {
    const p = point(i.start)
    p.floor += i.agents
    p.scheduled += i.scheduled
    p.offered += i.offered
    p.agentsFractional += i.agentsFractional
    if (i.serviceLevel !== null && i.offered > 0) {
      p.sl += i.serviceLevel * i.offered
      p.asa += (i.asa ?? 0) * i.offered
      p.occ += (i.occupancy ?? 0) * i.offered
      p.slW += i.offered
    }
    if (i.abandonRate !== null && i.offered > 0) {
      p.ab += i.abandonRate * i.offered
      p.abW += i.offered
    }
  }
  for (const { id, intervals } of scenarios) for (const i of intervals) point(i.start)[`s${id}`] = (point(i.start)[`s${id}`] ?? 0) + i.scheduled
  return [...byStart.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p)
}

/** An interval's volume-weighted means (null where no call carried the figure). */
export function intervalMeans(p: IntervalSums): { serviceLevel: number | null; asa: number | null; occupancy: number | null; abandonRate: number | null } {
  return {
    serviceLevel: p.slW > 0 ? p.sl / p.slW : null,
    asa: p.slW > 0 ? p.asa / p.slW : null,
    occupancy: p.slW > 0 ? p.occ / p.slW : null,
    abandonRate: p.abW > 0 ? p.ab / p.abW : null,
  }
}

/** Hourly rows: volume and weights summed, agents at the hour's peak, fractional agents averaged. */
export function byHour(points: readonly IntervalSums[]): IntervalSums[] {
  const peak = (key: string) => key === 'floor' || key === 'scheduled' || /^s\d+$/.test(key)
  const groups: { point: IntervalSums; size: number }[] = []
  for (const p of points) {
    const minute = p.minute - (p.minute % 60)
    const group = groups[groups.length - 1]
    if (!group || group.point.day !== p.day || group.point.minute !== minute) {
      groups.push({ point: { ...p, minute }, size: 1 })
      continue
    }
    const target = group.point as unknown as Record<string, number>
    for (const [key, value] of Object.entries(p)) {
      if (key === 'day' || key === 'minute') continue
      target[key] = peak(key) ? Math.max(target[key] ?? 0, value as number) : (target[key] ?? 0) + (value as number)
    }
    group.size++
  }
  return groups.map(({ point, size }) => ({ ...point, agentsFractional: point.agentsFractional / size }))
}
