// The shape every forecasting method works on: one value per local day and interval of the day
// (a "slot"), days consecutive. NaN marks what must not be learned from (a special day left out
// of training, a day outside the data); 0 is a real observation (closed, or nobody called).
import { addDays, weekdayOf } from '../intervals.ts'

export interface DaySeries {
  /** Local date of the first day, "YYYY-MM-DD". */
  firstDay: string
  days: number
  slotsPerDay: number
  /** days × slotsPerDay values, day-major. */
  values: Float64Array
}

export function createSeries(firstDay: string, days: number, slotsPerDay: number, fill = 0): DaySeries {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0 (got ${days})`)
  if (!Number.isInteger(slotsPerDay) || slotsPerDay < 1) throw new RangeError(`slotsPerDay must be ≥ 1 (got ${slotsPerDay})`)
  return { firstDay, days, slotsPerDay, values: new Float64Array(days * slotsPerDay).fill(fill) }
}

export function dayOf(series: DaySeries, index: number): string {
  return addDays(series.firstDay, index)
}

/** Weekday (0 = Sunday) of each day index, computed once. */
export function weekdays(series: Pick<DaySeries, 'firstDay' | 'days'>): Uint8Array {
  const out = new Uint8Array(series.days)
  const first = weekdayOf(series.firstDay)
  for (let d = 0; d < series.days; d++) out[d] = (first + d) % 7
  return out
}

/** A day is usable for learning when none of its slots is missing. */
export function isObservedDay(series: DaySeries, day: number): boolean {
  const s = series.slotsPerDay
  for (let i = day * s; i < (day + 1) * s; i++) if (Number.isNaN(series.values[i]!)) return false
  return true
}

export function dayTotal(series: DaySeries, day: number): number {
  const s = series.slotsPerDay
  let total = 0
  for (let i = day * s; i < (day + 1) * s; i++) total += series.values[i]!
  return total
}

/** Marks whole days as missing (left out of training), returning a new series. */
export function withoutDays(series: DaySeries, days: Iterable<number>): DaySeries {
  const values = series.values.slice()
  const s = series.slotsPerDay
  for (const day of days) {
    if (day >= 0 && day < series.days) values.fill(Number.NaN, day * s, (day + 1) * s)
  }
  return { ...series, values }
}
