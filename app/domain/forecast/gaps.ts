// Gaps in one channel's history: days whose data is missing or incomplete, which must be left
// out of training and backtests like a tagged special day (no data is not zero contacts). A day
// is judged against the same weekday of the weeks around it, so a weekday the operation never
// opens (a bank's weekend) is never a gap, and a holiday nobody tagged, on which the volume fell
// to a fraction of the usual, is one.
import { dayOf, withoutDays, type DaySeries } from './series.ts'
import { daysBetween } from '../intervals.ts'

export interface HistoryGap {
  /** Local date, "YYYY-MM-DD". */
  date: string
  /**
   * `missing`: no rows at all; `partial`: rows absent in intervals where that weekday always had
   * volume (a tenth of its usual and 10 contacts or more); `low`: the day's volume under
   * `lowShare` of the usual.
   */
  kind: 'missing' | 'partial' | 'low'
  /** The day's volume. */
  total: number
  /** Median volume of the same weekday over ±windowWeeks weeks (the day and missing days aside). */
  usual: number
}

export interface GapOptions {
  /**
   * 1 per day × slot of `series` where the source had a row. Without it a day with no volume is
   * `missing` and a day with some is never `partial`.
   */
  present?: Uint8Array
  /** A day under this share of its usual volume is `low` (default 0.6). */
  lowShare?: number
  /** Weeks either side whose same weekday is the usual (default 4). */
  windowWeeks?: number
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Gaps in date order. Days already NaN throughout (left out by the caller) are not judged. */
export function findGaps(series: DaySeries, options: GapOptions = {}): HistoryGap[] {
  const { present, lowShare = 0.6, windowWeeks = 4 } = options
  const s = series.slotsPerDay
  if (present && present.length !== series.values.length) throw new RangeError('present must have one entry per day and slot of the series')
  // Per day: its volume over the slots that exist (a DST day's skipped hour is NaN), and whether
  // it can be judged (some slot is not NaN) and had any row.
  const total = new Float64Array(series.days)
  const known = new Uint8Array(series.days)
  const anyRow = new Uint8Array(series.days)
  for (let d = 0; d < series.days; d++) {
    for (let i = d * s; i < (d + 1) * s; i++) {
      const v = series.values[i]!
      if (Number.isNaN(v)) continue
      known[d] = 1
      total[d]! += v
      if (present ? present[i] === 1 : v > 0) anyRow[d] = 1
    }
  }
  const gaps: HistoryGap[] = []
  for (let d = 0; d < series.days; d++) {
    if (!known[d]) continue
    // The same weekday of the weeks around, and those of them with data.
    const around: number[] = []
    for (let k = -windowWeeks; k <= windowWeeks; k++) {
      const n = d + 7 * k
      if (k !== 0 && n >= 0 && n < series.days && known[n]) around.push(n)
    }
    const neighbours = around.filter((n) => anyRow[n])
    if (neighbours.length === 0) continue
    const usual = median(neighbours.map((n) => total[n]!))
    // A day without rows may have been closed (many sources write no row for no volume): the
    // weekday counts as open only when most days around had data, so a Saturday opened once a
    // month is no gap on the other Saturdays.
    if (!(usual > 0) || 2 * neighbours.length <= around.length) continue
    const gap = (kind: HistoryGap['kind']) => gaps.push({ date: dayOf(series, d), kind, total: total[d]!, usual })
    if (!anyRow[d]) gap('missing')
    else if (present && lacksUsualSlots(series, present, d, neighbours, usual)) gap('partial')
    else if (total[d]! < lowShare * usual) gap('low')
  }
  return gaps
}

/**
 * Whether day `d` lacks rows where its weekday always has volume, enough of it that the absence
 * is missing data rather than chance: the absent slots' usual volume (each slot's median over
 * the neighbours) is at least PARTIAL_SHARE of the day's usual and at least PARTIAL_CONTACTS.
 * Sources that write no row for a quiet interval (contacts rolled up) leave a few slots of a
 * handful of contacts empty on ordinary days; an outage of an hour or more does not look like that.
 */
function lacksUsualSlots(series: DaySeries, present: Uint8Array, d: number, neighbours: readonly number[], usual: number): boolean {
  const s = series.slotsPerDay
  let absent = 0
  for (let i = 0; i < s; i++) {
    if (present[d * s + i] === 1 || Number.isNaN(series.values[d * s + i]!)) continue
    const around = neighbours.map((n) => series.values[n * s + i]!)
    if (around.every((v) => v > 0)) absent += median(around)
  }
  return absent >= PARTIAL_CONTACTS && absent >= PARTIAL_SHARE * usual
}

/** A partial day lacks at least this share of its usual volume… */
const PARTIAL_SHARE = 0.1
/** …and at least this many contacts (nobody in slots expecting 10 happens once in 22,000 by chance). */
const PARTIAL_CONTACTS = 10

/** The series with the gaps' days marked missing (NaN), to be left out of training. */
export function withoutGaps(series: DaySeries, gaps: readonly HistoryGap[]): DaySeries {
  return withoutDays(
    series,
    gaps.map((g) => daysBetween(series.firstDay, g.date)),
  )
}

/**
 * The gaps of a history once the days already known to be left out (tagged special days, days
 * the user named, days after the data) are set aside: those are neither judged nor counted in
 * the usual of the days around them.
 */
export function gapsBeyond(series: DaySeries, leftOut: readonly string[], options: GapOptions = {}): HistoryGap[] {
  return findGaps(
    withoutDays(
      series,
      leftOut.map((day) => daysBetween(series.firstDay, day)),
    ),
    options,
  )
}
